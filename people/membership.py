"""Joining an organisation and its teams: asked by the person, decided by its administrator.

A manager sees figures of their teams' members. If anyone could join a team, a manager
could fill it with accounts of their own and work out one real member's scores by
subtraction. So membership is only ever granted here, by an administrator of that
organisation who does not manage the team in question, and never by the person themself.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import MembershipRequest, Organisation, Profile, Team


def organisation_for_code(code: str) -> Organisation | None:
    code = code.strip()
    return Organisation.objects.filter(join_code=code).first() if code else None


def ask_to_join(user, organisation: Organisation, role: str = "") -> MembershipRequest:
    """Record (once) that ``user`` asks to join ``organisation``, in ``role`` if given.

    Nothing is granted yet. Asking again while a request waits changes the role asked for.
    """
    request, _created = MembershipRequest.objects.get_or_create(
        user=user, organisation=organisation, status=MembershipRequest.Status.PENDING
    )
    if role and request.role != role:
        request.role = role
        request.save(update_fields=["role"])
    return request


def waiting_requests(user) -> QuerySet[MembershipRequest]:
    return MembershipRequest.objects.filter(
        user=user, status=MembershipRequest.Status.PENDING
    ).select_related("organisation")


def requests_for_administrator(user) -> QuerySet[MembershipRequest]:
    """The requests this user may decide: for organisations they administer, not their own."""
    requests = MembershipRequest.objects.select_related("user__profile", "organisation", "team")
    if not user.is_authenticated:
        return requests.none()
    if user.is_superuser:
        return requests
    return requests.filter(organisation__administrators=user).exclude(user=user)


def may_decide(user, request: MembershipRequest, team: Team | None = None) -> bool:
    """May ``user`` approve ``request`` into ``team``? Not if they manage that team."""
    if not requests_for_administrator(user).filter(pk=request.pk).exists():
        return False
    if team is None or user.is_superuser:
        return True
    return not Profile.objects.filter(user=user, managed_teams__in=_team_and_parents(team)).exists()


def _team_and_parents(team: Team) -> list[Team]:
    chain, seen = [], set()
    while team is not None and team.pk not in seen:
        chain.append(team)
        seen.add(team.pk)
        team = team.parent
    return chain


class NotAllowed(PermissionError):
    """The user may not decide this request (or not into this team)."""


@transaction.atomic
def decide(by, request: MembershipRequest, *, approve: bool, team: Team | None = None) -> None:
    """Approve (joining the organisation, and ``team`` when given) or refuse the request."""
    if request.status != MembershipRequest.Status.PENDING:
        raise NotAllowed("already decided")
    if team is not None and team.organisation_id != request.organisation_id:
        raise NotAllowed("team of another organisation")
    if not may_decide(by, request, team):
        raise NotAllowed("not an administrator of this organisation, or manages the team")
    request.status = (
        MembershipRequest.Status.APPROVED if approve else MembershipRequest.Status.REFUSED
    )
    request.team = team
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save()
    if approve:
        profile = request.user.profile
        profile.organisation = request.organisation
        profile.role = request.role or profile.role
        profile.save(update_fields=["organisation", "role"])
        if team is not None:
            profile.teams.add(team)
