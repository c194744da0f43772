"""Read a lesson's closing test from its body (no queries)."""

from __future__ import annotations

from .rules import Answer, ClosingTest, Question

BLOCK_TYPE = "closing_test"


def has_closing_test(lesson) -> bool:
    """Does the lesson hold a closing test? Read from the raw data: no queries, no parsing."""
    return any(block.get("type") == BLOCK_TYPE for block in lesson.body.raw_data)


def test_from_value(value) -> ClosingTest:
    """The test a block's value describes. Keys are positions, unique within the test."""
    questions = tuple(
        Question(
            str(number),
            question["question"],
            tuple(
                Answer(str(index), answer["text"], bool(answer["correct"]))
                for index, answer in enumerate(question["answers"], start=1)
            ),
        )
        for number, question in enumerate(value["questions"], start=1)
    )
    return ClosingTest(
        questions=questions,
        pass_mark=value.get("pass_mark") or 70,
        attempts_allowed=value.get("attempts_allowed") or 1,
        draw_count=value.get("questions_per_attempt") or None,
        introduction=value.get("introduction") or "",
    )


def closing_test_in(lesson) -> ClosingTest | None:
    """The lesson's closing test (a lesson holds at most one), or None."""
    for block in lesson.body:
        if block.block_type == BLOCK_TYPE:
            return test_from_value(block.value)
    return None
