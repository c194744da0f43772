"""A learning group whose course uses the small test scenario, and helpers to run a session."""

import pytest
from django.urls import reverse

from courses.models import Cohort
from live import running
from people.models import Role
from tests.builders import publish, scenario_document
from tests.courses import conftest as course_fixtures

course_index = course_fixtures.course_index
make_course = course_fixtures.make_course


@pytest.fixture
def scenario(library):
    return publish(library, scenario_document())


@pytest.fixture
def group(make_course, scenario, learner, volunteer, trainer):
    """Leergroep Hatert: Alice (professional), Vera (volunteer), trained by Tom."""
    course = make_course(lessons=[[("scenario", {"scenario": scenario.pk, "introduction": ""})]])
    cohort = Cohort.objects.create(name="Leergroep Hatert voorjaar", course=course)
    cohort.participants.add(learner, volunteer)
    cohort.trainers.add(trainer)
    return cohort


@pytest.fixture
def session(group, scenario, trainer):
    return running.start_session(trainer, group, scenario, allow_guests=True)


@pytest.fixture
def members(make_user, organisation, group):
    """Three more of each role in the group, so a reveal has columns to show."""
    people = {}
    for role in (Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT):
        people[role] = []
        for number in range(3):
            user = make_user(f"{role}-{number}@example.nl", role=role, organisation=organisation)
            group.participants.add(user)
            people[role].append(user)
    return people


def join(client, session, user=None, **guest):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.post(reverse("live-join", args=[session.code]), guest)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def vote(client, session, choice, step=None):
    session.refresh_from_db()
    return client.post(
        reverse("live-vote", args=[session.code]),
        {"step": session.step if step is None else step, "choice": choice},
    )
