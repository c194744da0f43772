"""The exchange format (``shared/scenario-format.md``): reading a file into a Scenario, and back."""

from __future__ import annotations

import json
from collections.abc import Collection

from .format_checks import FORMAT, VERSION, check_document
from .graph_rules import graph_problems
from .problems import Problem
from .scenario import Choice, Node, Scenario

MAX_FILE_BYTES = 1_048_576


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
            return None, Problem("file_not_utf8")
    if len(raw) > MAX_FILE_BYTES:
        return None, Problem("file_too_large", params={"limit": MAX_FILE_BYTES})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, Problem("file_not_utf8")
    try:
        return json.loads(text, parse_constant=_refuse_constant), None
    except RecursionError:
        return None, Problem("file_too_deep")
    except json.JSONDecodeError as exc:
        return None, Problem("file_not_json", params={"line": exc.lineno, "column": exc.colno})
    except ValueError:  # NaN/Infinity, or an integer with too many digits
        return None, Problem("file_bad_number")


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
        problems = list(checked.problems)
        if checked.fields is None:
            return None, problems
        scenario = _build(checked.fields)
        if checked.shape_ok:
            problems += graph_problems(scenario)
        return scenario, problems
    except Exception:  # a last resort: callers rely on "never raises"
        return None, [Problem("file_unreadable")]


def _build(fields: dict) -> Scenario:
    """Build a Scenario from check_document's plain values."""
    nodes = tuple(
        Node(**{**node, "choices": tuple(Choice(**choice) for choice in node["choices"])})
        for node in fields["nodes"]
    )
    return Scenario(**{**fields, "nodes": nodes})


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
