"""The scenario graph: parsing the exchange format, validation, best path and scoring.

Pure Python: imports nothing from Django, so it can be tested and reused on its own.
The contract is ``shared/scenario-format.md`` (format version 1, scoring version 2).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import deque
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import networkx as nx

from scenarios.format_checks import (
    FORMAT,
    LANGUAGES,
    MAX_CHOICES,
    MAX_NODES,
    MAX_SCORE,
    MAX_TEXT,
    MAX_TITLE,
    MIN_SCORE,
    QUALITIES,
    ROLES,
    SPEAKERS,
    VERSION,
    check_document,
    is_key,
)
from scenarios.format_checks import quote as _q

__all__ = [
    "FORMAT",
    "LANGUAGES",
    "MAX_CHOICES",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_SCORE",
    "MAX_TEXT",
    "MAX_TITLE",
    "MIN_SCORE",
    "QUALITIES",
    "SCORING_VERSION",
    "ROLES",
    "SPEAKERS",
    "VERSION",
    "BANDS",
    "Choice",
    "Node",
    "Problem",
    "Result",
    "Scenario",
    "band",
    "better_alternative",
    "desired_route",
    "is_key",
    "load_json",
    "next_node",
    "parse_document",
    "round_half_away",
    "score_path",
    "shortest_route_to",
    "shown_choices",
    "to_document",
    "validate_graph",
    "walk",
]

MAX_FILE_BYTES = 1_048_576
SCORING_VERSION = 2

# The words shown before any number, from the most to the least desired; see band().
BANDS = ("mostly_desired", "partly_desired", "mostly_less_desired", "not_practised")

Path = list[tuple[str, str]]


@dataclass(frozen=True)
class Choice:
    key: str
    text: str
    target: str
    quality: str
    scores: dict[str, int] = field(default_factory=dict)
    feedback: str = ""


@dataclass(frozen=True)
class Node:
    key: str
    text: str
    speaker: str = "resident"
    end: bool = False
    outcome: str = ""
    choices: tuple[Choice, ...] = ()
    fixed_order: bool = False
    speaker_name: str = ""

    def choice(self, key: str) -> Choice | None:
        return next((c for c in self.choices if c.key == key), None)


@dataclass(frozen=True)
class Scenario:
    title: str
    principles: tuple[str, ...]
    start: str
    nodes: tuple[Node, ...]
    language: str = "nl"
    role: str = "any"
    persona_name: str = ""
    persona_age: int | None = None
    persona_situation: str = ""
    setting: str = ""
    intro: str = ""

    def node(self, key: str) -> Node | None:
        return next((n for n in self.nodes if n.key == key), None)


@dataclass(frozen=True)
class Problem:
    """One broken rule, in Dutch, pointing at the node and choice it concerns."""

    message: str
    node: str | None = None
    choice: str | None = None


@dataclass(frozen=True)
class Result:
    """The outcome of one attempt under scoring version 2 (``scenario-format.md``).

    Per principle: ``earned`` and ``possible`` points summed over the steps where the
    principle was at stake, and ``practised``, the number of those steps. ``scores[p]``
    is 0–100, or None when the principle was never at stake ("niet geoefend");
    ``overall`` is the mean of the practised principles' scores, None when none was.
    """

    earned: dict[str, int]
    possible: dict[str, int]
    practised: dict[str, int]
    scores: dict[str, int | None]
    overall: int | None

    @property
    def practised_scores(self) -> dict[str, int]:
        """The scores of the principles that were practised, in the scenario's order."""
        return {p: s for p, s in self.scores.items() if s is not None}


# --------------------------------------------------------------------------- import


