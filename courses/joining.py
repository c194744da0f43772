"""Joining a learning group by invitation link, also for a visitor who still signs up."""

from __future__ import annotations

import enum

from .access import find_membership
from .models import Cohort

PENDING_INVITE_KEY = "courses_pending_invite"


class InviteProblem(enum.Enum):
    UNKNOWN = 404  # never existed, or the trainer renewed the link
    EXPIRED = 410


class InviteNotValid(Exception):
    def __init__(self, problem: InviteProblem):
        super().__init__(problem.name)
        self.problem = problem


def cohort_for_invite(code: str) -> Cohort:
    """Return the learning group this invitation code opens, or raise InviteNotValid."""
    cohort = Cohort.objects.select_related("course").filter(invite_code=code).first()
    if cohort is None:
        raise InviteNotValid(InviteProblem.UNKNOWN)
    if not cohort.invite_is_open:
        raise InviteNotValid(InviteProblem.EXPIRED)
    return cohort


def join_cohort(user, cohort: Cohort) -> bool:
    """Add the user as a participant; return False when they already belonged to the group."""
    if find_membership(user, cohort.pk) is not None:
        return False
    cohort.participants.add(user)
    return True


def remember_invite(session, code: str) -> None:
    """Keep the code for a visitor who still has to sign up (see join_after_signup)."""
    session[PENDING_INVITE_KEY] = code


def join_after_signup(request, user, **kwargs) -> Cohort | None:
    """Let a new account join the group whose invitation brought them to sign-up.

    Connected to allauth's ``user_signed_up`` signal.
    """
    code = request.session.pop(PENDING_INVITE_KEY, None) if request is not None else None
    if not code:
        return None
    try:
        cohort = cohort_for_invite(code)
    except InviteNotValid:
        return None
    join_cohort(user, cohort)
    return cohort
