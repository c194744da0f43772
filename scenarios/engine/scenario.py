"""The scenario as plain values: steps (nodes), their choices, and an attempt's result."""

from __future__ import annotations

from dataclasses import dataclass, field

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
