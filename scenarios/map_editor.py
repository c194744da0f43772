"""The map editor's data: a scenario as the exchange-format document, plus where its cards lie.

One source of truth: the map reads the page's latest revision as the exchange-format document
(``engine.to_document``), each step with a ``position`` added, and sends the same document
back. Saving checks it with ``engine.parse_document``, the check every import goes through,
and stores it on the page as a new Wagtail revision (a draft), so history, compare, locking
and workflows keep working. Positions go to ``ScenarioPage.map_positions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from people.names import display_name

from . import engine
from .advice_messages import advice_data
from .engine import Problem, Scenario
from .graph import page_fields, scenario_from_page
from .interop import known_principles
from .models import Principle
from .problem_messages import message
from .story_map import layered_positions

# The size of a card on the map and the gaps of the automatic layout, in CSS pixels.
CARD_W, CARD_H = 220, 84
COL_GAP, ROW_GAP = 36, 56
MAX_COLS = 4
MAX_COORDINATE = 20_000


class SaveRefused(Exception):
    """The map's save was not stored; ``message`` says why, in the reader's language."""

    def __init__(self, message: str, status: int = 400, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.problems = problems or []


def not_a_scenario() -> str:
    return _("The map sent something that is not a scenario. Reload the map.")


@dataclass(frozen=True)
class Saved:
    revision_id: int
    published: bool
    problems: list[Problem]
    advice: list[engine.Advice]


def scenario_advice(scenario: Scenario | None) -> list[dict]:
    """The map's "advice" list, beside its "problems": each with code, node, choice and text.

    Advice never blocks saving or publishing; see engine.advise.
    """
    return advice_data(engine.advise(scenario)) if scenario is not None else []


def map_document(page) -> dict:
    """The page (a revision object) as the exchange-format document, each step placed."""
    scenario = scenario_from_page(page)
    document = engine.to_document(scenario)
    stored = page.map_positions if isinstance(page.map_positions, dict) else {}
    automatic = layered_positions(scenario, CARD_W, CARD_H, COL_GAP, ROW_GAP, MAX_COLS)
    for node in document["nodes"]:
        node.setdefault("choices", [])
        position = _position(stored.get(node["key"])) or automatic.get(node["key"], (0, 0))
        node["position"] = list(position)
    return document


def read_document(data: object) -> tuple[Scenario | None, list[Problem], dict[str, list[int]]]:
    """Check a document sent by the map: the engine's problems, and the positions it carries."""
    positions: dict[str, list[int]] = {}
    if isinstance(data, dict) and isinstance(data.get("nodes"), list):
        nodes = []
        for node in data["nodes"]:
            if isinstance(node, dict):
                node = dict(node)
                position = _position(node.pop("position", None))
                if position and isinstance(node.get("key"), str):
                    positions[node["key"]] = list(position)
            nodes.append(node)
        data = {**data, "nodes": nodes}
    scenario, problems = engine.parse_document(data, known_principles())
    return scenario, problems, positions


def _position(value: object) -> tuple[int, int] | None:
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(type(v) in (int, float) and 0 <= v <= MAX_COORDINATE for v in value)
    ):
        return round(value[0]), round(value[1])
    return None


def problem_data(problems: list[Problem]) -> list[dict]:
    """Each problem once, worded by problem_messages, with the step and choice it concerns."""
    seen, rows = set(), []
    for problem in problems:
        if problem in seen:
            continue
        seen.add(problem)
        rows.append(
            {
                "code": problem.code,
                "node": problem.node,
                "choice": problem.choice,
                "field": problem.field,
                "text": message(problem),
            }
        )
    return rows


def publication_state(page) -> str:
    """Whether the scenario is live, as the page list shows it: "live", "live_draft" (live,
    with a newer draft) or "draft" (never published, or unpublished)."""
    if not page.live:
        return "draft"
    return "live_draft" if page.has_unpublished_changes else "live"


def save_from_map(page, user, data: object, base_revision_id, *, publish: bool = False) -> Saved:
    """Store the map's document as a new draft revision of ``page``; publish it if asked.

    Refused, with a Dutch reason, when someone else saved the page since the map was opened
    (``base_revision_id`` is not the latest revision), when the page is locked for ``user``,
    or when the document cannot be read at all. A draft with problems is stored; publishing
    is refused while a problem remains.
    """
    latest = page.get_latest_revision()
    if latest is not None and str(latest.pk) != str(base_revision_id):
        if latest.user_id is not None and latest.user_id == user.pk:
            # The same person in another tab or window: not "someone else".
            raise SaveRefused(
                _(
                    "You saved this scenario in another tab or window after you opened this "
                    "map. These changes are not saved, so nothing of that version is lost. "
                    "Reload the map to see it, then make these changes again."
                ),
                status=409,
            )
        who = display_name(latest.user) if latest.user else ""
        raise SaveRefused(
            _(
                "Someone else (%(who)s) saved this scenario after you opened the map. Your "
                "changes are not saved, so nothing of theirs is lost. Reload the map to see "
                "their version, then make your changes again."
            )
            % {"who": who or _("unknown")},
            status=409,
        )
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise SaveRefused(
            _("This scenario is locked, so you cannot save it now.")
            + " "
            + str(lock.get_message(user)),
            status=423,
        )
    scenario, problems, positions = read_document(data)
    if scenario is None:
        raise SaveRefused(not_a_scenario())
    if publish:
        if problems:
            raise SaveRefused(
                _("Publishing is refused while a problem remains. Your draft is not saved yet."),
                problems=problems,
            )
        if not page.permissions_for_user(user).can_publish():
            raise SaveRefused(_("You may not publish this scenario."), status=403)
    draft = page.get_latest_revision_as_object()
    for name, value in page_fields(scenario).items():
        setattr(draft, name, value)
    draft.map_positions = positions
    draft.principles.set(list(Principle.objects.filter(slug__in=scenario.principles)))
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return Saved(
        revision_id=revision.pk,
        published=publish,
        problems=problems,
        advice=engine.advise(scenario),
    )
