"""A finished session as a record: the group's route, the votes per step by role (masked as
in the room), and the scores of the route under scoring version 2."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.bands import band_label
from scenarios.engine import Choice, Node, score_path
from scenarios.principle_cache import principles_by_slug

from .models import LiveSession, LiveStep, LiveVote
from .presenting import numbered_choices
from .running import scenario_of
from .tally import Tally, tally


@dataclass
class RecordStep:
    number: int
    node: Node
    choices: list[tuple[int, Choice]]
    followed: Choice | None
    tally: Tally


@dataclass
class ScoreRow:
    name: str
    score: int | None
    band: str


@dataclass
class Record:
    session: LiveSession
    steps: list[RecordStep]
    scores: list[ScoreRow]
    overall: int | None
    overall_band: str
    ending: Node | None
    participants: int


def build_record(session: LiveSession) -> Record:
    scenario = scenario_of(session)
    route = list(LiveStep.objects.filter(session_id=session.pk).order_by("step"))
    votes: dict[int, list[tuple[str, str]]] = {}
    for step, role, key in LiveVote.objects.filter(session_id=session.pk).values_list(
        "step", "participant__role", "choice_key"
    ):
        votes.setdefault(step, []).append((role, key))
    steps = []
    for taken in route:
        node = scenario.node(taken.node_key)
        if node is None:
            continue
        choices = numbered_choices(session, node)
        steps.append(
            RecordStep(
                number=taken.step,
                node=node,
                choices=choices,
                followed=node.choice(taken.choice_key),
                tally=tally([c.key for _n, c in choices], votes.get(taken.step, [])),
            )
        )
    result = score_path(scenario, [(s.node_key, s.choice_key) for s in route])
    names = principles_by_slug()
    scores = [
        ScoreRow(
            name=names[slug].display_name if slug in names else slug,
            score=score,
            band=band_label(score),
        )
        for slug, score in result.scores.items()
    ]
    last = scenario.node(session.node_key)
    return Record(
        session=session,
        steps=steps,
        scores=scores,
        overall=result.overall,
        overall_band=band_label(result.overall),
        ending=last if last is not None and last.end else None,
        participants=session.participants.count(),
    )


def record_rows(record: Record) -> list[list[object]]:
    """The header, then one row per step and choice: the followed mark, the total and each
    role's count, as numbers where the room saw a number.

    Only what the room saw: masked cells stay masked ("< 3", "verborgen"), folded roles (fewer
    than 3 voters) have an empty cell, never a count of their own.
    """
    from courses.debrief import ROLES

    header = ["stap", "situatie", "nummer", "keuze", "gevolgd", "totaal"]
    header += [str(role.label) for role in ROLES]
    rows: list[list[object]] = [header]
    for step in record.steps:
        for row, (number, choice) in zip(step.tally.rows, step.choices, strict=True):
            by_role = {
                column.role: _count(cell)
                for column, cell in zip(step.tally.columns, row.cells, strict=True)
            }
            rows.append(
                [
                    step.number,
                    step.node.text,
                    number,
                    choice.text,
                    "ja" if step.followed and step.followed.key == choice.key else "",
                    _count(row.total),
                    *[by_role.get(role.value, "") for role in ROLES],
                ]
            )
    return rows


def _count(cell) -> int | str:
    return cell.label if cell.masked else cell.value
