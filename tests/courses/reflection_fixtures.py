"""The reflection and debrief tests' course: one lesson that plays a scenario (two steps, so
a debrief has choices to split by role) and asks a reflection prompt, with a mixed group.

Test modules take these fixtures by name (``course = reflection_fixtures.course``); the
shapes are built by tests/builders.py.
"""

import json

import pytest

from courses.models import LessonPage
from scenarios.interop import import_scenario
from tests.builders import (
    build_cohort,
    build_course,
    build_course_index,
    build_library,
    debrief_document,
    reflection_block,
    scenario_block,
)

PROMPT = "Wat neem je mee uit deze les?"


@pytest.fixture
def scenario(db):
    library = build_library(slug="bieb")
    return import_scenario(json.dumps(debrief_document()), library, publish=True).page


@pytest.fixture
def course(scenario):
    return build_course(
        "De Kanteling",
        slug="kanteling",
        summary="Samen leren.",
        lessons=[[scenario_block(scenario), reflection_block(PROMPT)]],
        index=build_course_index(),
    )


@pytest.fixture
def lesson(course):
    return LessonPage.objects.child_of(course).get()


@pytest.fixture
def cohort(course, learner, volunteer, trainer):
    """Leergroep Hatert: Alice (professional), Vera (volunteer), trainer Tom."""
    return build_cohort(course, participants=[learner, volunteer], trainers=[trainer])


@pytest.fixture
def other_cohort(course, outsider):
    """Another group of the same course, with Charlie from another organisation."""
    return build_cohort(course, name="Leergroep Elders", participants=[outsider])