def load_json(
    raw: bytes | str, known_principles: Collection[str] | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Read a scenario file (UTF-8 JSON, at most 1 MiB) and check it like parse_document."""
    data, problem = _decode_json(raw)
    if problem is not None:
        return None, [problem]
    return parse_document(data, known_principles)


def _decode_json(raw: bytes | str) -> tuple[object, Problem | None]:
    if isinstance(raw, str):
        try:
            raw = raw.encode("utf-8")
        except UnicodeEncodeError:
            return None, Problem("Het bestand bevat tekens die geen geldige UTF-8 zijn.")
    if len(raw) > MAX_FILE_BYTES:
        return None, Problem("Het bestand is groter dan 1 MiB. Maak het scenario kleiner.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, Problem("Het bestand is geen geldige UTF-8-tekst.")
    try:
        return json.loads(text, parse_constant=_refuse_constant), None
    except RecursionError:
        return None, Problem("Het bestand is te diep genest om te lezen.")
    except json.JSONDecodeError as exc:
        where = f"regel {exc.lineno}, kolom {exc.colno}"
        return None, Problem(f"Het bestand is geen geldige JSON (fout bij {where}).")
    except ValueError:  # NaN/Infinity, or an integer with too many digits
        return None, Problem("Het bestand is geen geldige JSON (een getal is ongeldig).")


def _refuse_constant(name: str) -> object:
    raise ValueError(name)


def parse_document(
    data: object, known_principles: Collection[str] | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Check an exchange-format document and build the Scenario it describes.

    Report every broken rule at once; the scenario is valid iff the list is empty.
    Return None as scenario only when the document is not an object with a node list.
    The graph rules (validate_graph) run once the graph's shape is readable: node
    keys unique, targets, ``start``, ``end`` and ``choices`` of the right type, so
    that one broken field does not cause a cascade of follow-on messages.
    Never raise, whatever JSON-like value comes in.
    """
    try:
        checked = check_document(data, known_principles)
        problems = [Problem(*issue) for issue in checked.issues]
        if checked.fields is None:
            return None, problems
        scenario = _build(checked.fields)
        if checked.shape_ok:
            problems += _graph_problems(scenario)
        return scenario, problems
    except Exception:  # a last resort: callers rely on "never raises"
        return None, [Problem("Het bestand kon niet worden gelezen.")]


def _build(fields: dict) -> Scenario:
    """Build a Scenario from check_document's plain values."""
    nodes = tuple(
        Node(**{**node, "choices": tuple(Choice(**choice) for choice in node["choices"])})
        for node in fields["nodes"]
    )
    return Scenario(**{**fields, "nodes": nodes})


# --------------------------------------------------------------------------- graph


def validate_graph(scenario: Scenario) -> list[Problem]:
    """Check rules 2–7 of the format (plus unique keys, which they rely on).

    Unique node and choice keys are rule 1, but a Scenario built elsewhere (the admin)
    does not pass through parse_document, and the graph rules are meaningless without them.
    """
    problems = _duplicate_key_problems(scenario)
    return problems + _graph_problems(scenario)


def _duplicate_key_problems(scenario: Scenario) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for node in scenario.nodes:
        if node.key in seen:
            problems.append(
                Problem(f"Er zijn meerdere stappen met de sleutel {_q(node.key)}.", node.key)
            )
        seen.add(node.key)
        keys = [c.key for c in node.choices]
        for key in dict.fromkeys(k for k in keys if keys.count(k) > 1):
            problems.append(
                Problem(
                    f"Stap {_q(node.key)} heeft meerdere keuzes met de sleutel {_q(key)}.",
                    node.key,
                    key,
                )
            )
    return problems


def _graph_problems(scenario: Scenario) -> list[Problem]:
    index = _index(scenario)
    graph = _graph(scenario, index)
    problems = _target_problems(scenario, index)
    problems += _choice_count_problems(index)
    endings = [key for key, node in index.items() if node.end]
    if not endings:
        problems.append(
            Problem("Het scenario heeft geen einde. Maak van minstens één stap een einde.")
        )
    if scenario.start in index:
        reachable = nx.descendants(graph, scenario.start) | {scenario.start}
        for key in index:
            if key not in reachable:
                problems.append(Problem(f"Stap {_q(key)} is niet bereikbaar vanaf het begin.", key))
    if endings:
        finishing = set(endings).union(*(nx.ancestors(graph, e) for e in endings))
        for key in index:
            if key not in finishing:
                problems.append(Problem(f"Vanuit stap {_q(key)} is geen einde bereikbaar.", key))
    return problems + _loop_score_problems(scenario, index, graph)


def _index(scenario: Scenario) -> dict[str, Node]:
    """Map each node key to its node; the first one wins if a key is used twice."""
    index: dict[str, Node] = {}
    for node in scenario.nodes:
        index.setdefault(node.key, node)
    return index


def _graph(scenario: Scenario, index: dict[str, Node]) -> nx.DiGraph:
    """Build the graph a learner can walk: an ending stops the walk, so its choices are left out."""
    graph = nx.DiGraph()
    graph.add_nodes_from(index)
    for key, node in index.items():
        if not node.end:
            graph.add_edges_from((key, c.target) for c in node.choices if c.target in index)
    return graph


def _target_problems(scenario: Scenario, index: dict[str, Node]) -> list[Problem]:
    problems = []
    if scenario.start not in index:
        problems.append(
            Problem(f"Het begin ('start') is {_q(scenario.start)}, maar die stap bestaat niet.")
        )
    for key, node in index.items():
        for choice in node.choices:
            if choice.target not in index:
                message = (
                    f"Keuze {_q(choice.key)} in stap {_q(key)} verwijst naar "
                    f"{_q(choice.target)}, maar die stap bestaat niet."
                )
                problems.append(Problem(message, key, choice.key))
    return problems


def _choice_count_problems(index: dict[str, Node]) -> list[Problem]:
    problems = []
    for key, node in index.items():
        if node.end and node.choices:
            problems.append(
                Problem(
                    f"Stap {_q(key)} is een einde maar heeft keuzes. Een einde heeft geen keuzes.",
                    key,
                )
            )
        elif not node.end and not node.choices:
            problems.append(Problem(f"Stap {_q(key)} is geen einde maar heeft geen keuzes.", key))
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
            scored = {p: s for p, s in choice.scores.items() if s}
            if scored and choice.target in index and component[choice.target] == component[key]:
                shown = ", ".join(f"{p} {_signed(s)}" for p, s in scored.items())
                problems.append(
                    Problem(
                        f"Keuze {_q(choice.key)} in stap {_q(key)} ligt in een lus en mag daarom "
                        f"geen score hebben (nu: {shown}).",
                        key,
                        choice.key,
                    )
                )
    return problems


def _signed(score: object) -> str:
    return f"{score:+d}" if type(score) is int and abs(score) < 10**6 else "?"


def _components(graph: nx.DiGraph) -> dict[str, int]:
    """Map each node to the number of its strongly connected component (cycle)."""
    return {
        key: number
        for number, keys in enumerate(nx.strongly_connected_components(graph))
        for key in keys
    }


# --------------------------------------------------------------------------- export


def to_document(scenario: Scenario) -> dict:
    """Return the exchange-format document; parse_document(to_document(s))[0] == s."""
    document: dict = {
        "format": FORMAT,
        "version": VERSION,
        "title": scenario.title,
        "language": scenario.language,
        "role": scenario.role,
    }
    persona = {
        "name": scenario.persona_name,
        "age": scenario.persona_age,
        "situation": scenario.persona_situation,
    }
    persona = {k: v for k, v in persona.items() if v not in ("", None)}
    if persona:
        document["persona"] = persona
    document.update(_optional(setting=scenario.setting, intro=scenario.intro))
    document["principles"] = list(scenario.principles)
    document["start"] = scenario.start
    document["nodes"] = [_node_document(node) for node in scenario.nodes]
    return document


def _node_document(node: Node) -> dict:
    document: dict = {"key": node.key, "speaker": node.speaker, "text": node.text}
    document.update(_optional(speaker_name=node.speaker_name))
    if node.fixed_order:
        document["fixed_order"] = True
    if node.end:
        document["end"] = True
    document.update(_optional(outcome=node.outcome))
    if node.choices or not node.end:
        document["choices"] = [_choice_document(choice) for choice in node.choices]
    return document


def _choice_document(choice: Choice) -> dict:
    document: dict = {
        "key": choice.key,
        "text": choice.text,
        "target": choice.target,
        "quality": choice.quality,
    }
    if choice.scores:
        document["scores"] = dict(choice.scores)
    return document | _optional(feedback=choice.feedback)


def _optional(**texts: str) -> dict[str, str]:
    return {name: text for name, text in texts.items() if text}


# --------------------------------------------------------------------------- play and scoring


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
    index = _index(scenario)
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
        self.index = _index(scenario)
        if scenario.start not in self.index:
            raise ValueError(f"start node {scenario.start!r} does not exist")
        self.graph = _graph(scenario, self.index)
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
    index = _index(scenario)
    graph = _graph(scenario, index)
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
