"""Translate between a ScenarioPage (Wagtail blocks) and the engine's plain Scenario."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from . import engine
from .engine import Choice, Node, Problem, Scenario

# A revision's content never changes, so its parsed graph can be kept for the life of the
# process. The key includes the creation time: on SQLite a rolled-back id can come back.
_REVISION_CACHE: dict[tuple[int, str], _Parsed] = {}
_REVISION_CACHE_SIZE = 512


# ScenarioPage field → engine Scenario field, for everything that is a plain value.
PAGE_FIELDS = {
    "title": "title",
    "start_key": "start",
    "language": "language",
    "role": "role",
    "persona_name": "persona_name",
    "persona_age": "persona_age",
    "persona_situation": "persona_situation",
    "setting": "setting",
    "intro": "intro",
}


def scenario_from_page(page) -> Scenario:
    """Build the engine's Scenario from a ScenarioPage (live, draft or revision object)."""
    principles = sorted(page.principles.all(), key=lambda p: (p.order, p.name))
    return Scenario(
        principles=tuple(p.slug for p in principles),
        nodes=tuple(_node(block.value) for block in page.graph if block.block_type == "node"),
        **{field: getattr(page, attribute) for attribute, field in PAGE_FIELDS.items()},
    )


def scenario_from_revision_content(content: dict, principle_slugs: list[str]) -> Scenario:
    """Build the Scenario from a revision's stored JSON, without the page model.

    For data migrations, which must not depend on today's model classes. ``principle_slugs``
    are the scenario's principles in the platform's order.
    """
    stream = content.get("graph") or []
    if isinstance(stream, str):
        stream = json.loads(stream)
    nodes = []
    for block in stream:
        if block.get("type") != "node":
            continue
        value = dict(block["value"])
        value["choices"] = [dict(choice) for choice in _list_items(value.get("choices"))]
        for choice in value["choices"]:
            choice["scores"] = _list_items(choice.get("scores"))
            choice.setdefault("feedback", "")
        value.setdefault("outcome", "")
        value.setdefault("speaker", "resident")
        value.setdefault("end", False)
        nodes.append(_node(value))
    fields = {field: content.get(attribute) for attribute, field in PAGE_FIELDS.items()}
    fields = {field: value for field, value in fields.items() if value is not None}
    return Scenario(principles=tuple(principle_slugs), nodes=tuple(nodes), **fields)


def _list_items(items) -> list:
    """The values of a stored ListBlock, in either of Wagtail's two storage shapes."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in items or []
    ]


def page_fields(scenario: Scenario) -> dict:
    """Return the ScenarioPage field values for a scenario (graph included, principles not)."""
    fields = {attribute: getattr(scenario, field) for attribute, field in PAGE_FIELDS.items()}
    return {**fields, "graph": graph_stream_data(scenario)}


def _node(value) -> Node:
    return Node(
        key=value["key"],
        text=value["text"],
        speaker=value["speaker"] or "resident",
        speaker_name=value.get("speaker_name") or "",
        fixed_order=bool(value.get("fixed_order")),
        end=bool(value["end"]),
        outcome=value["outcome"] or "",
        choices=tuple(_choice(choice) for choice in value["choices"]),
    )


def _choice(value) -> Choice:
    scores: dict[str, int] = {}
    for row in value["scores"]:
        scores.setdefault(row["principle"], int(row["value"]))
    return Choice(
        key=value["key"],
        text=value["text"],
        target=value["target"],
        quality=value["quality"],
        scores={slug: score for slug, score in scores.items() if score},
        feedback=value["feedback"] or "",
    )


def check_page(page, known_principles) -> list[Problem]:
    """Return every broken rule of the exchange format for this page."""
    scenario = scenario_from_page(page)
    _parsed, problems = engine.parse_document(engine.to_document(scenario), known_principles)
    return _duplicate_score_problems(page) + problems


def _duplicate_score_problems(page) -> list[Problem]:
    problems = []
    for block in page.graph:
        for choice in block.value["choices"]:
            counts = Counter(row["principle"] for row in choice["scores"])
            for slug, count in counts.items():
                if count > 1:
                    problems.append(
                        Problem(
                            "duplicate_score",
                            block.value["key"],
                            choice["key"],
                            "scores",
                            {"principle": slug},
                        )
                    )
    return problems


@dataclass
class _Parsed:
    """A revision's graph and what is worked out from it, each at most once per process."""

    scenario: Scenario
    desired: list[tuple[str, str]] | None = None


def _parsed(revision) -> _Parsed:
    key = (revision.pk, revision.created_at.isoformat())
    parsed = _REVISION_CACHE.get(key)
    if parsed is None:
        if len(_REVISION_CACHE) >= _REVISION_CACHE_SIZE:
            clear_revision_cache()
        parsed = _REVISION_CACHE[key] = _Parsed(scenario_from_page(revision.as_object()))
    return parsed


def scenario_for_revision(revision) -> Scenario:
    """Return the parsed graph of a page revision, built once per process."""
    return _parsed(revision).scenario


def score_for_revision(revision, path) -> engine.Result:
    """Score a path on the revision it was played on."""
    return engine.score_path(scenario_for_revision(revision), path)


def desired_route_for_revision(revision) -> list[tuple[str, str]]:
    """The revision's desired route (node, choice), kept once worked out."""
    parsed = _parsed(revision)
    if parsed.desired is None:
        parsed.desired = engine.desired_route(parsed.scenario)
    return parsed.desired


def clear_revision_cache() -> None:
    _REVISION_CACHE.clear()


def graph_stream_data(scenario: Scenario) -> list[dict]:
    """Return the StreamField data for a scenario's nodes (for import)."""
    return [
        {
            "type": "node",
            "value": {
                "key": node.key,
                "speaker": node.speaker,
                "speaker_name": node.speaker_name,
                "fixed_order": node.fixed_order,
                "text": node.text,
                "end": node.end,
                "outcome": node.outcome,
                "choices": [
                    {
                        "key": choice.key,
                        "text": choice.text,
                        "target": choice.target,
                        "quality": choice.quality,
                        "scores": [
                            {"principle": slug, "value": str(value)}
                            for slug, value in choice.scores.items()
                        ],
                        "feedback": choice.feedback,
                    }
                    for choice in node.choices
                ],
            },
        }
        for node in scenario.nodes
    ]
