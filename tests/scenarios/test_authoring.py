"""Karin writes a scenario in the admin: drafts may have problems, publishing may not."""

from __future__ import annotations

import copy
import html
import json

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from people import roles
from scenarios import interop
from scenarios.models import Attempt, Principle, ScenarioPage

BROKEN_TARGET = (
    "Keuze 'vraag-door' in stap 'begin' verwijst naar 'motief', maar die stap bestaat niet. "
    "Bedoel je 'motief-oud'?"
)

SMALL = {
    "format": "kantelwerk-scenario",
    "version": 1,
    "title": "Riet aan de keukentafel",
    "persona": {"name": "Riet", "age": 81, "situation": "Woont alleen <sinds> kort."},
    "intro": "Je gaat op huisbezoek.",
    "principles": ["presentie", "eigen-kracht"],
    "start": "begin",
    "nodes": [
        {
            "key": "begin",
            "text": "Ik red me wel, hoor.",
            "choices": [
                {
                    "key": "vraag-door",
                    "text": "Hoe gaat het met <b>boodschappen</b>?",
                    "target": "motief",
                    "quality": "desired",
                    "scores": {"presentie": 2},
                    "feedback": "Je vraagt door.",
                },
                {
                    "key": "regel-het",
                    "text": "Ik regel thuiszorg.",
                    "target": "einde",
                    "quality": "less_desired",
                    "scores": {"eigen-kracht": -1},
                    "feedback": "Je neemt het over.",
                },
            ],
        },
        {
            "key": "motief",
            "text": "Mijn buurvrouw helpt soms.",
            "choices": [
                {
                    "key": "buurvrouw",
                    "text": "Vertel eens over haar.",
                    "target": "einde",
                    "quality": "acceptable",
                }
            ],
        },
        {
            "key": "einde",
            "text": "Dank je wel.",
            "end": True,
            "outcome": "Riet voelt zich gehoord.",
        },
    ],
}


