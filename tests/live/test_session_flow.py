"""A whole session: the trainer starts it, phones join and vote, reveal, follow, next, finish."""

import pytest
from django.urls import reverse

from live import codes, running
from live.models import LiveParticipant, LiveSession, LiveStep, LiveVote
from tests.live.conftest import join, vote


def test_a_trainer_starts_a_session_from_their_group(client, group, scenario, trainer):
    client.force_login(trainer)
    page = client.get(reverse("live-start", args=[group.pk]))
    assert page.status_code == 200
    assert "Live sessie starten" in page.content.decode()  # the form heading
    response = client.post(reverse("live-start", args=[group.pk]), {"scenario": scenario.pk})
    session = LiveSession.objects.get()
    assert response["Location"] == reverse("live-control", args=[session.pk])
    assert session.revision_id == scenario.live_revision_id
    assert session.node_key == "begin" and session.step == 1 and session.is_running
    assert not session.allow_guests
    assert codes.looks_valid(session.code)


def test_the_group_page_offers_the_trainer_a_live_session(client, group, trainer, learner):
    client.force_login(trainer)
    assert (
        reverse("live-start", args=[group.pk])
        in client.get(group.get_absolute_url()).content.decode()
    )
    client.force_login(learner)
    assert (
        reverse("live-start", args=[group.pk])
        not in client.get(group.get_absolute_url()).content.decode()
    )


def test_codes_have_no_look_alikes():
    for _ in range(200):
        code = codes.new_code()
        assert len(code) == 6 and not set(code) & set("0O1IL")
    assert codes.normalise(" ab-cd 23 ") == "ABCD23"


def test_members_join_logged_in_and_vote(client, session, learner):
    join(client, session, learner)
    participant = LiveParticipant.objects.get()
    assert participant.user == learner and participant.role == "professional"
    page = client.get(reverse("live-vote", args=[session.code]))
    body = page.content.decode()
    assert "Ik red me niet meer." in body and "Wat lukt er nog wel?" in body
    response = vote(client, session, "vraag-door")
    assert response.status_code == 302
    assert LiveVote.objects.get().choice_key == "vraag-door"


def test_a_vote_can_change_before_the_reveal_but_not_after(client, session, learner):
    join(client, session, learner)
    vote(client, session, "vraag-door")
    vote(client, session, "regel-het")
    assert list(LiveVote.objects.values_list("choice_key", flat=True)) == ["regel-het"]
    running.reveal(session)
    response = vote(client, session, "vraag-door")
    assert response.status_code == 409
    assert "De stemmen van deze stap zijn al zichtbaar" in response.content.decode()
    assert list(LiveVote.objects.values_list("choice_key", flat=True)) == ["regel-het"]


def test_reveal_follow_next_and_finish_keep_the_route(client, session, trainer, learner):
    join(client, session, learner)
    vote(client, session, "vraag-door")
    client.force_login(trainer)
    url = reverse("live-control", args=[session.pk])
    assert "1" in client.get(url).content.decode()
    client.post(url, {"action": "reveal", "step": 1})
    page = client.get(url).content.decode()
    # One voter: naming the choice with most votes would tell the room how she voted.
    assert "checked" not in page and "meeste stemmen" not in page
    client.post(url, {"action": "follow", "choice": "vraag-door", "step": 1})
    page = client.get(url).content.decode()
    assert "Je kijkt naar wat er wel kan." in page  # the feedback of the followed choice
    client.post(url, {"action": "next", "step": 1})
    session.refresh_from_db()
    assert (session.step, session.node_key, session.revealed) == (2, "midden", False)
    # A second tab still showing step 1 cannot reveal step 2 before anyone voted.
    stale = client.post(url, {"action": "reveal", "step": 1}, follow=True)
    assert "de sessie was al verder" in stale.content.decode()
    session.refresh_from_db()
    assert not session.revealed
    client.post(url, {"action": "reveal", "step": 2})
    client.post(url, {"action": "follow", "choice": "netwerk", "step": 2})
    client.post(url, {"action": "next", "step": 2})
    client.post(url, {"action": "finish"})
    session.refresh_from_db()
    assert not session.is_running and session.finished_at
    assert list(LiveStep.objects.values_list("node_key", "choice_key")) == [
        ("begin", "vraag-door"),
        ("midden", "netwerk"),
    ]


def test_the_projector_shows_the_words_numbered_choices_code_and_qr(client, session, trainer):
    client.force_login(trainer)
    body = client.get(reverse("live-projector", args=[session.pk])).content.decode()
    assert "Ik red me niet meer." in body
    assert session.code in body
    assert "data:image/svg+xml;base64," in body
    assert '<li value="1"' in body and '<li value="2"' in body
    assert "<script>" not in body  # CSP: no inline script


