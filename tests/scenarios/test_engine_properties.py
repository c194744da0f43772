"""Properties of the scenario engine on random small graphs, against brute-force references."""

from __future__ import annotations

import json
import math
from collections import deque
from dataclasses import replace
from fractions import Fraction

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scenarios.engine import (
    QUALITIES,
    SPEAKERS,
    Choice,
    Node,
    Problem,
    Scenario,
    bounds,
    desired_route,
    parse_document,
    score_path,
    shortest_route_to,
    to_document,
    validate_graph,
)
from scenarios.problem_messages import message

PRINCIPLES = ("p", "q")
LAST_RESORT = Problem("file_unreadable")
SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

scores = st.dictionaries(st.sampled_from(PRINCIPLES), st.integers(-2, 2), max_size=2)
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    str.strip
)


@st.composite
def any_graphs(draw) -> Scenario:
    """Draw a small graph that may break any of rules 2-7."""
    count = draw(st.integers(1, 7))
    keys = [f"n{i}" for i in range(count)]
    nodes = []
    for key in keys:
        targets = st.sampled_from([*keys, "weg"]) if draw(st.booleans()) else st.sampled_from(keys)
        choices = [
            Choice(f"c{i}", "t", draw(targets), "desired", draw(scores))
            for i in range(draw(st.integers(0, 3)))
        ]
        nodes.append(Node(key, "t", end=draw(st.booleans()), choices=tuple(choices)))
    start = draw(st.sampled_from([*keys, "weg"]))
    return Scenario("T", PRINCIPLES, start, tuple(nodes))


@st.composite
def valid_graphs(draw) -> Scenario:
    """Draw a small graph that keeps every rule, often with loops.

    Every non-ending gets a first choice to a later node, so an ending (the last node
    at least) is always reachable; unreachable nodes are dropped and scores on loop
    choices cleared afterwards.
    """
    count = draw(st.integers(1, 7))
    ends = [i > 0 and draw(st.integers(0, 3)) == 0 for i in range(count - 1)] + [True]
    raw: dict[str, list[tuple[str, dict]]] = {}
    for i in range(count):
        if ends[i]:
            raw[f"n{i}"] = []
            continue
        targets = [draw(st.integers(i + 1, count - 1))]
        targets += draw(st.lists(st.integers(0, count - 1), max_size=2))
        raw[f"n{i}"] = [(f"n{t}", draw(scores)) for t in draw(st.permutations(targets))]
    reachable = reach(raw, "n0")
    nodes = []
    for key in sorted(reachable, key=lambda k: int(k[1:])):
        choices = tuple(
            Choice(f"c{i}", "t", target, "desired", {} if key in reach(raw, target) else score)
            for i, (target, score) in enumerate(raw[key])
        )
        nodes.append(Node(key, "t", end=not raw[key], choices=choices))
    return Scenario("T", PRINCIPLES, "n0", tuple(nodes))


@st.composite
def damaged_graphs(draw) -> Scenario:
    """Draw a valid graph with one or two small changes, so many are just (in)valid."""
    s = draw(valid_graphs())
    keys = [n.key for n in s.nodes]
    nodes = list(s.nodes)
    for _ in range(draw(st.integers(1, 2))):
        i = draw(st.integers(0, len(nodes) - 1))
        node = nodes[i]
        change = draw(st.sampled_from(["retarget", "rescore", "drop", "flip", "add"]))
        choices = list(node.choices)
        if change == "flip":
            nodes[i] = replace(node, end=not node.end)
            continue
        if change == "add" or not choices:
            choices.append(Choice(f"c{len(choices)}", "t", draw(st.sampled_from(keys)), "desired"))
        j = draw(st.integers(0, len(choices) - 1))
        if change == "retarget":
            choices[j] = replace(choices[j], target=draw(st.sampled_from([*keys, "weg"])))
        elif change == "rescore":
            choices[j] = replace(choices[j], scores=draw(scores))
        elif change == "drop":
            del choices[j]
        nodes[i] = replace(node, choices=tuple(choices))
    return replace(s, nodes=tuple(nodes))


def reach(edges: dict[str, list[tuple[str, object]]], start: str) -> set[str]:
    """Return every key reachable from start (start included), by breadth-first search."""
    seen, queue = {start}, deque([start])
    while queue:
        for target, _ in edges.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def edges_of(s: Scenario) -> dict[str, list[tuple[str, Choice]]]:
    return {n.key: [(c.target, c) for c in n.choices] for n in s.nodes}


