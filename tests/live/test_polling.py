"""The state endpoint: small JSON with a version; 304 while nothing changed; cheap."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from live import running
from tests.live.conftest import join, vote


def poll(client, session, etag=None):
    headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
    return client.get(reverse("live-state", args=[session.pk]), **headers)


def test_the_trainer_polls_the_state_and_gets_304_while_nothing_changed(
    client, session, trainer, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    first = poll(client, session)
    assert first.status_code == 200
    data = first.json()
    assert (data["step"], data["votes"], data["revealed"], data["state"]) == (
        1,
        0,
        False,
        "running",
    )
    assert "trainer_id" not in data
    again = poll(client, session, first["ETag"])
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        running.reveal(session)
    changed = poll(client, session, first["ETag"])
    assert changed.status_code == 200 and changed.json()["revealed"]
    assert changed["ETag"] != first["ETag"]


def test_a_vote_shows_in_the_next_poll(client, session, trainer, learner):
    join(client, session, learner)
    before = poll(client, session).json()
    vote(client, session, "vraag-door")
    after = poll(client, session).json()
    assert after["votes"] == before["votes"] + 1
    assert after["phase"] == before["phase"]  # the phone does not reload for a vote


def test_a_cached_poll_costs_at_most_two_queries(client, session, learner):
    join(client, session, learner)
    etag = poll(client, session)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert poll(client, session, etag).status_code == 304
    assert len(queries) <= 2  # the browser session and the user; the state comes from the cache


def test_outsiders_and_phones_that_did_not_join_cannot_poll(client, session, outsider):
    assert poll(client, session).status_code == 404
    client.force_login(outsider)
    assert poll(client, session).status_code == 404


def test_screens_load_the_poll_script_and_refresh_without_it(client, session, trainer, learner):
    join(client, session, learner)
    phone = client.get(reverse("live-vote", args=[session.code])).content.decode()
    assert 'src="/static/js/live.js"' in phone
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in phone
    assert "data-state-url" in phone
    client.force_login(trainer)
    control = client.get(reverse("live-control", args=[session.pk])).content.decode()
    assert 'aria-live="polite"' in control and "data-live-votes" in control


def test_a_phone_hears_of_a_new_phase_not_of_every_vote(
    client, session, trainer, learner, volunteer, django_capture_on_commit_callbacks
):
    url = reverse("live-state", args=[session.pk]) + "?scope=phase"
    join(client, session, learner)
    page = client.get(reverse("live-vote", args=[session.code])).content.decode()
    assert "?scope=phase" in page  # the phone's page polls the phase only
    first = client.get(url)
    assert "votes" not in first.json()
    vote(client, session, "vraag-door")
    join(client, session, volunteer)
    vote(client, session, "regel-het")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        running.reveal(session)
    moved = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert moved.status_code == 200 and moved.json()["revealed"]
