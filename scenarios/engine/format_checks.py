"""Field checks of the scenario exchange format: rule 1 of ``shared/scenario-format.md``.

Pure Python, no Django. ``check_document`` turns a JSON-like document into plain,
checked values plus the problems found (as data: see ``problems``); ``exchange`` builds
the Scenario from them and ``graph_rules`` adds the graph rules.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from .problems import Problem

QUALITIES = ("desired", "acceptable", "less_desired")
SPEAKERS = ("resident", "narrator", "learner", "other")
ROLES = ("professional", "volunteer", "civil_servant", "any")
LANGUAGES = ("nl", "en")

FORMAT = "kantelwerk-scenario"
VERSION = 1
MAX_NODES = 200
MAX_CHOICES = 8
MAX_PRINCIPLES = 50
MAX_TEXT = 5_000
MAX_TITLE = 255
MAX_AGE = 150
MAX_NAME = 120
MIN_SCORE, MAX_SCORE = -2, 2

_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")


@dataclass
class Checked:
    """The outcome of check_document.

    ``fields`` holds the Scenario's keyword arguments, with nodes and choices as
    dicts of Node and Choice keyword arguments; it is None when the document is
    not an object with a list of nodes. ``shape_ok`` says whether the graph's
    shape (node keys, start, targets, end, choices) could be read, so that the
    graph rules make sense.
    """

    fields: dict | None
    problems: list[Problem] = field(default_factory=list)
    shape_ok: bool = True


def check_document(data: object, known_principles: Collection[str] | None = None) -> Checked:
    """Check the fields of an exchange-format document and collect every problem.

    A document with a list longer than the format allows is refused before anything else is
    read, so the work done stays in proportion to the format's limits, not to the file.
    """
    too_long = _length_problems(data)
    if too_long:
        return Checked(None, too_long, False)
    return _Reader(known_principles).read(data)


def _length_problems(data: object) -> list[Problem]:
    """Report the lists that are longer than the format allows, looking at no more items
    than the limits: at most MAX_NODES nodes, MAX_CHOICES choices each."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    principles, nodes = data.get("principles"), data.get("nodes")
    if isinstance(principles, list) and len(principles) > MAX_PRINCIPLES:
        problems.append(
            Problem(
                "too_many_principles",
                field="principles",
                params={"count": len(principles), "limit": MAX_PRINCIPLES},
            )
        )
    if not isinstance(nodes, list):
        return problems
    if len(nodes) > MAX_NODES:
        too_many = Problem(
            "too_many_nodes", field="nodes", params={"count": len(nodes), "limit": MAX_NODES}
        )
        return [*problems, too_many]
    for number, node in enumerate(nodes, 1):
        choices = node.get("choices") if isinstance(node, dict) else None
        if not isinstance(choices, list):
            continue
        key = node.get("key") if isinstance(node.get("key"), str) else None
        if len(choices) > MAX_CHOICES:
            params = {"number": number, "count": len(choices), "limit": MAX_CHOICES}
            problems.append(Problem("too_many_choices", key, field="choices", params=params))
            continue
        for choice in choices:
            scores = choice.get("scores") if isinstance(choice, dict) else None
            if isinstance(scores, dict) and len(scores) > MAX_PRINCIPLES:
                params = {"number": number, "count": len(scores), "limit": MAX_PRINCIPLES}
                problems.append(Problem("too_many_scores", key, field="choices", params=params))
    return problems


def is_key(value: object) -> bool:
    """Tell whether value is a valid node or choice key: 1–64 of a-z 0-9 - _."""
    return isinstance(value, str) and 1 <= len(value) <= 64 and set(value) <= _KEY_CHARS


