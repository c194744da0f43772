"""When a figure about people may be shown: the one rule every page and export applies.

A figure (a mean, a count, a share) counts its own contributors: the distinct people whose
data went into that very figure, per principle, per period, per role. It is shown only from
``TEAM_MINIMUM`` contributors on team pages and exports, ``GROUP_MINIMUM`` on a learning
group's debrief. Counts that add up to a total that is shown (choices at a step, out of those
who reached it) get secondary suppression, so a hidden count cannot be worked out by
subtracting the shown ones from the total (or from a percentage of it).

Plain Python, no Django: the rules are unit-tested on their own.
"""

from __future__ import annotations

from collections.abc import Sequence

TEAM_MINIMUM = 5
GROUP_MINIMUM = 3


def may_show(contributors: int, minimum: int = TEAM_MINIMUM) -> bool:
    """May a figure that ``contributors`` distinct people contributed to be shown?"""
    return contributors >= minimum


def shown_or_none(value, contributors: int, minimum: int = TEAM_MINIMUM):
    """``value`` when enough people contributed to it, else None (hidden)."""
    return value if may_show(contributors, minimum) else None


def suppress_counts(counts: Sequence[int], minimum: int = GROUP_MINIMUM) -> list[bool]:
    """Which counts of a table row to hide, when the row's total is shown as well.

    A count is a number of people. Counts from 1 to ``minimum - 1`` are hidden (primary).
    Because the total is known, a row with a hidden count also hides its zeros (otherwise a
    hidden count is known to be at least 1), and its hidden cells must be at least two that
    together hold at least ``minimum`` people; until they do, the smallest shown count is
    hidden too (secondary). Every hidden cell must look the same on the page, so nobody can
    tell a primary from a secondary one. A row without small counts is shown whole.

    Returns one flag per count, True for hidden.
    """
    hidden = [0 < count < minimum for count in counts]
    if not any(hidden):
        return hidden
    hidden = [hide or count == 0 for count, hide in zip(counts, hidden, strict=True)]

    def safe() -> bool:
        cells = [count for count, hide in zip(counts, hidden, strict=True) if hide]
        return len(cells) >= 2 and sum(cells) >= minimum

    while not safe():
        shown = [(count, index) for index, count in enumerate(counts) if not hidden[index]]
        if not shown:
            break
        hidden[min(shown)[1]] = True
    return hidden
