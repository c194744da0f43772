"""The manager's team overview: members, their courses and completion, scenarios, activity.

``overview_queryset`` annotates everything a row needs in the database; ``member_rows``
adds each member's courses and teams with two more queries for the whole page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Case, Exists, F, FloatField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Greatest, NullIf
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from courses.models import Cohort, CoursePage, Participation
from courses.progress import percent
from people.models import Profile, Role, Team
from scenarios.models import Attempt

from .models import MemberCourseSummary
from .queries import (
    count_of,
    enrolled_course_paths,
    finished_attempts,
    lessons_done,
    lessons_with_course_path,
    max_of,
)

PER_PAGE = 50
SORTS = {
    "name": ("profile__display_name", "email"),
    "role": ("profile__role", "profile__display_name"),
    "completion": ("completion", "profile__display_name"),
    "activity": ("last_activity", "profile__display_name"),
}


class BadFilter(ValueError):
    """A filter or sort value in the query string that the page does not know."""


@dataclass(frozen=True)
class OverviewFilters:
    role: str = ""
    course: CoursePage | None = None
    team: Team | None = None
    sort: str = "name"
    descending: bool = False

    @property
    def course_id(self) -> int | None:
        return self.course.pk if self.course else None

    def query(self, **changes) -> str:
        """The filters as a query string, with ``changes`` applied (for links)."""
        params = {
            "role": self.role,
            "course": str(self.course_id or ""),
            "team": str(self.team.pk if self.team else ""),
            "sort": ("-" if self.descending else "") + self.sort,
        }
        params.update(changes)
        return urlencode({key: value for key, value in params.items() if value and value != "name"})


def pick_by_pk(options, raw: str, message: str):
    """The option whose pk is ``raw``, or BadFilter with ``message``."""
    try:
        pk = int(raw)
    except ValueError:
        raise BadFilter(message) from None
    chosen = next((option for option in options if option.pk == pk), None)
    if chosen is None:
        raise BadFilter(message)
    return chosen


def parse_filters(params, teams: list[Team], courses: list[CoursePage]) -> OverviewFilters:
    """Validate the GET parameters against what this manager may filter on."""
    role = params.get("role", "")
    if role and role not in Role.values:
        raise BadFilter(_("Unknown role in the filter."))
    course = (
        pick_by_pk(courses, params["course"], _("Unknown course in the filter."))
        if params.get("course")
        else None
    )
    team = (
        pick_by_pk(teams, params["team"], _("Unknown team in the filter."))
        if params.get("team")
        else None
    )
    sort = params.get("sort", "") or "name"
    descending = sort.startswith("-")
    sort = sort.removeprefix("-")
    if sort not in SORTS:
        raise BadFilter(_("Unknown sort order."))
    return OverviewFilters(role, course, team, sort, descending)


def courses_of(teams) -> list[CoursePage]:
    """Courses whose learning groups a member of one of these teams takes part in.

    Asked per course (does any place in it belong to a member?), which stops at the first
    member found: collecting the courses of all 20,000 members' places took 25 ms.
    """
    # The relation ``people.team_scope.members_of`` follows, joined here instead of asked as
    # a subquery of user ids: on SQLite that took 10 ms at 20,000 members, the join 0.3 ms.
    places = Participation.objects.filter(
        cohort__course=OuterRef("pk"), user__profile__teams__in=teams
    )
    return list(CoursePage.objects.filter(Exists(places)).order_by("title"))


def members_on_page(pks) -> QuerySet:
    """The members a page shows, by the ids ``sorted_member_pks`` cut from the scoped list.

    Selecting them by id alone is enough (the ids came from the manager's scope), and it
    spares the database the scope's recursive team query for 50 people.
    """
    return get_user_model().objects.filter(pk__in=list(pks))


def filtered_members(members: QuerySet, filters: OverviewFilters) -> QuerySet:
    """Keep the members the role and course filters ask for."""
    if filters.role:
        members = members.filter(profile__role=filters.role)
    if filters.course:
        members = members.filter(
            pk__in=Cohort.objects.filter(course=filters.course).values("participants")
        )
    return members


def _lesson_counts(filters: OverviewFilters) -> tuple:
    """Lessons in the member's courses and the lessons they did (two subqueries)."""
    member = OuterRef("pk")
    paths = enrolled_course_paths(OuterRef(OuterRef("pk")), filters.course_id)
    total = count_of(lessons_with_course_path().filter(course_path__in=paths))
    done = count_of(lessons_done().filter(user=member, course_path__in=paths))
    return total, done


def _completion_sort_key(filters: OverviewFilters) -> dict:
    """The share of lessons done (None: no lessons), from the members' summaries.

    The same figure as ``_completion_figures`` (``dashboards.summaries`` keeps the rows equal
    to it), read from one row per member instead of counting every member's lessons:
    sorting 20,000 people by completion counted lessons 40,000 times.
    """
    if filters.course_id is None:
        return {"completion": F("summary__completion")}
    of_course = MemberCourseSummary.objects.filter(user=OuterRef("pk"), course=filters.course_id)
    share = Cast(F("lessons_done"), FloatField()) / NullIf(
        Cast(F("lessons_total"), FloatField()), Value(0.0)
    )
    return {"completion": Subquery(of_course.annotate(share=share).values("share")[:1])}


def _completion_figures(filters: OverviewFilters) -> dict:
    """Lessons in the member's courses, lessons they did, and the share (None: no lessons)."""
    total, done = _lesson_counts(filters)
    return {
        "lessons_total": total,
        "lessons_done": done,
        "completion": Case(
            When(
                lessons_total__gt=0,
                then=Cast(F("lessons_done"), FloatField()) / Cast(F("lessons_total"), FloatField()),
            ),
            default=None,
            output_field=FloatField(),
        ),
    }


def _activity_figures() -> dict:
    """The member's last step in a scenario or last lesson marked done."""
    member = OuterRef("pk")
    last_attempt = max_of(Attempt.objects.filter(user=member), "updated_at")
    last_lesson = max_of(lessons_done().filter(user=member), "done_at")
    return {
        "last_activity": Greatest(
            Coalesce(last_attempt, last_lesson), Coalesce(last_lesson, last_attempt)
        )
    }


def _other_figures() -> dict:
    member = OuterRef("pk")
    latest_overall = (
        finished_attempts().filter(user=member).order_by("-finished_at", "-pk").values("overall")
    )
    return {
        "scenarios_finished": count_of(
            finished_attempts().filter(user=member), "page_id", distinct=True
        ),
        "shared_overall": Case(
            When(profile__share_scores_with_manager=True, then=Subquery(latest_overall[:1])),
            default=None,
        ),
    }


def _ordering(filters: OverviewFilters) -> list:
    first, tie = SORTS[filters.sort]
    primary = (
        F(first).desc(nulls_last=True) if filters.descending else F(first).asc(nulls_last=True)
    )
    return [primary, F(tie).asc(), "pk"]


def sorted_member_pks(members: QuerySet, filters: OverviewFilters) -> QuerySet:
    """These (already filtered) members' ids in page order, computing only the figure
    sorted on. The page then computes every figure for its 50 members only
    (``overview_queryset``).
    """
    if filters.sort == "completion":
        members = members.annotate(**_completion_sort_key(filters))
    elif filters.sort == "activity":
        members = members.annotate(**_activity_figures())
    return members.order_by(*_ordering(filters)).values_list("pk", flat=True)


class MemberPages(Paginator):
    """Pages of the filtered members' ids in sort order (``sorted_member_pks``).

    Counted on the filtered members alone: counting the sorted list joined what the sort
    reads (the summaries) for every one of 20,000 members, only to count them.
    """

    def __init__(self, members: QuerySet, filters: OverviewFilters):
        self._filtered = filtered_members(members, filters)
        super().__init__(sorted_member_pks(self._filtered, filters), PER_PAGE)

    @cached_property
    def count(self) -> int:
        return self._filtered.count()


def overview_queryset(members: QuerySet, filters: OverviewFilters) -> QuerySet:
    """Filter, annotate and sort the members; every figure a row shows comes from here."""
    members = filtered_members(members, filters).annotate(
        **_completion_figures(filters), **_activity_figures(), **_other_figures()
    )
    return members.order_by(*_ordering(filters)).values(
        "pk",
        "email",
        "profile__display_name",
        "profile__role",
        "profile__share_scores_with_manager",
        "lessons_total",
        "lessons_done",
        "scenarios_finished",
        "last_activity",
        "shared_overall",
    )


@dataclass(frozen=True)
class CourseCompletion:
    """One course on a member's row: lessons done of the course's lessons (as the learner's
    own pages count them: ``courses.progress``)."""

    course_id: int
    title: str
    done: int
    total: int

    @cached_property
    def percent(self) -> int:
        return percent(self.done, self.total)


@dataclass
class MemberRow:
    user_id: int
    name: str
    role: str
    role_label: str
    scenarios_finished: int
    last_activity: datetime.datetime | None
    shares_scores: bool
    latest_overall: int | None
    teams: list[str] = field(default_factory=list)
    courses: list[CourseCompletion] = field(default_factory=list)


def member_rows(values, scoped_teams: QuerySet, course_id: int | None = None) -> list[MemberRow]:
    """Turn annotated member values into rows, adding courses and teams (two queries).

    ``values`` is a page of ``overview_queryset`` (a list), or the whole queryset for
    an export; either way the extra queries select by the same members.
    """
    rows = [_row(value) for value in values]
    if not rows:
        return rows
    ids = [row.user_id for row in rows]
    by_user = {row.user_id: row for row in rows}
    for user_id, progress in course_completions(ids, course_id):
        by_user[user_id].courses.append(progress)
    teams = (
        Profile.teams.through.objects.filter(profile__user_id__in=ids, team__in=scoped_teams)
        .order_by("team__name")
        .values_list("profile__user_id", "team__name")
    )
    for user_id, name in teams:
        by_user[user_id].teams.append(name)
    return rows


def _row(value: dict) -> MemberRow:
    role = value["profile__role"] or ""
    shares = bool(value["profile__share_scores_with_manager"])
    return MemberRow(
        user_id=value["pk"],
        name=value["profile__display_name"] or value["email"],
        role=role,
        role_label=str(Role(role).label) if role in Role.values else "—",
        scenarios_finished=value["scenarios_finished"],
        last_activity=value["last_activity"],
        shares_scores=shares,
        latest_overall=value["shared_overall"] if shares else None,
    )


def course_completions(user_ids, course_id: int | None = None):
    """Yield (user id, CourseCompletion) for every course the users take part in, by title."""
    enrolments = Cohort.participants.through.objects.filter(user_id__in=user_ids)
    if course_id is not None:
        enrolments = enrolments.filter(cohort__course_id=course_id)
    course_path = OuterRef("cohort__course__path")
    rows = (
        enrolments.values("user_id", "cohort__course_id", "cohort__course__title")
        .annotate(
            total=count_of(lessons_with_course_path().filter(course_path=course_path)),
            done=count_of(lessons_done().filter(user=OuterRef("user_id"), course_path=course_path)),
        )
        .order_by("cohort__course__title", "cohort__course_id", "user_id")
    )
    seen = set()
    for row in rows:
        key = (row["user_id"], row["cohort__course_id"])
        if key in seen:
            continue
        seen.add(key)
        yield (
            row["user_id"],
            CourseCompletion(
                row["cohort__course_id"], row["cohort__course__title"], row["done"], row["total"]
            ),
        )
