"""Keep ``MemberCourseSummary`` equal to what ``courses.progress`` counts.

A member's row for a course holds the course's live lessons and the live lessons of it the
member has done (a ``LessonProgress``), for each course whose learning group the member takes
part in. ``refresh`` recounts them for some members or some courses from the lessons
themselves, in a few queries however many members: the same counting as the pages, so the
summary can only be late (never differently defined), and ``signals`` makes sure it is not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models import Sum
from wagtail.models import Page

BATCH = 2_000


def _models(apps):
    return (
        apps.get_model("courses", "Participation"),
        apps.get_model("courses", "LessonPage"),
        apps.get_model("courses", "LessonProgress"),
        apps.get_model("dashboards", "MemberCourseSummary"),
        apps.get_model("dashboards", "MemberSummary"),
    )


def refresh(
    *,
    user_ids: Iterable[int] | None = None,
    course_ids: Iterable[int] | None = None,
    apps=global_apps,
) -> int:
    """Recount the summaries of these members, or of these courses (both None: everyone).

    Returns the number of course rows written. Rows of a member no longer in a course go;
    each member touched gets their one row summed anew (``MemberSummary``).
    """
    Participation, LessonPage, LessonProgress, Summary, MemberSummary = _models(apps)
    enrolments = Participation.objects.all()
    existing = Summary.objects.all()
    if user_ids is not None:
        user_ids = set(user_ids)
        enrolments = enrolments.filter(user_id__in=user_ids)
        existing = existing.filter(user_id__in=user_ids)
    if course_ids is not None:
        course_ids = set(course_ids)
        enrolments = enrolments.filter(cohort__course_id__in=course_ids)
        existing = existing.filter(course_id__in=course_ids)

    wanted = set(
        enrolments.values_list("user_id", "cohort__course_id", "cohort__course__path").distinct()
    )
    course_of_path = {path: course for _, course, path in wanted}
    members = enrolments.values("user_id")
    totals, done = _counts(LessonPage, LessonProgress, course_of_path, members)
    rows = [
        Summary(
            user_id=user,
            course_id=course,
            lessons_done=done[user, course],
            lessons_total=totals[course],
        )
        for user, course, _ in wanted
    ]
    keep = {(user, course) for user, course, _ in wanted}
    with transaction.atomic():
        gone, touched = [], {user for user, _ in keep}
        if user_ids is None and course_ids is None:  # everyone: also members now in no course
            touched.update(MemberSummary.objects.values_list("user_id", flat=True))
        for pk, user, course in existing.values_list("pk", "user_id", "course_id"):
            touched.add(user)
            if (user, course) not in keep:
                gone.append(pk)
        for start in range(0, len(gone), BATCH):
            Summary.objects.filter(pk__in=gone[start : start + BATCH]).delete()
        Summary.objects.bulk_create(
            rows,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["user", "course"],
            update_fields=["lessons_done", "lessons_total"],
        )
        _sum_per_member(Summary, MemberSummary, sorted(touched))
    return len(rows)


def _sum_per_member(Summary, MemberSummary, user_ids: list[int]) -> None:
    """Add up the course rows of these members into their one row (gone with the last)."""
    for start in range(0, len(user_ids), BATCH):
        batch = user_ids[start : start + BATCH]
        sums = (
            Summary.objects.filter(user_id__in=batch)
            .order_by()
            .values_list("user_id")
            .annotate(Sum("lessons_done"), Sum("lessons_total"))
        )
        rows = [
            MemberSummary(
                user_id=user,
                lessons_done=done,
                lessons_total=total,
                completion=done / total if total else None,
            )
            for user, done, total in sums
        ]
        MemberSummary.objects.filter(user_id__in=batch).exclude(
            user_id__in=[row.user_id for row in rows]
        ).delete()
        MemberSummary.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["user"],
            update_fields=["lessons_done", "lessons_total", "completion"],
        )


def _counts(LessonPage, LessonProgress, course_of_path: dict, members) -> tuple:
    """Live lessons per course, and live lessons done per (member, course)."""
    totals: Counter = Counter()
    done: Counter = Counter()
    if not course_of_path:
        return totals, done
    depths = {len(path) for path in course_of_path}
    lessons = LessonPage.objects.filter(
        live=True, depth__in=[d // Page.steplen + 1 for d in depths]
    )
    for path in lessons.values_list("path", flat=True):
        course = course_of_path.get(path[: -Page.steplen])
        if course is not None:
            totals[course] += 1
    marks = LessonProgress.objects.filter(lesson__live=True, user_id__in=members)
    for user, path in marks.values_list("user_id", "lesson__path").iterator():
        course = course_of_path.get(path[: -Page.steplen])
        if course is not None:
            done[user, course] += 1
    return totals, done
