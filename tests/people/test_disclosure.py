"""The one threshold rule, and secondary suppression checked against a brute-force attacker."""

import itertools

import pytest

from people.disclosure import (
    GROUP_MINIMUM,
    TEAM_MINIMUM,
    may_show,
    shown_or_none,
    suppress_counts,
)


def test_a_figure_is_shown_from_its_minimum_of_contributors():
    assert [may_show(n) for n in (0, 1, 4, 5, 40)] == [False, False, False, True, True]
    assert [may_show(n, GROUP_MINIMUM) for n in (2, 3)] == [False, True]
    assert shown_or_none(100, 1) is None and shown_or_none(100, TEAM_MINIMUM) == 100


def test_counts_of_1_and_2_are_hidden_and_zeros_and_large_counts_stay():
    assert suppress_counts([0, 3, 40]) == [False, False, False]
    assert suppress_counts([1, 1, 1, 0]) == [True, True, True, True]


def test_the_debrief_leak_is_closed():
    # Before: "4 (50%)", "< 3", "3 (38%)" out of 8 revealed the hidden 1 (8 - 4 - 3).
    assert suppress_counts([4, 1, 3]) == [False, True, True]
    assert suppress_counts([4, 1, 3, 0]) == [False, True, True, True]
    # One hidden count of 2 beside a shown total is the total minus the rest: hide more.
    assert suppress_counts([5, 2]) == [True, True]


def published(counts, minimum=GROUP_MINIMUM):
    """What a page shows: the total (itself hidden below the minimum), each count or None."""
    hidden = suppress_counts(counts, minimum)
    total = sum(counts)
    return (
        total if may_show(total, minimum) or not total else None,
        tuple(None if hide else count for count, hide in zip(counts, hidden, strict=True)),
    )


def consistent(counts, shown, minimum=GROUP_MINIMUM) -> bool:
    """Could ``counts`` be behind what is shown? The attacker's arithmetic: every shown count
    and the shown total must match; a hidden count is any number, a hidden total is below
    the minimum."""
    total, cells = shown
    if any(cell is not None and cell != count for cell, count in zip(cells, counts, strict=True)):
        return False
    return sum(counts) == total if total is not None else 0 < sum(counts) < minimum


def possible_values(shown, index, minimum):
    """The values a hidden cell can have in some table consistent with what is shown."""
    total, cells = shown
    top = total if total is not None else minimum - 1
    values = set()
    for value in range(top + 1):
        guess = [value if i == index else (cell or 0) for i, cell in enumerate(cells)]
        others = [i for i, cell in enumerate(cells) if cell is None and i != index]
        # The other hidden cells can make up any remainder between 0 and ``top``.
        for rest in range(top + 1) if others else (0,):
            if others:
                guess[others[0]] = rest
            if consistent(guess, shown, minimum):
                values.add(value)
                break
    return values


ROWS = [
    list(row) for n in (2, 3, 4) for row in itertools.product(range(8), repeat=n) if sum(row) <= 10
]


@pytest.mark.parametrize("minimum", [GROUP_MINIMUM, TEAM_MINIMUM])
def test_no_hidden_count_can_be_worked_out_from_the_total_and_the_rest(minimum):
    for counts in ROWS:
        shown = published(counts, minimum)
        for index, cell in enumerate(shown[1]):
            if cell is None:
                values = possible_values(shown, index, minimum)
                assert counts[index] in values and len(values) >= 2, (counts, shown, values)


def test_an_insider_who_controls_all_but_one_cannot_tell_the_hidden_choice():
    """The attacker knows the choice of everyone in the row but one (the victim).

    Whenever the victim's count is hidden, the page is consistent with the victim having
    made another hidden choice too, so the attacker learns nothing about them.
    """
    for counts in ROWS:
        shown = published(counts)
        for victim, count in enumerate(counts):
            if not count or shown[1][victim] is not None:
                continue
            own = counts.copy()
            own[victim] -= 1  # what the attacker's own accounts chose
            possible = set()
            for choice in range(len(counts)):
                table = own.copy()
                table[choice] += 1
                if consistent(table, shown):
                    possible.add(choice)
            assert len(possible) >= 2, (counts, victim, possible)
