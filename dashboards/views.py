"""Dashboards on the site: a manager's team overview and growth, a trainer's overview."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import InvalidPage
from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from courses.access import get_cohort_for_trainer, trained_cohorts
from courses.closing_test.group import group_results
from people import roles
from people.models import Role, listed_people
from people.names import display_name
from people.team_scope import get_teams_for_manager, members_of, subtree_of
from people.workbooks import (
    About,
    Month,
    Sheet,
    csv_response,
    export_filename,
    xlsx_response,
)
from scenarios.qualities import Quality
from scenarios.radar import render_radar

from .growth import MIN_CONTRIBUTORS, QUALITIES, Growth, team_growth
from .overview import (
    BadFilter,
    MemberPages,
    OverviewFilters,
    courses_of,
    member_rows,
    members_on_page,
    overview_queryset,
    parse_filters,
    pick_by_pk,
)
from .trainer import cohort_overview, waiting_reflections


def _bad_request(request, message: str):
    return render(request, "dashboards/bad_filter.html", {"message": message}, status=400)


def _overview(request):
    """Scope and validate the overview (shared by the page and exports).

    Returns the manager's teams, their members' courses, the filters and the members in
    scope (the chosen team and its sub-teams, or all the manager's teams).
    """
    teams = get_teams_for_manager(request.user)
    courses = courses_of(teams)
    filters = parse_filters(request.GET, teams, courses)
    members = members_of(subtree_of(filters.team)) if filters.team else members_of(teams)
    return teams, courses, filters, listed_people(members)


@login_required
def team_overview(request):
    try:
        teams, courses, filters, members = _overview(request)
    except BadFilter as error:
        return _bad_request(request, str(error))
    # Page first on the sorted ids, then compute every figure for those 50 members only
    # instead of for the whole organisation.
    paginator = MemberPages(members, filters)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return _bad_request(request, _("This page of the overview does not exist."))
    values = list(overview_queryset(members_on_page(page.object_list), filters))
    rows = member_rows(values, teams, filters.course_id)
    context = {
        "teams": teams,
        "courses": courses,
        "roles": Role.choices,
        "filters": filters,
        "page": page,
        "rows": rows,
        "sort_links": _sort_links(filters),
        "sort_options": _sort_options(),
        "current_sort": ("-" if filters.descending else "") + filters.sort,
        "query": filters.query(),
    }
    return render(request, "dashboards/team_overview.html", context)


def _sort_options() -> list[tuple[str, str]]:
    return [
        ("name", _("Name (A–Z)")),
        ("-name", _("Name (Z–A)")),
        ("role", _("Role")),
        ("completion", _("Completion, lowest first")),
        ("-completion", _("Completion, highest first")),
        ("activity", _("Last activity, longest ago first")),
        ("-activity", _("Last activity, most recent first")),
    ]


def _sort_links(filters: OverviewFilters) -> dict[str, dict]:
    """For each sortable column: the query that sorts by it, and its current direction."""
    links = {}
    for key in ("name", "role", "completion", "activity"):
        current = filters.sort == key
        descending = not filters.descending if current else key in ("completion", "activity")
        links[key] = {
            "query": filters.query(sort=("-" if descending else "") + key),
            "aria": ("descending" if filters.descending else "ascending") if current else "none",
        }
    return links


def overview_sheet(rows) -> Sheet:
    header = [
        _("Name"),
        _("Role"),
        _("Teams"),
        _("Course"),
        _("Lessons done"),
        _("Lessons in course"),
        _("Completion (%)"),
        _("Scenarios finished"),
        _("Last activity"),
        _("Latest overall score (shared)"),
    ]
    lines = []
    for row in rows:
        base = [row.name, row.role_label, ", ".join(row.teams)]
        tail = [row.scenarios_finished, row.last_activity, row.latest_overall]
        for course in row.courses or [None]:
            if course is None:
                lines.append(base + ["", "", "", ""] + tail)
            else:
                figures = [course.title, course.done, course.total, course.percent]
                lines.append(base + figures + tail)
    return Sheet(_("Team overview"), header, lines)


def _scope_name(teams, team) -> str:
    """The team a download is about, or the manager's teams together."""
    if team is not None:
        return team.name
    return ", ".join(t.name for t in teams)


def _made(request) -> list[tuple[str, object]]:
    now = timezone.localtime().replace(microsecond=0, tzinfo=None)
    return [(_("Made on"), now), (_("Made by"), display_name(request.user))]


def overview_about(request, teams, filters: OverviewFilters) -> About:
    roles_by_value = dict(Role.choices)
    return About(
        title=_("Team overview"),
        lines=[
            (_("Team"), _scope_name(teams, filters.team)),
            (_("Role"), capfirst(roles_by_value[filters.role]) if filters.role else _("All roles")),
            (_("Course"), filters.course.title if filters.course else _("All courses")),
            (
                _("Period"),
                _("Everything up to and including %(day)s")
                % {"day": date_format(timezone.localdate())},
            ),
            *_made(request),
            (
                _("Privacy"),
                _(
                    "The latest overall score is shown only for members who share their "
                    "scores with their manager; for the others the cell is empty."
                ),
            ),
        ],
    )


def _overview_filename(teams, filters: OverviewFilters) -> str:
    """Named after the chosen team; for several, after their organisation when they share one."""
    if filters.team or len(teams) == 1:
        return export_filename(_("team"), (filters.team or teams[0]).name, _("overview"))
    organisations = {team.organisation for team in teams}
    scope = organisations.pop().name if len(organisations) == 1 else _("teams")
    return export_filename(scope, _("team overview"))


@login_required
def team_overview_export(request, fmt: str):
    try:
        teams, _courses, filters, members = _overview(request)
    except BadFilter as error:
        return _bad_request(request, str(error))
    rows = member_rows(overview_queryset(members, filters), teams, filters.course_id)
    sheets = [overview_sheet(rows)]
    filename = _overview_filename(teams, filters)
    if fmt == "xlsx":
        return xlsx_response(filename, sheets, overview_about(request, teams, filters))
    return csv_response(filename, sheets)


def _growth(request):
    teams = get_teams_for_manager(request.user)
    raw = request.GET.get("team", "")
    team = pick_by_pk(teams, raw, _("Unknown team in the filter.")) if raw else teams[0]
    return teams, team, team_growth(members_of(subtree_of(team)))


@login_required
def team_growth_view(request):
    try:
        teams, team, growth = _growth(request)
    except BadFilter as error:
        return _bad_request(request, str(error))
    context = {
        "teams": teams,
        "team": team,
        "growth": growth,
        "min_contributors": MIN_CONTRIBUTORS,
        "radar": _growth_radar(growth) if growth.enough and growth.profile else "",
        "timeline_max": max((n for _m, n in growth.timeline if n is not None), default=0),
    }
    return render(request, "dashboards/team_growth.html", context)


def _growth_radar(growth: Growth) -> str:
    svg = render_radar(
        [(row.label, row.latest) for row in growth.profile],
        title=_("Team profile per principle"),
        compare=[(row.label, row.first) for row in growth.profile],
        labels=(_("Latest attempts"), _("First attempts")),
    )
    return mark_safe(svg)  # noqa: S308 — render_radar escapes every label it draws


def growth_sheets(growth: Growth) -> list[Sheet]:
    """The growth figures as sheets; scores only when enough members contribute."""
    quality_names = dict(Quality.choices)
    timeline = Sheet(
        _("Attempts per month"),
        [_("Month"), _("Finished attempts")],
        [(Month.of(month), n) for month, n in growth.timeline],
    )
    if not growth.enough:
        return [timeline]
    profile = Sheet(
        _("Team profile"),
        [_("Principle"), _("First attempts"), _("Latest attempts"), _("Change")],
        [(row.name, row.first, row.latest, row.change) for row in growth.profile],
    )
    header = [_("Month")]
    for quality in QUALITIES:
        header += [quality_names[quality], f"{quality_names[quality]} (%)"]
    quality = Sheet(
        _("Choices per month"),
        header,
        [
            [Month.of(month.month)]
            + (
                [""] * (2 * len(QUALITIES))
                if month.hidden
                else [value for _q, count, share in month.shares for value in (count, share)]
            )
            for month in growth.quality
        ],
    )
    return [profile, timeline, quality]


@login_required
def team_growth_export(request, fmt: str):
    try:
        _teams, team, growth = _growth(request)
    except BadFilter as error:
        return _bad_request(request, str(error))
    sheets = growth_sheets(growth)
    filename = export_filename(_("team"), team.name, _("growth"))
    if fmt == "xlsx":
        return xlsx_response(filename, sheets, growth_about(request, team, growth))
    return csv_response(filename, sheets)


def _month_name(month) -> str:
    return date_format(month, "F Y")


def growth_about(request, team, growth: Growth) -> About:
    months = [month for month, _n in growth.timeline]
    period = (
        _("%(first)s to %(last)s")
        % {"first": _month_name(months[0]), "last": _month_name(months[-1])}
        if months
        else _("No finished attempts yet")
    )
    return About(
        title=_("Growth of the team"),
        lines=[
            (_("Team"), _("%(team)s, with its sub-teams") % {"team": team.name}),
            (_("Role"), _("All roles")),
            (_("Period"), period),
            *_made(request),
            (
                _("Privacy"),
                _(
                    "A figure that fewer than %(n)s members contribute to is hidden: its cells "
                    "are empty. Scores are only given when at least %(n)s members played."
                )
                % {"n": MIN_CONTRIBUTORS},
            ),
        ],
    )


@login_required
def trainer_overview(request):
    cohorts = list(
        trained_cohorts(request.user)
        .select_related("course")
        .annotate(
            participant_count=Count("participants", distinct=True),
        )
        .order_by("-starts_on", "name")
    )
    if not cohorts and not roles.is_trainer(request.user):
        raise Http404
    waiting = dict(
        waiting_reflections(cohorts)
        .values_list("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )
    for cohort in cohorts:
        cohort.waiting_count = waiting.get(cohort.pk, 0)
    return render(request, "dashboards/trainer_overview.html", {"cohorts": cohorts})


@login_required
def trainer_cohort(request, pk: int):
    cohort = get_cohort_for_trainer(request.user, pk)
    overview = cohort_overview(cohort)
    discussions = [
        (discussion, reverse("cohort-debrief", args=[cohort.pk, discussion.page.pk]))
        for discussion in overview.discussions
    ]
    context = {
        "cohort": cohort,
        "overview": overview,
        "discussions": discussions,
        "reflections_url": reverse("cohort-reflections", args=[cohort.pk]),
        "lesson_total": len(overview.lessons),
        "scenario_total": len(overview.scenarios),
        # Passed or not per member; never answers or the number right.
        "test_results": group_results(
            overview.lessons, [(member.user_id, member.name) for member in overview.members]
        ),
    }
    return render(request, "dashboards/trainer_cohort.html", context)
