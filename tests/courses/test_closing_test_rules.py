"""The closing test's pure rules: drawing, reading a sent form, grading."""

import random

from courses.closing_test.rules import (
    Answer,
    ClosingTest,
    Problem,
    Question,
    draw,
    grade,
    needed_to_pass,
    read_answers,
)


def question(key, *answers):
    return Question(key, f"Vraag {key}", tuple(Answer(k, k, ok) for k, ok in answers))


SINGLE = question("1", ("a", True), ("b", False), ("c", False))
MULTIPLE = question("2", ("a", True), ("b", True), ("c", False))
TEST = ClosingTest(
    tuple([SINGLE, MULTIPLE] + [question(str(n), ("a", True), ("b", False)) for n in range(3, 9)]),
    pass_mark=70,
    draw_count=5,
)


def test_an_attempt_draws_the_configured_number_of_questions_in_an_order_of_its_own():
    draws = [tuple(q.key for q in draw(TEST, random.Random(seed))) for seed in range(20)]
    assert all(len(keys) == 5 and len(set(keys)) == 5 for keys in draws)
    assert len(set(draws)) > 10
    orders = {
        tuple(a.text for a in q.answers)
        for seed in range(20)
        for q in draw(TEST, random.Random(seed))
        if q.key == "1"
    }
    assert len(orders) > 1  # the right answer is not always first


def test_the_page_source_does_not_give_the_right_answer_away():
    # The form's values are the places the answers are shown in, whatever the author's keys:
    # the right answer's value moves with it, and is not always the lowest.
    right_values = set()
    for seed in range(20):
        for q in draw(TEST, random.Random(seed)):
            assert [a.key for a in q.answers] == [str(n) for n in range(1, len(q.answers) + 1)]
            if q.key == "1":
                right_values |= q.correct_keys
    assert right_values == {"1", "2", "3"}


def test_without_a_draw_count_every_question_is_asked():
    assert ClosingTest(TEST.questions).questions_per_attempt == 8
    assert ClosingTest(TEST.questions, draw_count=20).questions_per_attempt == 8


def test_the_pass_mark_rounds_up_to_whole_questions():
    assert needed_to_pass(5, 70) == 4
    assert needed_to_pass(6, 50) == 3
    assert needed_to_pass(3, 100) == 3


def test_a_multiple_answer_question_is_right_only_with_exactly_its_right_answers():
    result = grade([SINGLE, MULTIPLE], {"1": ["a"], "2": ["a"]}, 50)
    assert [m.right for m in result.marked] == [True, False]
    assert result.passed and result.correct == 1
    assert grade([MULTIPLE], {"2": ["a", "b"]}, 100).passed
    assert not grade([MULTIPLE], {"2": ["a", "b", "c"]}, 100).passed


def test_the_learners_own_answers_are_kept_with_each_marked_question():
    result = grade([SINGLE], {"1": ["c"]}, 100)
    assert [a.key for a in result.marked[0].chosen] == ["c"] and not result.passed


def test_a_form_with_unknown_answers_or_questions_is_tampered_and_keeps_what_it_can():
    read = read_answers([SINGLE, MULTIPLE], {"1": ["a"], "2": ["b", "zzz"], "99": ["a"]})
    assert read.tampered and Problem.TAMPERED in read.problems
    assert read.answers == {"1": ["a"], "2": ["b"]}


def test_two_answers_to_a_one_answer_question_is_tampered():
    read = read_answers([SINGLE], {"1": ["a", "b"]})
    assert read.tampered and read.answers == {"1": ["a"]}


def test_an_unanswered_question_is_named():
    read = read_answers([SINGLE, MULTIPLE], {"1": ["b"]})
    assert read.problems == [Problem.UNANSWERED] and read.unanswered == ("2",)
    assert read_answers([SINGLE, MULTIPLE], {"1": ["b"], "2": ["c"]}).problems == []


def test_a_question_survives_being_stored_as_json():
    assert Question.from_json(MULTIPLE.as_json()) == MULTIPLE
