"""Karin builds a scenario on the map: what the server keeps, checks, refuses and words."""

from __future__ import annotations

import copy
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from people import roles
from scenarios import interop, map_editor
from scenarios.models import Attempt, ScenarioPage
from tests.scenarios.conftest import demo_bytes
from tests.scenarios.test_authoring import SMALL

QUERY_BUDGET = 30  # 28 today: the page, its revision, principles, the admin menu
UNREACHABLE = (
    "Stap 'los' is niet bereikbaar vanaf het begin: laat een keuze ernaartoe gaan, "
    "of haal de stap weg."
)


@pytest.fixture
def draft(scenario_index, trainer):
    return interop.import_scenario(json.dumps(SMALL), scenario_index, user=trainer).page


@pytest.fixture
def karin(client, trainer):
    client.force_login(trainer)
    return client


def url(name, page):
    return reverse(f"scenarios_admin:{name}", args=[page.pk])


def opened(client, page) -> dict:
    """The data the map starts from, as its script reads it."""
    response = client.get(url("map", page))
    assert response.status_code == 200
    return response.context["map_data"]


def post_json(client, address, payload):
    return client.post(address, json.dumps(payload), content_type="application/json")


def with_loose_step(document):
    doc = copy.deepcopy(document)
    doc["nodes"].append(
        {"key": "los", "text": "Niemand komt hier.", "end": True, "position": [9, 9]}
    )
    return doc


def test_the_map_opens_with_every_step_placed_and_no_problem(karin, draft):
    data = opened(karin, draft)
    nodes = data["document"]["nodes"]
    assert [node["key"] for node in nodes] == ["begin", "motief", "einde"]
    assert all(len(node["position"]) == 2 for node in nodes)
    # Layered: the start above the step it leads to, that step above the ending.
    tops = {node["key"]: node["position"][1] for node in nodes}
    assert tops["begin"] < tops["motief"] < tops["einde"]
    assert data["problems"] == []
    assert data["revision"] == draft.latest_revision_id


def test_a_check_words_each_problem_once_and_stores_nothing(karin, draft):
    data = opened(karin, draft)
    revisions = Revision.objects.count()
    response = post_json(
        karin, url("map_check", draft), {"document": with_loose_step(data["document"])}
    )
    assert response.status_code == 200
    texts = [problem["text"] for problem in response.json()["problems"]]
    assert texts == [UNREACHABLE]
    assert response.json()["problems"][0]["node"] == "los"
    assert Revision.objects.count() == revisions


def test_saving_makes_a_new_draft_revision_with_the_positions(karin, draft, trainer):
    data = opened(karin, draft)
    doc = with_loose_step(data["document"])
    doc["nodes"][0]["position"] = [400, 12]
    response = post_json(
        karin, url("map_save", draft), {"document": doc, "revision": data["revision"]}
    )
    assert response.status_code == 200, response.content
    assert [p["code"] for p in response.json()["problems"]] == ["unreachable"]  # drafts save
    page = ScenarioPage.objects.get(pk=draft.pk)
    assert page.latest_revision_id == response.json()["revision"] != data["revision"]
    assert page.latest_revision.user == trainer
    latest = page.get_latest_revision_as_object()
    assert [block.value["key"] for block in latest.graph] == ["begin", "motief", "einde", "los"]
    assert latest.map_positions["begin"] == [400, 12]
    assert not page.live
    # The same data the page form, export and play use: the map reopens as it was saved.
    again = opened(karin, page)
    assert again["document"]["nodes"][0]["position"] == [400, 12]
    assert interop.export_document(page)["nodes"][3]["key"] == "los"


def test_a_save_after_someone_else_saved_is_refused_and_loses_nothing(karin, draft, make_user):
    data = opened(karin, draft)
    other = make_user("ilse@example.nl", trainer=True, name="Ilse")
    theirs = draft.get_latest_revision_as_object()
    theirs.title = "Ilse's versie"
    theirs.save_revision(user=other)
    response = post_json(
        karin,
        url("map_save", draft),
        {"document": with_loose_step(data["document"]), "revision": data["revision"]},
    )
    assert response.status_code == 409
    assert "Ilse" in response.json()["error"]
    assert "Herlaad de kaart" in response.json()["error"]
    latest = ScenarioPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert latest.title == "Ilse's versie"


def test_a_save_after_the_same_person_saved_elsewhere_says_so(karin, draft, trainer):
    """Two tabs of the same trainer: the refusal names the other tab, not "someone else"."""
    data = opened(karin, draft)
    mine = draft.get_latest_revision_as_object()
    mine.title = "Uit het andere tabblad"
    mine.save_revision(user=trainer)
    response = post_json(
        karin, url("map_save", draft), {"document": data["document"], "revision": data["revision"]}
    )
    assert response.status_code == 409
    error = response.json()["error"]
    assert error.startswith("Je hebt dit scenario intussen in een ander tabblad of venster")
    assert "Iemand anders" not in error


