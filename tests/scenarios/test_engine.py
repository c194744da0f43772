"""Examples for the scenario engine: every rule of shared/scenario-format.md, scoring, export."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from django.utils import translation

from scenarios import principle_data
from scenarios.engine import (
    MAX_FILE_BYTES,
    Choice,
    Node,
    Problem,
    Scenario,
    better_alternative,
    bounds,
    desired_route,
    load_json,
    next_node,
    parse_document,
    round_half_away,
    score_path,
    shortest_route_to,
    shown_choices,
    to_document,
    validate_graph,
    walk,
)
from scenarios.engine import QUALITIES as engine_qualities
from scenarios.engine import band as engine_band
from scenarios.problem_messages import message

PRINCIPLES = ["eigen-kracht", "sociaal-netwerk", "presentie"]

EXAMPLE = {
    "format": "kantelwerk-scenario",
    "version": 1,
    "title": "Dagbesteding voor Mark",
    "language": "nl",
    "role": "professional",
    "persona": {"name": "Mark", "age": 23, "situation": "Woont bij zijn moeder."},
    "setting": "Aan de keukentafel bij Mark en zijn moeder.",
    "intro": "Je bent op huisbezoek na een aanvraag voor dagbesteding.",
    "principles": PRINCIPLES,
    "start": "begin",
    "nodes": [
        {
            "key": "begin",
            "speaker": "resident",
            "text": "Ik wil naar de zorgboerderij, daar gaat mijn vriend ook heen.",
            "choices": [
                {
                    "key": "vraag-door",
                    "text": "Wat trekt je daar zo aan?",
                    "target": "motief",
                    "quality": "desired",
                    "scores": {"presentie": 2, "eigen-kracht": 1},
                    "feedback": "Je zoekt de vraag achter de vraag.",
                },
                {
                    "key": "indicatie",
                    "text": "Dan vraag ik een indicatie aan.",
                    "target": "motief",
                    "quality": "less_desired",
                    "scores": {"eigen-kracht": -2},
                },
            ],
        },
        {"key": "motief", "speaker": "resident", "text": "...", "end": True, "outcome": "..."},
    ],
}


def doc(**changes: object) -> dict:
    """Return a deep copy of the valid example with top-level fields changed (None deletes)."""
    data = copy.deepcopy(EXAMPLE)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def begin_choice(data: dict) -> dict:
    return data["nodes"][0]["choices"][0]


def problems_of(data: object, known: list[str] | None = None) -> list[Problem]:
    return parse_document(data, known)[1]


def said(problem: Problem) -> str:
    """The problem's message as an author reads it (tests run in Dutch)."""
    return message(problem)


def messages(problems: list[Problem]) -> list[str]:
    return [said(p) for p in problems]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, messages(problems)
    return problems[0]


def end(key: str) -> Node:
    return Node(key=key, text="Einde.", end=True)


def step(key: str, *choices: Choice) -> Node:
    return Node(key=key, text=f"Stap {key}.", choices=choices)


def go(key: str, target: str, quality: str = "acceptable", **scores: int) -> Choice:
    return Choice(key=key, text=f"Kies {key}.", target=target, quality=quality, scores=scores)


def scenario(*nodes: Node, principles: tuple[str, ...] = ("p", "q"), start: str = "a") -> Scenario:
    return Scenario(title="T", principles=principles, start=start, nodes=nodes)


# --------------------------------------------------------------------------- valid files


def test_the_example_is_valid_and_builds_the_scenario():
    result, problems = parse_document(doc(), PRINCIPLES)
    assert problems == []
    assert result.title == "Dagbesteding voor Mark"
    assert result.persona_age == 23
    assert result.node("begin").choice("vraag-door").scores == {"presentie": 2, "eigen-kracht": 1}
    assert result.node("motief").end


def test_optional_fields_get_their_defaults():
    data = doc(language=None, role=None, persona=None, setting=None, intro=None)
    del data["nodes"][0]["speaker"]
    del begin_choice(data)["scores"], begin_choice(data)["feedback"]
    result, problems = parse_document(data)
    assert problems == []
    assert (result.language, result.role, result.persona_age) == ("nl", "any", None)
    assert result.node("begin").speaker == "resident"
    assert result.node("begin").choice("vraag-door").scores == {}


def test_limits_are_inclusive():
    data = doc(title="t" * 255, setting="s" * 5000)
    data["nodes"][0]["key"] = "k" * 64
    data["start"] = "k" * 64
    assert problems_of(data) == []


# --------------------------------------------------------------------------- rule 1: fields


