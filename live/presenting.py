"""What a screen shows of the current step: the words, the numbered choices, the tally,
the followed choice with its quality and what it means per principle. Shared by the
projector, the control view and the phones so all three number the choices alike.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import qrcode
import qrcode.image.svg

from scenarios.engine import Choice, Node, shown_choices
from scenarios.principle_cache import principles_by_slug
from scenarios.qualities import quality_label

from .models import LiveSession, LiveVote
from .running import current_node, scenario_of
from .tally import Tally, majority, tally


@dataclass
class PrincipleMeaning:
    name: str
    score: int
    best: int
    lowest: int

    @property
    def signed(self) -> str:
        return f"{self.score:+d}" if self.score else "0"


@dataclass
class Step:
    node: Node
    choices: list[tuple[int, Choice]]
    votes: int
    tally: Tally | None
    majority: str
    followed: Choice | None
    followed_number: int | None
    quality: str
    meanings: list[PrincipleMeaning]


def numbered_choices(session: LiveSession, node: Node) -> list[tuple[int, Choice]]:
    """The order is the session's own (the top choice is not always the desired one)."""
    return list(enumerate(shown_choices(node, session.pk), start=1))


def votes_at_step(session: LiveSession, step: int | None = None) -> list[tuple[str, str]]:
    step = session.step if step is None else step
    return list(
        LiveVote.objects.filter(session_id=session.pk, step=step).values_list(
            "participant__role", "choice_key"
        )
    )


def meanings(session: LiveSession, node: Node, choice: Choice) -> list[PrincipleMeaning]:
    """Per principle at stake at this step: the chosen score against the range offered."""
    names = principles_by_slug()
    found = []
    for slug in scenario_of(session).principles:
        offered = [c.scores.get(slug, 0) for c in node.choices]
        if max(offered) == min(offered):
            continue
        principle = names.get(slug)
        found.append(
            PrincipleMeaning(
                name=principle.display_name if principle else slug,
                score=choice.scores.get(slug, 0),
                best=max(offered),
                lowest=min(offered),
            )
        )
    return found


def shown_majority(counted: Tally, top: str) -> str:
    """The choice with most votes, only when the tally shows its count.

    Naming it while the counts are hidden would tell the room how the one or two voters chose.
    """
    row = next((row for row in counted.rows if row.key == top), None)
    return top if row is not None and row.total.value else ""


def current_step(session: LiveSession, *, with_tally: bool) -> Step:
    node = current_node(session)
    choices = numbered_choices(session, node)
    keys = [choice.key for _number, choice in choices]
    votes = votes_at_step(session) if not node.end else []
    followed = node.choice(session.followed_key) if session.followed_key else None
    # Phones show neither counts nor the most-voted choice: only the trainer's screens count.
    counted = tally(keys, votes) if with_tally else None
    return Step(
        node=node,
        choices=choices,
        votes=len(votes),
        tally=counted,
        majority=shown_majority(counted, majority(keys, [k for _r, k in votes])) if counted else "",
        followed=followed,
        followed_number=next((n for n, c in choices if followed and c.key == followed.key), None),
        quality=quality_label(followed.quality) if followed else "",
        meanings=meanings(session, node, followed) if followed else [],
    )


def qr_data_uri(url: str) -> str:
    """An SVG QR code as a data: URI (the CSP allows data: images, no inline markup needed)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
