"""A small world with two of everything: what belongs to side A, and outsiders from side B."""

from dataclasses import dataclass

import pytest

from courses.models import (
    Cohort,
    CoursePage,
    LessonPage,
    Reflection,
    ReflectionReply,
)
from people.models import Organisation, Role, Team
from tests.builders import (
    build_cohort,
    build_course,
    build_course_index,
    choose,
    lessons_of,
    publish,
    scenario_block,
    scenario_document,
    start,
)

SECRET_NAME = "Annabel Geheimhouder"
SECRET_REFLECTION = "Mijn vertrouwelijke reflectie over mevrouw Jansen"
SECRET_REPLY = "Een vertrouwelijke reactie"


@dataclass
class World:
    learner: object
    volunteer: object
    trainer: object
    manager: object
    other_learner: object
    other_trainer: object
    other_manager: object
    team: Team
    other_team: Team
    scenario: object
    course: CoursePage
    lesson: LessonPage
    cohort: Cohort
    other_cohort: Cohort
    attempt: object
    reflection: Reflection
    reply: ReflectionReply


def _course(index, slug, scenario):
    course = build_course(
        f"Cursus {slug}",
        slug=slug,
        summary="Over de kanteling.",
        lessons=[[scenario_block(scenario)]],
        index=index,
    )
    return course, lessons_of(course)[0]


@pytest.fixture
def world(client, make_user, library) -> World:
    org = Organisation.objects.create(name="Welzijn A", kind=Organisation.Kind.WELFARE)
    other_org = Organisation.objects.create(name="Gemeente B", kind=Organisation.Kind.MUNICIPALITY)
    team = Team.objects.create(organisation=org, name="Wijkteam A")
    other_team = Team.objects.create(organisation=other_org, name="Wijkteam B")

    learner = make_user("a-learner@example.nl", organisation=org, teams=[team], name=SECRET_NAME)
    volunteer = make_user(
        "a-volunteer@example.nl", role=Role.VOLUNTEER, organisation=org, teams=[team]
    )
    trainer = make_user("a-trainer@example.nl", organisation=org, trainer=True)
    manager = make_user("a-manager@example.nl", organisation=org, manages=[team])
    other_learner = make_user("b-learner@example.nl", organisation=other_org, teams=[other_team])
    other_trainer = make_user("b-trainer@example.nl", organisation=other_org, trainer=True)
    other_manager = make_user("b-manager@example.nl", organisation=other_org, manages=[other_team])

    scenario = publish(library, scenario_document())
    other_scenario = publish(library, scenario_document(text="Een ander verhaal."))
    index = build_course_index()
    course, lesson = _course(index, "a", scenario)
    other_course, _ = _course(index, "b", other_scenario)
    cohort = build_cohort(
        course, name="Leergroep A", participants=[learner, volunteer], trainers=[trainer]
    )
    other_cohort = build_cohort(
        other_course, name="Leergroep B", participants=[other_learner], trainers=[other_trainer]
    )

    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "regel-het")
    attempt.refresh_from_db()
    previous = start(client, scenario)  # a second, earlier-finished attempt makes compare work
    choose(client, previous, "regel-het")
    attempt, previous = previous, attempt
    client.logout()

    reflection = Reflection.objects.create(
        author=learner, cohort=cohort, body=SECRET_REFLECTION, visibility="cohort", attempt=attempt
    )
    reply = ReflectionReply.objects.create(
        reflection=reflection, author=volunteer, body=SECRET_REPLY
    )
    return World(
        learner=learner,
        volunteer=volunteer,
        trainer=trainer,
        manager=manager,
        other_learner=other_learner,
        other_trainer=other_trainer,
        other_manager=other_manager,
        team=team,
        other_team=other_team,
        scenario=scenario,
        course=course,
        lesson=lesson,
        cohort=cohort,
        other_cohort=other_cohort,
        attempt=attempt,
        reflection=reflection,
        reply=reply,
    )