@pytest.mark.parametrize("data", [None, [], "tekst", 3, [EXAMPLE]])
def test_a_document_that_is_no_object_is_refused(data):
    result, problems = parse_document(data)
    assert result is None
    assert "JSON-object" in said(only(problems))


@pytest.mark.parametrize("nodes", [None, {}, "begin"])
def test_a_document_without_a_node_list_builds_nothing(nodes):
    result, problems = parse_document(doc(nodes=nodes))
    assert result is None
    assert "'nodes'" in said(only(problems))


@pytest.mark.parametrize("value", ["kantelwerk", None, 1])
def test_format_must_be_kantelwerk_scenario(value):
    assert "'format'" in said(only(problems_of(doc(format=value))))


@pytest.mark.parametrize("value", [2, "1", True, 1.0, None])
def test_version_must_be_exactly_the_integer_1(value):
    assert "'version' moet 1 zijn" in said(only(problems_of(doc(version=value))))


@pytest.mark.parametrize("value", [None, "", "   ", "t" * 256, 12, ["titel"]])
def test_title_must_be_1_to_255_characters(value):
    assert "titel" in said(only(problems_of(doc(title=value))))


@pytest.mark.parametrize(("name", "value"), [("language", "de"), ("role", "boss"), ("role", 1)])
def test_language_and_role_must_be_listed_values(name, value):
    assert f"('{name}')" in said(only(problems_of(doc(**{name: value}))))


@pytest.mark.parametrize("age", ["23", True, 23.5, -1, 151, 10**100])
def test_persona_age_must_be_an_integer(age):
    data = doc(persona={"name": "Mark", "age": age})
    assert "persona.age" in said(only(problems_of(data)))


def test_persona_must_be_an_object():
    assert "'persona'" in said(only(problems_of(doc(persona="Mark, 23"))))


@pytest.mark.parametrize(
    ("value", "says"),
    [(5, "moet tekst zijn"), ("x" * 5001, "maximaal 5.000 tekens"), ("a\x00b", "ongeldig teken")],
)
def test_plain_texts_have_a_type_a_limit_and_no_hidden_characters(value, says):
    problem = only(problems_of(doc(intro=value)))
    assert "'intro'" in said(problem)
    assert says in said(problem)


def test_newlines_and_tabs_are_fine_in_texts():
    assert problems_of(doc(intro="Regel 1\nRegel 2\tmet tab\r\n")) == []


@pytest.mark.parametrize("value", [None, "presentie", {"presentie": 1}])
def test_principles_must_be_a_list(value):
    assert "'principles'" in said(only(problems_of(doc(principles=value))))


def test_principle_slugs_must_be_unique_and_well_formed():
    data = doc(principles=[*PRINCIPLES, "presentie", "Eigen Kracht", 7])
    found = messages(problems_of(data))
    assert "Het principe 'presentie' staat twee keer in 'principles'." in found
    assert any("Principe nummer 5" in m for m in found)
    assert any("Principe nummer 6" in m for m in found)
    assert len(found) == 3


def test_unknown_principle_is_named():
    problem = only(problems_of(doc(), ["presentie", "eigen-kracht"]))
    assert said(problem) == (
        "Het principe 'sociaal-netwerk' bestaat niet op dit platform. "
        "Voeg het eerst toe bij Principes, of haal het uit het scenario."
    )


def test_principles_are_not_checked_against_the_platform_without_a_list():
    assert problems_of(doc(principles=[*PRINCIPLES, "iets-nieuws"])) == []


@pytest.mark.parametrize("value", [None, 3, ["begin"]])
def test_start_must_be_a_key(value):
    assert "'start'" in said(only(problems_of(doc(start=value))))


def test_at_most_200_nodes():
    def chain(count: int) -> dict:
        nodes = [
            {
                "key": f"n{i}",
                "text": "t",
                "choices": [{"key": "c", "text": "t", "target": f"n{i + 1}", "quality": "desired"}],
            }
            for i in range(count - 1)
        ]
        nodes.append({"key": f"n{count - 1}", "text": "t", "end": True})
        return doc(start="n0", nodes=nodes)

    assert problems_of(chain(200)) == []
    assert said(only(problems_of(chain(201)))) == (
        "Het scenario heeft 201 stappen; het maximum is 200."
    )


@pytest.mark.parametrize("raw", [None, "begin", 3, ["key", "begin"]])
def test_a_node_must_be_an_object(raw):
    data = doc()
    data["nodes"].append(raw)
    assert said(only(problems_of(data))) == "Stap nummer 3 moet een object zijn."


