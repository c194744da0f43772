"""Field checks of the scenario exchange format: rule 1 of ``shared/scenario-format.md``.

Pure Python, no Django. ``check_document`` turns a JSON-like document into plain,
checked values plus the problems found; ``scenarios.engine`` builds the Scenario from
them and adds the graph rules. Messages are plain Dutch (B1): stap, keuze, einde.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

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

Issue = tuple[str, "str | None", "str | None"]  # message, node key, choice key

_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
_KEY_RULE = "mag alleen kleine letters, cijfers, - en _ bevatten (1 tot 64 tekens)."


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
    issues: list[Issue] = field(default_factory=list)
    shape_ok: bool = True


def check_document(data: object, known_principles: Collection[str] | None = None) -> Checked:
    """Check the fields of an exchange-format document and collect every problem.

    A document with a list longer than the format allows is refused before anything else is
    read, so the work done stays in proportion to the format's limits, not to the file.
    """
    too_long = _length_issues(data)
    if too_long:
        return Checked(None, too_long, False)
    return _Reader(known_principles).read(data)


def _length_issues(data: object) -> list[Issue]:
    """Report the lists that are longer than the format allows, looking at no more items
    than the limits: at most MAX_NODES nodes, MAX_CHOICES choices each."""
    if not isinstance(data, dict):
        return []
    issues: list[Issue] = []
    principles, nodes = data.get("principles"), data.get("nodes")
    if isinstance(principles, list) and len(principles) > MAX_PRINCIPLES:
        message = (
            f"Het scenario noemt {len(principles)} principes; het maximum is {MAX_PRINCIPLES}."
        )
        issues.append((message, None, None))
    if not isinstance(nodes, list):
        return issues
    if len(nodes) > MAX_NODES:
        message = f"Het scenario heeft {len(nodes)} stappen; het maximum is {MAX_NODES}."
        return [*issues, (message, None, None)]
    for number, node in enumerate(nodes, 1):
        choices = node.get("choices") if isinstance(node, dict) else None
        if not isinstance(choices, list):
            continue
        key = node.get("key") if isinstance(node.get("key"), str) else None
        where = f"Stap {quote(key)}" if key is not None else f"Stap nummer {number}"
        if len(choices) > MAX_CHOICES:
            message = f"{where} heeft {len(choices)} keuzes; het maximum is {MAX_CHOICES}."
            issues.append((message, key, None))
            continue
        for choice in choices:
            scores = choice.get("scores") if isinstance(choice, dict) else None
            if isinstance(scores, dict) and len(scores) > MAX_PRINCIPLES:
                message = (
                    f"Een keuze in {where[0].lower()}{where[1:]} heeft {len(scores)} scores; "
                    f"het maximum is {MAX_PRINCIPLES}, één per principe."
                )
                issues.append((message, key, None))
    return issues


def is_key(value: object) -> bool:
    """Tell whether value is a valid node or choice key: 1–64 of a-z 0-9 - _."""
    return isinstance(value, str) and 1 <= len(value) <= 64 and set(value) <= _KEY_CHARS


def quote(value: object) -> str:
    """Quote a user-supplied key for a message: short and printable."""
    text = value if isinstance(value, str) else type(value).__name__
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[:40])
    return f"'{shown}…'" if len(text) > 40 else f"'{shown}'"


def _text_problem(value: object, limit: int) -> str | None:
    """Return what is wrong with a plain-text value (the end of a sentence), or None."""
    if not isinstance(value, str):
        return "moet tekst zijn."
    if len(value) > limit:
        return f"is te lang: maximaal {limit:,} tekens.".replace(",", ".")
    # NUL and lone surrogates cannot be stored (PostgreSQL, UTF-8); other control
    # characters are invisible and almost always a copy-paste accident.
    if any((ord(ch) < 32 and ch not in "\t\n\r") or 0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        return "bevat een onzichtbaar of ongeldig teken."
    return None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Reader:
    def __init__(self, known_principles: Collection[str] | None) -> None:
        self.known = None if known_principles is None else set(known_principles)
        self.issues: list[Issue] = []
        self.shape_ok = True
        self.principles: tuple[str, ...] | None = None  # None: unreadable, so not checked

    def add(self, message: str, node: str | None = None, choice: str | None = None) -> None:
        self.issues.append((message, node, choice))

    def broken_shape(self, message: str, node: str | None = None) -> None:
        self.add(message, node)
        self.shape_ok = False

    def read(self, data: object) -> Checked:
        if not isinstance(data, dict):
            self.add("Het bestand moet één JSON-object bevatten (tussen { en }).")
            return Checked(None, self.issues, False)
        self.read_header(data)
        fields = {
            "title": self.text(data, "title", "de titel ('title')", required=True, limit=MAX_TITLE),
            "language": self.one_of(data, "language", LANGUAGES, "De taal ('language')"),
            "role": self.one_of(data, "role", ROLES, "De rol ('role')"),
            **self.read_persona(data.get("persona")),
            "setting": self.text(data, "setting", "'setting'"),
            "intro": self.text(data, "intro", "'intro'"),
        }
        self.principles = self.read_principles(data.get("principles"))
        fields["principles"] = self.principles or ()
        fields["start"] = self.read_start(data.get("start"))
        fields["nodes"] = self.read_nodes(data.get("nodes"))
        if fields["nodes"] is None:
            return Checked(None, self.issues, False)
        return Checked(
            {k: v for k, v in fields.items() if v is not None}, self.issues, self.shape_ok
        )

    def read_header(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            self.add(f"Dit is geen Kantelwerk-scenario: 'format' moet \"{FORMAT}\" zijn.")
        version = data.get("version")
        if type(version) is not int or version != VERSION:
            self.add("Alleen versie 1 van het formaat wordt ondersteund: 'version' moet 1 zijn.")

    def text(
        self,
        obj: dict,
        name: str,
        what: str,
        *,
        required: bool = False,
        limit: int = MAX_TEXT,
        node: str | None = None,
        choice: str | None = None,
    ) -> str:
        """Return obj[name] as checked text, or "" after reporting what is wrong."""
        value = obj.get(name)
        if value is None or value == "":
            if required:
                self.add(f"{_cap(what)} ontbreekt of is leeg.", node, choice)
            return ""
        message = _text_problem(value, limit)
        if message:
            self.add(f"{_cap(what)} {message}", node, choice)
            return ""
        if required and not value.strip():
            self.add(f"{_cap(what)} bevat alleen spaties.", node, choice)
        return value

    def flag(self, obj: dict, name: str, where: str, node: str) -> bool:
        """Return obj[name] as a bool: absent is False, anything but true/false is reported."""
        value = obj.get(name)
        if value is None:
            return False
        if type(value) is not bool:
            self.add(f"'{name}' in {where} moet true of false zijn.", node)
            return False
        return value

    def one_of(
        self, obj: dict, name: str, allowed: tuple[str, ...], what: str, node: str | None = None
    ) -> str | None:
        """Return obj[name] if it is one of allowed; None (the default) when absent or wrong."""
        value = obj.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            self.add(f"{what} moet een van deze zijn: {', '.join(allowed)}.", node)
            return None
        return value

    def read_persona(self, persona: object) -> dict:
        if persona is None:
            return {}
        if not isinstance(persona, dict):
            self.add("'persona' moet een object zijn met 'name', 'age' en 'situation'.")
            return {}
        age = persona.get("age")
        if age is not None and (type(age) is not int or not 0 <= age <= MAX_AGE):
            self.add(f"De leeftijd ('persona.age') moet een heel getal van 0 tot {MAX_AGE} zijn.")
            age = None
        return {
            "persona_name": self.text(persona, "name", "de naam ('persona.name')", limit=MAX_TITLE),
            "persona_age": age,
            "persona_situation": self.text(persona, "situation", "de situatie ('persona')"),
        }

    def read_principles(self, value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.add("Het veld 'principles' ontbreekt of is geen lijst van principes.")
            return None
        slugs: dict[str, None] = {}
        for number, slug in enumerate(value, 1):
            if not is_key(slug):
                self.add(
                    f"Principe nummer {number} in 'principles' moet een naam zijn van 1 tot 64 "
                    "kleine letters, cijfers, - of _."
                )
            elif slug in slugs:
                self.add(f"Het principe {quote(slug)} staat twee keer in 'principles'.")
            else:
                if self.known is not None and slug not in self.known:
                    self.add(f"Het principe {quote(slug)} bestaat niet op dit platform.")
                slugs[slug] = None
        return tuple(slugs)

    def read_start(self, value: object) -> str:
        if isinstance(value, str):
            return value
        self.broken_shape("Het veld 'start' ontbreekt: geef de sleutel van de eerste stap.")
        return ""

    def read_nodes(self, value: object) -> list[dict] | None:
        if not isinstance(value, list):
            self.add("Het veld 'nodes' ontbreekt of is geen lijst van stappen.")
            return None
        nodes: list[dict] = []
        keys: set[str] = set()
        for number, raw in enumerate(value, 1):
            node = self.read_node(number, raw)
            if node is None:
                self.shape_ok = False
            elif node["key"] in keys:
                key = node["key"]
                self.broken_shape(f"Er zijn meerdere stappen met de sleutel {quote(key)}.", key)
            else:
                keys.add(node["key"])
                nodes.append(node)
        return nodes

    def read_node(self, number: int, raw: object) -> dict | None:
        if not isinstance(raw, dict):
            self.add(f"Stap nummer {number} moet een object zijn.")
            return None
        key = raw.get("key")
        if not isinstance(key, str):
            self.add(f"Stap nummer {number} heeft geen sleutel ('key').")
            return None
        if not is_key(key):
            self.add(f"De sleutel {quote(key)} van stap nummer {number} {_KEY_RULE}", key)
        where = f"stap {quote(key)}"
        end = raw.get("end")
        if end is None:
            end = False
        elif type(end) is not bool:
            self.broken_shape(f"'end' in {where} moet true of false zijn.", key)
            end = False
        node = {
            "key": key,
            "text": self.text(raw, "text", f"de tekst van {where}", required=True, node=key),
            "speaker": self.one_of(raw, "speaker", SPEAKERS, f"De spreker van {where}", key),
            "speaker_name": self.text(
                raw, "speaker_name", f"de naam van de spreker in {where}", limit=MAX_NAME, node=key
            ),
            "fixed_order": self.flag(raw, "fixed_order", where, key),
            "end": end,
            "outcome": self.text(raw, "outcome", f"de uitkomst van {where}", node=key),
            "choices": self.read_choices(key, raw.get("choices")),
        }
        return {k: v for k, v in node.items() if v is not None}

    def read_choices(self, node: str, value: object) -> list[dict]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.broken_shape(f"De keuzes van stap {quote(node)} moeten een lijst zijn.", node)
            return []
        choices: list[dict] = []
        for number, raw in enumerate(value, 1):
            choice = self.read_choice(node, number, raw)
            if choice is None:
                self.shape_ok = False
                continue
            key = choice["key"]
            if any(c["key"] == key for c in choices):
                message = f"Stap {quote(node)} heeft meerdere keuzes met de sleutel {quote(key)}."
                self.add(message, node, key)
            choices.append(choice)
        return choices

    def read_choice(self, node: str, number: int, raw: object) -> dict | None:
        where = f"keuze nummer {number} in stap {quote(node)}"
        if not isinstance(raw, dict):
            self.add(f"{_cap(where)} moet een object zijn.", node)
            return None
        key = raw.get("key")
        if not isinstance(key, str):
            self.add(f"{_cap(where)} heeft geen sleutel ('key').", node)
            return None
        if not is_key(key):
            self.add(f"De sleutel {quote(key)} van {where} {_KEY_RULE}", node, key)
        where = f"keuze {quote(key)} in stap {quote(node)}"
        target = raw.get("target")
        if not isinstance(target, str):
            self.add(
                f"{_cap(where)} heeft geen doel ('target'): geef de sleutel van een stap.",
                node,
                key,
            )
            return None
        quality = raw.get("quality")
        if not isinstance(quality, str) or quality not in QUALITIES:
            message = f"De kwaliteit van {where} moet desired, acceptable of less_desired zijn."
            self.add(message, node, key)
            quality = "acceptable"
        return {
            "key": key,
            "text": self.text(
                raw, "text", f"de tekst van {where}", required=True, node=node, choice=key
            ),
            "target": target,
            "quality": quality,
            "scores": self.read_scores(node, key, raw.get("scores")),
            "feedback": self.text(
                raw, "feedback", f"de feedback van {where}", node=node, choice=key
            ),
        }

    def read_scores(self, node: str, choice: str, value: object) -> dict[str, int]:
        where = f"keuze {quote(choice)} in stap {quote(node)}"
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(
                f"De scores van {where} moeten een object zijn (principe: getal).", node, choice
            )
            return {}
        scores: dict[str, int] = {}
        for slug, score in value.items():
            if self.principles is not None and slug not in self.principles:
                message = (
                    f"{_cap(where)} geeft een score voor {quote(slug)}, "
                    "maar dat principe staat niet in 'principles'."
                )
                self.add(message, node, choice)
            elif type(score) is not int or not MIN_SCORE <= score <= MAX_SCORE:
                message = (
                    f"De score voor {quote(slug)} bij {where} "
                    "moet een heel getal van -2 tot 2 zijn."
                )
                self.add(message, node, choice)
            else:
                scores[slug] = score
        return scores
