"""Starting and handing in attempts at a lesson's closing test.

Safe against double clicks and stale tabs: starting while an attempt is open returns that
attempt; handing in an attempt twice keeps the first answers and says so.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..completion import mark_lesson_done
from .models import ClosingTestAttempt, ExtraTestAttempt
from .reading import closing_test_in
from .rules import ClosingTest, Grade, Question, draw, grade


class NoTest(Exception):
    """The lesson holds no closing test (any more)."""


class AlreadyPassed(Exception):
    """The learner passed this test before: no need for another attempt."""


class NoAttemptsLeft(Exception):
    """Every allowed attempt has been used."""


class AlreadySubmitted(Exception):
    """This attempt was handed in before (a double click, another tab)."""


@dataclass(frozen=True)
class ClosingTestState:
    """Where a learner is with a lesson's test."""

    test: ClosingTest
    submitted: tuple[ClosingTestAttempt, ...]
    open_attempt: ClosingTestAttempt | None
    extra: int = 0

    @property
    def allowed(self) -> int:
        return self.test.attempts_allowed + self.extra

    @property
    def used(self) -> int:
        return len(self.submitted)

    @property
    def remaining(self) -> int:
        return max(self.allowed - self.used, 0)

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.submitted)

    @property
    def latest(self) -> ClosingTestAttempt | None:
        return self.submitted[-1] if self.submitted else None

    @property
    def may_start(self) -> bool:
        return not self.passed and self.open_attempt is None and self.remaining > 0


def state_of(user, lesson, test: ClosingTest) -> ClosingTestState:
    """The user's attempts at the lesson's test (two small queries)."""
    attempts = list(ClosingTestAttempt.objects.filter(user=user, lesson=lesson).order_by("number"))
    extra = ExtraTestAttempt.objects.filter(user=user, lesson=lesson).count()
    submitted = tuple(a for a in attempts if a.submitted)
    open_attempt = next((a for a in reversed(attempts) if not a.submitted), None)
    return ClosingTestState(test, submitted, open_attempt, extra)


def start_attempt(user, lesson, rng: random.Random | None = None) -> ClosingTestAttempt:
    """Start an attempt with freshly drawn questions; an open attempt is returned as it is."""
    test = closing_test_in(lesson)
    if test is None or not test.questions:
        raise NoTest
    state = state_of(user, lesson, test)
    if state.open_attempt is not None:
        return state.open_attempt
    if state.passed:
        raise AlreadyPassed
    if state.remaining <= 0:
        raise NoAttemptsLeft
    drawn = draw(test, rng or random.SystemRandom())
    number = max((a.number for a in state.submitted), default=0) + 1
    try:
        with transaction.atomic():
            return ClosingTestAttempt.objects.create(
                user=user,
                lesson=lesson,
                number=number,
                questions=[question.as_json() for question in drawn],
                pass_mark=test.pass_mark,
            )
    except IntegrityError:  # the same click twice at once: the other request made it
        return ClosingTestAttempt.objects.get(user=user, lesson=lesson, number=number)


def questions_of(attempt: ClosingTestAttempt) -> list[Question]:
    return [Question.from_json(data) for data in attempt.questions]


def grade_of(attempt: ClosingTestAttempt) -> Grade:
    return grade(questions_of(attempt), attempt.answers or {}, attempt.pass_mark)


def submit_attempt(
    user, attempt: ClosingTestAttempt, answers: dict[str, list[str]]
) -> ClosingTestAttempt:
    """Hand in the answers; a pass makes the lesson done. Only the first hand-in counts."""
    result = grade(questions_of(attempt), answers, attempt.pass_mark)
    with transaction.atomic():
        handed_in = ClosingTestAttempt.objects.filter(
            pk=attempt.pk, user=user, submitted_at__isnull=True
        ).update(
            answers=answers,
            correct=result.correct,
            passed=result.passed,
            submitted_at=timezone.now(),
        )
        if not handed_in:
            raise AlreadySubmitted
        attempt.refresh_from_db()
        if attempt.passed:
            mark_lesson_done(user, attempt.lesson)
    return attempt


def grant_extra_attempt(user, lesson, by) -> ExtraTestAttempt:
    """One more attempt for a learner who used them all (a trainer of their group decides)."""
    return ExtraTestAttempt.objects.create(user=user, lesson=lesson, granted_by=by)
