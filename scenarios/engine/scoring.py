"""Playing a scenario and scoring an attempt (scoring version 2), and the routes through it."""

from __future__ import annotations

import hashlib
import random
from collections import deque
from collections.abc import Collection, Iterable, Sequence
from fractions import Fraction

import networkx as nx

from .format_checks import QUALITIES
from .graph_rules import index_nodes, walkable_graph
from .scenario import Choice, Node, Path, Result, Scenario

SCORING_VERSION = 2

# The words shown before any number, from the most to the least desired; see band().
BANDS = ("mostly_desired", "partly_desired", "mostly_less_desired", "not_practised")


def next_node(scenario: Scenario, node_key: str, choice_key: str) -> Node | None:
    """Return the node a choice leads to, or None if the choice does not belong to the node."""
    node = scenario.node(node_key)
    choice = node.choice(choice_key) if node is not None else None
    return scenario.node(choice.target) if choice is not None else None


def walk(scenario: Scenario, path: Sequence[tuple[str, str]]) -> Node:
    """Follow path from the start and return the node it ends on.

    Raise ValueError when a step is not at the node the previous step led to, or
    names a choice that node does not have.
    """
    current = scenario.node(scenario.start)
    if current is None:
        raise ValueError(f"start node {scenario.start!r} does not exist")
    for number, (node_key, choice_key) in enumerate(path, 1):
        if node_key != current.key:
            raise ValueError(
                f"step {number} is at {node_key!r}, but the walk is at {current.key!r}"
            )
        following = next_node(scenario, node_key, choice_key)
        if following is None:
            raise ValueError(
                f"step {number}: node {node_key!r} has no choice {choice_key!r} to an existing node"
            )
        current = following
    return current


def round_half_away(x: Fraction | float | int) -> int:
    """Round to the nearest integer, halves away from zero (72.5 → 73, −0.5 → −1)."""
    exact = Fraction(x)
    magnitude = int(abs(exact) + Fraction(1, 2))  # int() truncates, so this floors
    return magnitude if exact >= 0 else -magnitude


def score_path(scenario: Scenario, path: Sequence[tuple[str, str]]) -> Result:
    """Score an attempt: each decision against the alternatives offered at that step.

    For each step and principle, ``hi`` and ``lo`` are the largest and smallest score
    among all of the node's choices; the step is at stake when ``hi > lo`` and then earns
    the chosen score minus ``lo`` out of ``hi - lo``. A principle never at stake is not
    practised: its score is None, never 0 or 100. Raise ValueError when path is not a
    walk from the start (see walk).
    """
    walk(scenario, path)
    index = index_nodes(scenario)
    earned = dict.fromkeys(scenario.principles, 0)
    possible = dict.fromkeys(scenario.principles, 0)
    practised = dict.fromkeys(scenario.principles, 0)
    for node_key, choice_key in path:
        node = index[node_key]
        chosen = node.choice(choice_key)
        for p in scenario.principles:
            offered = [c.scores.get(p, 0) for c in node.choices]
            hi, lo = max(offered), min(offered)
            if hi > lo:
                earned[p] += chosen.scores.get(p, 0) - lo
                possible[p] += hi - lo
                practised[p] += 1
    scores = {
        p: round_half_away(Fraction(100 * earned[p], possible[p])) if practised[p] else None
        for p in scenario.principles
    }
    scored = [s for s in scores.values() if s is not None]
    return Result(
        earned=earned,
        possible=possible,
        practised=practised,
        scores=scores,
        overall=round_half_away(Fraction(sum(scored), len(scored))) if scored else None,
    )


def band(score: int | None) -> str:
    """Return the band (one of BANDS) for a 0–100 score, or "not_practised" for None."""
    if score is None:
        return "not_practised"
    if score >= 75:
        return "mostly_desired"
    if score >= 40:
        return "partly_desired"
    return "mostly_less_desired"


def shown_choices(node: Node, seed: int) -> tuple[Choice, ...]:
    """Return the node's choices in the order one attempt shows them.

    The order is derived from the attempt's seed and the node's key only, so it is the
    same on every reload and in every process, and differs between attempts; a node
    with ``fixed_order`` keeps the author's order.
    """
    if node.fixed_order or len(node.choices) < 2:
        return node.choices
    digest = hashlib.sha256(f"{seed}:{node.key}".encode()).digest()
    order = list(node.choices)
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return tuple(order)


_QUALITY_RANK = {quality: rank for rank, quality in enumerate(reversed(QUALITIES))}


def better_alternative(scenario: Scenario, node: Node, choice: Choice) -> Choice | None:
    """Return the node's most desired choice when ``choice`` is not one of its best, else None.

    Most desired means the best quality label, then the largest total over the scenario's
    principles, then the author's order.
    """

    def merit(c: Choice) -> tuple[int, int]:
        return _QUALITY_RANK.get(c.quality, 0), _total(c, scenario.principles)

    best = max(node.choices, key=merit)  # max keeps the first of equals
    return best if merit(best) > merit(choice) else None