@pytest.mark.parametrize("key", [None, 3])
def test_a_node_needs_a_key(key):
    data = doc()
    data["nodes"].append({"key": key, "text": "t", "end": True})
    assert said(only(problems_of(data))) == "Stap nummer 3 heeft geen sleutel ('key')."


@pytest.mark.parametrize("key", ["Motief", "mo tief", "", "k" * 65, "motief\n", "mötief"])
def test_node_keys_use_a_small_alphabet(key):
    data = doc()
    data["nodes"][1]["key"] = key
    begin_choice(data)["target"] = data["nodes"][0]["choices"][1]["target"] = key
    problem = only(problems_of(data))
    assert problem.node == key
    assert "stap nummer 2 mag alleen kleine letters" in said(problem)


def test_node_keys_are_unique():
    data = doc()
    data["nodes"].append({"key": "motief", "text": "nog een", "end": True})
    problem = only(problems_of(data))
    assert said(problem) == (
        "Er zijn meerdere stappen met de sleutel 'motief'. Geef elke stap een eigen sleutel."
    )
    assert problem.node == "motief"


def test_speaker_must_be_listed():
    data = doc()
    data["nodes"][0]["speaker"] = "buurman"
    problem = only(problems_of(data))
    assert problem.node == "begin"
    assert "De spreker van stap 'begin'" in said(problem)


@pytest.mark.parametrize("text", [None, "", "  ", 12, "x" * 5001])
def test_node_text_is_required_plain_text(text):
    data = doc()
    data["nodes"][0]["text"] = text
    problem = only(problems_of(data))
    assert problem.node == "begin"
    assert "De tekst van stap 'begin'" in said(problem)


def test_end_null_means_not_given():
    data = doc()
    data["nodes"][1]["end"] = None
    assert Problem("no_choices", "motief", field="choices") in (problems_of(data))


@pytest.mark.parametrize("value", ["true", 1, 0])
def test_end_must_be_a_boolean(value):
    data = doc()
    data["nodes"][1]["end"] = value
    problem = only(problems_of(data))
    assert problem == Problem("not_a_flag", "motief", field="end")


def test_choices_must_be_a_list():
    data = doc()
    data["nodes"][0]["choices"] = {"key": "vraag-door"}
    problem = only(problems_of(data))
    assert problem == Problem("choices_not_list", "begin", field="choices")


def test_at_most_8_choices_per_node():
    data = doc()
    choices = data["nodes"][0]["choices"]
    choices += [{**choices[1], "key": f"extra-{i}"} for i in range(6)]
    assert problems_of(data) == []
    choices.append({**choices[1], "key": "extra-6"})
    problem = only(problems_of(data))
    assert problem == Problem(
        "too_many_choices", "begin", field="choices", params={"number": 1, "count": 9, "limit": 8}
    )
    assert said(problem) == "Stap 'begin' heeft 9 keuzes; het maximum is 8."


def test_a_choice_must_be_an_object():
    data = doc()
    data["nodes"][0]["choices"].append("ja")
    problem = only(problems_of(data))
    assert problem == Problem("choice_not_object", "begin", field="choices", params={"number": 3})


def test_a_choice_needs_a_key_in_the_alphabet():
    data = doc()
    del begin_choice(data)["key"]
    data["nodes"][0]["choices"][1]["key"] = "Indicatie!"
    found = problems_of(data)
    assert Problem("choice_without_key", "begin", field="choices", params={"number": 1}) in found
    assert any(
        p.node == "begin" and p.choice == "Indicatie!" and "mag alleen kleine letters" in said(p)
        for p in found
    )
    assert len(found) == 2


def test_choice_keys_are_unique_within_their_node():
    data = doc()
    data["nodes"][0]["choices"][1]["key"] = "vraag-door"
    problem = only(problems_of(data))
    assert said(problem) == (
        "Stap 'begin' heeft meerdere keuzes met de sleutel 'vraag-door'. "
        "Geef elke keuze een eigen sleutel."
    )
    assert (problem.node, problem.choice) == ("begin", "vraag-door")


@pytest.mark.parametrize(("name", "value"), [("text", None), ("text", ""), ("feedback", 3)])
def test_choice_texts_are_checked(name, value):
    data = doc()
    begin_choice(data)[name] = value
    problem = only(problems_of(data))
    assert (problem.node, problem.choice) == ("begin", "vraag-door")
    assert "keuze 'vraag-door' in stap 'begin'" in said(problem)


@pytest.mark.parametrize("target", [None, 3, ["motief"]])
def test_a_choice_needs_a_target_key(target):
    data = doc()
    begin_choice(data)["target"] = target
    problem = only(problems_of(data))
    assert said(problem).startswith("Keuze 'vraag-door' in stap 'begin' heeft geen doel")
    assert (problem.node, problem.choice) == ("begin", "vraag-door")


