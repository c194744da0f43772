"""Build and publish the demo course with its lessons (read by lessons.py), once."""

from __future__ import annotations

from django.db import transaction

from courses.models import CourseIndexPage, CoursePage, LessonPage
from scenarios.models import Principle, ScenarioPage

from .lessons import COURSE, INDEX, Block, Lesson
from .library import site_home


@transaction.atomic
def load_course(scenarios: dict[str, ScenarioPage]) -> CoursePage:
    """Create the course overview, the course and its lessons where missing; return the course."""
    index = _ensure_index()
    course = CoursePage.objects.child_of(index).filter(slug=COURSE.slug).first()
    if course is None:
        course = CoursePage(
            title=COURSE.title,
            slug=COURSE.slug,
            summary=COURSE.summary,
            for_professionals=True,
            for_volunteers=True,
            for_civil_servants=True,
            study_hours=COURSE.study_hours,
            open_to_all=False,
            live=False,
        )
        index.add_child(instance=course)
        course.principles.set(Principle.objects.all())
        _publish(course)
    principles = dict(Principle.objects.values_list("slug", "pk"))
    existing = set(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    for lesson in COURSE.lessons:
        if lesson.slug not in existing:
            _add_lesson(course, lesson, principles, scenarios)
    return course


def lesson_pages(course: CoursePage) -> dict[str, LessonPage]:
    """Return the course's lessons by slug, in the order of the page tree."""
    return {page.slug: page for page in LessonPage.objects.child_of(course).order_by("path")}


def _ensure_index() -> CourseIndexPage:
    home = site_home()
    index = CourseIndexPage.objects.child_of(home).filter(slug=INDEX.slug).first()
    if index is None:
        index = CourseIndexPage(title=INDEX.title, slug=INDEX.slug, intro=INDEX.intro, live=False)
        home.add_child(instance=index)
        _publish(index)
    return index


def _add_lesson(
    course: CoursePage,
    lesson: Lesson,
    principles: dict[str, int],
    scenarios: dict[str, ScenarioPage],
) -> LessonPage:
    page = LessonPage(
        title=lesson.title,
        slug=lesson.slug,
        intro=lesson.intro,
        body=[_resolve(block, principles, scenarios) for block in lesson.body],
        live=False,
    )
    course.add_child(instance=page)
    _publish(page)
    return page


def _resolve(block: Block, principles: dict[str, int], scenarios: dict[str, ScenarioPage]) -> Block:
    """Swap the slug or file name a block names for the primary key the StreamField stores."""
    if not isinstance(block["value"], dict):
        return block
    value = dict(block["value"])
    if block["type"] == "principle":
        value["principle"] = principles[value["principle"]]
    elif block["type"] == "scenario":
        value["scenario"] = scenarios[value["scenario"]].pk
    return {"type": block["type"], "value": value}


def _publish(page) -> None:
    page.save_revision(log_action=True).publish()
