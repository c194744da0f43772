"""Counting a step's votes for the room: per choice, in total and split by role.

The room sees a ballot's result, so it may see exact counts; what it may not do is single
out a voter:
- a role with fewer than 3 voters gets no column of its own; its votes count only in the
  total. When that would let the room work a role out (total minus the roles shown), more
  roles are folded into the total (``people.disclosure.suppress_counts``, as on the debrief);
- a column (the total, or a role) shows its counts from 3 voters; with 1 or 2 each voter
  would know the other's vote, so it shows none.

Unlike the debrief, a count of 1 or 2 within a column of 3 or more is shown: it says how
many chose something, not who, and hiding it (with the secondary suppression it drags in)
hid nearly every split a trainer wants to discuss — a 5-to-1 vote showed nothing at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from courses.debrief import HIDDEN, MIN_GROUP, ROLES, Cell
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
    total_cells = column([totals[key] for key in choice_keys], len(votes))
    role_cells = {
        role.value: column([counts[(role.value, key)] for key in choice_keys], total, role.value)
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


def column(counts: list[int], voters: int, role: str = "") -> list[Cell]:
    """A column's cells: exact counts (with their share) from 3 voters, none below that."""
    if 0 < voters < MIN_GROUP:
        return [Cell(None, role=role, masked_label=HIDDEN) for _count in counts]
    return [Cell(count, round(100 * count / voters) if voters else None, role) for count in counts]


def majority(choice_keys: Sequence[str], chosen: Iterable[str]) -> str:
    """The choice most voted for; a tie goes to the one offered first, no votes to the first."""
    counts = Counter(chosen)
    return max(choice_keys, key=lambda key: (counts[key], -choice_keys.index(key)), default="")
