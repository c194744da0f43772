import json
import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from scenarios.graph import clear_revision_cache
from scenarios.interop import import_scenario
from scenarios.models import Attempt, AttemptChoice, ScenarioIndexPage
from tests.builders import scenario_document

pytestmark = pytest.mark.django_db(transaction=True)


def post_all_at_once(users_and_posts):
    """Send every POST from its own thread and client, released together by a barrier."""
    barrier = threading.Barrier(len(users_and_posts), timeout=20)
    statuses = []

    def send(user, url, data):
        client = Client()
        client.force_login(user)
        barrier.wait()
        try:
            statuses.append(client.post(url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=args) for args in users_and_posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.fixture
def scenario(migrated_db):
    clear_revision_cache()
    index = ScenarioIndexPage(title="Bibliotheek", slug="bibliotheek")
    Page.objects.get(depth=2).add_child(instance=index)
    return import_scenario(json.dumps(scenario_document()), index, publish=True).page


def start(user, page):
    client = Client()
    client.force_login(user)
    client.post(reverse("scenario-start", args=[page.pk]))
    return Attempt.objects.get(user=user, page=page)


def test_simultaneous_posts_of_one_step_advance_the_attempt_exactly_once(
    migrated_db, learner, scenario
):
    attempt = start(learner, scenario)
    url = reverse("attempt-play", args=[attempt.pk])
    statuses = post_all_at_once([(learner, url, {"step": 0, "choice": "vraag-door"})] * 10)
    assert sorted(statuses).count(302) == 1
    assert set(statuses) <= {302, 409}
    assert AttemptChoice.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert (attempt.step, attempt.current_node) == (1, "midden")


def test_two_learners_finishing_at_once_both_keep_their_attempts(
    migrated_db, learner, volunteer, scenario
):
    attempts = [start(user, scenario) for user in (learner, volunteer)]
    posts = [
        (
            attempt.user,
            reverse("attempt-play", args=[attempt.pk]),
            {"step": 0, "choice": "regel-het"},
        )
        for attempt in attempts
    ]
    assert post_all_at_once(posts) == [302, 302]
    for attempt in attempts:
        attempt.refresh_from_db()
        assert attempt.is_finished
        assert attempt.overall is not None


def test_a_trainer_publishing_while_twenty_learners_play_changes_nothing_for_them(
    migrated_db, make_user, scenario
):
    learners = [make_user(f"speler{n}@example.nl") for n in range(20)]
    attempts = [start(user, scenario) for user in learners]
    old_revision = scenario.live_revision_id
    changed = scenario.get_latest_revision_as_object()
    changed.graph[0].value["text"] = "Een nieuwe opening."
    publishing = threading.Thread(
        target=lambda: (changed.save_revision().publish(), connections.close_all())
    )
    posts = [
        (
            attempt.user,
            reverse("attempt-play", args=[attempt.pk]),
            {"step": 0, "choice": "vraag-door"},
        )
        for attempt in attempts
    ]
    publishing.start()
    statuses = post_all_at_once(posts)
    publishing.join()
    assert statuses == [302] * 20
    for attempt in attempts:
        attempt.refresh_from_db()
        assert (attempt.revision_id, attempt.step, attempt.current_node) == (
            old_revision,
            1,
            "midden",
        )
    scenario.refresh_from_db()
    assert scenario.live_revision_id != old_revision


def test_ten_simultaneous_starts_make_one_running_attempt(migrated_db, learner, scenario):
    url = reverse("scenario-start", args=[scenario.pk])
    statuses = post_all_at_once([(learner, url, {})] * 10)
    assert statuses == [302] * 10  # every click lands on the one attempt
    assert Attempt.objects.filter(user=learner, page=scenario).count() == 1
