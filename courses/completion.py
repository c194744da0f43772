"""Lesson completion: a lesson is done when its row in LessonProgress exists.

The learner marked it done, or finished the last of its scenarios
(``mark_lessons_of_finished_scenario``, called from the scenarios app's "attempt finished"
hook). Every counter (the learner's pages, the trainer's, the manager's, exports) counts
those rows.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .access import lessons_using_scenario
from .models import LessonPage, LessonProgress
from .progress import finished_scenario_ids, scenario_ids_in


def mark_lesson_done(user, lesson: LessonPage) -> LessonProgress:
    """Record that the user finished the lesson; marking it again changes nothing."""
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
    for lesson in lessons_using_scenario(scenario_page_id):
        wanted = scenario_ids_in(lesson)
        if set(wanted) <= finished_scenario_ids(user, wanted):
            marked.append(mark_lesson_done(user, lesson))
    return marked
