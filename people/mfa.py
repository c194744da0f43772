"""Two-step verification (TOTP) for everyone who can open the Wagtail admin.

From their first visit to the admin, staff have ``STAFF_MFA_GRACE_DAYS`` to set up an
authenticator app; after that the admin sends them to set it up first. The first visit is
kept in Wagtail's history (a log entry on the user), where administrators can see it and
nobody can change it from a form.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from . import roles

FIRST_ADMIN_VISIT = "kantelwerk.first_admin_visit"


def can_reach_admin(user) -> bool:
    return roles.may_use_admin(user)


def has_totp(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def first_admin_visit(user) -> datetime:
    """When the user first opened the admin; this visit, if it is the first."""
    visit = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(user),
            object_id=str(user.pk),
            action=FIRST_ADMIN_VISIT,
        )
        .order_by("timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    if visit is None:
        visit = log(user, FIRST_ADMIN_VISIT, user=user).timestamp
    return visit


def mfa_deadline(user) -> datetime:
    """The moment from which the admin asks this user to set up TOTP first."""
    return first_admin_visit(user) + timedelta(days=settings.STAFF_MFA_GRACE_DAYS)


def must_set_up_mfa(user, now: datetime | None = None) -> bool:
    """Tell whether an admin user's grace period is over without TOTP set up."""
    if has_totp(user):
        return False
    return (now or timezone.now()) >= mfa_deadline(user)
