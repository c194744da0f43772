"""Authoring advice: what makes a valid scenario score differently than its author expects.

Advice never blocks publishing (it is not a rule of ``shared/scenario-format.md``); it points
at the two surprises of scoring version 2. A step counts only for the principles on which its
choices differ, so a step whose choices never differ (a single choice always) adds nothing to
the score. And a choice marked desired that scores lower than a less desired one at the same
step earns the learner little. Like problems, advice is data; ``scenarios.advice_messages``
words it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from .scenario import Choice, Node, Scenario

# Every advice code, with the parameters its message uses besides node and choice.
ADVICE_CODES: dict[str, tuple[str, ...]] = {
    # A step with one choice: there is nothing to choose, so it never counts.
    "single_choice": (),
    # A step whose choices do not differ on any principle.
    "choices_score_alike": (),
    # A desired choice that scores lower on a principle than a less desired one.
    "quality_against_scores": ("other", "scores"),
}


@dataclasses.dataclass(frozen=True)
class Advice:
    """One piece of advice about the step ``node`` (and the choice ``choice``, if any)."""

    code: str
    node: str
    choice: str | None = None
    params: Mapping[str, object] = dataclasses.field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.code not in ADVICE_CODES:
            raise ValueError(f"unknown advice code {self.code!r}")
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


def advise(scenario: Scenario) -> list[Advice]:
    """The advice for a scenario, step by step in the author's order; endings get none."""
    advice: list[Advice] = []
    for node in scenario.nodes:
        if node.end or not node.choices:
            continue
        if len(node.choices) == 1:
            advice.append(Advice("single_choice", node.key))
        elif not at_stake(scenario, node):
            advice.append(Advice("choices_score_alike", node.key))
        advice += _quality_advice(scenario, node)
    return advice


def _score(choice: Choice, principle: str) -> int:
    value = choice.scores.get(principle, 0)
    return value if type(value) is int else 0


def at_stake(scenario: Scenario, node: Node) -> list[str]:
    """The principles on which the step's choices differ: those the step counts for."""
    return [
        p for p in scenario.principles if len({_score(choice, p) for choice in node.choices}) > 1
    ]


def _quality_advice(scenario: Scenario, node: Node) -> list[Advice]:
    """A desired choice that scores lower than a less desired one, per pair of choices."""
    advice = []
    for desired in (c for c in node.choices if c.quality == "desired"):
        for other in (c for c in node.choices if c.quality == "less_desired"):
            lower = tuple(
                (p, _score(desired, p), _score(other, p))
                for p in scenario.principles
                if _score(desired, p) < _score(other, p)
            )
            if lower:
                params = {"other": other.key, "scores": lower}
                advice.append(Advice("quality_against_scores", node.key, desired.key, params))
    return advice
