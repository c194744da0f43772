"""Problems are data; one translated place words them; one cause is reported once.

Karin mistypes a target ("einde-goeed"). She should read one message, at the choice, in the
language of her admin, that names the step once and says how to fix it.
"""

from __future__ import annotations

import copy
import html
import json

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from scenarios import interop
from scenarios.engine import CODES, Choice, Node, Problem, Scenario, parse_document, to_document
from scenarios.engine import validate_graph as check
from scenarios.problem_messages import MESSAGES, message
from scenarios.story_map import render_map
from tests.scenarios.test_authoring import SMALL, edit_post, edit_url


def scenario(*nodes: Node, start: str = "begin") -> Scenario:
    return Scenario("Twijfel", ("p",), start, nodes)


def go(key: str, target: str) -> Choice:
    return Choice(key, "Zeg iets.", target, "desired")


def typo_scenario() -> Scenario:
    """begin → twijfel → einde-goed, with twijfel's only choice mistyped as einde-goeed."""
    return scenario(
        Node("begin", "Hallo.", choices=(go("vraag", "twijfel"),)),
        Node("twijfel", "Ik weet het niet.", choices=(go("help", "einde-goeed"),)),
        Node("einde-goed", "Fijn.", end=True),
    )


# Parameters that make every code's message complete, for the test over all codes.
SAMPLE = {
    "limit": 8,
    "line": 3,
    "column": 7,
    "expected": "kantelwerk-scenario",
    "count": 9,
    "number": 2,
    "allowed": ("desired", "acceptable"),
    "principle": "presentie",
    "low": -2,
    "high": 2,
    "start": "welkom",
    "target": "einde-goeed",
    "suggestion": None,
    "scores": (("p", 2),),
}


def sample(code: str) -> Problem:
    params = {name: SAMPLE[name] for name in CODES[code]}
    return Problem(code, "twijfel", "help", "text", params)


def test_a_typo_in_a_target_is_one_problem_with_a_suggestion():
    problems = check(typo_scenario())
    assert problems == [
        Problem(
            "unknown_target",
            "twijfel",
            "help",
            "target",
            {"target": "einde-goeed", "suggestion": "einde-goed"},
        )
    ]
    said = message(problems[0])
    assert said == (
        "Keuze 'help' in stap 'twijfel' verwijst naar 'einde-goeed', maar die stap bestaat "
        "niet. Bedoel je 'einde-goed'?"
    )
    assert said.count("twijfel") == 1


def test_the_typo_is_one_problem_through_the_file_import_too():
    _scenario, problems = parse_document(to_document(typo_scenario()), ["p"])
    assert [p.code for p in problems] == ["unknown_target"]


def test_a_target_that_resembles_no_step_still_reports_what_it_cuts_off():
    s = scenario(
        Node("begin", "Hallo.", choices=(go("vraag", "twijfel"),)),
        Node("twijfel", "Ik weet het niet.", choices=(go("help", "iets-heel-anders"),)),
        Node("einde-goed", "Fijn.", end=True),
    )
    found = check(s)
    # The dead end at 'twijfel' (and 'begin' before it) follows from the reported target;
    # that nothing leads to 'einde-goed' is a separate fact the author must see.
    assert [(p.code, p.node) for p in found] == [
        ("unknown_target", "twijfel"),
        ("unreachable", "einde-goed"),
    ]
    assert message(found[0]).endswith(
        "Kies een bestaande stap, of voeg een stap met die sleutel toe."
    )


def test_a_step_without_choices_is_one_problem_with_its_fix():
    s = scenario(
        Node("begin", "Hallo.", choices=(go("vraag", "twijfel"), go("klaar", "einde"))),
        Node("twijfel", "Ik weet het niet."),
        Node("einde", "Fijn.", end=True),
    )
    problems = check(s)
    assert problems == [Problem("no_choices", "twijfel", field="choices")]
    assert message(problems[0]) == (
        "Stap 'twijfel' heeft nog geen keuze: voeg een keuze toe of maak er een einde van."
    )


