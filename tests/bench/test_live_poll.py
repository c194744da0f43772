"""The live-poll load script's own arithmetic (bench/live_poll.py); no server, no timings."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from live_poll import Seen, Tally, percentile, summary, visibility_delays  # noqa: E402


def test_a_vote_is_seen_at_the_first_later_answer_that_counts_it():
    votes = [(1, 1.0), (1, 1.5)]
    seen = [Seen(0.9, 1, 0), Seen(2.0, 1, 1), Seen(2.5, 1, 1), Seen(4.0, 1, 2)]
    delays, unseen = visibility_delays(votes, seen)
    assert delays == pytest.approx([1.0, 2.5]) and unseen == 0


def test_an_answer_from_before_the_vote_or_of_another_step_does_not_count():
    votes = [(2, 5.0), (2, 5.2)]
    seen = [Seen(4.9, 2, 2), Seen(6.0, 1, 9), Seen(6.5, 2, 1), Seen(7.0, 3, 0)]
    delays, unseen = visibility_delays(votes, seen)
    assert delays == pytest.approx([1.5]) and unseen == 1


def test_percentile_takes_the_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50 and percentile(values, 95) == 95
    assert percentile([7.0], 99) == 7.0
    assert percentile([], 95) != percentile([], 95)  # NaN: nothing measured


def test_summary_counts_304s_errors_and_votes_within_the_interval():
    tally = Tally(
        poll_ms=[10.0, 20.0, 30.0, 40.0],
        poll_statuses={200: 1, 304: 3},
        poll_queries=[2, 0, 0, 0],
        votes=[(1, 1.0), (1, 1.1)],
        seen=[Seen(2.0, 1, 1), Seen(4.0, 1, 2)],
        errors={"vote 409": 2, "socket": 1},
        seconds=2.0,
    )
    figures = summary(tally, interval=2.0)
    assert figures["share_304"] == 0.75 and figures["polls_per_s"] == 2.0
    assert figures["poll_p95_ms"] == 40.0 and figures["queries_per_poll"] == 0.5
    assert figures["errors"] == 3 and figures["votes"] == 2
    assert figures["visible_max_s"] == pytest.approx(2.9)
    assert figures["visible_within_interval"] == 0.5
