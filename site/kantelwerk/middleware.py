from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Send the site's strict policy, or the admin's looser one under the admin prefix."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith(settings.CSP_ADMIN_PREFIX)
            response["Content-Security-Policy"] = settings.CSP_ADMIN if admin else settings.CSP_SITE
        return response
