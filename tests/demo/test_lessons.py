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
    assert INDEX.slug and COURSE.study_hours > 0 and len(COURSE.lessons) == 6
    for lesson in COURSE.lessons:
        blocks = {block["type"] for block in lesson.body}
        assert {"text", "scenario", "reflection"} <= blocks, lesson.slug
        for block in lesson.body:
            if block["type"] == "principle":
                assert block["value"]["principle"] in principles, lesson.slug
            if block["type"] == "scenario":
                assert block["value"]["scenario"] in DEMO_SCENARIOS, lesson.slug
