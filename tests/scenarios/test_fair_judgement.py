"""Scoring version 2 as the learner meets it: shuffled choices, words before numbers, a way on."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from scenarios.models import Attempt, AttemptChoice
from tests.builders import choose, publish, scenario_document, start


@pytest.fixture
def scenario(library):
    return publish(library, scenario_document())


def shown_keys(client, attempt) -> list[str]:
    page = client.get(reverse("attempt-play", args=[attempt.pk])).content.decode()
    return re.findall(r'name="choice" value="([^"]+)"', page)


def test_over_fifty_attempts_the_desired_choice_turns_up_in_every_position(
    client, learner, scenario
):
    client.force_login(learner)
    positions = Counter()
    for _ in range(50):
        attempt = start(client, scenario)
        choose(client, attempt, "vraag-door")
        attempt.refresh_from_db()
        keys = shown_keys(client, attempt)  # "midden": netwerk (desired), knik, nog-eens
        assert sorted(keys) == ["knik", "netwerk", "nog-eens"]
        positions[keys.index("netwerk")] += 1
        choose(client, attempt, "knik")
    assert set(positions) == {0, 1, 2}


def test_one_attempt_keeps_its_order_on_reload_in_a_second_tab_and_after_a_stale_post(
    client, learner, scenario
):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "vraag-door")
    attempt.refresh_from_db()
    first = shown_keys(client, attempt)
    assert shown_keys(client, attempt) == first
    stale = client.post(
        reverse("attempt-play", args=[attempt.pk]), {"step": 0, "choice": "vraag-door"}
    )
    assert stale.status_code == 409
    assert re.findall(r'name="choice" value="([^"]+)"', stale.content.decode()) == first


def test_someone_else_speaks_under_their_own_name(client, learner, library):
    document = scenario_document()
    document["nodes"][0].update(speaker="other", speaker_name="Sandra (woonconsulent)")
    page = publish(library, document)
    client.force_login(learner)
    attempt = start(client, page)
    html = client.get(reverse("attempt-play", args=[attempt.pk])).content.decode()
    assert "Sandra (woonconsulent)" in html
    assert "Iemand anders" not in html


def test_a_quick_succession_of_steps_is_refused_in_dutch_and_records_nothing(
    client, learner, scenario, settings
):
    settings.SCENARIO_STEP_LIMIT = (3, 60)
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "vraag-door")
    url = reverse("attempt-play", args=[attempt.pk])
    for step in (1, 2):
        client.post(url, {"step": step, "choice": "nog-eens"})
    response = client.post(url, {"step": 3, "choice": "nog-eens"})
    assert response.status_code == 429
    assert "Je kiest erg snel achter elkaar" in response.content.decode()
    assert AttemptChoice.objects.filter(attempt=attempt).count() == 3


def finish_badly(client, scenario) -> Attempt:
    attempt = start(client, scenario)
    choose(client, attempt, "vraag-door")
    attempt.refresh_from_db()
    choose(client, attempt, "knik")
    attempt.refresh_from_db()
    return attempt


def test_the_result_speaks_in_words_first_and_shows_the_better_choice(client, learner, scenario):
    client.force_login(learner)
    attempt = finish_badly(client, scenario)
    html = client.get(reverse("attempt-result", args=[attempt.pk])).content.decode()
    # presentie: +1 of 0…+1 at "begin", 0 of 0…+1 at "midden": 50, "deels gewenst".
    assert 'data-principle="presentie" data-score="50" data-band="partly_desired"' in html
    assert "Deels gewenst" in html
    assert "speelde mee bij 2 van je keuzes" in html
    assert "Alle principes samen" in html and "Totaalscore" not in html
    # At "midden" the learner nodded; asking about the network was the more desired choice.
    better = html[html.index("Meer gewenst was hier") :]
    assert "Wie kan er nog meer helpen?" in better[:400]


def test_a_principle_the_learner_never_met_is_not_practised_never_a_number(
    client, learner, library
):
    document = scenario_document()
    document["principles"].append("zelfregie")
    # Zelfregie is at stake only at a side step the learner below never visits.
    document["nodes"][0]["choices"].append(
        {"key": "zijweg", "text": "Zijweg", "target": "zijpad", "quality": "acceptable"}
    )
    document["nodes"].append(
        {
            "key": "zijpad",
            "text": "Wat wilt u zelf?",
            "choices": [
                {
                    "key": "laat-kiezen",
                    "text": "U kiest.",
                    "target": "goed-einde",
                    "quality": "desired",
                    "scores": {"zelfregie": 2},
                },
                {
                    "key": "kies-zelf",
                    "text": "Ik kies.",
                    "target": "goed-einde",
                    "quality": "less_desired",
                },
            ],
        }
    )
    page = publish(library, document)
    client.force_login(learner)
    attempt = finish_badly(client, page)
    html = client.get(reverse("attempt-result", args=[attempt.pk])).content.decode()
    assert 'data-principle="zelfregie" data-score="" data-band="not_practised"' in html
    assert "Niet geoefend" in html
    assert not attempt.principle_scores.filter(principle="zelfregie").exists()


def test_a_feedback_url_for_a_step_that_was_never_taken_is_not_found(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    assert client.get(reverse("attempt-feedback", args=[attempt.pk, 7])).status_code == 404