@pytest.mark.django_db  # score_in_loop names the principles
@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_message_in_english_and_in_dutch(code):
    problem = sample(code)
    with translation.override("en"):
        english = message(problem)
    with translation.override("nl"):
        dutch = message(problem)
    assert code in MESSAGES
    assert english and dutch and "%(" not in english + dutch
    assert english != dutch, f"{code} has no Dutch translation"


def test_there_is_no_message_for_a_code_the_engine_does_not_know():
    assert set(MESSAGES) == set(CODES)
    with pytest.raises(ValueError):
        Problem("Stap 'twijfel' is geen einde.")


def test_user_input_in_a_message_is_quoted_and_cut_short():
    problem = Problem("no_choices", "x" * 100 + "\x00")
    said = message(problem)
    assert "'" + "x" * 40 + "…'" in said
    assert "\x00" not in said


def test_the_story_map_marks_the_step_the_problem_is_about():
    problems = check(typo_scenario())
    svg = render_map(typo_scenario(), problems, message)
    assert 'id="step-twijfel"' in svg
    assert "Bedoel je 'einde-goed'?" in svg
    assert svg.count("sm-problem") == 1  # only the step with the cause, no knock-on marks


# --------------------------------------------------------------------------- the editor


@pytest.fixture
def draft(scenario_index, trainer):
    return interop.import_scenario(json.dumps(SMALL), scenario_index, user=trainer).page


@pytest.fixture
def karin(client, trainer):
    client.force_login(trainer)
    return client


def typo_document() -> dict:
    doc = copy.deepcopy(SMALL)
    doc["nodes"][1]["choices"][0]["target"] = "einde-goeed"
    doc["nodes"][2]["key"] = "einde-goed"
    doc["nodes"][0]["choices"][1]["target"] = "einde-goed"
    return doc


def graph_errors(response):
    return response.context["form"].errors.as_data()["graph"][0]


def test_the_editor_shows_the_typo_once_at_the_choice_target(karin, draft):
    response = karin.post(edit_url(draft), edit_post(draft, typo_document(), publish=True))
    assert response.status_code == 200
    form = response.context["form"]
    step = graph_errors(response).block_errors[1]
    assert not step.non_block_errors  # no "not reachable" or "no ending" at the step
    target = step.block_errors["choices"].block_errors[0].block_errors["target"]
    assert target.messages == [
        "Keuze 'buurvrouw' in stap 'motief' verwijst naar 'einde-goeed', maar die stap "
        "bestaat niet. Bedoel je 'einde-goed'?"
    ]
    assert set(graph_errors(response).block_errors) == {1}
    assert "1 probleem" in form.non_field_errors()[0]


def test_the_editor_shows_a_step_without_choices_at_its_choices(karin, draft):
    doc = copy.deepcopy(SMALL)
    doc["nodes"][1]["choices"] = []
    response = karin.post(edit_url(draft), edit_post(draft, doc, publish=True))
    choices = graph_errors(response).block_errors[1].block_errors["choices"]
    assert choices.non_block_errors.as_data()[0].messages == [
        "Stap 'motief' heeft nog geen keuze: voeg een keuze toe of maak er een einde van."
    ]


def test_the_editor_shows_a_problem_without_a_step_at_its_field(karin, draft):
    doc = copy.deepcopy(SMALL)
    doc["intro"] = "Tekst met een \x01 erin."
    response = karin.post(edit_url(draft), edit_post(draft, doc, publish=True))
    errors = response.context["form"].errors
    assert errors["intro"] == ["'intro' bevat een onzichtbaar of ongeldig teken."]


def test_the_english_admin_shows_the_problem_in_english(karin, draft, trainer):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    response = karin.post(edit_url(draft), edit_post(draft, typo_document(), publish=True))
    step = graph_errors(response).block_errors[1]
    target = step.block_errors["choices"].block_errors[0].block_errors["target"]
    assert target.messages == [
        "Choice 'buurvrouw' in step 'motief' leads to 'einde-goeed', but that step does not "
        "exist. Did you mean 'einde-goed'?"
    ]
    karin.post(edit_url(draft), edit_post(draft, typo_document()))  # saved as a draft
    panel = html.unescape(karin.get(edit_url(draft)).content.decode())
    assert "Choice 'buurvrouw' in step 'motief' leads to 'einde-goeed'" in panel
    assert "verwijst naar" not in panel
