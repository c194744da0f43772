"""The conversations of a course, those written for the learner's role first.

A scenario says for whom it was written ("Geschreven voor"): a volunteer sees first the
conversations written for volunteers, then those for every role, then the others, each in
course order, and every one says for whom it was written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist

from .progress import CourseProgress, LessonState, scenarios_with_state

ANY_ROLE = "any"
T = TypeVar("T")


def for_role_first(items: Iterable[T], role: str, role_of: Callable[[T], str]) -> list[T]:
    """Written for ``role`` first, then for any role, then the rest; order kept within each."""

    def rank(item: T) -> int:
        written_for = role_of(item) or ANY_ROLE
        if role and written_for == role:
            return 0
        return 1 if written_for == ANY_ROLE else 2

    return sorted(items, key=rank)


@dataclass(frozen=True)
class Conversation:
    scenario: object  # a ScenarioPage with its ``state`` for the learner
    lesson: LessonState
    for_you: bool


def learner_role(user) -> str:
    try:
        return user.profile.role
    except (AttributeError, ObjectDoesNotExist):
        return ""


def _first_lessons(progress: CourseProgress) -> dict[int, LessonState]:
    first_lesson: dict[int, LessonState] = {}
    for state in progress.lessons:
        for pk in state.scenario_ids:
            first_lesson.setdefault(pk, state)
    return first_lesson


def _ordered(first_lesson, pages, role: str) -> list[Conversation]:
    found = [pages[pk] for pk in first_lesson if pk in pages and pages[pk].live]
    return [
        Conversation(page, first_lesson[page.pk], bool(role) and page.role == role)
        for page in for_role_first(found, role, lambda page: page.role)
    ]


def conversations_in(user, progress: CourseProgress) -> list[Conversation]:
    """Every conversation of the course once, at the first lesson that has it."""
    first_lesson = _first_lessons(progress)
    return _ordered(first_lesson, scenarios_with_state(user, first_lesson), learner_role(user))


def next_conversations(user, progresses: Iterable[CourseProgress]) -> dict[int, Conversation]:
    """Per course, the first conversation the learner has not finished, their role's first.

    Mijn leren suggests it on each course; one query for all courses together.
    """
    firsts = {progress.course.pk: _first_lessons(progress) for progress in progresses}
    pages = scenarios_with_state(user, {pk for first in firsts.values() for pk in first})
    role = learner_role(user)
    suggestions = {}
    for course_pk, first_lesson in firsts.items():
        open_ones = [
            item
            for item in _ordered(first_lesson, pages, role)
            if not item.scenario.state.latest_finished_pk
        ]
        if open_ones:
            suggestions[course_pk] = open_ones[0]
    return suggestions
