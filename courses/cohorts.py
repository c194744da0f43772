"""The mix of roles in a learning group: the courses are meant for mixed groups."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import ngettext

from people.models import Role
from scenarios.models import Attempt

from .models import Participation


def group_attempts(cohort) -> QuerySet[Attempt]:
    """The attempts that are a learning group's: played by a participant since they joined it,
    and not before the group started. Every group figure (trainer overview, debrief) counts
    these; what someone played before is theirs, not the group's."""
    joined_before = Participation.objects.filter(
        cohort=cohort, user=OuterRef("user"), joined_at__lte=OuterRef("started_at")
    )
    attempts = Attempt.objects.filter(Exists(joined_before))
    if cohort.starts_on:
        attempts = attempts.filter(started_at__date__gte=cohort.starts_on)
    return attempts


def count_label(role: str, count: int) -> str:
    """'6 professionals', '1 volunteer', '0 civil servants'."""
    if role == Role.PROFESSIONAL:
        text = ngettext("%(count)d professional", "%(count)d professionals", count)
    elif role == Role.VOLUNTEER:
        text = ngettext("%(count)d volunteer", "%(count)d volunteers", count)
    else:
        text = ngettext("%(count)d civil servant", "%(count)d civil servants", count)
    return text % {"count": count}


@dataclass(frozen=True)
class RoleGroup:
    role: str
    label: str
    members: list

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def count_label(self) -> str:
        return count_label(self.role, self.count)


@dataclass(frozen=True)
class RoleMix:
    groups: list[RoleGroup]
    unknown: list

    @property
    def missing(self) -> list[RoleGroup]:
        """The roles nobody in the group has."""
        return [group for group in self.groups if not group.members]

    @property
    def summary(self) -> str:
        return ", ".join(group.count_label for group in self.groups)

    @property
    def missing_labels(self) -> str:
        return ", ".join(group.label for group in self.missing)


def role_mix(members) -> RoleMix:
    """Group participants (users with their profile loaded) by role, in the order of Role."""
    by_role: dict[str, list] = {role.value: [] for role in Role}
    unknown = []
    for user in members:
        role = getattr(getattr(user, "profile", None), "role", "")
        by_role.get(role, unknown).append(user)
    groups = [RoleGroup(role.value, str(role.label), by_role[role.value]) for role in Role]
    return RoleMix(groups, unknown)