def reference_is_valid(s: Scenario) -> bool:
    """Check rules 2-7 the plain way, independent of the engine.

    Also check that node keys are unique and choice keys unique within their node: that is
    rule 1, but validate_graph checks it too (a Scenario from the admin skips
    parse_document), and damaged_graphs can add a choice whose key is already taken.
    """
    edges = edges_of(s)
    keys = set(edges)
    if len(keys) != len(s.nodes):
        return False
    if any(len({c.key for c in n.choices}) != len(n.choices) for n in s.nodes):
        return False
    if s.start not in keys or not any(n.end for n in s.nodes):
        return False
    if any(c.target not in keys for n in s.nodes for c in n.choices):
        return False
    if any(n.end == bool(n.choices) for n in s.nodes):
        return False
    if reach(edges, s.start) != keys:
        return False
    endings = {n.key for n in s.nodes if n.end}
    if any(not reach(edges, key) & endings for key in keys):
        return False
    return not any(
        any(c.scores.values()) and n.key in reach(edges, c.target)
        for n in s.nodes
        for c in n.choices
    )


def simple_paths(s: Scenario) -> list[list[tuple[int, Node, Choice]]]:
    """Enumerate every path start -> ending that visits no node twice.

    Enough for best, worst and the desired route: a walk that repeats a node contains
    a cycle, every choice on it lies on a cycle and so scores 0 (rule 7); cutting the
    cycle out leaves a shorter walk with the same sums, until the walk is simple.
    """
    index = {n.key: n for n in s.nodes}
    found = []

    def extend(key: str, path: list, visited: set[str]) -> None:
        node = index[key]
        if node.end:
            found.append(path)
            return
        for i, choice in enumerate(node.choices):
            if choice.target not in visited:
                extend(choice.target, [*path, (i, node, choice)], visited | {choice.target})

    extend(s.start, [], {s.start})
    return found


def total(path, principles=PRINCIPLES) -> int:
    return sum(c.scores.get(p, 0) for _, _, c in path for p in principles)


@SETTINGS
@given(st.one_of(any_graphs(), damaged_graphs(), valid_graphs()))
@example(  # shrunk from a rare failure: "drop" then "add" in damaged_graphs reused key c1
    Scenario(
        "T",
        PRINCIPLES,
        "n0",
        (
            Node("n0", "t", choices=(Choice("c0", "t", "n3", "desired"),)),
            Node(
                "n3",
                "t",
                choices=(Choice("c1", "t", "n4", "desired"), Choice("c1", "t", "n0", "desired")),
            ),
            Node("n4", "t", end=True),
        ),
    )
)
@example(  # the same for node keys: two endings called n1
    Scenario(
        "T",
        PRINCIPLES,
        "n0",
        (
            Node("n0", "t", choices=(Choice("c0", "t", "n1", "desired"),)),
            Node("n1", "t", end=True),
            Node("n1", "t", end=True),
        ),
    )
)
def test_validate_graph_accepts_exactly_the_valid_graphs(s):
    assert (validate_graph(s) == []) == reference_is_valid(s)


@SETTINGS
@given(valid_graphs())
def test_generated_graphs_are_valid(s):
    assert reference_is_valid(s)
    assert validate_graph(s) == []


@SETTINGS
@given(valid_graphs())
def test_bounds_are_the_extremes_over_all_simple_paths(s):
    paths = simple_paths(s)
    expected = {
        p: (max(total(path, [p]) for path in paths), min(total(path, [p]) for path in paths))
        for p in PRINCIPLES
    }
    assert bounds(s) == expected


@SETTINGS
@given(valid_graphs())
def test_desired_route_is_the_first_listed_best_simple_path(s):
    paths = simple_paths(s)
    best = max(total(path) for path in paths)
    expected = min(
        (path for path in paths if total(path) == best),
        key=lambda path: [i for i, _, _ in path],
    )
    route = desired_route(s)
    assert route == [(node.key, choice.key) for _, node, choice in expected]
    assert total(expected) == best


@st.composite
def walks(draw, s: Scenario) -> list[tuple[str, str]]:
    """Draw a walk from the start, up to 12 steps, that may go round a loop more than once."""
    index = {n.key: n for n in s.nodes}
    walk, node = [], index[s.start]
    while not node.end and len(walk) < 12:
        choice = draw(st.sampled_from(node.choices))
        walk.append((node.key, choice.key))
        node = index[choice.target]
    return walk