def test_the_map_knows_whether_the_scenario_is_live(client, draft, make_user):
    client.force_login(make_user("lotte@example.nl", groups=[roles.CONTENT_LEADS]))
    data = opened(client, draft)
    assert data["state"] == "draft"
    response = post_json(
        client,
        url("map_save", draft),
        {"document": data["document"], "revision": data["revision"], "publish": True},
    )
    assert response.json()["state"] == "live"
    assert response.json()["live"]
    assert opened(client, draft)["state"] == "live"


def test_a_page_locked_by_someone_else_is_not_saved(karin, draft, make_user):
    data = opened(karin, draft)
    other = make_user("ilse@example.nl", trainer=True, name="Ilse")
    ScenarioPage.objects.filter(pk=draft.pk).update(
        locked=True, locked_by=other, locked_at=timezone.now()
    )
    response = post_json(
        karin, url("map_save", draft), {"document": data["document"], "revision": data["revision"]}
    )
    assert response.status_code == 423
    assert "vergrendeld" in response.json()["error"]
    assert ScenarioPage.objects.get(pk=draft.pk).latest_revision_id == data["revision"]


def test_publishing_is_refused_while_a_problem_remains(client, draft, make_user):
    lead = make_user("lotte@example.nl", groups=[roles.CONTENT_LEADS])
    client.force_login(lead)
    data = opened(client, draft)
    assert data["canPublish"]
    payload = {
        "document": with_loose_step(data["document"]),
        "revision": data["revision"],
        "publish": True,
    }
    response = post_json(client, url("map_save", draft), payload)
    assert response.status_code == 400
    assert [p["text"] for p in response.json()["problems"]] == [UNREACHABLE]
    assert not ScenarioPage.objects.get(pk=draft.pk).live

    payload["document"] = data["document"]
    response = post_json(client, url("map_save", draft), payload)
    assert response.status_code == 200
    assert response.json()["published"]
    assert ScenarioPage.objects.get(pk=draft.pk).live


def test_a_trainer_saves_drafts_but_may_not_publish(karin, draft):
    data = opened(karin, draft)
    assert not data["canPublish"]
    response = post_json(
        karin,
        url("map_save", draft),
        {"document": data["document"], "revision": data["revision"], "publish": True},
    )
    assert response.status_code == 403
    assert not ScenarioPage.objects.get(pk=draft.pk).live


def test_something_that_is_no_scenario_is_refused_in_words(karin, draft):
    response = karin.post(url("map_save", draft), "{niet", content_type="application/json")
    assert response.status_code == 400
    assert "Herlaad de kaart" in response.json()["error"]


def test_play_from_here_shows_the_preview_and_stores_no_attempt(karin, draft):
    data = opened(karin, draft)
    doc = copy.deepcopy(data["document"])
    doc["nodes"][1]["text"] = "Nog niet opgeslagen tekst."
    response = karin.post(url("map_play", draft), {"document": json.dumps(doc)})
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="stap-motief"' in text
    assert "Nog niet opgeslagen tekst." in text
    assert Attempt.objects.count() == 0
    assert ScenarioPage.objects.get(pk=draft.pk).latest_revision_id == data["revision"]


@pytest.mark.parametrize("name", ["map", "map_check", "map_save", "map_play"])
def test_someone_who_may_not_edit_the_page_cannot_use_its_map(client, draft, admin_only, name):
    client.force_login(admin_only)
    revisions = Revision.objects.count()
    for response in (
        client.post(url(name, draft), "{}", content_type="application/json"),
        client.get(url(name, draft)),
    ):
        # Refused: 403, or the admin's own refusal (back to the dashboard with a message).
        assert response.status_code in (302, 403, 405)
        assert response.status_code != 302 or response["Location"] == "/admin/"
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize("name", ["dagbesteding-mark.json", "doorgeschoven-casus.json"])
def test_an_18_step_demo_scenario_fits_three_screen_heights(scenario_index, trainer, name):
    page = interop.import_scenario(demo_bytes(name), scenario_index, user=trainer).page
    nodes = map_editor.map_document(page.get_latest_revision_as_object())["nodes"]
    assert len(nodes) == 18
    bottom = max(node["position"][1] for node in nodes) + map_editor.CARD_H
    right = max(node["position"][0] for node in nodes) + map_editor.CARD_W
    assert bottom < 3 * 800 - 400  # three screens of 800 px, less the toolbar above the map
    assert right < 1280 - 200  # beside the admin's menu at 1280 px


def test_the_map_of_an_18_step_scenario_opens_in_a_fixed_number_of_queries(
    client, scenario_index, trainer
):
    page = interop.import_scenario(demo_bytes(), scenario_index, user=trainer).page
    client.force_login(trainer)
    client.get(url("map", page))  # the first admin visit notes the start of the MFA grace
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("map", page))
    assert response.status_code == 200
    assert len(queries) <= QUERY_BUDGET, len(queries)