@pytest.mark.parametrize("quality", [None, "gewenst", "good", 1])
def test_quality_must_be_listed(quality):
    data = doc()
    begin_choice(data)["quality"] = quality
    problem = only(problems_of(data))
    assert said(problem) == (
        "De kwaliteit van keuze 'vraag-door' in stap 'begin' "
        "moet een van deze zijn: desired, acceptable, less_desired."
    )
    assert (problem.node, problem.choice) == ("begin", "vraag-door")


@pytest.mark.parametrize("score", [3, -3, True, False, 1.0, "1", None, 10**30])
def test_scores_are_integers_from_minus_2_to_2(score):
    data = doc()
    begin_choice(data)["scores"] = {"presentie": score}
    problem = only(problems_of(data))
    assert said(problem) == (
        "De score voor 'presentie' bij keuze 'vraag-door' in stap 'begin' "
        "moet een heel getal van -2 tot 2 zijn."
    )
    assert (problem.node, problem.choice) == ("begin", "vraag-door")


def test_scores_must_be_an_object():
    data = doc()
    begin_choice(data)["scores"] = [2]
    assert "De scores van keuze 'vraag-door' in stap 'begin'" in said(only(problems_of(data)))


def test_scored_principles_must_be_listed_in_the_file():
    data = doc(principles=["presentie"])
    first, second = problems_of(data)
    assert said(first) == (
        "Keuze 'vraag-door' in stap 'begin' geeft een score voor 'eigen-kracht', "
        "maar dat principe staat niet in 'principles'."
    )
    assert (second.node, second.choice) == ("begin", "indicatie")


def test_every_broken_rule_is_reported_at_once():
    data = doc(version=2, title="", role="baas")
    begin_choice(data)["quality"] = "top"
    data["nodes"][0]["choices"][1]["scores"] = {"presentie": 9}
    data["nodes"].append({"key": "los", "text": "Niemand komt hier.", "end": True})
    found = problems_of(data)
    assert len(found) == 6, messages(found)
    assert Problem("unreachable", "los") in found


def test_a_broken_graph_shape_does_not_cause_follow_on_messages():
    data = doc()
    for choice in data["nodes"][0]["choices"]:
        choice["target"] = None
    found = problems_of(data)
    assert len(found) == 2  # not also "geen keuzes" or "niet bereikbaar"
    assert all("heeft geen doel" in said(p) for p in found)


# --------------------------------------------------------------------------- rules 2-7: graph


def test_target_must_exist():
    data = doc()
    data["nodes"][1]["key"] = "motivatie"
    data["nodes"][0]["choices"][1]["target"] = "motivatie"
    problem = only(problems_of(data))
    assert said(problem) == (
        "Keuze 'vraag-door' in stap 'begin' verwijst naar 'motief', maar die stap bestaat niet. "
        "Kies een bestaande stap, of voeg een stap met die sleutel toe."
    )
    assert (problem.node, problem.choice) == ("begin", "vraag-door")


def test_start_must_exist():
    problem = only(problems_of(doc(start="welkom")))
    assert said(problem) == (
        "Het begin ('start') is 'welkom', maar die stap bestaat niet. "
        "Kies een bestaande stap als begin."
    )


def test_every_node_is_reachable_from_the_start():
    s = scenario(step("a", go("x", "b")), end("b"), step("c", go("y", "b")))
    assert validate_graph(s) == [Problem("unreachable", "c")]


def test_from_every_node_an_ending_is_reachable():
    s = scenario(
        step("a", go("x", "b"), go("y", "c")),
        end("b"),
        step("c", go("terug", "d")),
        step("d", go("heen", "c")),
    )
    assert validate_graph(s) == [
        Problem("cannot_reach_end", "c"),
        Problem("cannot_reach_end", "d"),
    ]


def test_a_node_that_is_no_ending_needs_choices():
    s = scenario(step("a", go("x", "b"), go("y", "c")), end("b"), step("c"))
    found = validate_graph(s)
    # One cause, one problem: that no ending is reachable from 'c' follows from it.
    assert found == [Problem("no_choices", "c", field="choices")]


def test_an_ending_has_no_choices():
    s = scenario(step("a", go("x", "b")), Node("b", "Einde.", end=True, choices=(go("y", "a"),)))
    assert validate_graph(s) == [Problem("ending_with_choices", "b", field="choices")]


def test_there_is_at_least_one_ending():
    s = scenario(step("a", go("x", "a")))
    assert validate_graph(s) == [Problem("no_ending")]


