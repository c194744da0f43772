"""The demo course's words are text files; reading them needs no database."""

import pytest

from demo.lessons import COURSE, INDEX, ContentError, read_lesson
from demo.library import DEMO_SCENARIOS
from scenarios.principle_data import PRINCIPLES

LESSON = """title: Presentie
slug: presentie

Eerst de relatie,
dan het probleem.

== text
<h2>Eerst de relatie</h2>
<p>Je neemt de tijd.</p>

== principle presentie
Je bent aanwezig
en je let op.

== quote Samengevat uit het presentiemodel
Eerst de relatie.

== scenario overbelaste-mantelzorger
Anja doet doodmoe open.

== reflection
Wanneer was jij er voor iemand?
"""


def test_a_lesson_file_becomes_the_blocks_a_lesson_page_stores():
    lesson = read_lesson(LESSON, "04-presentie.txt")
    assert (lesson.slug, lesson.title) == ("presentie", "Presentie")
    assert lesson.intro == "Eerst de relatie, dan het probleem."
    assert lesson.body == (
        {"type": "text", "value": "<h2>Eerst de relatie</h2>\n<p>Je neemt de tijd.</p>"},
        {
            "type": "principle",
            "value": {"principle": "presentie", "note": "Je bent aanwezig en je let op."},
        },
        {
            "type": "quote",
            "value": {
                "quote": "Eerst de relatie.",
                "attribution": "Samengevat uit het presentiemodel",
            },
        },
        {
            "type": "scenario",
            "value": {
                "scenario": "overbelaste-mantelzorger",
                "introduction": "Anja doet doodmoe open.",
            },
        },
        {"type": "reflection", "value": {"prompt": "Wanneer was jij er voor iemand?"}},
    )
    assert lesson.scenario == "overbelaste-mantelzorger"
    assert lesson.prompt == "Wanneer was jij er voor iemand?"


@pytest.mark.parametrize(
    "source,message",
    [
        ("title: Les\n\nIntro.\n", "'slug:' is missing"),
        (
            "title: Les\nslug: les\n\n== video\nhttps://example.org\n",
            "line 4: unknown block 'video'",
        ),
        ("title: Les\nslug: les\n\n== principle\nZonder slug.\n", "line 4: 'principle' needs"),
        ("title: Les\nslug: les\n\n== reflection\n", "line 4: the block 'reflection' has no text"),
        ("Les zonder velden\n", "line 1: expected 'field: value'"),
    ],
)
def test_a_mistake_in_a_lesson_file_names_the_file_and_line(source, message):
    with pytest.raises(ContentError, match=f"^les.txt.*{message}"):
        read_lesson(source, "les.txt")


def test_the_course_names_only_principles_and_scenarios_that_exist():
    principles = {principle["slug"] for principle in PRINCIPLES}
    assert INDEX.slug and COURSE.study_hours > 0 and len(COURSE.lessons) == 7
    for lesson in COURSE.lessons:
        blocks = {block["type"] for block in lesson.body}
        lesson_kind = {"text", "scenario", "reflection"}
        wanted = {"text", "closing_test"} if lesson.closing_test else lesson_kind
        assert wanted <= blocks, lesson.slug
        for block in lesson.body:
            if block["type"] == "principle":
                assert block["value"]["principle"] in principles, lesson.slug
            if block["type"] == "scenario":
                assert block["value"]["scenario"] in DEMO_SCENARIOS, lesson.slug


TEST_LESSON = """title: Toets
slug: toets

== test pass=80 attempts=2 draw=1
Laat zien wat je weet.

? Waar begin je
op de ladder?
+ Eigen kracht
- Maatwerk

? Welke twee?
+ Buurthuis
+ Klussendienst
- Indicatie
"""


def test_a_test_block_holds_its_settings_questions_and_right_answers():
    lesson = read_lesson(TEST_LESSON, "07-toets.txt")
    test = lesson.closing_test
    settings = (test["pass_mark"], test["attempts_allowed"], test["questions_per_attempt"])
    assert settings == (80, 2, 1)
    assert test["introduction"] == "Laat zien wat je weet."
    assert test["questions"][0] == {
        "question": "Waar begin je op de ladder?",
        "answers": [
            {"text": "Eigen kracht", "correct": True},
            {"text": "Maatwerk", "correct": False},
        ],
    }
    assert [a["correct"] for a in test["questions"][1]["answers"]] == [True, True, False]
    assert lesson.scenario is None and lesson.prompt is None


@pytest.mark.parametrize(
    "block, problem",
    [
        ("== test pass=80\n? Vraag\n+ Ja\n", "needs two answers"),
        ("== test pass=80\n? Vraag\n- Ja\n- Nee\n", "needs two answers"),
        ("== test slagen=80\n? Vraag\n+ Ja\n- Nee\n", "unknown test setting"),
        ("== test\nAlleen tekst.\n", "no questions"),
    ],
)
def test_a_broken_test_block_names_its_problem(block, problem):
    with pytest.raises(ContentError, match=problem):
        read_lesson(f"title: T\nslug: t\n\n{block}", "07-toets.txt")


def test_the_demo_course_ends_with_a_closing_test_of_five_to_eight_questions():
    test = COURSE.lessons[-1].closing_test
    assert test is not None and 5 <= len(test["questions"]) <= 8
    assert all(lesson.closing_test is None for lesson in COURSE.lessons[:-1])
