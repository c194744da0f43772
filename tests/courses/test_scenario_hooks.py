"""Courses answer scenarios' questions: who may play a course's scenario, who sees an attempt."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Participation
from tests.builders import build_cohort, choose, publish, scenario_document, start


@pytest.fixture
def course_scenario(library, make_course, cohort):
    """A scenario in the only lesson of a closed course, which the cohort now runs."""
    page = publish(library, scenario_document())
    course = make_course("Gesloten", lessons=[[("scenario", {"scenario": page.pk})]])
    cohort.course = course
    cohort.save()
    return page


def test_a_scenario_in_no_course_may_be_played_by_any_logged_in_user(client, library, outsider):
    page = publish(library, scenario_document())
    client.force_login(outsider)
    assert client.post(reverse("scenario-start", args=[page.pk])).status_code == 302


def test_a_course_scenario_may_not_be_played_by_an_outsider(
    client, course_scenario, outsider, other_cohort
):
    client.force_login(outsider)
    assert client.post(reverse("scenario-start", args=[course_scenario.pk])).status_code == 404
    assert client.get(course_scenario.url).status_code == 404


def test_a_course_scenario_may_be_played_by_participants_and_trainers(
    client, course_scenario, learner, trainer
):
    for user in (learner, trainer):
        client.force_login(user)
        assert client.post(reverse("scenario-start", args=[course_scenario.pk])).status_code == 302


def test_a_scenario_in_an_open_course_may_be_played_by_any_logged_in_user(
    client, library, make_course, outsider
):
    page = publish(library, scenario_document())
    make_course("Gesloten", lessons=[[("scenario", {"scenario": page.pk})]])
    make_course("Open", open_to_all=True, lessons=[[("scenario", {"scenario": page.pk})]])
    client.force_login(outsider)
    assert client.post(reverse("scenario-start", args=[page.pk])).status_code == 302


def test_a_scenario_only_in_an_unpublished_lesson_stays_open(
    client, library, make_course, outsider
):
    from tests.builders import lessons_of

    page = publish(library, scenario_document())
    course = make_course("Concept", lessons=[[("scenario", {"scenario": page.pk})]])
    lessons_of(course)[0].unpublish()
    client.force_login(outsider)
    assert client.post(reverse("scenario-start", args=[page.pk])).status_code == 302


@pytest.fixture
def finished_attempt(client, course_scenario, learner):
    client.force_login(learner)
    attempt = start(client, course_scenario)
    choose(client, attempt, "regel-het")
    client.logout()
    attempt.refresh_from_db()
    assert attempt.is_finished
    return attempt


def test_the_trainer_of_the_players_group_sees_the_result(client, finished_attempt, trainer):
    client.force_login(trainer)
    assert client.get(reverse("attempt-result", args=[finished_attempt.pk])).status_code == 200


def test_a_trainer_of_another_group_does_not_see_the_result(client, finished_attempt, other_cohort):
    other_trainer = other_cohort.trainers.get()
    client.force_login(other_trainer)
    assert client.get(reverse("attempt-result", args=[finished_attempt.pk])).status_code == 404


def test_a_fellow_participant_does_not_see_the_result(client, finished_attempt, volunteer):
    client.force_login(volunteer)
    assert client.get(reverse("attempt-result", args=[finished_attempt.pk])).status_code == 404


def test_a_trainer_of_another_course_the_player_joined_later_does_not_see_it(
    client, finished_attempt, make_course, make_user, organisation, learner
):
    """Trainer B trains the player in another course, joined after this attempt: no access."""
    coach = make_user("coach@example.nl", organisation=organisation, trainer=True)
    second = make_course("Tweede")
    build_cohort(second, name="Tweede groep", participants=[learner], trainers=[coach])
    client.force_login(coach)
    assert client.get(reverse("attempt-result", args=[finished_attempt.pk])).status_code == 404


def test_a_trainer_does_not_see_an_attempt_from_before_the_participant_joined(
    client, course_scenario, cohort, trainer, make_user, organisation
):
    from tests.dashboards.conftest import play

    newcomer = make_user("nieuw@example.nl", organisation=organisation)
    before = play(newcomer, course_scenario, when=timezone.now() - timedelta(days=3))
    Participation.objects.create(cohort=cohort, user=newcomer)
    after = play(newcomer, course_scenario)
    client.force_login(trainer)
    assert client.get(reverse("attempt-result", args=[before.pk])).status_code == 404
    assert client.get(reverse("attempt-result", args=[after.pk])).status_code == 200
