"""The lived-in demo: accounts, the scenario library, the course, the learners of Maaswijk and
three months of their learning. Every step adds only what is missing."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from accreditation.demo import load_accreditation_demo, load_meetings_demo
from courses.models import Cohort, CoursePage
from live.demo import load_live_session
from scenarios.models import ScenarioPage

from .accounts import DemoAccount, load_people
from .activity import load_activity
from .course import load_course
from .learners import HATERT_COHORT, KARIN, load_cohorts, load_learners
from .library import load_scenarios

__all__ = ["Demo", "load_demo", "load_demo_course"]


@dataclass(frozen=True)
class Demo:
    accounts: list[DemoAccount]
    scenarios: dict[str, ScenarioPage]
    course: CoursePage


def load_demo() -> Demo:
    """Load the whole demo where missing; return what a newcomer logs in with and opens."""
    accounts = load_people()
    scenarios = load_scenarios()
    course = load_demo_course(scenarios)
    load_live_session()
    load_accreditation_demo(course)
    hatert = Cohort.objects.get(name=HATERT_COHORT, course=course)
    load_meetings_demo(hatert, get_user_model().objects.get(email=KARIN))
    return Demo(accounts, scenarios, course)


def load_demo_course(scenarios: dict[str, ScenarioPage]) -> CoursePage:
    """Load the course, its learners, their groups and activity where missing; return the course."""
    course = load_course(scenarios)
    load_learners()
    cohorts = load_cohorts(course)
    load_activity(cohorts, course, scenarios)
    return course
