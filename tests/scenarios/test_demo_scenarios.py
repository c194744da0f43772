"""The five shipped scenarios are rich enough and their scoring tells routes apart."""

import pytest

from scenarios import engine
from scenarios.demo_loader import DEMO_FILES, DEMO_SCENARIOS
from scenarios.principle_data import PRINCIPLES

KNOWN = {principle["slug"] for principle in PRINCIPLES}


def load(name: str) -> engine.Scenario:
    scenario, problems = engine.load_json((DEMO_FILES / f"{name}.json").read_bytes(), KNOWN)
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
