"""Which teams and members a manager sees: the teams they manage and every team nested
below them (in the same organisation), never another team.

Every manager view (the dashboards, and the completions page of accreditation) starts from
one of these scoped querysets, so the rule lives in one place, below every app.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404

from .models import Profile, Team


def _subtree_sql(seed_sql: str) -> str:
    """Return SQL selecting the ids of the seed teams and all teams nested below them.

    A recursive CTE walks any depth in one query; UNION (not UNION ALL) drops rows already
    seen, so even a cycle of parents ends. A sub-team must share its parent's organisation.
    """
    team = Team._meta.db_table
    return (
        f"WITH RECURSIVE scoped_tree(id, organisation_id) AS ("  # noqa: S608 — table names only
        f" {seed_sql}"
        f" UNION"
        f" SELECT child.id, child.organisation_id FROM {team} child"
        f" JOIN scoped_tree ON child.parent_id = scoped_tree.id"
        f" AND child.organisation_id = scoped_tree.organisation_id"
        f") SELECT id FROM scoped_tree"
    )


def teams_for_manager(user) -> QuerySet[Team]:
    """The teams the user manages plus all their sub-teams, at any depth (lazy, one query)."""
    if not user.is_authenticated:
        return Team.objects.none()
    team = Team._meta.db_table
    managed = Profile.managed_teams.through._meta.db_table
    profile = Profile._meta.db_table
    seed = (
        f"SELECT t.id, t.organisation_id FROM {team} t"  # noqa: S608 — table names only
        f" JOIN {managed} m ON m.team_id = t.id"
        f" JOIN {profile} p ON p.id = m.profile_id"
        f" WHERE p.user_id = %s"
    )
    return Team.objects.filter(pk__in=RawSQL(_subtree_sql(seed), [user.pk]))  # noqa: S611


def subtree_of(team: Team) -> QuerySet[Team]:
    """The team and every team nested below it (lazy, one query)."""
    seed = f"SELECT t.id, t.organisation_id FROM {Team._meta.db_table} t WHERE t.id = %s"  # noqa: S608
    return Team.objects.filter(pk__in=RawSQL(_subtree_sql(seed), [team.pk]))  # noqa: S611


def members_of(teams: QuerySet[Team]):
    """Users who are a member of one of these teams (lazy)."""
    member_ids = Profile.objects.filter(teams__in=teams).values("user_id")
    return get_user_model().objects.filter(pk__in=member_ids)


def members_for_manager(user, team: Team | None = None):
    """Users in the manager's teams, or in ``team`` and its sub-teams when given.

    ``team`` must come from ``teams_for_manager(user)``: callers validate it first.
    """
    teams = subtree_of(team) if team is not None else teams_for_manager(user)
    return members_of(teams)


def get_teams_for_manager(user) -> list[Team]:
    """Return the manager's teams, or 404 for anyone who manages no team."""
    teams = list(teams_for_manager(user).select_related("organisation"))
    if not teams:
        raise Http404
    return teams
