"""What the trainers of a learning group see of the closing test: passed or not, per member.

Never the answers nor the number right: those are the learner's alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from .models import ClosingTestAttempt, ExtraTestAttempt
from .reading import closing_test_in, has_closing_test


class Status(Enum):
    PASSED = "passed"
    NOT_STARTED = "not-started"
    BUSY = "busy"  # attempts left, not passed yet
    USED_UP = "used-up"  # every attempt used, not passed: a trainer may grant one more


@dataclass(frozen=True)
class MemberResult:
    user_id: int
    name: str
    status: Status


@dataclass(frozen=True)
class LessonResults:
    lesson: object
    members: list[MemberResult]


def status_of(passed: bool, submitted: int, open_attempt: bool, allowed: int) -> Status:
    if passed:
        return Status.PASSED
    if not submitted and not open_attempt:
        return Status.NOT_STARTED
    return Status.USED_UP if submitted >= allowed and not open_attempt else Status.BUSY


def group_results(lessons, members) -> list[LessonResults]:
    """Pass or not per member for each lesson with a closing test (two queries in all).

    ``members`` are (user_id, name) pairs, in the order the page lists them.
    """
    tests = {lesson.pk: (lesson, closing_test_in(lesson)) for lesson in lessons}
    tests = {pk: pair for pk, pair in tests.items() if has_closing_test(pair[0]) and pair[1]}
    if not tests or not members:
        return []
    user_ids = [user_id for user_id, _name in members]
    rows = ClosingTestAttempt.objects.filter(lesson_id__in=tests, user_id__in=user_ids).values_list(
        "user_id", "lesson_id", "passed", "submitted_at"
    )
    passed, submitted, open_attempts = set(), Counter(), set()
    for user_id, lesson_id, did_pass, submitted_at in rows:
        key = (user_id, lesson_id)
        if did_pass:
            passed.add(key)
        if submitted_at is None:
            open_attempts.add(key)
        else:
            submitted[key] += 1
    extra = Counter(
        ExtraTestAttempt.objects.filter(lesson_id__in=tests, user_id__in=user_ids).values_list(
            "user_id", "lesson_id"
        )
    )
    results = []
    for lesson_pk, (lesson, test) in tests.items():
        results.append(
            LessonResults(
                lesson,
                [
                    MemberResult(
                        user_id,
                        name,
                        status_of(
                            (user_id, lesson_pk) in passed,
                            submitted[(user_id, lesson_pk)],
                            (user_id, lesson_pk) in open_attempts,
                            test.attempts_allowed + extra[(user_id, lesson_pk)],
                        ),
                    )
                    for user_id, name in members
                ],
            )
        )
    return results