@pytest.mark.parametrize("view", ["live-control", "live-projector"])
def test_a_reloaded_screen_lands_on_the_current_step(client, session, trainer, view):
    session.followed_key = ""
    running.reveal(session)
    running.follow(session, "vraag-door")
    running.next_step(session)
    client.force_login(trainer)
    body = client.get(reverse(view, args=[session.pk])).content.decode()
    assert "Mijn dochter helpt soms." in body


def test_a_late_joiner_lands_on_the_current_step(client, session, volunteer):
    running.reveal(session)
    running.follow(session, "vraag-door")
    running.next_step(session)
    join(client, session, volunteer)
    body = client.get(reverse("live-vote", args=[session.code])).content.decode()
    assert "Mijn dochter helpt soms." in body and 'name="step" value="2"' in body


def test_the_phone_pages_speak_english_too(client, session, learner):
    join(client, session, learner)
    page = client.get("/en" + reverse("live-vote", args=[session.code]).removeprefix("/nl"))
    body = page.content.decode()
    assert "What would you say or do?" in body
    assert ' lang="nl"' in body  # the scenario's own Dutch words are marked as such


def test_a_phone_that_took_part_is_thanked_when_the_session_ends(client, session, learner):
    from django.urls import reverse

    join(client, session, learner)
    running.finish(session)
    page = client.get(reverse("live-vote", args=[session.code]))
    assert page.status_code == 200
    assert "Bedankt voor het meedoen" in page.content.decode()
    assert reverse("live-my-votes") in page.content.decode()
    client.logout()  # someone who did not take part still hears that the code has ended
    gone = client.get(reverse("live-vote", args=[session.code]))
    assert gone.status_code == 410 and "Bedankt" not in gone.content.decode()


def test_the_trainer_sees_who_joined_without_reloading(client, session, trainer, learner):
    client.force_login(trainer)
    state_url = reverse("live-state", args=[session.pk])
    first = client.get(state_url)
    assert first.json()["joined"] == 0
    join(client, session, learner)
    client.force_login(trainer)
    again = client.get(state_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again.json()["joined"] == 1
    control = client.get(reverse("live-control", args=[session.pk])).content.decode()
    assert "<span data-live-joined>1</span>" in control


def test_a_second_start_for_the_same_group_goes_to_the_running_session(
    client, session, group, scenario, trainer
):
    client.force_login(trainer)
    response = client.post(
        reverse("live-start", args=[group.pk]), {"scenario": scenario.pk}, follow=True
    )
    assert LiveSession.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("live-control", args=[session.pk])
    assert "loopt al" in response.content.decode()


def test_finishing_asks_first_and_then_shows_the_record(client, session, trainer):
    client.force_login(trainer)
    url = reverse("live-control", args=[session.pk])
    page = client.get(url).content.decode()
    # The finish button sits folded away with a warning, not next to "show the votes".
    assert '<details class="live-finish">' in page and "kun je niet terugdraaien" in page
    response = client.post(url, {"action": "finish"})
    assert response["Location"] == reverse("live-record", args=[session.pk])


def test_a_vote_for_a_step_that_has_not_come_is_refused(client, session, learner):
    join(client, session, learner)
    response = vote(client, session, "vraag-door", step=2)
    assert response.status_code == 400
    assert "Die stap is nog niet begonnen" in response.content.decode()
    assert not LiveVote.objects.exists()


def test_a_guest_at_a_members_only_session_is_told_to_log_in(client, group, scenario, trainer):
    members_only = running.start_session(trainer, group, scenario, allow_guests=False)
    response = client.get(reverse("live-join", args=[members_only.code]), follow=True)
    body = response.content.decode()
    assert reverse("account_login") in response.redirect_chain[-1][0]
    assert "voor de leden van de leergroep. Log in om mee te doen" in body


def test_after_the_reveal_the_projector_brings_the_votes_and_then_the_feedback_into_view(
    client, session, trainer, learner
):
    join(client, session, learner)
    vote(client, session, "vraag-door")
    running.reveal(session)
    client.force_login(trainer)
    url = reverse("live-projector", args=[session.pk])
    page = client.get(url).content.decode()
    assert page.index("data-live-scroll") < page.index("live-tally")
    running.follow(session, "vraag-door")
    page = client.get(url).content.decode()
    assert page.index("data-live-scroll") < page.index("live-followed") < page.index("live-tally")


def test_finishing_right_after_following_keeps_that_step_in_the_route(session, trainer):
    running.reveal(session)
    running.follow(session, "vraag-door")
    running.finish(session)
    assert list(LiveStep.objects.values_list("step", "node_key", "choice_key")) == [
        (1, "begin", "vraag-door")
    ]