@pytest.mark.django_db
def test_a_scored_choice_on_a_loop_is_refused_with_the_reason_and_the_principles_names():
    s = scenario(
        step("a", go("vraag-opnieuw", "b", **{"eigen-kracht": 2, "presentie": 0}), go("door", "c")),
        step("b", go("terug", "a"), go("verder", "c")),
        end("c"),
        principles=("eigen-kracht", "presentie"),
    )
    problem = only(validate_graph(s))
    assert said(problem) == (
        "Keuze 'vraag-opnieuw' in stap 'a' ligt in een lus en mag daarom geen score hebben "
        "(nu: Eigen kracht +2): een leerling kan hem steeds opnieuw kiezen, en dan telt de "
        "score telkens weer op. Zet de scores op 0."
    )
    assert (problem.node, problem.choice) == ("a", "vraag-opnieuw")


@pytest.mark.django_db
def test_a_scored_self_loop_is_refused():
    scores = {"eigen-kracht": -1, "presentie": 2}
    s = scenario(
        step("a", go("nog-eens", "a", **scores), go("door", "b")),
        end("b"),
        principles=("eigen-kracht", "presentie"),
    )
    problem = only(validate_graph(s))
    assert "geen score hebben (nu: Eigen kracht \u22121, Presentie +2):" in said(problem)
    assert (problem.node, problem.choice) == ("a", "nog-eens")


@pytest.mark.django_db
def test_the_loop_message_gives_its_reason_in_english_too():
    s = scenario(step("a", go("nog-eens", "a", q=1), go("door", "b")), end("b"))
    with translation.override("en"):
        text = said(only(validate_graph(s)))
    assert text == (
        "Choice 'nog-eens' in step 'a' lies in a loop, so it may not have a score (now: 'q' "
        "+1): a learner can choose it again and again, and its score would keep adding up. "
        "Set its scores to 0."
    )  # a code the platform does not know stays as typed


def test_a_scenario_without_steps_asks_for_a_first_step_and_nothing_else():
    s = scenario(start="begin")
    problem = only(validate_graph(s))
    assert said(problem) == (
        "Het scenario heeft nog geen stappen. Voeg een eerste stap toe met de sleutel "
        "'begin': daar begint het gesprek."
    )


def test_unscored_loops_are_allowed():
    s = scenario(
        step("a", go("nog-eens", "a", p=0), go("door", "b"), go("snel", "c", p=2)),
        step("b", go("terug", "a"), go("klaar", "c", q=-1)),
        end("c"),
    )
    assert validate_graph(s) == []


def test_validate_graph_reports_duplicate_keys_in_a_scenario_built_elsewhere():
    s = scenario(step("a", go("x", "b"), go("x", "b")), end("b"), end("b"))
    assert validate_graph(s) == [
        Problem("duplicate_choice_key", "a", "x", "key"),
        Problem("duplicate_node_key", "b", field="key"),
    ]


def test_messages_quote_weird_keys_safely():
    s = scenario(step("a", go("x", "b\x00" + "z" * 100)), end("c"))
    message = said(validate_graph(s)[0])
    assert "\x00" not in message
    assert "…'" in message


# --------------------------------------------------------------------------- scoring


@pytest.mark.parametrize(
    ("x", "rounded"),
    [
        (Fraction(145, 2), 73),
        (72.5, 73),
        (-72.5, -73),
        (0.5, 1),
        (-0.5, -1),
        (Fraction(2499, 1000), 2),
        (Fraction(-2501, 1000), -3),
        (7, 7),
        (0, 0),
    ],
)
def test_round_half_away_from_zero(x, rounded):
    assert round_half_away(x) == rounded


def ladder(steps: int) -> Scenario:
    """Return a chain where every step offers a choice of each score -2..2 for 'p'."""
    nodes = [
        step(f"s{i}", *(go(f"c{v + 2}", f"s{i + 1}", p=v) for v in range(-2, 3)))
        for i in range(steps)
    ]
    return scenario(*nodes, end(f"s{steps}"), principles=("p",), start="s0")


def test_72_5_is_scored_as_73():
    s = ladder(10)  # each step: 4 possible on p; earned 9 + 2 per step = 29 of 40, 72.5
    path = [(f"s{i}", "c4" if i < 4 else "c3" if i == 4 else "c2") for i in range(10)]
    result = score_path(s, path)
    assert (result.earned, result.possible, result.practised) == ({"p": 29}, {"p": 40}, {"p": 10})
    assert result.scores == {"p": 73}
    assert result.overall == 73


