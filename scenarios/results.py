"""What the result and compare pages show: scores per principle, the route, the desired route."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from . import engine
from .bands import band_label
from .graph import desired_route_for_revision, scenario_for_revision, score_for_revision
from .models import Attempt
from .playing import TakenChoice, path_of, taken_choices
from .principle_cache import principles_by_slug
from .radar import render_radar


@dataclass(frozen=True)
class PrincipleRow:
    """One principle of an attempt: its score 0–100, or None when it was not practised."""

    slug: str
    name: str
    description: str
    score: int | None
    practised: int = 0  # on how many of the learner's choices it was at stake
    previous: int | None = None

    @property
    def band(self) -> str:
        return engine.band(self.score)

    @property
    def band_label(self) -> str:
        return band_label(self.score)


@dataclass(frozen=True)
class AttemptResult:
    attempt: Attempt
    scenario: engine.Scenario
    result: engine.Result
    rows: list[PrincipleRow]
    route: list[TakenChoice]
    ending: engine.Node


def attempt_result(attempt: Attempt) -> AttemptResult:
    """Score a finished attempt with the revision it was played on."""
    scenario = scenario_for_revision(attempt.revision)
    path = path_of(attempt)
    result = score_for_revision(attempt.revision, path)
    principles = principles_by_slug()
    rows = [
        PrincipleRow(
            slug=slug,
            name=principles[slug].display_name if slug in principles else slug,
            description=principles[slug].display_description if slug in principles else "",
            score=result.scores.get(slug),
            practised=result.practised.get(slug, 0),
        )
        for slug in scenario.principles
    ]
    return AttemptResult(
        attempt=attempt,
        scenario=scenario,
        result=result,
        rows=rows,
        route=taken_choices(scenario, path),
        ending=scenario.node(attempt.current_node),
    )


def desired_route(attempt: Attempt) -> list[TakenChoice]:
    scenario = scenario_for_revision(attempt.revision)
    return taken_choices(scenario, desired_route_for_revision(attempt.revision))


def with_previous(rows: list[PrincipleRow], previous: AttemptResult) -> list[PrincipleRow]:
    before = {row.slug: row.score for row in previous.rows}
    return [replace(row, previous=before.get(row.slug)) for row in rows]


def radar_svg(rows: list[PrincipleRow], *, compare: bool = False) -> str:
    """Draw the practised rows as a radar chart; with ``compare`` the previous attempt too.

    A principle that was not practised is left off the chart (the table beside it says
    "niet geoefend"): drawn at the centre it would read as a 0.
    """
    if compare:
        rows = [row for row in rows if row.score is not None or row.previous is not None]
    else:
        rows = [row for row in rows if row.score is not None]
    svg = render_radar(
        [(row.name, row.score) for row in rows],
        title=_("Your profile per principle"),
        compare=[(row.name, row.previous) for row in rows] if compare else None,
        labels=(_("This attempt"), _("Previous attempt")),
    )
    return mark_safe(svg)  # noqa: S308 — render_radar escapes every label it draws
