"""Counting a step's votes for the room: per choice, in total and split by role.

The rules are the debrief's (``courses.debrief``), reused rather than written again:
- a role with fewer than 3 voters gets no column of its own; its votes count only in the
  total. When that would let the room work a role out (total minus the roles shown), more
  roles are folded into the total (``people.disclosure.suppress_counts``);
- within a column, counts of 1 and 2 are hidden, with secondary suppression (``mask_row``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from courses.debrief import MIN_GROUP, ROLES, Cell, mask_row
from people.disclosure import suppress_counts


@dataclass
class RoleColumn:
    role: str
    label: str
    voters: int


@dataclass
class TallyRow:
    key: str
    number: int
    total: Cell
    cells: list[Cell]  # one per shown role, in the order of ``Tally.columns``


@dataclass
class Tally:
    voters: int
    columns: list[RoleColumn]
    rows: list[TallyRow]
    folded: bool  # at least one role with voters is counted only in the total


def tally(choice_keys: Sequence[str], votes: Iterable[tuple[str, str]]) -> Tally:
    """``votes`` are (role, choice key) pairs; choices not offered are left out."""
    votes = [(role, key) for role, key in votes if key in choice_keys]
    per_role = Counter(role for role, _key in votes)
    roles = [role.value for role in ROLES]
    role_totals = [per_role.get(role, 0) for role in roles]
    hidden_roles = suppress_counts(role_totals, MIN_GROUP)
    shown = [
        (role, total)
        for role, total, hidden in zip(ROLES, role_totals, hidden_roles, strict=True)
        if not hidden and total
    ]
    counts = Counter(votes)
    totals = Counter(key for _role, key in votes)
    total_cells = mask_row([totals[key] for key in choice_keys], len(votes))
    role_cells = {
        role.value: mask_row(
            [counts[(role.value, key)] for key in choice_keys], total, role=role.value
        )
        for role, total in shown
    }
    rows = [
        TallyRow(
            key=key,
            number=index + 1,
            total=total_cells[index],
            cells=[role_cells[role.value][index] for role, _total in shown],
        )
        for index, key in enumerate(choice_keys)
    ]
    return Tally(
        voters=len(votes),
        columns=[RoleColumn(role.value, str(role.label), total) for role, total in shown],
        rows=rows,
        folded=len(shown) < sum(1 for total in role_totals if total),
    )


def majority(choice_keys: Sequence[str], chosen: Iterable[str]) -> str:
    """The choice most voted for; a tie goes to the one offered first, no votes to the first."""
    counts = Counter(chosen)
    return max(choice_keys, key=lambda key: (counts[key], -choice_keys.index(key)), default="")
