"""Courses' additions to a scenario's result page: the way on (the lesson, the next lesson,
the group's debrief). The reflection box is in ``courses.reflections.hooks``; both are
registered as the scenarios app's result panels in ``courses/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from people.prepared import prepared

from .models import Cohort
from .progress import distinct_scenario_ids, lessons_of, scenario_ids_in


@prepared
def _cohorts_of_participant(user_id: int):
    return Cohort.objects.filter(participants=user_id).select_related("course")


def cohorts_using_scenario(user, scenario_page_id: int) -> tuple[list[Cohort], dict]:
    """The user's cohorts (as participant) whose course uses this scenario, and the live
    lessons of the user's courses, marked for the user (the way-on panel shows them)."""
    cohorts = _cohorts_of_participant(user_id=user.pk)
    lessons = lessons_of({cohort.course for cohort in cohorts}, user)
    using = [
        cohort
        for cohort in cohorts
        if scenario_page_id in distinct_scenario_ids(lessons.get(cohort.course_id, []))
    ]
    return using, lessons


def _players_courses(request, attempt) -> tuple[list[Cohort], dict]:
    """The player's cohorts using this scenario and their lessons, once per page however
    many panels ask. Empty for anyone but the player, and for an unfinished attempt."""
    if attempt.user_id != request.user.pk or not attempt.is_finished:
        return [], {}
    if not hasattr(attempt, "_players_courses"):
        attempt._players_courses = cohorts_using_scenario(request.user, attempt.page_id)
    return attempt._players_courses


def players_cohorts(request, attempt) -> list[Cohort]:
    """The player's cohorts using this scenario (see ``_players_courses``)."""
    return _players_courses(request, attempt)[0]


def way_on_panel(request, attempt) -> str:
    """Show the player where to go next: their lesson, the next lesson and the debrief."""
    cohorts, lessons_by_course = _players_courses(request, attempt)
    if not cohorts:
        return ""
    cohort = cohorts[0]
    lessons = lessons_by_course[cohort.course_id]
    here = next(
        (n for n, lesson in enumerate(lessons) if attempt.page_id in scenario_ids_in(lesson)), None
    )
    context = {
        "attempt": attempt,
        "cohort": cohort,
        "lesson": lessons[here] if here is not None else None,
        "next_lesson": lessons[here + 1] if here is not None and here + 1 < len(lessons) else None,
    }
    return render_to_string("courses/includes/way_on.html", context, request=request)
