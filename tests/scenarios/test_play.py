import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scenarios.models import AttemptChoice, PrincipleScore
from tests.builders import choose, publish, scenario_document, start


@pytest.fixture
def scenario(library):
    return publish(library, scenario_document())


def test_the_scenario_page_shows_the_persona_and_a_start_button(client, learner, scenario):
    client.force_login(learner)
    page = client.get(scenario.url).content.decode()
    assert "Mevrouw Jansen" in page
    assert "81 jaar" in page
    assert "Begin het gesprek" in page


def test_an_anonymous_visitor_is_sent_to_log_in(client, scenario):
    response = client.get(scenario.url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_starting_pins_the_live_revision_and_shows_the_first_step(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    assert attempt.revision_id == scenario.live_revision_id
    page = client.get(reverse("attempt-play", args=[attempt.pk])).content.decode()
    assert "Ik red me niet meer." in page
    assert '<button type="submit" name="choice" value="vraag-door"' in page
    assert '<input type="hidden" name="step" value="0">' in page


def test_a_choice_shows_its_quality_and_feedback_then_the_next_step(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    response = choose(client, attempt, "vraag-door")
    assert response.status_code == 302
    feedback = client.get(response["Location"]).content.decode()
    assert "gewenst" in feedback
    assert "Je kijkt naar wat er wel kan." in feedback
    next_step = client.get(reverse("attempt-play", args=[attempt.pk])).content.decode()
    assert "Mijn dochter helpt soms." in next_step


def test_a_stale_step_changes_nothing_and_says_so(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "vraag-door")
    response = choose(client, attempt, "regel-het", step=0)
    assert response.status_code == 409
    assert "al verwerkt" in response.content.decode()
    assert "Mijn dochter helpt soms." in response.content.decode()
    assert AttemptChoice.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.current_node == "midden"


def test_a_choice_from_another_step_is_refused(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    response = choose(client, attempt, "netwerk")
    assert response.status_code == 400
    assert "hoort niet bij deze stap" in response.content.decode()
    attempt.refresh_from_db()
    assert (attempt.step, attempt.current_node) == (0, "begin")


def test_a_missing_or_garbled_step_is_refused(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    for step in ("", "drie", "9" * 5000):
        response = client.post(
            reverse("attempt-play", args=[attempt.pk]), {"step": step, "choice": "vraag-door"}
        )
        assert response.status_code == 400
    assert not AttemptChoice.objects.filter(attempt=attempt).exists()


def test_the_result_follows_the_scoring_rules(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "vraag-door")
    attempt.refresh_from_db()
    choose(client, attempt, "nog-eens")
    attempt.refresh_from_db()
    choose(client, attempt, "knik")
    attempt.refresh_from_db()
    assert attempt.is_finished
    # Version 2, step by step. "begin": eigen kracht +2 of −2…+2 (4 of 4), presentie +1 of
    # 0…1 (1 of 1). "midden", twice (asking again revisits it): presentie 0 of 0…1 each time.
    # So eigen kracht 100 in 1 step, presentie 1 of 3 = 33 in 3 steps; mean 66.5 → 67.
    assert attempt.overall == 67
    assert attempt.scoring_version == 2
    assert {
        row.principle: (row.score, row.practised)
        for row in PrincipleScore.objects.filter(attempt=attempt)
    } == {"eigen-kracht": (100, 1), "presentie": (33, 3)}
    page = client.get(reverse("attempt-result", args=[attempt.pk])).content.decode()
    assert 'data-principle="eigen-kracht" data-score="100" data-band="mostly_desired"' in page
    assert 'data-principle="presentie" data-score="33" data-band="mostly_less_desired"' in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' in page  # the radar chart
    assert "Samen een plan." in page
    assert "Wie kan er nog meer helpen?" in page  # the desired route


def test_closing_the_browser_and_logging_in_again_resumes_at_the_same_step(
    client, learner, scenario
):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "vraag-door")
    client.logout()
    client.force_login(learner)
    assert "Verder met het gesprek" in client.get(scenario.url).content.decode()
    assert start(client, scenario).pk == attempt.pk
    assert (
        "Mijn dochter helpt soms."
        in client.get(reverse("attempt-play", args=[attempt.pk])).content.decode()
    )


def test_publishing_a_new_revision_leaves_running_attempts_alone(client, learner, library):
    page = publish(library, scenario_document())
    client.force_login(learner)
    running = start(client, page)

    changed = page.get_latest_revision_as_object()
    first = changed.graph[0].value
    first["text"] = "Nieuwe openingszin."
    first["choices"][0]["scores"][0]["value"] = "1"
    changed.save_revision().publish()
    page.refresh_from_db()

    assert (
        "Ik red me niet meer."
        in client.get(reverse("attempt-play", args=[running.pk])).content.decode()
    )
    choose(client, running, "vraag-door")
    running.refresh_from_db()
    choose(client, running, "knik")
    running.refresh_from_db()
    assert running.overall == 75  # scored on the revision it started on

    fresh = start(client, page)
    assert fresh.pk != running.pk
    assert fresh.revision_id == page.live_revision_id != running.revision_id
    assert (
        "Nieuwe openingszin."
        in client.get(reverse("attempt-play", args=[fresh.pk])).content.decode()
    )


def test_replaying_and_comparing_two_attempts(client, learner, scenario):
    client.force_login(learner)
    first = start(client, scenario)
    choose(client, first, "regel-het")
    second = start(client, scenario)
    assert second.pk != first.pk
    choose(client, second, "vraag-door")
    second.refresh_from_db()
    choose(client, second, "netwerk")
    result = client.get(reverse("attempt-result", args=[second.pk])).content.decode()
    assert reverse("attempt-compare", args=[second.pk]) in result
    compare = client.get(reverse("attempt-compare", args=[second.pk])).content.decode()
    assert "Ik regel thuiszorg voor u." in compare
    assert "Wie kan er nog meer helpen?" in compare
    assert 'data-principle="eigen-kracht" data-score="100"' in compare


def test_another_learner_cannot_see_or_play_my_attempt(client, learner, outsider, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "regel-het")
    client.force_login(outsider)
    for name in ("attempt-play", "attempt-result", "attempt-compare"):
        assert client.get(reverse(name, args=[attempt.pk])).status_code == 404
    assert client.get(reverse("attempt-feedback", args=[attempt.pk, 1])).status_code == 404
    assert choose(client, attempt, "vraag-door", step=0).status_code == 404
    assert (
        "Ik regel thuiszorg"
        not in client.get(reverse("attempt-result", args=[attempt.pk])).content.decode()
    )


def test_an_unpublished_scenario_cannot_be_started(client, learner, scenario):
    scenario.unpublish()
    client.force_login(learner)
    assert client.post(reverse("scenario-start", args=[scenario.pk])).status_code == 404


def _queries(client, method, url, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302)
    return len(captured)


def _measure(client, learner, library, extra_nodes, earlier_attempts):
    page = publish(library, scenario_document(extra_nodes=extra_nodes))
    client.force_login(learner)
    for _ in range(earlier_attempts):
        attempt = start(client, page)
        choose(client, attempt, "regel-het")
    attempt = start(client, page)
    url = reverse("attempt-play", args=[attempt.pk])
    client.get(url)  # warm the revision cache, as any later request finds it
    node_get = _queries(client, "get", url)
    step_post = _queries(client, "post", url, {"step": 0, "choice": "vraag-door"})
    return node_get, step_post


def test_a_step_uses_the_same_queries_for_small_and_large_scenarios_and_histories(
    client, learner, library
):
    small = _measure(client, learner, library, extra_nodes=1, earlier_attempts=1)
    large = _measure(client, learner, library, extra_nodes=146, earlier_attempts=100)
    assert small == large, (small, large)
    node_get, step_post = small
    assert node_get <= 3, node_get  # session, user, attempt
    assert step_post <= 7, step_post  # + the attempt locked, the choice, the attempt updated


def test_the_result_page_uses_the_same_queries_for_a_short_and_a_long_history(
    client, learner, library
):
    page = publish(library, scenario_document())
    client.force_login(learner)
    counts = []
    for earlier in (1, 40):
        for _ in range(earlier):
            choose(client, start(client, page), "regel-het")
        attempt = start(client, page)
        choose(client, attempt, "regel-het")
        url = reverse("attempt-result", args=[attempt.pk])
        client.get(url)  # warm the per-process caches (revision, principles)
        counts.append(_queries(client, "get", url))
    assert counts[0] == counts[1] <= 7, counts