def reference_score(s: Scenario, walk: list[tuple[str, str]]) -> dict[str, Fraction | None]:
    """Scoring version 2 written out the slow way: the exact fraction per principle."""
    index = {n.key: n for n in s.nodes}
    exact: dict[str, Fraction | None] = {}
    for p in s.principles:
        earned = possible = 0
        for node_key, choice_key in walk:
            node = index[node_key]
            offered = sorted(c.scores.get(p, 0) for c in node.choices)
            if offered[0] != offered[-1]:
                chosen = next(c for c in node.choices if c.key == choice_key)
                earned += chosen.scores.get(p, 0) - offered[0]
                possible += offered[-1] - offered[0]
        exact[p] = Fraction(100 * earned, possible) if possible else None
    return exact


def half_up(x: Fraction) -> int:
    return math.floor(x + Fraction(1, 2))  # the same as half away from zero for x >= 0


@SETTINGS
@given(valid_graphs(), st.data())
def test_scores_follow_the_version_2_definition_on_any_walk(s, data):
    walk = data.draw(walks(s))
    exact = reference_score(s, walk)
    result = score_path(s, walk)
    assert result.scores == {p: None if v is None else half_up(v) for p, v in exact.items()}
    assert all(0 <= v <= 100 for v in result.practised_scores.values())
    practised = [v for v in exact.values() if v is not None]
    expected_overall = (
        half_up(sum(map(half_up, practised)) / Fraction(len(practised))) if practised else None
    )
    assert result.overall == expected_overall


@SETTINGS
@given(valid_graphs(), st.data())
def test_shortest_route_is_the_first_listed_of_the_shortest_paths(s, data):
    ending = data.draw(st.sampled_from([n.key for n in s.nodes if n.end]))
    paths = [
        path for path in simple_paths(s) if (path[-1][2].target if path else s.start) == ending
    ]
    expected = min(paths, key=lambda path: (len(path), [i for i, _, _ in path]))
    assert shortest_route_to(s, ending) == [(node.key, choice.key) for _, node, choice in expected]


@st.composite
def full_scenarios(draw) -> Scenario:
    """Draw a valid scenario with every optional field and random texts."""
    s = draw(valid_graphs())
    nodes = tuple(
        Node(
            n.key,
            draw(texts),
            speaker=draw(st.sampled_from(SPEAKERS)),
            speaker_name=draw(st.just("") | texts),
            fixed_order=draw(st.booleans()),
            end=n.end,
            outcome=draw(st.just("") | texts) if n.end else "",
            choices=tuple(
                Choice(c.key, draw(texts), c.target, draw(st.sampled_from(QUALITIES)), c.scores)
                for c in n.choices
            ),
        )
        for n in s.nodes
    )
    return Scenario(
        title=draw(texts),
        principles=PRINCIPLES,
        start=s.start,
        nodes=nodes,
        language=draw(st.sampled_from(["nl", "en"])),
        role=draw(st.sampled_from(["professional", "volunteer", "civil_servant", "any"])),
        persona_name=draw(st.just("") | texts),
        persona_age=draw(st.none() | st.integers(0, 150)),
        persona_situation=draw(st.just("") | texts),
        setting=draw(st.just("") | texts),
        intro=draw(st.just("") | texts),
    )


@SETTINGS
@given(full_scenarios())
def test_export_then_import_gives_the_same_scenario(s):
    exported = json.loads(json.dumps(to_document(s)))
    assert parse_document(exported, PRINCIPLES) == (s, [])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


def assert_parses_quietly(data: object) -> None:
    result, problems = parse_document(data, PRINCIPLES)
    assert all(isinstance(p, Problem) and message(p) for p in problems)  # every one can be said
    assert LAST_RESORT not in problems  # a bug, not a broken file, would end up there
    assert result is not None or problems


@SETTINGS
@given(json_values)
def test_parse_document_never_raises_on_any_json(data):
    assert_parses_quietly(data)


def paths_into(value: object, prefix: tuple = ()) -> list[tuple]:
    """List the key/index paths of every value inside a JSON document."""
    found = [prefix]
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, inner in items:
        found += paths_into(inner, (*prefix, key))
    return found


@SETTINGS
@given(full_scenarios(), st.data())
def test_parse_document_never_raises_on_a_damaged_valid_document(s, data):
    document = to_document(s)
    for where in data.draw(st.lists(st.sampled_from(paths_into(document)[1:]), max_size=3)):
        parent = document
        try:
            for key in where[:-1]:
                parent = parent[key]
            parent[where[-1]] = data.draw(json_values)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier damage removed this place
    assert_parses_quietly(document)


def test_parse_document_survives_deep_nesting_and_huge_numbers():
    deep: object = []
    for _ in range(100_000):
        deep = [deep]
    for value in (deep, {"nodes": deep}, {"version": 10**5000, "persona": {"age": 10**5000}}):
        assert_parses_quietly(value)
