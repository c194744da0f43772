"""How far a learner is in their courses.

A lesson is done when its LessonProgress row exists (see ``courses.completion``: the learner
marked it done, or finished the last of its scenarios). Everything is computed with a fixed
number of queries however many courses, lessons or group members there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, reduce
from operator import or_

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from people.prepared import prepared
from scenarios.engine import round_half_away
from scenarios.models import Attempt, PrincipleScore, ScenarioPage
from scenarios.principle_cache import all_principles

from .models import CoursePage, LessonPage, LessonProgress


def percent(done: int, total: int) -> int:
    """The share done as a whole percentage, rounded half away from zero like every figure."""
    return round_half_away(Fraction(100 * done, total)) if total else 0


@dataclass(frozen=True)
class LessonState:
    lesson: LessonPage
    number: int
    done: bool

    @cached_property
    def scenario_ids(self) -> tuple[int, ...]:
        """The scenarios the lesson's body chooses. Read when asked: the lesson page lists the
        course's other lessons without their bodies (``live_lessons_at``), and there asking
        costs a query per lesson (Django fetches the deferred body)."""
        return scenario_ids_in(self.lesson)


@dataclass(frozen=True)
class CourseProgress:
    course: CoursePage
    lessons: list[LessonState] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(1 for state in self.lessons if state.done)

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)

    @property
    def next_lesson(self) -> LessonState | None:
        """The first lesson not done yet; None when every lesson is done."""
        return next((state for state in self.lessons if not state.done), None)

    def state_of(self, lesson_pk: int) -> LessonState | None:
        return next((s for s in self.lessons if s.lesson.pk == lesson_pk), None)


def scenario_ids_in(lesson: LessonPage) -> tuple[int, ...]:
    """The scenario pages a lesson's body chooses, read from the raw data (no queries)."""
    ids = []
    for block in lesson.body.raw_data:
        if block.get("type") == "scenario":
            scenario = (block.get("value") or {}).get("scenario")
            if scenario:
                ids.append(int(scenario))
    return tuple(ids)


def distinct_scenario_ids(lessons: Iterable[LessonPage]) -> list[int]:
    """The scenario pages these lessons use, in lesson order, each once (no queries)."""
    return list(dict.fromkeys(pk for lesson in lessons for pk in scenario_ids_in(lesson)))


# What a list of a course's lessons shows of each: its title and link (and the learner's mark,
# annotated). Whole lesson pages cost most of the time a list of them takes.
LESSON_LIST_FIELDS = ("title", "slug", "url_path", "path", "depth", "live")


def _marked_for(lessons: QuerySet[LessonPage], user_id: int) -> QuerySet[LessonPage]:
    marked = LessonProgress.objects.filter(lesson=OuterRef("pk"), user_id=user_id)
    return lessons.annotate(marked_done=Exists(marked))


def _listed_lessons() -> QuerySet[LessonPage]:
    """Live lessons with what a list shows and the body (for the scenarios it chooses)."""
    return LessonPage.objects.live().only(*LESSON_LIST_FIELDS, "body")


def live_lessons(user=None) -> QuerySet[LessonPage]:
    """Live lessons, each with ``marked_done``: did this user mark it done? (no extra query)"""
    lessons = _listed_lessons()
    if user is None or not user.is_authenticated:
        return lessons.annotate(marked_done=Value(False))
    return _marked_for(lessons, user.pk)


@prepared
def _live_lessons_in(course_paths: list[str], user_id: int) -> QuerySet[LessonPage]:
    """The live lessons of the courses at these tree paths, in tree order, marked."""
    parent_path = Substr("path", 1, Length("path") - LessonPage.steplen)
    lessons = _listed_lessons().alias(parent_path=parent_path)
    return _marked_for(lessons.filter(parent_path__in=course_paths), user_id).order_by("path")


@prepared
def live_lessons_at(course_url: str, depth: int, user_id: int) -> QuerySet[LessonPage]:
    """The live lessons at ``depth`` below the page whose URL path is ``course_url``, in tree
    order, marked for the user, with only what a list of them shows (no bodies): building
    seven whole lesson pages to show one was most of the time a lesson page took to route."""
    course_path = Page.objects.filter(url_path=course_url).values("path")[:1]
    lessons = _listed_lessons().defer("body")
    lessons = lessons.filter(depth=depth, path__startswith=Subquery(course_path))
    return _marked_for(lessons, user_id).order_by("path")


@prepared
def live_lesson(pk: int) -> QuerySet[LessonPage]:
    """The live lesson with this pk, whole."""
    return LessonPage.objects.live().filter(pk=pk)


def lessons_of(courses: Iterable[CoursePage], user=None) -> dict[int, list[LessonPage]]:
    """Live lessons per course, in tree order, marked for ``user``, with one query."""
    courses = list(courses)
    result: dict[int, list[LessonPage]] = {course.pk: [] for course in courses}
    if not courses:
        return result
    by_path = {course.path: course.pk for course in courses}
    if user is not None and user.is_authenticated:
        lessons = _live_lessons_in(course_paths=sorted(by_path), user_id=user.pk)
    else:
        in_courses = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
        lessons = live_lessons(user).filter(in_courses).order_by("path")
    for lesson in lessons:
        result[by_path[lesson.path[: -LessonPage.steplen]]].append(lesson)
    return result


