"""Courses' additions to a scenario's result page: the way on (the lesson, the next lesson,
the group's debrief). The reflection box is in ``courses.reflections.hooks``; both are
registered as the scenarios app's result panels in ``courses/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from .debrief import scenario_ids_by_course
from .models import Cohort
from .progress import lessons_of, scenario_ids_in


def cohorts_using_scenario(user, scenario_page_id: int) -> list[Cohort]:
    """Return the user's cohorts (as participant) whose course uses this scenario."""
    cohorts = list(Cohort.objects.filter(participants=user).select_related("course"))
    used = scenario_ids_by_course({cohort.course for cohort in cohorts})
    return [cohort for cohort in cohorts if scenario_page_id in used.get(cohort.course_id, [])]


def players_cohorts(request, attempt) -> list[Cohort]:
    """The player's cohorts using this scenario, once per page however many panels ask.

    Empty for anyone but the player, and for an attempt that is not finished.
    """
    if attempt.user_id != request.user.pk or not attempt.is_finished:
        return []
    if not hasattr(attempt, "_players_cohorts"):
        attempt._players_cohorts = cohorts_using_scenario(request.user, attempt.page_id)
    return attempt._players_cohorts


def way_on_panel(request, attempt) -> str:
    """Show the player where to go next: their lesson, the next lesson and the debrief."""
    cohorts = players_cohorts(request, attempt)
    if not cohorts:
        return ""
    cohort = cohorts[0]
    lessons = lessons_of([cohort.course], request.user)[cohort.course_id]
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
