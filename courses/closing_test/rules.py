"""The closing test's rules, in plain Python (no Django): draw, check the form, grade.

A question is right when the learner chose exactly its correct answers. A test is passed
when at least ``pass_mark`` percent of the drawn questions are right.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Answer:
    key: str
    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    answers: tuple[Answer, ...]

    @property
    def multiple(self) -> bool:
        """More than one answer is correct: the learner ticks boxes instead of one circle."""
        return sum(answer.correct for answer in self.answers) > 1

    @property
    def correct_keys(self) -> frozenset[str]:
        return frozenset(answer.key for answer in self.answers if answer.correct)

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "text": self.text,
            "answers": [{"key": a.key, "text": a.text, "correct": a.correct} for a in self.answers],
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Question:
        answers = tuple(Answer(a["key"], a["text"], bool(a["correct"])) for a in data["answers"])
        return cls(str(data["key"]), data["text"], answers)


@dataclass(frozen=True)
class ClosingTest:
    """A test as its author set it up: all questions, the pass mark, attempts, draw size."""

    questions: tuple[Question, ...]
    pass_mark: int = 70  # percent of the drawn questions
    attempts_allowed: int = 3
    draw_count: int | None = None  # None: every question
    introduction: str = ""

    @property
    def questions_per_attempt(self) -> int:
        if not self.draw_count:
            return len(self.questions)
        return min(self.draw_count, len(self.questions))

    @property
    def needed(self) -> int:
        return needed_to_pass(self.questions_per_attempt, self.pass_mark)


def needed_to_pass(total: int, pass_mark: int) -> int:
    """How many questions must be right out of ``total`` to reach ``pass_mark`` percent."""
    return math.ceil(total * pass_mark / 100)


def draw(test: ClosingTest, rng: random.Random) -> list[Question]:
    """The questions of one attempt: drawn from the test, in an order of their own, each
    with its answers shuffled too (so the first answer is not always the right one).

    The shuffled answers are keyed by the place they are shown in: the author's keys follow
    the order the author wrote them in (usually the right one first), and a form's values
    are in the page source, so they must tell nothing that the screen does not."""
    chosen = rng.sample(list(test.questions), test.questions_per_attempt)
    return [
        Question(q.key, q.text, _keyed_by_place(rng.sample(list(q.answers), len(q.answers))))
        for q in chosen
    ]


def _keyed_by_place(answers: list[Answer]) -> tuple[Answer, ...]:
    return tuple(
        Answer(str(place), answer.text, answer.correct)
        for place, answer in enumerate(answers, start=1)
    )


class Problem(Enum):
    UNANSWERED = "unanswered"  # a question without an answer
    TAMPERED = "tampered"  # an answer or question this attempt does not have


@dataclass(frozen=True)
class ReadAnswers:
    """What a sent form says: the usable answers per question, and what was wrong with it."""

    answers: dict[str, list[str]]
    unanswered: tuple[str, ...] = ()
    tampered: bool = False

    @property
    def problems(self) -> list[Problem]:
        found = []
        if self.tampered:
            found.append(Problem.TAMPERED)
        if self.unanswered:
            found.append(Problem.UNANSWERED)
        return found


def read_answers(drawn: Iterable[Question], sent: Mapping[str, list[str]]) -> ReadAnswers:
    """Check a sent form against the attempt's questions.

    ``sent`` maps a question key to the answer keys chosen (from fields ``q-<key>``). Keys
    the attempt does not have, or two answers to a one-answer question, make the form
    tampered; what can be kept is kept, so the learner does not lose their answers.
    """
    drawn = list(drawn)
    by_key = {question.key: question for question in drawn}
    tampered = any(key not in by_key for key in sent)
    answers: dict[str, list[str]] = {}
    unanswered = []
    for question in drawn:
        known = {answer.key for answer in question.answers}
        chosen = list(dict.fromkeys(sent.get(question.key, [])))
        kept = [key for key in chosen if key in known]
        if len(kept) != len(chosen) or (not question.multiple and len(kept) > 1):
            tampered = True
            kept = kept if question.multiple else kept[:1]
        if kept:
            answers[question.key] = kept
        else:
            unanswered.append(question.key)
    return ReadAnswers(answers, tuple(unanswered), tampered)


@dataclass(frozen=True)
class Marked:
    question: Question
    chosen: tuple[Answer, ...]
    right: bool


@dataclass(frozen=True)
class Grade:
    marked: tuple[Marked, ...]
    pass_mark: int

    @property
    def total(self) -> int:
        return len(self.marked)

    @property
    def correct(self) -> int:
        return sum(m.right for m in self.marked)

    @property
    def needed(self) -> int:
        return needed_to_pass(self.total, self.pass_mark)

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.correct >= self.needed


def grade(drawn: Iterable[Question], answers: Mapping[str, Iterable[str]], pass_mark: int):
    """Mark each question right or wrong: right when exactly its correct answers were chosen."""
    marked = []
    for question in drawn:
        chosen_keys = set(answers.get(question.key, ()))
        chosen = tuple(a for a in question.answers if a.key in chosen_keys)
        right = bool(chosen_keys) and chosen_keys == question.correct_keys
        marked.append(Marked(question, chosen, right))
    return Grade(tuple(marked), pass_mark)
