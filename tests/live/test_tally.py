"""The reveal: counts per choice split by role; no role column small enough to single out."""

from live.tally import majority, tally

KEYS = ["a", "b", "c"]
P, V, C = "professional", "volunteer", "civil_servant"


def labels(result):
    return {row.key: (row.total.label, [cell.label for cell in row.cells]) for row in result.rows}


def test_every_role_with_three_voters_has_its_own_column():
    votes = [(P, "a")] * 3 + [(V, "a"), (V, "b"), (V, "b"), (V, "b")] + [(C, "c")] * 3
    result = tally(KEYS, votes)
    assert [column.role for column in result.columns] == [P, V, C]
    assert labels(result)["a"][0] == "4"
    assert not result.folded


def test_a_role_with_fewer_than_three_voters_counts_only_in_the_total():
    # Two civil servants would be the total minus the others: a second role folds in too.
    votes = [(P, "a")] * 4 + [(V, "b")] * 3 + [(C, "a"), (C, "b")]
    result = tally(KEYS, votes)
    assert C not in [column.role for column in result.columns]
    assert V not in [column.role for column in result.columns]  # secondary suppression
    assert [column.role for column in result.columns] == [P]
    assert result.folded
    assert result.voters == 9


def test_one_role_alone_shows_only_the_total_when_others_are_small():
    votes = [(P, "a")] * 5 + [(V, "a")]
    result = tally(KEYS, votes)
    assert result.columns == []  # 5 and 1: showing 5 would reveal the 1
    assert labels(result)["a"] == ("6", [])


def test_a_column_of_three_or_more_voters_shows_every_count():
    # A 4-to-1 split among professionals is what the trainer wants to discuss: all shown.
    votes = [(P, "a")] * 4 + [(P, "b")] + [(V, "a")] * 3 + [(V, "c")] * 3
    result = tally(KEYS, votes)
    assert labels(result) == {
        "a": ("7", ["4", "3"]),
        "b": ("1", ["1", "0"]),
        "c": ("3", ["0", "3"]),
    }


def test_a_five_to_one_vote_is_shown_in_the_total():
    result = tally(KEYS, [(P, "a")] * 3 + [(V, "a")] * 2 + [(C, "b")])
    assert [row.total.label for row in result.rows] == ["5", "1", "0"]


def test_with_one_or_two_voters_no_count_is_shown():
    # Two voters would each know how the other voted.
    result = tally(KEYS, [(P, "a"), (V, "b")])
    assert {row.total.label for row in result.rows} == {"verborgen"}
    assert result.columns == []


def test_no_votes_shows_zeros():
    result = tally(KEYS, [])
    assert result.voters == 0 and result.columns == []
    assert [row.total.label for row in result.rows] == ["0", "0", "0"]


def test_votes_for_choices_not_offered_are_left_out():
    assert tally(KEYS, [(P, "x")]).voters == 0


def test_the_majority_wins_and_a_tie_goes_to_the_first_offered():
    assert majority(KEYS, ["b", "b", "a"]) == "b"
    assert majority(KEYS, ["c", "b"]) == "b"
    assert majority(KEYS, []) == "a"


def test_the_choice_with_most_votes_is_named_only_when_its_count_is_shown():
    from live.presenting import shown_majority
    from live.tally import majority, tally

    keys = ["a", "b"]
    few = [("volunteer", "b")]
    assert shown_majority(tally(keys, few), majority(keys, ["b"])) == ""
    many = [("professional", "a")] * 4 + [("volunteer", "b")] * 3
    assert shown_majority(tally(keys, many), majority(keys, [k for _r, k in many])) == "a"
