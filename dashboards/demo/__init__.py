"""The lived-in demo: the course, the learners of Maaswijk and three months of their learning."""

from __future__ import annotations

from courses.models import CoursePage
from scenarios.models import ScenarioPage

from .activity import load_activity
from .course import load_course
from .people import load_cohorts, load_learners

__all__ = ["load_demo_course"]


def load_demo_course(scenarios: dict[str, ScenarioPage]) -> CoursePage:
    """Load the course, its learners, their groups and activity where missing; return the course."""
    course = load_course(scenarios)
    load_learners()
    cohorts = load_cohorts(course)
    load_activity(cohorts, course, scenarios)
    return course
