"""Course fixtures: a course with two text lessons, learning groups around it.

The shapes are built by tests/builders.py; the reflection and debrief tests use a course
whose lesson plays a scenario (tests/courses/reflection_fixtures.py).
"""

import pytest

from tests.builders import build_cohort, build_course, build_course_index, text_block


@pytest.fixture
def course_index(db):
    return build_course_index()


@pytest.fixture
def make_course(course_index):
    """Build a published course with published lessons (see ``tests.builders.build_course``).

    Each lesson is a list of (block type, raw value): a scenario block is
    ``("scenario", {"scenario": page.pk})``.
    """

    def make(title: str = "Samen kantelen", *, lessons=None, open_to_all: bool = False):
        return build_course(title, lessons=lessons, open_to_all=open_to_all, index=course_index)

    return make


@pytest.fixture
def course(course_index):
    """A closed course with two text lessons."""
    return build_course(
        lessons=[[text_block("<p>Eerst de relatie.</p>")], [text_block("<p>Vraag door.</p>")]],
        index=course_index,
    )


@pytest.fixture
def cohort(course, learner, volunteer, trainer):
    """Leergroep Hatert: Alice (professional) and Vera (volunteer), trained by Tom."""
    return build_cohort(course, participants=[learner, volunteer], trainers=[trainer])


@pytest.fixture
def other_cohort(make_course, outsider, make_user, other_organisation):
    """Another course and group, where the outsider takes part, with its own trainer."""
    olga = make_user("olga@example.nl", organisation=other_organisation, trainer=True)
    return build_cohort(
        make_course("Andere cursus"),
        name="Leergroep Elders",
        participants=[outsider],
        trainers=[olga],
    )
