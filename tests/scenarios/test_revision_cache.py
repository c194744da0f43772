"""Scenario fragments kept per revision: a publish shows at once, nobody sees another's route.

The node's texts and buttons, the result's route and desired route, and the story map are
kept in the cache under their revision (scenarios/revision_cache.py). A running attempt keeps
the revision it started on; a new attempt takes the new one.
"""

import dataclasses

from django.urls import reverse

from scenarios.graph import graph_stream_data, scenario_from_page
from scenarios.models import Attempt, ScenarioPage
from tests.builders import choose, play_through, publish, scenario_document, start


def _new_revision(page: ScenarioPage, *, first_text: str, publish_it: bool = True):
    page = ScenarioPage.objects.get(pk=page.pk)
    scenario = scenario_from_page(page)
    first = dataclasses.replace(scenario.nodes[0], text=first_text)
    page.graph = graph_stream_data(
        dataclasses.replace(scenario, nodes=(first, *scenario.nodes[1:]))
    )
    revision = page.save_revision()
    if publish_it:
        revision.publish()
    return page


def test_a_published_revision_shows_its_new_text_on_the_next_attempt(
    client, learner, volunteer, library
):
    page = publish(library, scenario_document(text="Ik red me niet meer."))
    client.force_login(learner)
    before = start(client, page)
    url = reverse("attempt-play", args=[before.pk])
    assert "Ik red me niet meer." in client.get(url).content.decode()
    assert "Ik red me niet meer." in client.get(url).content.decode()  # from the cache

    _new_revision(page, first_text="Het gaat eigenlijk best.")

    client.force_login(volunteer)
    after = start(client, page)
    html = client.get(reverse("attempt-play", args=[after.pk])).content.decode()
    assert "Het gaat eigenlijk best." in html
    assert "Ik red me niet meer." not in html
    # The attempt that was running keeps the revision it was started on.
    client.force_login(learner)
    assert "Ik red me niet meer." in client.get(url).content.decode()


def test_each_attempt_shows_its_own_order_of_choices(client, learner, volunteer, library):
    page = publish(library, scenario_document())
    orders = []
    for user, seed in ((learner, 1), (volunteer, 2)):
        client.force_login(user)
        attempt = start(client, page)
        Attempt.objects.filter(pk=attempt.pk).update(shuffle_seed=seed)
        attempt.refresh_from_db()
        node = scenario_from_page(page).node("begin")
        expected = [choice.key for choice in attempt.shown_choices(node)]
        for _ in range(2):  # rendered, then from the cache
            html = client.get(reverse("attempt-play", args=[attempt.pk])).content.decode()
            shown = sorted(expected, key=lambda key: html.index(f'value="{key}"'))
            assert shown == expected
        orders.append(expected)
    if orders[0] == orders[1]:  # two choices: the seeds may agree; the check above still holds
        return
    assert orders[0] == list(reversed(orders[1]))


def test_the_earlier_step_shown_is_this_attempts_own(client, learner, library):
    page = publish(library, scenario_document())
    client.force_login(learner)
    first = start(client, page)
    choose(client, first, "vraag-door")
    html = client.get(reverse("attempt-play", args=[first.pk])).content.decode()
    assert "Wat lukt er nog wel?" in html and "Mijn dochter helpt soms." in html


def test_a_learner_sees_their_own_route_on_a_cached_result(client, learner, volunteer, library):
    page = publish(library, scenario_document())
    good = play_through(learner, page, choices=("vraag-door", "netwerk"))
    quick = play_through(volunteer, page, choices=("regel-het",))

    client.force_login(learner)
    for _ in range(2):
        html = client.get(reverse("attempt-result", args=[good.pk])).content.decode()
        assert "Je nam de gewenste route" in html
        assert "Ik regel thuiszorg voor u." not in html

    client.force_login(volunteer)
    html = client.get(reverse("attempt-result", args=[quick.pk])).content.decode()
    route = html[html.index('<ol class="route">') : html.index("</ol>")]
    assert "Ik regel thuiszorg voor u." in route
    assert "Wie kan er nog meer helpen?" not in route  # Alice's step, not Vera's
    assert "Je nam de gewenste route" not in html
    assert '<details class="route-details">' in html  # the desired route, to unfold


def test_the_story_map_shows_a_newly_saved_draft(client, admin_user, library):
    page = publish(library, scenario_document(text="Ik red me niet meer."))
    client.force_login(admin_user)
    url = reverse("scenarios_admin:map", args=[page.pk])

    def picture() -> str:  # the map's drawing (kept per revision), not the editor's data
        html = client.get(url).content.decode()
        start = html.index('<svg xmlns="http://www.w3.org/2000/svg" viewBox=')
        return html[start : html.index("</svg>", start)]

    assert "Ik red me niet meer." in picture()

    _new_revision(page, first_text="Een nieuwe eerste zin.", publish_it=False)

    assert "Een nieuwe eerste zin." in picture()
    assert "Ik red me niet meer." not in picture()
