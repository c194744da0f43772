"""Authoring advice: what will score differently than the author expects, never a blocker.

A trainer gave her learner three "gewenst" choices and saw "overwegend minder gewenst": some
steps did not count (their choices scored alike) and at one step the "gewenst" choice scored
lower than the "minder gewenst" one. The editor, the map and scenario_check now say so while
she writes, and publishing stays allowed.
"""

from __future__ import annotations

import copy
import html
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from people import roles
from scenarios import interop
from scenarios.advice_messages import MESSAGES, advice_message
from scenarios.engine import ADVICE_CODES, Advice, Choice, Node, Scenario, advise
from scenarios.models import ScenarioPage
from tests.scenarios.test_authoring import SMALL, edit_post, edit_url

PRINCIPLES = ("eigen-kracht", "presentie")


def scenario(*nodes: Node) -> Scenario:
    return Scenario("Els", PRINCIPLES, "begin", nodes)


def go(key: str, quality: str = "acceptable", target: str = "einde", **scores: int) -> Choice:
    scores = {slug.replace("_", "-"): value for slug, value in scores.items()}
    return Choice(key, "Zeg iets.", target, quality, scores)


def step(key: str, *choices: Choice) -> Node:
    return Node(key, f"Stap {key}.", choices=choices)


END = Node("einde", "Klaar.", end=True)


# --------------------------------------------------------------------------- the engine


def test_a_step_whose_choices_score_alike_does_not_count():
    s = scenario(
        step("begin", go("a", "desired", eigen_kracht=1), go("b", "less_desired", eigen_kracht=1)),
        END,
    )
    assert advise(s) == [Advice("choices_score_alike", "begin")]


def test_a_step_with_one_choice_gets_its_own_kind_advice():
    s = scenario(step("begin", go("verder", "desired", presentie=2)), END)
    assert advise(s) == [Advice("single_choice", "begin")]


def test_a_step_that_differs_on_one_principle_counts_and_endings_get_no_advice():
    s = scenario(step("begin", go("a", "desired", presentie=1), go("b", "less_desired")), END)
    assert advise(s) == []


def test_a_missing_score_counts_as_zero_so_one_scored_choice_makes_the_step_count():
    s = scenario(step("begin", go("a"), go("b", eigen_kracht=-1)), END)
    assert advise(s) == []


def test_a_desired_choice_scoring_below_a_less_desired_one_is_pointed_out():
    s = scenario(
        step(
            "begin",
            go("luister", "desired", eigen_kracht=-1, presentie=2),
            go("regel-het", "less_desired", eigen_kracht=1),
            go("twijfel", "acceptable", eigen_kracht=2),
        ),
        END,
    )
    found = advise(s)
    assert found == [Advice("quality_against_scores", "begin", "luister")]
    assert found[0].params["other"] == "regel-het"
    assert found[0].params["scores"] == (("eigen-kracht", -1, 1),)


def test_a_desired_choice_above_every_less_desired_one_gets_no_advice():
    s = scenario(
        step(
            "begin",
            go("luister", "desired", eigen_kracht=2),
            go("regel-het", "less_desired", eigen_kracht=-1),
            go("twijfel", "acceptable", eigen_kracht=2),
        ),
        END,
    )
    assert advise(s) == []


def test_advice_is_given_step_by_step_in_the_authors_order():
    s = scenario(
        step("begin", go("verder", target="midden")),
        step("midden", go("a", "desired"), go("b", "less_desired", presentie=1)),
        END,
    )
    assert [(a.code, a.node) for a in advise(s)] == [
        ("single_choice", "begin"),
        ("quality_against_scores", "midden"),
    ]


def test_every_advice_code_has_a_message():
    assert set(MESSAGES) == set(ADVICE_CODES)
    with pytest.raises(ValueError):
        Advice("not_a_code", "begin")


# --------------------------------------------------------------------------- the words


