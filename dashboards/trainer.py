"""What a trainer needs before the next meeting of a learning group."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Q
from wagtail.models import Revision

from courses.cohorts import group_attempts
from courses.models import (
    Cohort,
    LessonPage,
    LessonProgress,
    Reflection,
    ReflectionReply,
)
from courses.progress import distinct_scenario_ids
from people.models import listed_people
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt, AttemptChoice, ScenarioPage

from .queries import finished_attempts

TOP_CHOICES = 5


def waiting_reflections(cohorts) -> Q:
    """Reflections in these groups that no trainer of the group has answered yet."""
    trainer_replied = ReflectionReply.objects.filter(
        reflection=OuterRef("pk"),
        author__trained_cohorts=OuterRef("cohort"),
    )
    return Reflection.objects.filter(cohort__in=cohorts, hidden=False).exclude(
        Exists(trainer_replied)
    )


def course_lessons(cohort: Cohort) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(cohort.course).order_by("path"))


@dataclass
class MemberProgress:
    user_id: int
    name: str
    lessons: list[bool] = field(default_factory=list)
    scenarios: list[bool] = field(default_factory=list)

    @property
    def lessons_done(self) -> int:
        return sum(self.lessons)

    @property
    def scenarios_done(self) -> int:
        return sum(self.scenarios)


@dataclass(frozen=True)
class LessDesiredChoice:
    node_text: str
    choice_text: str
    node_key: str
    choice_key: str
    times: int
    learners: int


@dataclass(frozen=True)
class ScenarioDiscussion:
    page: ScenarioPage
    choices: list[LessDesiredChoice]


@dataclass(frozen=True)
class CohortOverview:
    cohort: Cohort
    lessons: list[LessonPage]
    scenarios: list[ScenarioPage]
    members: list[MemberProgress]
    reflections: list[Reflection]
    discussions: list[ScenarioDiscussion]


def cohort_overview(cohort: Cohort) -> CohortOverview:
    """Who finished what, what waits for an answer, and which choices to discuss."""
    lessons = course_lessons(cohort)
    participants = list(
        listed_people(cohort.participants.select_related("profile")).order_by(
            "profile__display_name", "email"
        )
    )
    attempts = group_attempts(cohort)
    linked = distinct_scenario_ids(lessons)
    played = set(
        attempts.filter(status=Attempt.Status.FINISHED).values_list("page_id", flat=True).distinct()
    )
    pages = {page.pk: page for page in ScenarioPage.objects.filter(pk__in=set(linked) | played)}
    order = [pk for pk in linked if pk in pages] + sorted(
        (pk for pk in pages if pk not in linked), key=lambda pk: pages[pk].title
    )
    scenarios = [pages[pk] for pk in order]

    lessons_done = set(
        LessonProgress.objects.filter(user__in=participants, lesson__in=lessons).values_list(
            "user_id", "lesson_id"
        )
    )
    finished = set(
        finished_attempts()
        .filter(pk__in=attempts.values("pk"), page__in=scenarios)
        .values_list("user_id", "page_id")
        .distinct()
    )
    members = [
        MemberProgress(
            user.pk,
            getattr(getattr(user, "profile", None), "display_name", "") or user.email,
            [(user.pk, lesson.pk) in lessons_done for lesson in lessons],
            [(user.pk, page.pk) in finished for page in scenarios],
        )
        for user in participants
    ]
    reflections = list(
        waiting_reflections([cohort])
        .select_related("author__profile", "lesson")
        .order_by("-created_at")[:50]
    )
    return CohortOverview(
        cohort,
        lessons,
        scenarios,
        members,
        reflections,
        less_desired_choices(attempts, scenarios),
    )


def less_desired_choices(attempts, scenarios: list[ScenarioPage]) -> list[ScenarioDiscussion]:
    """Per scenario the choices most often labelled less desired, with their texts."""
    rows = list(
        AttemptChoice.objects.filter(
            attempt__in=attempts.filter(page__in=scenarios), quality="less_desired"
        )
        .values("attempt__page_id", "node_key", "choice_key")
        .annotate(
            times=Count("pk"),
            learners=Count("attempt__user", distinct=True),
            revision_id=Max("attempt__revision_id"),
        )
        .order_by("attempt__page_id", "-times", "node_key", "choice_key")
    )
    revisions = Revision.objects.in_bulk({row["revision_id"] for row in rows})
    per_page: dict[int, list[LessDesiredChoice]] = defaultdict(list)
    for row in rows:
        choices = per_page[row["attempt__page_id"]]
        if len(choices) >= TOP_CHOICES:
            continue
        node_text = choice_text = ""
        revision = revisions.get(row["revision_id"])
        if revision is not None:
            node = scenario_for_revision(revision).node(row["node_key"])
            choice = node.choice(row["choice_key"]) if node else None
            node_text = node.text if node else ""
            choice_text = choice.text if choice else ""
        choices.append(
            LessDesiredChoice(
                node_text,
                choice_text,
                row["node_key"],
                row["choice_key"],
                row["times"],
                row["learners"],
            )
        )
    return [ScenarioDiscussion(page, per_page[page.pk]) for page in scenarios]