def _list_block(items):
    data = {
        str(i): {"value": item, "deleted": "", "order": str(i), "id": ""}
        for i, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def _choice(choice):
    return {
        "key": choice["key"],
        "text": choice["text"],
        "target": choice["target"],
        "quality": choice["quality"],
        "scores": _list_block(
            [
                {"principle": slug, "value": str(value)}
                for slug, value in choice.get("scores", {}).items()
            ]
        ),
        "feedback": choice.get("feedback", ""),
    }


def _node(node):
    return {
        "key": node["key"],
        "speaker": node.get("speaker", "resident"),
        "text": node["text"],
        "end": "on" if node.get("end") else "",
        "outcome": node.get("outcome", ""),
        "choices": _list_block([_choice(c) for c in node.get("choices", [])]),
    }


def edit_post(page, document, *, publish=False):
    """The POST the Wagtail editor sends for this page holding this document."""
    persona = document.get("persona", {})
    data = nested_form_data(
        {
            "title": document["title"],
            "slug": page.slug,
            "persona_name": persona.get("name", ""),
            "persona_age": persona.get("age", ""),
            "persona_situation": persona.get("situation", ""),
            "setting": document.get("setting", ""),
            "intro": document.get("intro", ""),
            "role": document.get("role", "any"),
            "language": document.get("language", "nl"),
            "start_key": document["start"],
            "graph": streamfield([("node", _node(n)) for n in document["nodes"]]),
            "comments": inline_formset([]),
        }
    )
    data["principles"] = [
        str(pk)
        for pk in Principle.objects.filter(slug__in=document["principles"]).values_list(
            "pk", flat=True
        )
    ]
    if publish:
        data["action-publish"] = "action-publish"
    return data


def broken(document=SMALL):
    """The document with its step 'motief' renamed, so 'vraag-door' points at nothing."""
    doc = copy.deepcopy(document)
    doc["nodes"][1]["key"] = "motief-oud"
    return doc


def page_html(response) -> str:
    """The response as text, with the JSON in data attributes unescaped."""
    return html.unescape(response.content.decode())


@pytest.fixture
def draft(scenario_index, trainer):
    return interop.import_scenario(json.dumps(SMALL), scenario_index, user=trainer).page


@pytest.fixture
def karin(client, trainer):
    client.force_login(trainer)
    return client


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_a_draft_with_a_broken_target_is_saved_and_the_panel_names_step_and_choice(karin, draft):
    response = karin.post(edit_url(draft), edit_post(draft, broken()))
    assert response.status_code == 302

    latest = ScenarioPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert [block.value["key"] for block in latest.graph] == ["begin", "motief-oud", "einde"]
    assert not ScenarioPage.objects.get(pk=draft.pk).live

    followed = karin.get(response["Location"])
    text = page_html(followed)
    assert BROKEN_TARGET in text
    assert "Stap 'begin':" not in text  # the message names its step itself, once
    assert f"/admin/scenarios/{draft.pk}/kaart/#step-begin" in text  # a link to the step


def test_the_draft_save_warns_how_many_problems_are_left(karin, draft):
    response = karin.post(edit_url(draft), edit_post(draft, broken()), follow=True)
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    latest = ScenarioPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    count = len(interop.page_problems(latest))
    assert count >= 1
    assert len(warnings) == 1 and str(count) in warnings[0]


def test_saving_a_valid_draft_gives_no_warning(karin, draft):
    response = karin.post(edit_url(draft), edit_post(draft, SMALL), follow=True)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_publishing_with_a_broken_target_is_refused_with_the_message_at_the_choice(karin, draft):
    response = karin.post(edit_url(draft), edit_post(draft, broken(), publish=True))
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_valid()

    # The error sits at step 0, choice 0, field "target" of the StreamField.
    graph_error = form.errors.as_data()["graph"][0]
    choice_error = graph_error.block_errors[0].block_errors["choices"].block_errors[0]
    assert choice_error.block_errors["target"].messages == [BROKEN_TARGET]
    text = page_html(response)
    assert BROKEN_TARGET in text  # in the StreamField's error data, shown at the choice
    summary = form.non_field_errors()[0]
    assert summary in text  # and summarised at the top
    assert text.count(BROKEN_TARGET) >= 1

    page = ScenarioPage.objects.get(pk=draft.pk)
    assert not page.live
    assert page.live_revision is None


def test_publishing_a_valid_scenario_works(client, draft, make_user):
    lead = make_user("lotte@example.nl", groups=[roles.CONTENT_LEADS])  # trainers send for review
    client.force_login(lead)
    response = client.post(edit_url(draft), edit_post(draft, SMALL, publish=True))
    assert response.status_code == 302
    page = ScenarioPage.objects.get(pk=draft.pk)
    assert page.live
    assert interop.page_problems(page) == []


def test_problems_without_a_step_go_to_their_field(karin, draft):
    doc = copy.deepcopy(SMALL)
    doc["start"] = "nergens"
    response = karin.post(edit_url(draft), edit_post(draft, doc, publish=True))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any("nergens" in message for message in errors["start_key"])
    assert errors["__all__"]
    assert not ScenarioPage.objects.get(pk=draft.pk).live


def test_a_scored_loop_is_refused_at_the_scores_of_the_choice(karin, draft):
    doc = copy.deepcopy(SMALL)
    doc["nodes"][1]["choices"].append(
        {
            "key": "terug",
            "text": "Nog eens?",
            "target": "begin",
            "quality": "acceptable",
            "scores": {"presentie": 1},
        }
    )
    response = karin.post(edit_url(draft), edit_post(draft, doc, publish=True))
    assert response.status_code == 200
    graph_error = response.context["form"].errors.as_data()["graph"][0]
    choices = graph_error.block_errors[1].block_errors["choices"]
    assert "lus" in choices.block_errors[1].block_errors["scores"].messages[0]


def test_the_panel_says_no_problems_for_a_valid_scenario(karin, published_scenario):
    response = karin.get(edit_url(published_scenario))
    assert response.status_code == 200
    text = response.content.decode()
    assert f"/admin/scenarios/{published_scenario.pk}/kaart/" in text
    assert f"/admin/scenarios/{published_scenario.pk}/export/" in text
    assert "scenario-check__problems" not in text


def test_the_create_view_shows_a_hint_instead_of_a_check(karin, scenario_index):
    response = karin.get(f"/admin/pages/add/scenarios/scenariopage/{scenario_index.pk}/")
    assert response.status_code == 200
    assert "data-scenario-check" in response.content.decode()
    assert "/kaart/" not in response.content.decode()


def test_the_map_shows_the_steps_and_highlights_problems(karin, draft):
    karin.post(edit_url(draft), edit_post(draft, broken()))
    response = karin.get(f"/admin/scenarios/{draft.pk}/kaart/")
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "<svg" in text
    for key in ("begin", "motief-oud", "einde"):
        assert key in text
    assert BROKEN_TARGET in text
    assert "probleem" in text  # the legend
    # The map scrolls sideways; a keyboard user must be able to reach it to scroll.
    assert 'class="scenario-map__canvas" tabindex="0" role="region" aria-label="Kaart"' in text


def test_the_map_of_a_valid_scenario_has_no_problem_list(karin, published_scenario):
    response = karin.get(f"/admin/scenarios/{published_scenario.pk}/kaart/")
    assert response.status_code == 200
    assert 'id="map-problems"' not in response.content.decode()  # no list without JavaScript
    assert response.context["map_data"]["problems"] == []  # and none on the live map


def test_header_buttons_link_to_map_and_export(karin, published_scenario):
    response = karin.get(edit_url(published_scenario))
    text = response.content.decode()
    assert text.count(f"/admin/scenarios/{published_scenario.pk}/kaart/") >= 2


def test_the_preview_plays_without_javascript_and_stores_no_attempt(karin, draft):
    before = Attempt.objects.count()
    data = edit_post(draft, SMALL)
    response = karin.post(f"/admin/pages/{draft.pk}/edit/preview/", data)
    assert response.status_code == 200
    assert response.json()["is_valid"]
    response = karin.get(f"/admin/pages/{draft.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    text = response.content.decode()
    assert Attempt.objects.count() == before
    assert 'id="stap-begin"' in text and 'id="stap-einde"' in text
    assert 'id="keuze-begin-vraag-door"' in text
    assert 'href="#keuze-begin-vraag-door"' in text
    assert 'href="#stap-motief"' in text
    assert "quality--desired" in text and "quality--less_desired" in text
    # Plain text is escaped, never interpreted.
    assert "<b>boodschappen</b>" not in text
    assert "&lt;b&gt;boodschappen&lt;/b&gt;" in text
    assert "&lt;sinds&gt;" in text
    assert "<script" not in text


def test_the_preview_of_a_draft_with_a_broken_target_still_renders(karin, draft):
    data = edit_post(draft, broken())
    karin.post(f"/admin/pages/{draft.pk}/edit/preview/", data)
    response = karin.get(f"/admin/pages/{draft.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    assert 'id="keuze-begin-vraag-door"' in response.content.decode()


@pytest.mark.parametrize("who", ["learner", "outsider", "manager", "admin_only"])
def test_map_and_export_are_refused_to_others(client, request, who, published_scenario):
    client.force_login(request.getfixturevalue(who))
    for url in (
        f"/admin/scenarios/{published_scenario.pk}/kaart/",
        f"/admin/scenarios/{published_scenario.pk}/export/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"kantelwerk-scenario" not in response.content
        assert b"<svg" not in response.content or response.status_code != 200


def test_map_of_a_page_that_is_no_scenario_is_not_found(karin, scenario_index):
    assert karin.get(f"/admin/scenarios/{scenario_index.pk}/kaart/").status_code == 404
    assert karin.get("/admin/scenarios/999999/kaart/").status_code == 404


def test_a_new_scenario_with_problems_is_saved_as_draft_but_not_published(karin, scenario_index):
    url = f"/admin/pages/add/scenarios/scenariopage/{scenario_index.pk}/"
    page = ScenarioPage(slug="nieuw")

    refused = karin.post(url, edit_post(page, broken(), publish=True))
    assert refused.status_code == 200
    assert BROKEN_TARGET in page_html(refused)
    assert not ScenarioPage.objects.exists()

    saved = karin.post(url, edit_post(page, broken()), follow=True)
    assert saved.status_code == 200
    created = ScenarioPage.objects.get()
    assert not created.live
    assert any(m.level_tag == "warning" for m in saved.context["messages"])
