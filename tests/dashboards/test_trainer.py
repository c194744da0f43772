import pytest
from django.urls import reverse

from courses.models import LessonProgress, Reflection, ReflectionReply

from .conftest import play


@pytest.fixture
def group(cohort, learner, volunteer, lessons):
    cohort.participants.add(learner, volunteer)
    LessonProgress.objects.create(user=learner, lesson=lessons[0])
    LessonProgress.objects.create(user=learner, lesson=lessons[1])
    return cohort


def test_the_overview_lists_the_groups_with_waiting_reflections(client, trainer, group, learner):
    Reflection.objects.create(author=learner, cohort=group, body="Wat ik meeneem")
    client.force_login(trainer)
    response = client.get(reverse("trainer-overview"))
    assert response.status_code == 200
    (cohort,) = response.context["cohorts"]
    assert cohort.participant_count == 2
    assert cohort.waiting_count == 1


def test_a_trainer_starts_a_new_group_from_the_overview(client, trainer, group, make_user):
    new_group = f'href="{reverse("cohorts:add")}"'
    client.force_login(trainer)
    assert new_group in client.get(reverse("trainer-overview")).content.decode()
    # Someone who only trains this group, without the trainer role, may not make groups.
    helper = make_user("hulp@example.nl")
    group.trainers.add(helper)
    client.force_login(helper)
    page = client.get(reverse("trainer-overview"))
    assert page.status_code == 200 and group.name in page.content.decode()
    assert new_group not in page.content.decode()


def test_it_shows_who_finished_which_lesson_and_scenario(
    client, trainer, group, learner, volunteer, published_scenario
):
    play(volunteer, published_scenario)
    client.force_login(trainer)
    response = client.get(reverse("trainer-cohort", args=[group.pk]))
    assert response.status_code == 200
    overview = response.context["overview"]
    assert [page.pk for page in overview.scenarios] == [published_scenario.pk]
    members = {m.user_id: m for m in overview.members}
    assert members[learner.pk].lessons == [True, True, False, False]
    assert members[learner.pk].scenarios == [False]
    assert members[volunteer.pk].lessons_done == 0
    assert members[volunteer.pk].scenarios == [True]
    assert f'data-member="{learner.pk}" data-lessons="2" data-scenarios="0"'.encode() in (
        response.content
    )


def test_a_scenario_finished_before_joining_the_group_is_not_the_groups(
    client, trainer, group, learner, published_scenario
):
    from datetime import timedelta

    from django.utils import timezone

    play(learner, published_scenario, when=timezone.now() - timedelta(days=2))
    group.participation_set.filter(user=learner).update(
        joined_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(trainer)
    overview = client.get(reverse("trainer-cohort", args=[group.pk])).context["overview"]
    assert {m.user_id: m.scenarios for m in overview.members}[learner.pk] == [False]


def test_reflections_wait_until_a_trainer_of_the_group_answers(
    client, trainer, group, learner, volunteer, make_user, organisation
):
    shared = Reflection.objects.create(
        author=learner, cohort=group, body="Gedeeld", visibility=Reflection.Visibility.COHORT
    )
    private = Reflection.objects.create(author=volunteer, cohort=group, body="Privé")
    answered = Reflection.objects.create(author=volunteer, cohort=group, body="Beantwoord")
    ReflectionReply.objects.create(reflection=answered, author=trainer, body="Mooi")
    ReflectionReply.objects.create(reflection=shared, author=volunteer, body="Herkenbaar")
    Reflection.objects.create(author=learner, cohort=group, body="Verborgen", hidden=True)
    client.force_login(trainer)
    response = client.get(reverse("trainer-cohort", args=[group.pk]))
    waiting = response.context["overview"].reflections
    assert [r.pk for r in waiting] == [private.pk, shared.pk]  # newest first
    assert response.context["reflections_url"].endswith(f"/leergroep/{group.pk}/reflecties/")


def test_it_lists_the_choices_most_often_less_desired_with_their_texts(
    client, trainer, group, learner, volunteer, published_scenario
):
    for seed in range(6):
        play(learner, published_scenario, skill=0, seed=seed)
        play(volunteer, published_scenario, skill=0, seed=seed + 10)
    client.force_login(trainer)
    response = client.get(reverse("trainer-cohort", args=[group.pk]))
    ((discussion, debrief_url),) = response.context["discussions"]
    assert discussion.page.pk == published_scenario.pk
    assert 0 < len(discussion.choices) <= 5
    times = [choice.times for choice in discussion.choices]
    assert times == sorted(times, reverse=True)
    assert all(choice.choice_text and choice.node_text for choice in discussion.choices)
    assert all(1 <= choice.learners <= 2 for choice in discussion.choices)
    first = discussion.choices[0]
    people = "door één deelnemer" if first.learners == 1 else f"door {first.learners} deelnemers"
    assert f"{first.times} keer gekozen, {people}" in response.content.decode()
    assert "(s)" not in response.content.decode()
    if debrief_url:
        assert debrief_url.endswith(f"/{group.pk}/nabespreking/{published_scenario.pk}/")


def test_attempts_of_people_outside_the_group_do_not_count(
    client, trainer, group, outsider, published_scenario
):
    for seed in range(3):
        play(outsider, published_scenario, skill=0, seed=seed)
    client.force_login(trainer)
    response = client.get(reverse("trainer-cohort", args=[group.pk]))
    for discussion, _url in response.context["discussions"]:
        assert discussion.choices == []


def test_a_trainer_comparing_an_attempt_does_not_see_one_from_before_the_group(
    client, trainer, group, learner, published_scenario
):
    """The earlier attempt belongs to the player alone when it was played before they
    joined the trainer's group: comparing with it is not the trainer's."""
    from datetime import timedelta

    from django.utils import timezone

    play(learner, published_scenario, when=timezone.now() - timedelta(days=2))
    later = play(learner, published_scenario, when=timezone.now())
    group.participation_set.filter(user=learner).update(
        joined_at=timezone.now() - timedelta(days=1)
    )
    compare = reverse("attempt-compare", args=[later.pk])
    client.force_login(trainer)
    assert client.get(reverse("attempt-result", args=[later.pk])).status_code == 200
    assert client.get(compare).status_code == 404
    client.force_login(learner)
    assert client.get(compare).status_code == 200
