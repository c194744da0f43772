"""Doors of the admin that depend on the role: the login, and site-wide reports."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.auth import require_admin_access, user_passes_test
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from . import roles


def admin_login(request):
    """Send visitors to the site's login; tell a logged-in learner the admin is not for them.

    Wagtail sends everyone without admin access here. Sending a logged-in learner on to the
    login page would bring them straight back: the login passes logged-in users on to ``next``.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.GET.get("next", "/admin/"))
    if roles.may_use_admin(request.user):
        target = request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(target, {request.get_host()})
        return redirect(target if safe and target else "wagtailadmin_home")
    return render(request, "people/admin_refused.html", status=403)


def _content_leads_only(view):
    return require_admin_access(user_passes_test(roles.sees_whole_site)(view))


site_history = _content_leads_only(LogEntriesView.as_view())
site_history_results = _content_leads_only(LogEntriesView.as_view(results_only=True))