def finished_scenario_ids(user, scenario_ids: Iterable[int]) -> set[int]:
    """Which of these scenarios the user finished at least once (one query)."""
    wanted = set(scenario_ids)
    if not wanted or not user.is_authenticated:
        return set()
    return set(
        Attempt.objects.filter(
            user=user, page_id__in=wanted, status=Attempt.Status.FINISHED
        ).values_list("page_id", flat=True)
    )


def progress_of(course: CoursePage, lessons: list[LessonPage]) -> CourseProgress:
    """Progress in one course from its lessons, each annotated with ``marked_done``."""
    states = [
        LessonState(lesson, number, lesson.marked_done)
        for number, lesson in enumerate(lessons, start=1)
    ]
    return CourseProgress(course, states)


def course_progress(user, courses: Iterable[CoursePage]) -> dict[int, CourseProgress]:
    """Progress of ``user`` in each course, keyed by course pk (one query in all)."""
    courses = list(courses)
    lessons = lessons_of(courses, user)
    return {course.pk: progress_of(course, lessons[course.pk]) for course in courses}


@dataclass(frozen=True)
class ScenarioSummary:
    """A scenario the learner finished, with the latest finished attempt."""

    page_id: int
    title: str
    latest: Attempt
    finished_count: int


def finished_scenarios(user) -> list[ScenarioSummary]:
    """Each scenario the user finished, newest first, with the latest attempt (two queries)."""
    counts = dict(
        Attempt.objects.filter(user=user, status=Attempt.Status.FINISHED)
        .values("page_id")
        .annotate(n=Count("pk"))
        .values_list("page_id", "n")
    )
    if not counts:
        return []
    latest: dict[int, Attempt] = {}
    attempts = (
        Attempt.objects.filter(user=user, status=Attempt.Status.FINISHED)
        .select_related("page")
        .only("pk", "page_id", "overall", "finished_at", "page__title")
        .order_by("-finished_at", "-pk")
    )
    for attempt in attempts:
        latest.setdefault(attempt.page_id, attempt)
    return [
        ScenarioSummary(page_id, attempt.page.title, attempt, counts.get(page_id, 0))
        for page_id, attempt in latest.items()
    ]


@dataclass(frozen=True)
class ProfileRow:
    slug: str
    name: str
    score: int
    attempts: int


def principle_profile(user) -> list[ProfileRow]:
    """Mean score per principle over all the user's finished attempts, averaged in the DB."""
    means = {
        row["principle"]: row
        for row in PrincipleScore.objects.filter(
            attempt__user=user, attempt__status=Attempt.Status.FINISHED
        )
        .values("principle")
        .annotate(mean=Avg("score"), n=Count("attempt", distinct=True))
    }
    if not means:
        return []
    known = [(p.slug, p.display_name) for p in all_principles() if p.slug in means]
    unknown = sorted(set(means) - {slug for slug, _ in known})
    return [
        ProfileRow(slug, name, round_half_away(means[slug]["mean"]), means[slug]["n"])
        for slug, name in known + [(slug, slug) for slug in unknown]
    ]


@dataclass(frozen=True)
class ScenarioState:
    """Where the learner is with one scenario: a running attempt, the latest finished one."""

    running_pk: int | None = None
    latest_finished_pk: int | None = None
    latest_overall: int | None = None


# What lists of scenarios and a lesson's scenario block show outside its cached part (the
# part that is cached reads ``ScenarioPage.whole`` when it is rendered); not the graph. None
# of them links to the scenario page itself (a lesson starts it by pk).
SCENARIO_CARD_FIELDS = (
    "title",
    "live",
    "live_revision_id",
    "last_published_at",
    "role",
    "persona_photo_id",
)


@prepared
def _scenarios_with_attempts(scenario_ids: list[int], user_id: int) -> QuerySet[ScenarioPage]:
    mine = Attempt.objects.filter(user_id=user_id, page=OuterRef("pk"))
    mine = mine.order_by("-started_at", "-pk")
    finished = mine.filter(status=Attempt.Status.FINISHED)
    return (
        ScenarioPage.objects.filter(pk__in=scenario_ids)
        .only(*SCENARIO_CARD_FIELDS)
        .annotate(
            state_running=Subquery(mine.filter(status=Attempt.Status.PLAYING).values("pk")[:1]),
            state_finished=Subquery(finished.values("pk")[:1]),
            state_overall=Subquery(finished.values("overall")[:1]),
        )
    )


def scenarios_with_state(user, scenario_ids: Iterable[int]) -> dict[int, ScenarioPage]:
    """The scenario pages by pk, each with the user's ``state`` (a ScenarioState), in one query.

    Unpublished pages are included (a lesson shows them as "not available yet").
    """
    ids = sorted(set(scenario_ids))
    if not ids:
        return {}
    if user.is_authenticated:
        pages = _scenarios_with_attempts(scenario_ids=ids, user_id=user.pk)
    else:
        pages = ScenarioPage.objects.filter(pk__in=ids).only(*SCENARIO_CARD_FIELDS)
    result = {}
    for page in pages:
        page.state = ScenarioState(
            getattr(page, "state_running", None),
            getattr(page, "state_finished", None),
            getattr(page, "state_overall", None),
        )
        result[page.pk] = page
    return result