def test_12_5_is_scored_as_13():
    result = score_path(ladder(4), [("s0", "c0"), ("s1", "c0"), ("s2", "c0"), ("s3", "c2")])
    assert result.scores == {"p": 13}


def test_the_specs_example_choosing_0_between_plus_2_and_minus_2_earns_half():
    s = scenario(
        step("a", go("plus", "e", p=2), go("zero", "e"), go("min", "e", p=-2)),
        end("e"),
        principles=("p",),
    )
    result = score_path(s, [("a", "zero")])
    assert (result.earned, result.possible) == ({"p": 2}, {"p": 4})
    assert result.scores == {"p": 50}


def test_ending_after_one_less_desired_choice_practises_only_what_was_at_stake():
    # The spec's second example: eigen kracht 0, every other principle "niet geoefend".
    s = scenario(
        step("a", go("toekennen", "e", p=-2), go("vraag", "b", p=2, q=1)),
        step("b", go("verder", "e", q=2, r=2), go("stop", "e")),
        end("e"),
        principles=("p", "q", "r"),
    )
    result = score_path(s, [("a", "toekennen")])
    assert result.scores == {"p": 0, "q": 0, "r": None}
    assert result.practised_scores == {"p": 0, "q": 0}
    assert result.overall == 0


def test_a_short_route_is_not_better_than_a_long_one():
    # Two less desired choices score 0 where they were at stake, however short the route.
    s = scenario(
        step("a", go("goed", "b", p=2), go("snel", "c", p=-1)),
        step("b", go("goed", "d", q=2), go("matig", "d", q=1)),
        step("c", go("snel", "e", q=-2), go("beter", "d", q=1)),
        step("d", go("afsluiten", "e", p=1), go("afkappen", "e")),
        end("e"),
        principles=("p", "q"),
    )
    short = score_path(s, [("a", "snel"), ("c", "snel")])
    long = score_path(s, [("a", "goed"), ("b", "matig"), ("d", "afsluiten")])
    assert short.scores == {"p": 0, "q": 0}
    assert long.scores == {"p": 100, "q": 0}
    assert long.overall > short.overall


def test_overall_is_the_rounded_mean_of_practised_principles():
    s = scenario(
        step("a", go("x", "e", p=2, q=-1), go("y", "e", q=2), go("z", "e", q=-2)),
        end("e"),
        principles=("p", "q", "r"),
    )
    result = score_path(s, [("a", "x")])
    assert result.scores == {"p": 100, "q": 25, "r": None}
    assert result.overall == 63  # (100 + 25) / 2 = 62.5


def test_a_step_where_all_choices_score_the_same_does_not_count():
    s = scenario(
        step("a", go("x", "b", p=1), go("y", "b", p=1, q=2)),
        step("b", go("x", "e", p=2), go("y", "e")),
        end("e"),
        principles=("p", "q"),
    )
    result = score_path(s, [("a", "x"), ("b", "x")])
    assert result.practised == {"p": 1, "q": 1}
    assert result.scores == {"p": 100, "q": 0}


def test_a_route_that_practises_nothing_has_no_scores():
    s = scenario(step("a", go("x", "b", p=1)), end("b"))
    result = score_path(s, [("a", "x")])
    assert result.practised == {"p": 0, "q": 0}
    assert result.scores == {"p": None, "q": None}
    assert result.practised_scores == {}
    assert result.overall is None


def test_a_node_visited_twice_counts_as_two_steps():
    # "Vraag nog eens" loops back without a score of its own, but the step is still at
    # stake: the learner could have chosen the +2 at that moment.
    s = scenario(
        step("a", go("nog-eens", "a"), go("goed", "e", p=2), go("slecht", "e", p=-2)),
        end("e"),
        principles=("p",),
    )
    assert validate_graph(s) == []
    result = score_path(s, [("a", "nog-eens"), ("a", "goed")])
    assert (result.earned, result.possible, result.practised) == ({"p": 6}, {"p": 8}, {"p": 2})
    assert result.scores == {"p": 75}


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100, "mostly_desired"),
        (75, "mostly_desired"),
        (74, "partly_desired"),
        (40, "partly_desired"),
        (39, "mostly_less_desired"),
        (0, "mostly_less_desired"),
        (None, "not_practised"),
    ],
)
def test_bands_follow_the_spec(score, band):
    assert engine_band(score) == band


def test_shown_choices_are_shuffled_per_attempt_and_stable_within_one():
    node = step("a", go("x", "e"), go("y", "e"), go("z", "e"))
    orders = {tuple(c.key for c in shown_choices(node, seed)) for seed in range(60)}
    assert len(orders) == 6  # every order of three occurs over many attempts
    assert shown_choices(node, 7) == shown_choices(node, 7)
    assert sorted(c.key for c in shown_choices(node, 7)) == ["x", "y", "z"]


