"""The graph rules of the exchange format (rules 2–7 of ``shared/scenario-format.md``).

One cause is reported once: a mistyped target or a step without choices also cuts steps off
from the start or from every ending, and those knock-on problems are left out.
"""

from __future__ import annotations

import difflib

import networkx as nx

from .problems import Problem
from .scenario import Node, Scenario


def validate_graph(scenario: Scenario) -> list[Problem]:
    """Check rules 2–7 of the format (plus unique keys, which they rely on).

    Unique node and choice keys are rule 1, but a Scenario built elsewhere (the admin)
    does not pass through parse_document, and the graph rules are meaningless without them.
    """
    problems = _duplicate_key_problems(scenario)
    return problems + graph_problems(scenario)


def _duplicate_key_problems(scenario: Scenario) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for node in scenario.nodes:
        if node.key in seen:
            problems.append(Problem("duplicate_node_key", node.key, field="key"))
        seen.add(node.key)
        keys = [c.key for c in node.choices]
        for key in dict.fromkeys(k for k in keys if keys.count(k) > 1):
            problems.append(Problem("duplicate_choice_key", node.key, key, "key"))
    return problems


def graph_problems(scenario: Scenario) -> list[Problem]:
    """Check rules 2–7 on a scenario whose keys are unique.

    A scenario without any step (a new page: its start is the default 'begin') breaks
    rules 2 and 6 at once; it gets one problem that says what to do first.
    """
    if not scenario.nodes:
        return [Problem("no_steps", field="nodes", params={"start": scenario.start})]
    index = index_nodes(scenario)
    graph = walkable_graph(scenario, index)
    problems, meant = _target_problems(scenario, index, graph)
    problems += _choice_count_problems(index)
    # Steps where a cause is already reported: whatever only goes wrong through them is a
    # knock-on, and so is whatever the graph the author meant (typos fixed) gets right.
    causes = {p.node for p in problems if p.code in ("unknown_target", "no_choices")}
    endings = [key for key, node in index.items() if node.end]
    if not endings:
        problems.append(Problem("no_ending"))
    if scenario.start in index:
        reachable = nx.descendants(meant, scenario.start) | {scenario.start}
        problems += [Problem("unreachable", key) for key in index if key not in reachable]
    if endings:
        finishing = set(endings).union(*(nx.ancestors(meant, e) for e in endings))
        blocked = causes.union(*(nx.ancestors(graph, key) for key in causes))
        problems += [
            Problem("cannot_reach_end", key)
            for key in index
            if key not in finishing and key not in blocked
        ]
    return problems + _loop_score_problems(scenario, index, graph)


def index_nodes(scenario: Scenario) -> dict[str, Node]:
    """Map each node key to its node; the first one wins if a key is used twice."""
    index: dict[str, Node] = {}
    for node in scenario.nodes:
        index.setdefault(node.key, node)
    return index


def walkable_graph(scenario: Scenario, index: dict[str, Node]) -> nx.DiGraph:
    """Build the graph a learner can walk: an ending stops the walk, so its choices are left out."""
    graph = nx.DiGraph()
    graph.add_nodes_from(index)
    for key, node in index.items():
        if not node.end:
            graph.add_edges_from((key, c.target) for c in node.choices if c.target in index)
    return graph


def closest_key(wrong: str, keys) -> str | None:
    """The existing key a mistyped one most likely meant, or None when none is close."""
    matches = difflib.get_close_matches(wrong, list(keys), n=1, cutoff=0.75)
    return matches[0] if matches else None


def _target_problems(
    scenario: Scenario, index: dict[str, Node], graph: nx.DiGraph
) -> tuple[list[Problem], nx.DiGraph]:
    """Report the start and targets that name no step; return the graph the author meant too.

    In the meant graph each mistyped target leads to the step its key most resembles.
    """
    problems = []
    meant = graph.copy()
    if scenario.start not in index:
        suggestion = closest_key(scenario.start, index)
        params = {"start": scenario.start, "suggestion": suggestion}
        problems.append(Problem("unknown_start", field="start", params=params))
    for key, node in index.items():
        for choice in node.choices:
            if choice.target in index:
                continue
            suggestion = closest_key(choice.target, index)
            params = {"target": choice.target, "suggestion": suggestion}
            problems.append(Problem("unknown_target", key, choice.key, "target", params))
            if suggestion is not None and not node.end:
                meant.add_edge(key, suggestion)
    return problems, meant


def _choice_count_problems(index: dict[str, Node]) -> list[Problem]:
    problems = []
    for key, node in index.items():
        if node.end and node.choices:
            problems.append(Problem("ending_with_choices", key, field="choices"))
        elif not node.end and not node.choices:
            problems.append(Problem("no_choices", key, field="choices"))
    return problems


def _loop_score_problems(
    scenario: Scenario, index: dict[str, Node], graph: nx.DiGraph
) -> list[Problem]:
    component = _components(graph)
    problems = []
    for key, node in index.items():
        if node.end:
            continue
        for choice in node.choices:
            scored = tuple((p, s) for p, s in choice.scores.items() if s)
            if scored and choice.target in index and component[choice.target] == component[key]:
                params = {"scores": scored}
                problems.append(Problem("score_in_loop", key, choice.key, "scores", params))
    return problems


def _components(graph: nx.DiGraph) -> dict[str, int]:
    """Map each node to the number of its strongly connected component (cycle)."""
    return {
        key: number
        for number, keys in enumerate(nx.strongly_connected_components(graph))
        for key in keys
    }
