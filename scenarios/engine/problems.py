"""What the engine says is wrong with a scenario: a code, its parameters and the part it concerns.

No words here: ``scenarios.problem_messages`` turns a problem into a sentence in the reader's
language, and the editor places it by ``node``, ``choice`` and ``field``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

# Every code the engine, the format checks and the platform may report, with the parameters
# its message uses besides node and choice. problem_messages has a message for each.
CODES: dict[str, tuple[str, ...]] = {
    # The file itself.
    "file_not_utf8": (),
    "file_too_large": ("limit",),
    "file_too_deep": (),
    "file_not_json": ("line", "column"),
    "file_bad_number": (),
    "file_unreadable": (),
    "not_an_object": (),
    # The document's header and its top-level fields.
    "wrong_format": ("expected",),
    "wrong_version": ("expected",),
    "too_many_principles": ("count", "limit"),
    "too_many_nodes": ("count", "limit"),
    "too_many_choices": ("number", "count", "limit"),
    "too_many_scores": ("number", "count", "limit"),
    "text_missing": (),
    "text_not_text": (),
    "text_too_long": ("limit",),
    "text_bad_character": (),
    "text_only_spaces": (),
    "not_one_of": ("allowed",),
    "not_a_flag": (),
    "persona_not_object": (),
    "bad_age": ("limit",),
    "principles_missing": (),
    "bad_principle_name": ("number",),
    "duplicate_principle": ("principle",),
    "unknown_principle": ("principle",),
    "start_missing": (),
    "nodes_missing": (),
    # Steps and choices.
    "node_not_object": ("number",),
    "node_without_key": ("number",),
    "bad_node_key": ("number",),
    "duplicate_node_key": (),
    "choices_not_list": (),
    "choice_not_object": ("number",),
    "choice_without_key": ("number",),
    "bad_choice_key": ("number",),
    "duplicate_choice_key": (),
    "no_target": (),
    "bad_quality": ("allowed",),
    "scores_not_object": (),
    "score_for_unlisted_principle": ("principle",),
    "score_out_of_range": ("principle", "low", "high"),
    "duplicate_score": ("principle",),
    # The graph rules.
    "no_steps": ("start",),
    "unknown_start": ("start", "suggestion"),
    "unknown_target": ("target", "suggestion"),
    "no_ending": (),
    "ending_with_choices": (),
    "no_choices": (),
    "unreachable": (),
    "cannot_reach_end": (),
    "score_in_loop": ("scores",),
    # The platform, not the file.
    "cannot_be_placed_here": (),
}


@dataclasses.dataclass(frozen=True, eq=False)
class Problem:
    """One broken rule.

    ``node`` and ``choice`` are the keys of the step and choice it concerns, ``field`` the
    exchange-format field ("title", "start", "persona.age", or within a step or choice
    "text", "target", "scores" …). ``params`` holds the values its message needs.
    """

    code: str
    node: str | None = None
    choice: str | None = None
    field: str | None = None
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple:
        return (self.code, self.node, self.choice, self.field, tuple(sorted(self.params.items())))

    def __repr__(self) -> str:
        where = ", ".join(
            f"{name}={value!r}"
            for name, value in (("node", self.node), ("choice", self.choice), ("field", self.field))
            if value is not None
        )
        params = f", params={dict(self.params)!r}" if self.params else ""
        return f"Problem({self.code!r}{', ' + where if where else ''}{params})"