def test_shown_choices_differ_between_nodes_of_one_attempt():
    a = step("a", *(go(f"c{i}", "e") for i in range(4)))
    orders = {tuple(c.key for c in shown_choices(replace(a, key=f"n{i}"), 1)) for i in range(20)}
    assert len(orders) > 1


def test_fixed_order_keeps_the_authors_order():
    node = replace(step("a", go("x", "e"), go("y", "e"), go("z", "e")), fixed_order=True)
    assert all(shown_choices(node, seed) == node.choices for seed in range(20))


def test_better_alternative_is_the_most_desired_choice_at_that_step():
    node = step(
        "a",
        go("matig", "e", "acceptable", p=1),
        go("goed", "e", "desired", p=2),
        go("ook-goed", "e", "desired", p=2),
        go("slecht", "e", "less_desired", p=-2),
    )
    s = scenario(node, end("e"), principles=("p",))
    assert better_alternative(s, node, node.choice("slecht")).key == "goed"
    assert better_alternative(s, node, node.choice("matig")).key == "goed"
    assert better_alternative(s, node, node.choice("goed")) is None
    assert better_alternative(s, node, node.choice("ook-goed")) is None


def test_fixed_order_and_speaker_name_travel_through_the_file():
    document = to_document(
        scenario(
            replace(
                step("a", go("x", "e")),
                fixed_order=True,
                speaker="other",
                speaker_name="Sandra (woonconsulent)",
            ),
            end("e"),
        )
    )
    node = document["nodes"][0]
    assert node["fixed_order"] is True
    assert node["speaker_name"] == "Sandra (woonconsulent)"
    assert "fixed_order" not in document["nodes"][1]  # exported only when set
    parsed, problems = parse_document(document, ["p", "q"])
    assert problems == []
    assert parsed.nodes[0].fixed_order and parsed.nodes[0].speaker_name.startswith("Sandra")


def test_a_fixed_order_that_is_not_a_boolean_is_reported():
    document = to_document(scenario(step("a", go("x", "e")), end("e")))
    document["nodes"][0]["fixed_order"] = "ja"
    _parsed, problems = parse_document(document, ["p", "q"])
    assert [said(p) for p in problems] == ["'fixed_order' in stap 'a' moet true of false zijn."]


def test_bounds_contract_cycles():
    s = scenario(
        step("a", go("x", "b", p=1)),
        step("b", go("terug", "c"), go("uit", "d", p=2, q=-2)),
        step("c", go("heen", "b"), go("weg", "e", q=1)),
        end("d"),
        end("e"),
    )
    assert validate_graph(s) == []
    assert bounds(s) == {"p": (3, 1), "q": (1, -2)}


def test_score_path_refuses_a_path_that_is_no_walk():
    s = ladder(2)
    with pytest.raises(ValueError):
        score_path(s, [("s1", "c0")])
    with pytest.raises(ValueError):
        score_path(s, [("s0", "c9")])


# --------------------------------------------------------------------------- routes and play


def test_desired_route_takes_the_largest_total():
    s = scenario(
        step("a", go("x", "b", p=1), go("y", "c", q=2)),
        step("b", go("z", "d", p=1, q=-2)),
        step("c", go("w", "d", p=-1)),
        end("d"),
    )
    assert desired_route(s) == [("a", "y"), ("c", "w")]


def test_desired_route_prefers_earlier_listed_choices_among_equals():
    s = scenario(
        step("a", go("x", "b", p=1), go("y", "c", q=1), go("z", "c", p=1)),
        step("b", go("v", "d"), go("w", "d", p=1, q=-1)),
        step("c", go("u", "d")),
        end("d"),
    )
    assert desired_route(s) == [("a", "x"), ("b", "v")]


def test_desired_route_never_revisits_a_node():
    # From a, the first-listed choice goes to n, whose only choice leads back to a:
    # a simple route cannot continue there, so the route takes b.
    s = scenario(
        step("a", go("naar-n", "n"), go("naar-b", "b")),
        step("n", go("terug", "a")),
        step("b", go("terug", "a"), go("klaar", "e", p=1)),
        end("e"),
    )
    assert validate_graph(s) == []
    assert desired_route(s) == [("a", "naar-b"), ("b", "klaar")]


def test_desired_route_may_pass_through_a_loop():
    s = scenario(
        step("a", go("b", "b"), go("snel", "e")),
        step("b", go("c", "c"), go("a", "a")),
        step("c", go("b", "b"), go("goed", "e", p=2)),
        end("e"),
    )
    assert desired_route(s) == [("a", "b"), ("b", "c"), ("c", "goed")]


