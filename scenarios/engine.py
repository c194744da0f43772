"""The scenario graph: parsing the exchange format, validation, best path and scoring.

Pure Python: imports nothing from Django, so it can be tested and reused on its own.
The contract is ``shared/scenario-format.md`` (format version 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

QUALITIES = ("desired", "acceptable", "less_desired")
SPEAKERS = ("resident", "narrator", "learner", "other")
ROLES = ("professional", "volunteer", "civil_servant", "any")
LANGUAGES = ("nl", "en")


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
