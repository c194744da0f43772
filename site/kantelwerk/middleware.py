from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from people import mfa, roles


class ContentSecurityPolicyMiddleware:
    """Send the site's strict policy, or the admin's looser one under the admin prefix.

    Wagtail renders a page's preview by running a made-up request for the page's own URL
    through the middleware (``request.is_preview``); that response is framed by the editor,
    so it gets the site's policy with ``frame-ancestors 'self'`` instead of ``'none'``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            if getattr(request, "is_preview", False):
                policy = settings.CSP_PREVIEW
            elif request.path.startswith(settings.CSP_ADMIN_PREFIX):
                policy = settings.CSP_ADMIN
            else:
                policy = settings.CSP_SITE
            response["Content-Security-Policy"] = policy
        return response


class UploadLimitsMiddleware:
    """Hold every POST to Django's default limits, except the admin's for its own users.

    Django reads DATA_UPLOAD_MAX_NUMBER_FIELDS and DATA_UPLOAD_MAX_MEMORY_SIZE once for all
    requests, and the Wagtail editor needs far more than its defaults: the largest scenario
    it can save posts over 100,000 fields. So the settings are sized for the editor, and this
    middleware refuses any other POST that is larger than SITE_UPLOAD_MAX_NUMBER_FIELDS or
    SITE_UPLOAD_MAX_MEMORY_SIZE before Django parses it. The site's forms have no files.
    Place it after AuthenticationMiddleware and before anything that reads request.POST.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not self._may_post_large_forms(request):
            self._check_site_limits(request)
        return self.get_response(request)

    @staticmethod
    def _may_post_large_forms(request) -> bool:
        return request.path.startswith(settings.CSP_ADMIN_PREFIX) and roles.may_use_admin(
            request.user
        )

    @staticmethod
    def _check_site_limits(request) -> None:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > settings.SITE_UPLOAD_MAX_MEMORY_SIZE:
            raise RequestDataTooBig("The request body is larger than this page accepts.")
        if request.content_type == "application/x-www-form-urlencoded":
            separator = b"&"
        elif request.content_type == "multipart/form-data":
            separator = b"--" + request.content_params.get("boundary", "").encode()
        else:
            return
        body = request.body  # Django parses the form from this copy afterwards
        if len(body) > settings.SITE_UPLOAD_MAX_MEMORY_SIZE:
            raise RequestDataTooBig("The request body is larger than this page accepts.")
        if body.count(separator) > settings.SITE_UPLOAD_MAX_NUMBER_FIELDS + 1:
            raise TooManyFieldsSent("The request has more fields than this page accepts.")


class StaffMfaMiddleware:
    """Send admin users whose grace period is over to set up two-step verification first.

    people.mfa holds the rule; README states the grace period. Logging out stays possible.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            path.startswith(settings.CSP_ADMIN_PREFIX)
            and path != settings.CSP_ADMIN_PREFIX + "logout/"
            and mfa.can_reach_admin(request.user)
            and mfa.must_set_up_mfa(request.user)
        ):
            messages.warning(
                request,
                _(
                    "The admin holds the work and the learning groups of many people, so it "
                    "asks for two-step verification. Set up an authenticator app on your "
                    "phone now; after that you sign in with your password and a code from "
                    "the app."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