def test_shortest_route_to_an_ending():
    s = scenario(
        step("a", go("lang", "b"), go("kort", "c"), go("ook-kort", "c")),
        step("b", go("x", "c")),
        step("c", go("y", "d"), go("z", "e")),
        end("d"),
        end("e"),
    )
    assert shortest_route_to(s, "e") == [("a", "kort"), ("c", "z")]
    assert shortest_route_to(s, "a") == []
    with pytest.raises(ValueError):
        shortest_route_to(s, "onbekend")


def test_next_node_only_follows_choices_of_that_node():
    s = parse_document(doc())[0]
    assert next_node(s, "begin", "vraag-door").key == "motief"
    assert next_node(s, "motief", "vraag-door") is None
    assert next_node(s, "nergens", "vraag-door") is None


def test_walk_returns_the_node_a_path_ends_on():
    s = ladder(3)
    assert walk(s, []).key == "s0"
    assert walk(s, [("s0", "c1"), ("s1", "c4")]).key == "s2"
    with pytest.raises(ValueError):
        walk(s, [("s0", "c1"), ("s0", "c1")])


# --------------------------------------------------------------------------- export and import


def test_round_trip_of_the_example():
    s, _ = parse_document(doc())
    exported = json.loads(json.dumps(to_document(s)))
    assert parse_document(exported) == (s, [])


def test_round_trip_of_a_bare_scenario_leaves_optional_fields_out():
    s = scenario(step("a", go("x", "b", quality="desired")), end("b"), principles=())
    exported = to_document(s)
    assert set(exported) == {"format", "version", "title", "language", "role"} | {
        "principles",
        "start",
        "nodes",
    }
    assert exported["nodes"][1] == {
        "key": "b",
        "speaker": "resident",
        "text": "Einde.",
        "end": True,
    }
    assert parse_document(exported) == (s, [])


DEMOS = sorted((Path(__file__).parents[2] / "demo" / "content" / "scenarios").glob("*.json"))


@pytest.mark.parametrize("path", DEMOS, ids=[p.stem for p in DEMOS])
def test_demo_scenarios_are_valid_and_survive_a_round_trip(path):
    known = [p["slug"] for p in principle_data.PRINCIPLES]
    s, problems = load_json(path.read_bytes(), known)
    assert problems == []
    assert parse_document(to_document(s), known) == (s, [])
    assert walk(s, desired_route(s)).end


def test_load_json_reads_bytes_and_text():
    raw = json.dumps(EXAMPLE, ensure_ascii=False)
    assert load_json(raw)[1] == []
    assert load_json(raw.encode()) == load_json(raw)
    assert load_json(b"\xef\xbb\xbf" + raw.encode())[1] == []  # a BOM from Windows editors


def test_load_json_passes_known_principles_on():
    problem = only(load_json(json.dumps(EXAMPLE), ["presentie", "eigen-kracht"])[1])
    assert "'sociaal-netwerk'" in said(problem)


def test_files_up_to_1_mib_are_read_and_larger_ones_refused():
    raw = json.dumps(EXAMPLE).encode()
    exactly = raw + b" " * (MAX_FILE_BYTES - len(raw))
    assert load_json(exactly)[1] == []
    result, problems = load_json(exactly + b" ")
    assert result is None
    assert "groter dan 1 MiB" in said(only(problems))


def test_the_size_limit_counts_utf8_bytes():
    data = doc(intro="é" * 4000)
    raw = json.dumps(data, ensure_ascii=False)
    padded = raw + " " * (MAX_FILE_BYTES - len(raw) - 1000)  # under 1 MiB in characters
    assert len(padded) < MAX_FILE_BYTES < len(padded.encode())
    assert "1 MiB" in said(only(load_json(padded)[1]))


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b'{"format": "kantelwerk-scenario",', "geen geldige JSON (fout bij regel 1"),
        ("{'format': 1}", "geen geldige JSON"),
        (b"\xff\xfe{}", "UTF-8"),
        ("\ud800", "UTF-8"),
        (b'{"version": NaN}', "geen geldige JSON"),
        (b"1" * 5000, "geen geldige JSON"),
        (b"[" * 100_000 + b"]" * 100_000, ""),
        (b"", "geen geldige JSON"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(raw, says):
    result, problems = load_json(raw)
    assert result is None
    assert says in said(only(problems))


def test_the_quality_choices_are_the_exchange_formats_qualities():
    from scenarios.qualities import Quality

    assert tuple(Quality.values) == engine_qualities
