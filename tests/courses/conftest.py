"""Course fixtures: a course tree builder, a course with lessons, learning groups around it."""

import json

import pytest
from wagtail.models import Page

from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage


@pytest.fixture
def course_index(db):
    home = Page.objects.get(depth=2)
    index = CourseIndexPage(title="Cursussen", slug="cursussen")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_course(course_index):
    """Build a published course with published lessons.

    Each lesson is a list of (block type, raw value): a scenario block is
    ``("scenario", {"scenario": page.pk})``.
    """

    def make(title: str = "Samen kantelen", *, lessons=None, open_to_all: bool = False):
        course = CoursePage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            summary="Leren kantelen met het keukentafelgesprek.",
            open_to_all=open_to_all,
        )
        course_index.add_child(instance=course)
        course.save_revision().publish()
        lessons = [[("text", "<p>Eerst de relatie.</p>")]] if lessons is None else lessons
        for number, body in enumerate(lessons, start=1):
            raw = [{"type": kind, "value": value} for kind, value in body]
            lesson = LessonPage(title=f"Les {number}", slug=f"les-{number}", body=json.dumps(raw))
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
        return course

    return make


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).order_by("path"))


@pytest.fixture
def course(make_course):
    """A closed course with two text lessons."""
    return make_course(
        lessons=[[("text", "<p>Eerst de relatie.</p>")], [("text", "<p>Vraag door.</p>")]]
    )


@pytest.fixture
def cohort(course, learner, volunteer, trainer):
    """Leergroep Hatert: Alice (professional) and Vera (volunteer), trained by Tom."""
    group = Cohort.objects.create(name="Leergroep Hatert voorjaar", course=course)
    group.participants.add(learner, volunteer)
    group.trainers.add(trainer)
    return group


@pytest.fixture
def other_cohort(make_course, outsider, make_user, other_organisation):
    """Another course and group, where the outsider takes part, with its own trainer."""
    other = make_course("Andere cursus")
    group = Cohort.objects.create(name="Leergroep Elders", course=other)
    group.participants.add(outsider)
    group.trainers.add(make_user("olga@example.nl", organisation=other_organisation, trainer=True))
    return group
