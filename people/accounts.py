"""How allauth mails and logs people in on this site (settings.ACCOUNT_ADAPTER)."""

from __future__ import annotations

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from . import welcome
from .names import first_name


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Mail in the site's own name, greeting the person by first name when known.

        allauth would take the name from the Sites framework, which without a configured
        site is the host the request came in on ("Hallo van 127.0.0.1:8101!").
        """
        context = {**context, **mail_context(self.request, context.get("user"))}
        super().send_mail(template_prefix, email, context)

    def login(self, request, user) -> None:
        first = user.last_login is None
        super().login(request, user)
        if first:
            welcome.mark_first_visit(request)


def mail_context(request, user=None) -> dict:
    """What every mail template may use: the site's name and how to greet the reader."""
    host = request.get_host() if request is not None else ""
    return {
        "site_name": settings.SITE_NAME,
        "current_site": SimpleNamespace(name=settings.SITE_NAME, domain=host),
        "greeting_name": first_name(user) if user is not None else "",
    }
