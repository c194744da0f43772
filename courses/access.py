"""Who may see which course, lesson and learning group.

Every course view starts with one of these lookups, so the rules live in one place:
a course's summary is public; its lessons are for participants and trainers of one of its
learning groups, or for every logged-in user when the course is open to all.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast
from django.http import Http404
from wagtail.models import Page, ReferenceIndex

from people.prepared import prepared

from .models import Cohort, CoursePage, LessonPage, Participation


def member_cohorts(user) -> QuerySet[Cohort]:
    """Learning groups the user takes part in or trains."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.filter(Q(participants=user) | Q(trainers=user)).distinct()


def courses_for_user(user) -> QuerySet[CoursePage]:
    """Live courses whose lessons the user may see."""
    courses = CoursePage.objects.live()
    if not user.is_authenticated:
        return courses.none()
    if user.is_superuser:
        return courses
    member_of = member_cohorts(user).values("course_id")
    return courses.filter(Q(open_to_all=True) | Q(pk__in=member_of))


def may_see_course(user, course: CoursePage) -> bool:
    """May the user see this course's lessons (not only its public summary)?"""
    if not user.is_authenticated:
        return False
    if user.is_superuser or course.open_to_all:
        return True
    if hasattr(course, "viewer_cohort_id"):  # already looked up (course_for_viewer)
        return course.viewer_cohort_id is not None
    return member_cohorts(user).filter(course_id=course.pk).exists()


def ancestor_paths(page: Page) -> list[str]:
    """The tree paths of the page's ancestors below the root, worked out without a query."""
    return [page.path[: Page.steplen * depth] for depth in range(2, page.depth)]


def _course_with_published_path(course_path: str, ancestors: list[str]) -> QuerySet[CoursePage]:
    return CoursePage.objects.filter(path=course_path).annotate(
        published_path=~Exists(Page.objects.filter(path__in=ancestors, live=False))
    )


@prepared
def _course_for_member(course_path: str, ancestors: list[str], user_id: int):
    newest = (
        Cohort.objects.filter(course_id=OuterRef("pk"))
        .filter(Q(participants=user_id) | Q(trainers=user_id))
        .order_by("-created_at")
    )
    trains = Cohort.trainers.through.objects.filter(
        cohort_id=OuterRef("viewer_cohort_id"), user_id=user_id
    )
    return _course_with_published_path(course_path, ancestors).annotate(
        viewer_cohort_id=Subquery(newest.values("pk")[:1]), viewer_trains=Exists(trains)
    )


def course_for_viewer(user, lesson: LessonPage) -> CoursePage | None:
    """The lesson's course, with the viewer's learning group in one query.

    ``published_path`` tells whether the course and every page above it are published: Wagtail
    routes through a draft course to its live lessons, and a draft must hide them.

    ``viewer_cohort_id`` is the newest group of this course the user takes part in or trains
    (None if none) and ``viewer_trains`` tells whether they train it.
    """
    course_path = lesson.path[: -LessonPage.steplen]
    if not user.is_authenticated:
        return (
            _course_with_published_path(course_path, ancestor_paths(lesson))
            .annotate(viewer_cohort_id=Value(None, IntegerField()), viewer_trains=Value(False))
            .first()
        )
    found = _course_for_member(
        course_path=course_path, ancestors=ancestor_paths(lesson), user_id=user.pk
    )
    return found[0] if found else None


def get_course_for_lesson(user, lesson: LessonPage) -> CoursePage:
    """Return the lesson's course with the viewer's group, or 404 if they may not see it."""
    course = course_for_viewer(user, lesson)
    if course is None or not course.published_path or not may_see_course(user, course):
        raise Http404
    return course


def get_lesson_for_user(user, pk: int) -> LessonPage:
    """Return a live lesson the user may see, or 404."""
    from .progress import live_lesson

    found = live_lesson(pk=pk)
    if not found:
        raise Http404
    get_course_for_lesson(user, found[0])
    return found[0]


@dataclass(frozen=True)
class Membership:
    """How a user belongs to a learning group. A trainer who also takes part counts as trainer."""

    cohort: Cohort
    user_id: int
    is_trainer: bool
    is_participant: bool


