"""Which points a learner earns with a course: plain functions, no database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Entry:
    """One accreditation of a course, as the rules below need it."""

    register: str
    register_name: str
    accreditation_id: str
    points: Decimal
    valid_from: date
    valid_until: date


@dataclass(frozen=True)
class Earned:
    register: str
    register_name: str
    accreditation_id: str
    points: Decimal
    number: str

    def as_json(self) -> dict:
        return {
            "register": self.register,
            "register_name": self.register_name,
            "accreditation_id": self.accreditation_id,
            "points": str(self.points),
            "number": self.number,
        }


def points_earned(
    entries: Iterable[Entry], numbers: Mapping[str, str], completed_on: date
) -> list[Earned]:
    """The points a learner earns: for every register they have a number in, whose
    accreditation of the course was valid on the day they completed it.

    A learner without a number (a volunteer, say) earns none: the certificate then shows the
    course and the hours only.
    """
    earned = []
    for entry in entries:
        number = numbers.get(entry.register, "")
        if number and entry.valid_from <= completed_on <= entry.valid_until:
            earned.append(
                Earned(
                    entry.register,
                    entry.register_name,
                    entry.accreditation_id,
                    entry.points,
                    number,
                )
            )
    return earned


def format_points(points: Decimal | str) -> str:
    """Points the Dutch way: "4" or "2,5"."""
    value = Decimal(str(points)).normalize()
    text = f"{value:f}"
    return text.replace(".", ",")