def bounds(scenario: Scenario) -> dict[str, tuple[int, int]]:
    """Return per principle (best, worst): the max and min sum over all paths start → ending.

    Work on the graph with every cycle contracted (rule 7 makes cycle choices score 0),
    so the result is well-defined. Assume a valid scenario.
    """
    dag = _Contracted(scenario)
    result = {}
    for principle in scenario.principles:
        best = dag.optimum(lambda c, p=principle: c.scores.get(p, 0), max)
        worst = dag.optimum(lambda c, p=principle: c.scores.get(p, 0), min)
        result[principle] = (best[dag.start], worst[dag.start])
    return result


class _Contracted:
    """The scenario graph with each strongly connected component contracted to one node."""

    def __init__(self, scenario: Scenario) -> None:
        self.index = index_nodes(scenario)
        if scenario.start not in self.index:
            raise ValueError(f"start node {scenario.start!r} does not exist")
        self.graph = walkable_graph(scenario, self.index)
        self.dag = nx.condensation(self.graph)
        self.component: dict[str, int] = self.dag.graph["mapping"]
        self.start = self.component[scenario.start]
        self.principles = scenario.principles

    def exits(self, component: int) -> Iterable[tuple[Choice, int]]:
        """Yield each choice leaving the component, with the component it leads to."""
        for key in self.dag.nodes[component]["members"]:
            node = self.index[key]
            if node.end:
                continue
            for choice in node.choices:
                target = self.component.get(choice.target)
                if target is not None and target != component:
                    yield choice, target

    def optimum(self, weight, pick) -> dict[int, int]:
        """Return per component the best (pick=max) or worst (pick=min) sum to an ending.

        Components from which no ending is reachable are left out.
        """
        value: dict[int, int] = {}
        for component in reversed(list(nx.topological_sort(self.dag))):
            members = self.dag.nodes[component]["members"]
            options = [weight(c) + value[t] for c, t in self.exits(component) if t in value]
            if any(self.index[k].end for k in members):
                options.append(0)
            if options:
                value[component] = pick(options)
        return value


def _total(choice: Choice, principles: Collection[str]) -> int:
    return sum(choice.scores.get(p, 0) for p in principles)


def desired_route(scenario: Scenario) -> Path:
    """Return the path start → ending with the largest total score over all principles.

    Among equally good paths take the one whose choice indices are lexicographically
    smallest (earlier-listed choices first) among the *simple* paths, those that never
    visit a node twice. Looping never helps, since cycle choices score 0 (rule 7), so a
    best path always exists among the simple ones; restricting to them keeps the route
    finite. Assume a valid scenario.
    """
    dag = _Contracted(scenario)
    value = dag.optimum(lambda c: _total(c, scenario.principles), max)
    best = {key: value[dag.component[key]] for key in dag.index if dag.component[key] in value}
    route: Path = []
    current, visited = scenario.start, {scenario.start}
    while not dag.index[current].end:
        choice = next(
            (c for c in dag.index[current].choices if _leads_on(dag, best, current, c, visited)),
            None,
        )
        if choice is None:
            raise ValueError(f"no ending can be reached from node {current!r}")
        route.append((current, choice.key))
        current = choice.target
        visited.add(current)
    return route


def _leads_on(
    dag: _Contracted, best: dict[str, int], node: str, choice: Choice, visited: set[str]
) -> bool:
    """Tell whether a best simple path from node can start with choice, given the visited nodes."""
    target = choice.target
    if target in visited or target not in best:
        return False
    if dag.component[target] != dag.component[node]:
        return _total(choice, dag.principles) + best[target] == best[node]
    return _total(choice, dag.principles) == 0 and _can_leave_optimally(dag, best, target, visited)


def _can_leave_optimally(
    dag: _Contracted, best: dict[str, int], entry: str, visited: set[str]
) -> bool:
    """Tell whether a best way out of entry's cycle is reachable without revisiting nodes."""
    component = dag.component[entry]
    queue, seen = deque([entry]), {entry}
    while queue:
        key = queue.popleft()
        node = dag.index[key]
        if node.end:
            return True
        for choice in node.choices:
            target = choice.target
            if dag.component.get(target) == component:
                if target not in seen and target not in visited:
                    seen.add(target)
                    queue.append(target)
            elif target in best and _total(choice, dag.principles) + best[target] == best[key]:
                return True
    return False


def shortest_route_to(scenario: Scenario, ending_key: str) -> Path:
    """Return the path from the start to ending_key with the fewest choices.

    Among equally short paths take earlier-listed choices first. Raise ValueError
    when ending_key cannot be reached.
    """
    index = index_nodes(scenario)
    graph = walkable_graph(scenario, index)
    if ending_key not in index or scenario.start not in index:
        raise ValueError(f"node {ending_key!r} or the start does not exist")
    distance = nx.single_target_shortest_path_length(graph, ending_key)
    distance = dict(distance)
    if scenario.start not in distance:
        raise ValueError(f"node {ending_key!r} cannot be reached from the start")
    route: Path = []
    current = scenario.start
    while current != ending_key:
        choice = next(
            c for c in index[current].choices if distance.get(c.target) == distance[current] - 1
        )
        route.append((current, choice.key))
        current = choice.target
    return route