def find_membership(user, cohort_pk: int) -> Membership | None:
    """The user's membership of this learning group (as trainer or participant), or None.

    The one lookup for "is this user a member of this group", in one query.
    """
    if not user.is_authenticated:
        return None
    trainers = Cohort.trainers.through.objects.filter(cohort_id=OuterRef("pk"), user_id=user.pk)
    participants = Cohort.participants.through.objects.filter(
        cohort_id=OuterRef("pk"), user_id=user.pk
    )
    cohort = (
        Cohort.objects.select_related("course")
        .annotate(viewer_is_trainer=Exists(trainers), viewer_is_participant=Exists(participants))
        .filter(pk=cohort_pk)
        .first()
    )
    if cohort is None or not (cohort.viewer_is_trainer or cohort.viewer_is_participant):
        return None
    return Membership(
        cohort=cohort,
        user_id=user.pk,
        is_trainer=cohort.viewer_is_trainer,
        is_participant=cohort.viewer_is_participant,
    )


def get_membership(user, cohort_pk: int) -> Membership:
    """Return the user's membership of this learning group, or 404 for anyone outside it."""
    membership = find_membership(user, cohort_pk)
    if membership is None:
        raise Http404
    return membership


def trained_cohorts(user, cohorts: QuerySet[Cohort] | None = None) -> QuerySet[Cohort]:
    """The learning groups (of ``cohorts``) that the user trains."""
    cohorts = Cohort.objects.all() if cohorts is None else cohorts
    if not user.is_authenticated:
        return cohorts.none()
    return cohorts.filter(trainers=user)


def get_cohort_for_trainer(user, pk: int) -> Cohort:
    """Return a learning group the user trains, or 404."""
    membership = get_membership(user, pk)
    if not membership.is_trainer:
        raise Http404
    return membership.cohort


def cohort_for_course(user, course: CoursePage) -> Cohort | None:
    """The user's learning group for this course: the newest one they take part in or train."""
    if not user.is_authenticated:
        return None
    return member_cohorts(user).filter(course_id=course.pk).order_by("-created_at").first()


# --------------------------------------------------------------------------- scenario hooks


def lessons_using_scenario(page_or_pk) -> QuerySet[LessonPage]:
    """Live lessons whose body holds this scenario.

    Wagtail's reference index already records every page a lesson's scenario block chooses,
    so the lookup needs no scan of lesson bodies.
    """
    page_pk = getattr(page_or_pk, "pk", page_or_pk)
    lesson_ids = (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(Page),
            to_object_id=str(page_pk),
            content_type=ContentType.objects.get_for_model(LessonPage),
            model_path__startswith="body.scenario",
        )
        .annotate(lesson_id=Cast("object_id", IntegerField()))
        .values("lesson_id")
    )
    return LessonPage.objects.live().filter(pk__in=lesson_ids)


def courses_using_scenario(page) -> QuerySet[CoursePage]:
    """Live courses with a live lesson that holds this scenario."""
    paths = lessons_using_scenario(page).values_list("path", flat=True)
    parent_paths = {path[: -LessonPage.steplen] for path in paths}
    return CoursePage.objects.live().filter(path__in=parent_paths)


def may_play_scenario(user, page) -> bool:
    """A scenario used in a course is for those who may see that course; others are open."""
    courses = courses_using_scenario(page)
    if not courses.exists():
        return True
    return courses_for_user(user).filter(pk__in=courses.values("pk")).exists()


def trainer_sees_attempt(user, attempt) -> bool:
    """Trainers see a participant's attempts on their group's course, since they joined it.

    Not attempts on scenarios of other courses, nor those from before the participant
    joined the group: those belong to another group's trainers, or to nobody but the player.
    """
    if attempt.user_id is None:
        return False
    return Participation.objects.filter(
        cohort__trainers=user,
        cohort__course__in=courses_using_scenario(attempt.page),
        user_id=attempt.user_id,
        joined_at__lte=attempt.started_at,
    ).exists()
