"""Lesson completion: a lesson is done when its row in LessonProgress exists.

The learner marked it done, or finished the last of its scenarios
(``mark_lessons_of_finished_scenario``, called from the scenarios app's "attempt finished"
hook). A lesson that holds a closing test is done only when the learner passed that test:
neither marking it nor finishing its scenarios makes it done before that (a passed attempt
marks it, see ``closing_test.attempts``). Every counter (the learner's pages, the
trainer's, the manager's, certificates, exports) counts those rows.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .access import lessons_using_scenario
from .closing_test.reading import has_closing_test
from .models import ClosingTestAttempt, LessonPage, LessonProgress
from .progress import finished_scenario_ids, scenario_ids_in


class ClosingTestNotPassed(Exception):
    """The lesson holds a closing test the learner has not passed (yet)."""


def may_be_done(user, lesson: LessonPage) -> bool:
    """A lesson with a closing test may be done only once the user passed the test."""
    if not has_closing_test(lesson):
        return True
    return ClosingTestAttempt.objects.filter(user=user, lesson=lesson, passed=True).exists()


def mark_lesson_done(user, lesson: LessonPage) -> LessonProgress:
    """Record that the user finished the lesson; marking it again changes nothing.

    Raises ClosingTestNotPassed for a lesson whose closing test the user has not passed.
    """
    if not may_be_done(user, lesson):
        raise ClosingTestNotPassed
    try:
        with transaction.atomic():
            progress, _ = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    except IntegrityError:
        # A second request (a double click) created the row between our read and write.
        progress = LessonProgress.objects.get(user=user, lesson=lesson)
    return progress


def mark_lessons_of_finished_scenario(user, scenario_page_id: int) -> list[LessonProgress]:
    """Mark done each live lesson holding this scenario whose scenarios the user all finished.

    Called when an attempt finishes (the scenarios app's "attempt finished" hook).
    """
    marked = []
    # Only the body is read (its scenarios, its closing test): this runs inside the step that
    # finishes the attempt, while that step holds the database's write lock on SQLite.
    for lesson in lessons_using_scenario(scenario_page_id).only("body"):
        wanted = scenario_ids_in(lesson)
        if set(wanted) <= finished_scenario_ids(user, wanted) and may_be_done(user, lesson):
            marked.append(mark_lesson_done(user, lesson))
    return marked