def _text_problem(value: object, limit: int) -> tuple[str, dict] | None:
    """Return the code and parameters of what is wrong with a plain-text value, or None."""
    if not isinstance(value, str):
        return "text_not_text", {}
    if len(value) > limit:
        return "text_too_long", {"limit": limit}
    # NUL and lone surrogates cannot be stored (PostgreSQL, UTF-8); other control
    # characters are invisible and almost always a copy-paste accident.
    if any((ord(ch) < 32 and ch not in "\t\n\r") or 0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        return "text_bad_character", {}
    return None


class _Reader:
    def __init__(self, known_principles: Collection[str] | None) -> None:
        self.known = None if known_principles is None else set(known_principles)
        self.problems: list[Problem] = []
        self.shape_ok = True
        self.principles: tuple[str, ...] | None = None  # None: unreadable, so not checked

    def add(
        self,
        code: str,
        node: str | None = None,
        choice: str | None = None,
        field: str | None = None,
        **params: object,
    ) -> None:
        self.problems.append(Problem(code, node, choice, field, params))

    def broken_shape(self, code: str, node: str | None = None, field: str | None = None) -> None:
        self.add(code, node, field=field)
        self.shape_ok = False

    def read(self, data: object) -> Checked:
        if not isinstance(data, dict):
            self.add("not_an_object")
            return Checked(None, self.problems, False)
        self.read_header(data)
        fields = {
            "title": self.text(data, "title", required=True, limit=MAX_TITLE),
            "language": self.one_of(data, "language", LANGUAGES),
            "role": self.one_of(data, "role", ROLES),
            **self.read_persona(data.get("persona")),
            "setting": self.text(data, "setting"),
            "intro": self.text(data, "intro"),
        }
        self.principles = self.read_principles(data.get("principles"))
        fields["principles"] = self.principles or ()
        fields["start"] = self.read_start(data.get("start"))
        fields["nodes"] = self.read_nodes(data.get("nodes"))
        if fields["nodes"] is None:
            return Checked(None, self.problems, False)
        return Checked(
            {k: v for k, v in fields.items() if v is not None}, self.problems, self.shape_ok
        )

    def read_header(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            self.add("wrong_format", field="format", expected=FORMAT)
        version = data.get("version")
        if type(version) is not int or version != VERSION:
            self.add("wrong_version", field="version", expected=VERSION)

    def text(
        self,
        obj: dict,
        name: str,
        *,
        required: bool = False,
        limit: int = MAX_TEXT,
        node: str | None = None,
        choice: str | None = None,
        field: str | None = None,
    ) -> str:
        """Return obj[name] as checked text, or "" after reporting what is wrong."""
        field = field or name
        value = obj.get(name)
        if value is None or value == "":
            if required:
                self.add("text_missing", node, choice, field)
            return ""
        wrong = _text_problem(value, limit)
        if wrong:
            code, params = wrong
            self.add(code, node, choice, field, **params)
            return ""
        if required and not value.strip():
            self.add("text_only_spaces", node, choice, field)
        return value

    def flag(self, obj: dict, name: str, node: str) -> bool:
        """Return obj[name] as a bool: absent is False, anything but true/false is reported."""
        value = obj.get(name)
        if value is None:
            return False
        if type(value) is not bool:
            self.add("not_a_flag", node, field=name)
            return False
        return value

    def one_of(
        self, obj: dict, name: str, allowed: tuple[str, ...], node: str | None = None
    ) -> str | None:
        """Return obj[name] if it is one of allowed; None (the default) when absent or wrong."""
        value = obj.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            self.add("not_one_of", node, field=name, allowed=allowed)
            return None
        return value

    def read_persona(self, persona: object) -> dict:
        if persona is None:
            return {}
        if not isinstance(persona, dict):
            self.add("persona_not_object", field="persona")
            return {}
        age = persona.get("age")
        if age is not None and (type(age) is not int or not 0 <= age <= MAX_AGE):
            self.add("bad_age", field="persona.age", limit=MAX_AGE)
            age = None
        return {
            "persona_name": self.text(persona, "name", limit=MAX_TITLE, field="persona.name"),
            "persona_age": age,
            "persona_situation": self.text(persona, "situation", field="persona.situation"),
        }

    def read_principles(self, value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.add("principles_missing", field="principles")
            return None
        slugs: dict[str, None] = {}
        for number, slug in enumerate(value, 1):
            if not is_key(slug):
                self.add("bad_principle_name", field="principles", number=number)
            elif slug in slugs:
                self.add("duplicate_principle", field="principles", principle=slug)
            else:
                if self.known is not None and slug not in self.known:
                    self.add("unknown_principle", field="principles", principle=slug)
                slugs[slug] = None
        return tuple(slugs)

    def read_start(self, value: object) -> str:
        if isinstance(value, str):
            return value
        self.broken_shape("start_missing", field="start")
        return ""

    def read_nodes(self, value: object) -> list[dict] | None:
        if not isinstance(value, list):
            self.add("nodes_missing", field="nodes")
            return None
        nodes: list[dict] = []
        keys: set[str] = set()
        for number, raw in enumerate(value, 1):
            node = self.read_node(number, raw)
            if node is None:
                self.shape_ok = False
            elif node["key"] in keys:
                self.broken_shape("duplicate_node_key", node["key"], field="key")
            else:
                keys.add(node["key"])
                nodes.append(node)
        return nodes

    def read_node(self, number: int, raw: object) -> dict | None:
        if not isinstance(raw, dict):
            self.add("node_not_object", number=number)
            return None
        key = raw.get("key")
        if not isinstance(key, str):
            self.add("node_without_key", number=number)
            return None
        if not is_key(key):
            self.add("bad_node_key", key, field="key", number=number)
        end = raw.get("end")
        if end is None:
            end = False
        elif type(end) is not bool:
            self.broken_shape("not_a_flag", key, field="end")
            end = False
        node = {
            "key": key,
            "text": self.text(raw, "text", required=True, node=key),
            "speaker": self.one_of(raw, "speaker", SPEAKERS, key),
            "speaker_name": self.text(raw, "speaker_name", limit=MAX_NAME, node=key),
            "fixed_order": self.flag(raw, "fixed_order", key),
            "end": end,
            "outcome": self.text(raw, "outcome", node=key),
            "choices": self.read_choices(key, raw.get("choices")),
        }
        return {k: v for k, v in node.items() if v is not None}

    def read_choices(self, node: str, value: object) -> list[dict]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.broken_shape("choices_not_list", node, field="choices")
            return []
        choices: list[dict] = []
        for number, raw in enumerate(value, 1):
            choice = self.read_choice(node, number, raw)
            if choice is None:
                self.shape_ok = False
                continue
            key = choice["key"]
            if any(c["key"] == key for c in choices):
                self.add("duplicate_choice_key", node, key, "key")
            choices.append(choice)
        return choices

    def read_choice(self, node: str, number: int, raw: object) -> dict | None:
        if not isinstance(raw, dict):
            self.add("choice_not_object", node, field="choices", number=number)
            return None
        key = raw.get("key")
        if not isinstance(key, str):
            self.add("choice_without_key", node, field="choices", number=number)
            return None
        if not is_key(key):
            self.add("bad_choice_key", node, key, "key", number=number)
        target = raw.get("target")
        if not isinstance(target, str):
            self.add("no_target", node, key, "target")
            return None
        quality = raw.get("quality")
        if not isinstance(quality, str) or quality not in QUALITIES:
            self.add("bad_quality", node, key, "quality", allowed=QUALITIES)
            quality = "acceptable"
        return {
            "key": key,
            "text": self.text(raw, "text", required=True, node=node, choice=key),
            "target": target,
            "quality": quality,
            "scores": self.read_scores(node, key, raw.get("scores")),
            "feedback": self.text(raw, "feedback", node=node, choice=key),
        }

    def read_scores(self, node: str, choice: str, value: object) -> dict[str, int]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add("scores_not_object", node, choice, "scores")
            return {}
        scores: dict[str, int] = {}
        for slug, score in value.items():
            if self.principles is not None and slug not in self.principles:
                self.add("score_for_unlisted_principle", node, choice, "scores", principle=slug)
            elif type(score) is not int or not MIN_SCORE <= score <= MAX_SCORE:
                self.add(
                    "score_out_of_range",
                    node,
                    choice,
                    "scores",
                    principle=slug,
                    low=MIN_SCORE,
                    high=MAX_SCORE,
                )
            else:
                scores[slug] = score
        return scores
