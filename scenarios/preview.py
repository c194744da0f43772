"""A playable preview of a scenario for its author: no attempt is stored, no JavaScript needed.

Every step and every choice's feedback is a section of one page; links jump between them and
CSS ``:target`` shows only the section jumped to (the first step when none is).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.response import TemplateResponse

from .blocks import SPEAKER_CHOICES
from .engine import Choice, Node
from .graph import scenario_from_page
from .qualities import quality_label


@dataclass(frozen=True)
class PreviewChoice:
    choice: Choice
    anchor: str
    target_anchor: str | None
    quality_label: str


@dataclass(frozen=True)
class PreviewNode:
    node: Node
    anchor: str
    speaker_label: str
    is_start: bool
    choices: tuple[PreviewChoice, ...]


class _Anchors:
    """Hand out unique HTML ids, even if a draft repeats a key."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, wanted: str) -> str:
        anchor, number = wanted, 2
        while anchor in self.used:
            anchor, number = f"{wanted}-{number}", number + 1
        self.used.add(anchor)
        return anchor


def preview_nodes(scenario) -> list[PreviewNode]:
    """Lay out the scenario's steps for the preview, the first step last (see the template)."""
    anchors = _Anchors()
    speakers = dict(SPEAKER_CHOICES)
    step_anchor = {}
    for node in scenario.nodes:
        if node.key not in step_anchor:
            step_anchor[node.key] = anchors(f"stap-{node.key}")
    built = []
    seen: set[str] = set()
    for node in scenario.nodes:
        anchor = step_anchor[node.key] if node.key not in seen else anchors(f"stap-{node.key}")
        seen.add(node.key)
        choices = tuple(
            PreviewChoice(
                choice=choice,
                anchor=anchors(f"keuze-{node.key}-{choice.key}"),
                target_anchor=step_anchor.get(choice.target),
                quality_label=quality_label(choice.quality),
            )
            for choice in ([] if node.end else node.choices)
        )
        built.append(
            PreviewNode(
                node=node,
                anchor=anchor,
                speaker_label=node.speaker_name
                if node.speaker == "other" and node.speaker_name
                else str(speakers.get(node.speaker, node.speaker)),
                is_start=node.key == scenario.start and anchor == step_anchor[node.key],
                choices=choices,
            )
        )
    # The first step goes last, after every other section: ":target ~ .preview-step--start"
    # then hides it as soon as another section is shown.
    return sorted(built, key=lambda item: item.is_start)


def render_preview(request, page, scenario=None):
    """Render a playable preview that stores no attempt (of ``scenario`` when given)."""
    scenario = scenario or scenario_from_page(page)
    nodes = preview_nodes(scenario)
    start = next((item for item in nodes if item.is_start), None)
    return TemplateResponse(
        request,
        "scenarios/scenario_preview.html",
        {
            "page": page,
            "self": page,
            "scenario": scenario,
            "nodes": nodes,
            "start": start,
        },
    )
