"""The five shipped scenarios are rich enough and their scoring tells routes apart."""

import random
import statistics

import pytest

from demo.library import DEMO_SCENARIOS, SCENARIO_FILES
from scenarios import engine
from scenarios.principle_data import PRINCIPLES

KNOWN = {principle["slug"] for principle in PRINCIPLES}


def load(name: str) -> engine.Scenario:
    scenario, problems = engine.load_json((SCENARIO_FILES / f"{name}.json").read_bytes(), KNOWN)
    assert problems == []
    return scenario


@pytest.mark.parametrize("name", DEMO_SCENARIOS)
def test_each_scenario_is_rich_enough_for_a_course(name):
    scenario = load(name)
    endings = [node for node in scenario.nodes if node.end]
    assert len(scenario.nodes) >= 12
    assert len({node.outcome for node in endings}) >= 3
    assert all(choice.feedback for node in scenario.nodes for choice in node.choices)
    assert len(scenario.principles) >= 4


@pytest.mark.parametrize("name", DEMO_SCENARIOS)
def test_the_desired_route_scores_at_least_80_overall(name):
    scenario = load(name)
    assert engine.score_path(scenario, engine.desired_route(scenario)).overall >= 80


@pytest.mark.parametrize("name", DEMO_SCENARIOS)
def test_granting_the_provision_quickly_scores_low_on_own_strength_and_network(name):
    scenario = load(name)
    quickest = engine.shortest_route_to(scenario, "voorziening-direct")
    scores = engine.score_path(scenario, quickest).scores
    assert scores["eigen-kracht"] <= 30
    assert scores["sociaal-netwerk"] <= 30


def play(scenario: engine.Scenario, pick) -> int | None:
    """Play from the start to an ending, picking each choice with ``pick(node, taken)``.

    ``taken`` holds the choices already made at that node in this attempt, so a player who
    always taps the top button still leaves an "ask again" loop after going round once.
    """
    path, node = [], scenario.node(scenario.start)
    while not node.end:
        choice = pick(node, {c for n, c in path if n == node.key})
        path.append((node.key, choice.key))
        node = scenario.node(choice.target)
    return engine.score_path(scenario, path).overall


def top_button(order):
    return lambda node, taken: next((c for c in order(node) if c.key not in taken), order(node)[0])


# Fifty attempts of each kind; a learner who taps the top button every time should do no
# better than one who taps at random. The margin allows for the spread of fifty random
# walks (a few points on these scenarios), not for a systematic advantage.
ATTEMPTS, MARGIN = 50, 8


@pytest.mark.parametrize("name", DEMO_SCENARIOS)
def test_always_choosing_the_first_shown_option_does_no_better_than_chance(name):
    scenario = load(name)
    first_shown = [
        play(scenario, top_button(lambda node, seed=seed: engine.shown_choices(node, seed)))
        for seed in range(ATTEMPTS)
    ]
    rng = random.Random(2026)
    at_random = [
        play(scenario, lambda node, taken: rng.choice(node.choices)) for _ in range(ATTEMPTS)
    ]
    assert statistics.mean(first_shown) <= statistics.mean(at_random) + MARGIN
    # The author's order alone would still give the desired route: the shuffle is what helps.
    assert play(scenario, top_button(lambda node: node.choices)) >= 80