@pytest.mark.django_db
def test_the_advice_reads_naturally_in_dutch():
    assert advice_message(Advice("choices_score_alike", "stap-3")) == (
        "Stap 'stap-3' telt niet mee in de score: de keuzes verschillen op geen enkel "
        "principe. Geef ze verschillende scores als deze keuze ertoe doet."
    )
    assert advice_message(Advice("single_choice", "begin")).startswith(
        "Stap 'begin' heeft één keuze en telt daarom niet mee in de score: met één keuze "
        "valt er niets te kiezen. Prima voor een stap die het gesprek alleen verder brengt"
    )
    params = {"other": "regel-het", "scores": (("eigen-kracht", -1, 1), ("presentie", 0, 2))}
    assert advice_message(Advice("quality_against_scores", "begin", "luister", params)) == (
        "Keuze 'luister' in stap 'begin' is gewenst, maar scoort lager dan de minder gewenste "
        "keuze 'regel-het' op Eigen kracht (\u22121 tegen +1), Presentie (0 tegen +2). De "
        "scores passen niet bij de kwaliteit: wie hier de gewenste keuze maakt, krijgt er "
        "weinig punten voor. Pas de scores of de kwaliteit aan."
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code", sorted(ADVICE_CODES))
def test_every_advice_reads_in_english_too(code):
    params = {"other": "regel-het", "scores": (("presentie", -1, 1),)}
    advice = Advice(code, "begin", "luister", {n: params[n] for n in ADVICE_CODES[code]})
    with translation.override("en"):
        english = advice_message(advice)
    dutch = advice_message(advice)
    assert english != dutch and "%(" not in english + dutch
    assert english.startswith(("Step 'begin'", "Choice 'luister' in step 'begin'"))


# --------------------------------------------------------------------------- where authors look


def advised_document() -> dict:
    """SMALL, whose 'motief' has one choice, with the desired 'vraag-door' scoring too low."""
    doc = copy.deepcopy(SMALL)
    doc["nodes"][0]["choices"][0]["scores"] = {"presentie": 2, "eigen-kracht": -2}
    return doc


@pytest.fixture
def draft(scenario_index, trainer):
    raw = json.dumps(advised_document())
    return interop.import_scenario(raw, scenario_index, user=trainer).page


def test_the_page_forms_check_panel_shows_the_advice_and_publishing_stays_allowed(
    client, draft, make_user
):
    lead = make_user("lotte@example.nl", groups=[roles.CONTENT_LEADS])  # trainers send for review
    client.force_login(lead)
    page = html.unescape(client.get(edit_url(draft)).content.decode())
    assert "Advies over de score" in page
    assert "Stap 'motief' heeft één keuze en telt daarom niet mee in de score" in page
    assert "Keuze 'vraag-door' in stap 'begin' is gewenst, maar scoort lager" in page
    assert "Geen problemen gevonden" in page
    response = client.post(edit_url(draft), edit_post(draft, advised_document(), publish=True))
    assert response.status_code == 302
    assert ScenarioPage.objects.get(pk=draft.pk).live


def test_the_map_gets_the_advice_beside_its_problems(client, trainer, draft):
    client.force_login(trainer)
    response = client.get(reverse("scenarios_admin:map", args=[draft.pk]))
    data = response.context["map_data"]
    assert data["problems"] == []
    assert [(a["code"], a["node"], a["choice"]) for a in data["advice"]] == [
        ("quality_against_scores", "begin", "vraag-door"),
        ("single_choice", "motief", None),
    ]
    check = client.post(
        reverse("scenarios_admin:map_check", args=[draft.pk]),
        json.dumps({"document": advised_document()}),
        content_type="application/json",
    ).json()
    assert check["advice"] == data["advice"]
    document = data["document"]
    document["nodes"][0]["choices"][0]["scores"] = {"presentie": 2}  # the fit restored
    saved = client.post(
        reverse("scenarios_admin:map_save", args=[draft.pk]),
        json.dumps({"document": document, "revision": data["revision"]}),
        content_type="application/json",
    ).json()
    assert saved["problems"] == []
    assert [(a["code"], a["node"]) for a in saved["advice"]] == [("single_choice", "motief")]
    assert saved["advice"][0]["text"].startswith("Stap 'motief' heeft één keuze")


def test_scenario_check_lists_the_advice_and_still_calls_the_file_valid(tmp_path, capsys, db):
    path = tmp_path / "els.json"
    path.write_text(json.dumps(advised_document()), encoding="utf-8")
    call_command("scenario_check", str(path))
    out = capsys.readouterr().out
    assert "Geldig scenario" in out
    assert "Advies over de score (het bestand blijft geldig):" in out
    assert "- Stap 'motief' heeft één keuze" in out


def test_scenario_check_shows_the_advice_below_the_problems_of_an_invalid_file(
    tmp_path, capsys, db
):
    doc = advised_document()
    doc["nodes"][1]["choices"][0]["target"] = "nergens"
    path = tmp_path / "els.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("scenario_check", str(path))
    out = capsys.readouterr().out
    assert out.index("'nergens'") < out.index("Advies over de score")


def test_importing_a_file_with_advice_says_where_to_find_it(client, trainer, scenario_index):
    from tests.scenarios.test_import_export import upload

    client.force_login(trainer)
    response = upload(client, scenario_index, json.dumps(advised_document()).encode())
    assert response.status_code == 302
    page = html.unescape(client.get(response.url).content.decode())
    assert "Onder 'Controle en kaart' staan 2 adviezen over de score." in page
    assert "Stap 'motief' heeft één keuze" in page


def test_a_new_empty_scenario_asks_for_a_first_step_not_for_a_missing_begin(
    client, trainer, scenario_index
):
    draft = ScenarioPage(title="Els", slug="els", live=False, owner=trainer)
    scenario_index.add_child(instance=draft)
    draft.save_revision(user=trainer)
    client.force_login(trainer)
    page = html.unescape(client.get(edit_url(draft)).content.decode())
    assert "Dit scenario heeft 1 probleem." in page
    assert (
        "Het scenario heeft nog geen stappen. Voeg een eerste stap toe met de sleutel "
        "'begin': daar begint het gesprek." in page
    )
    assert "maar die stap bestaat niet" not in page
    assert "Advies over de score" not in page
