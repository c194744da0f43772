"""Wrong or expired codes, double votes, choices not offered, late votes, guests on member
pages and a second trainer: each gets a clear Dutch answer and changes nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse

from live import running
from live.models import LiveSession, LiveVote
from tests.live.conftest import join, vote


def votes():
    return list(LiveVote.objects.values_list("step", "choice_key"))


def test_a_wrong_code_is_refused(client, session):
    response = client.post(reverse("live-enter"), {"code": "ZZZZZ9"})
    assert response.status_code == 404
    assert "Er is geen live sessie met deze code" in response.content.decode()
    assert client.get(reverse("live-join", args=["ABC"])).status_code == 404


def test_a_typed_code_is_forgiven_for_case_and_spaces(client, session):
    typed = f" {session.code[:3].lower()} {session.code[3:]} "
    response = client.post(reverse("live-enter"), {"code": typed})
    assert response["Location"] == reverse("live-join", args=[session.code])


def test_a_finished_or_expired_code_no_longer_works(client, session, learner):
    join(client, session, learner)
    running.finish(session)
    response = client.get(reverse("live-join", args=[session.code]))
    assert response.status_code == 410
    assert "De code werkt niet meer" in response.content.decode()
    response = vote(client, session, "vraag-door")
    assert response.status_code == 410
    assert votes() == []


def test_a_code_expires_after_twelve_hours(client, session, learner):
    LiveSession.objects.filter(pk=session.pk).update(
        created_at=session.created_at - timedelta(hours=13)
    )
    response = client.get(reverse("live-join", args=[session.code]))
    assert response.status_code == 410


def test_a_double_vote_counts_once(client, session, learner):
    join(client, session, learner)
    vote(client, session, "vraag-door")
    vote(client, session, "vraag-door")
    assert votes() == [(1, "vraag-door")]


def test_a_choice_not_offered_is_refused(client, session, learner):
    join(client, session, learner)
    response = vote(client, session, "netwerk")  # a choice of another step
    assert response.status_code == 400
    assert "Die keuze hoort niet bij deze stap." in response.content.decode()
    assert votes() == []


def test_a_vote_after_the_step_moved_on_is_refused_and_the_phone_moves_on(client, session, learner):
    join(client, session, learner)
    running.reveal(session)
    running.follow(session, "vraag-door")
    running.next_step(session)
    response = vote(client, session, "regel-het", step=1)
    assert response.status_code == 302
    assert response["Location"] == reverse("live-vote", args=[session.code])
    page = client.get(response["Location"]).content.decode()
    assert "De groep is al verder naar de volgende stap" in page
    assert "Mijn dochter helpt soms." in page
    assert votes() == []


def test_guests_join_only_when_allowed_with_a_first_name_and_a_role(client, session):
    response = client.post(
        reverse("live-join", args=[session.code]), {"first_name": "", "role": "volunteer"}
    )
    assert response.status_code == 200 and session.participants.count() == 0
    join(client, session, first_name="Fatima", role="volunteer")
    guest = session.participants.get()
    assert (guest.user, guest.first_name, guest.role) == (None, "Fatima", "volunteer")
    running.finish(session)
    guest.refresh_from_db()
    assert guest.first_name == ""  # the name was only for the room


def test_guests_are_refused_when_the_session_is_for_members(client, group, scenario, trainer):
    session = running.start_session(trainer, group, scenario, allow_guests=False)
    response = client.post(
        reverse("live-join", args=[session.code]), {"first_name": "Piet", "role": "volunteer"}
    )
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert session.participants.count() == 0


def test_a_guest_reaches_no_member_pages(client, session, group):
    join(client, session, first_name="Gast", role="civil_servant")
    vote(client, session, "vraag-door")
    running.finish(session)
    for url in (
        group.get_absolute_url(),
        reverse("live-record", args=[session.pk]),
        reverse("live-export", args=[session.pk]),
        reverse("live-my-votes"),
        reverse("live-control", args=[session.pk]),
        reverse("cohort-debrief-index", args=[group.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"], url


def test_a_second_trainer_cannot_take_control(client, session, group, make_user, organisation):
    other = make_user("otto@example.nl", organisation=organisation, trainer=True)
    group.trainers.add(other)
    client.force_login(other)
    for view in ("live-control", "live-projector"):
        response = client.get(reverse(view, args=[session.pk]))
        assert response.status_code == 403
        assert "Alleen de trainer die deze sessie startte" in response.content.decode()
    response = client.post(reverse("live-control", args=[session.pk]), {"action": "reveal"})
    assert response.status_code == 403
    session.refresh_from_db()
    assert not session.revealed


def test_a_member_of_another_group_cannot_join(client, session, outsider):
    client.force_login(outsider)
    session.allow_guests = False
    session.save()
    response = client.post(reverse("live-join", args=[session.code]))
    assert response.status_code == 403
    assert "voor de leden van de leergroep" in response.content.decode()


@pytest.mark.parametrize("action", ["follow", "next"])
def test_the_trainer_cannot_skip_the_reveal(client, session, trainer, action):
    client.force_login(trainer)
    client.post(reverse("live-control", args=[session.pk]), {"action": action, "choice": "x"})
    session.refresh_from_db()
    assert (session.step, session.followed_key) == (1, "")


def test_joining_and_voting_are_rate_limited(client, session, learner):
    join(client, session, learner)
    answers = [vote(client, session, "vraag-door").status_code for _ in range(35)]
    assert 429 in answers
    assert answers.index(429) == running.RATE_LIMITS["vote"]
    body = vote(client, session, "regel-het").content.decode()
    assert "Je gaat erg snel" in body
    assert votes() == [(1, "vraag-door")]


def test_phones_behind_one_address_each_have_their_own_join_limit(
    client, session, django_user_model
):
    from django.test import Client

    for number in range(15):  # more than one browser's limit, all from 127.0.0.1
        phone = Client()
        response = phone.post(
            reverse("live-join", args=[session.code]),
            {"first_name": f"Gast {number}", "role": "volunteer"},
        )
        assert response.status_code == 302
    assert session.participants.count() == 15


def test_a_member_sees_the_running_session_on_the_group_page(client, session, group, learner):
    client.force_login(learner)
    page = client.get(group.get_absolute_url()).content.decode()
    assert reverse("live-join", args=[session.code]) in page
    running.finish(session)
    page = client.get(group.get_absolute_url()).content.decode()
    assert reverse("live-join", args=[session.code]) not in page
