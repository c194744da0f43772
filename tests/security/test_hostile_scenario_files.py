"""A hostile scenario file cannot occupy a worker, and an import never locks out learners.

Work is counted, not timed: the number of Python function calls (sys.setprofile) that
checking a file takes. A 1 MiB file that breaks the format's list limits is refused after
looking at no more items than the limits allow (at most 200 steps of 8 choices), however its
bytes are spent; a valid file costs calls in proportion to its size.
"""

import json
import sys

import pytest
from django.db import connection

from scenarios import engine, interop
from scenarios.models import ScenarioPage
from tests.builders import scenario_document

KNOWN = {"eigen-kracht", "presentie"}


def calls_to_check(raw: bytes) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        engine.load_json(raw, KNOWN)
    finally:
        sys.setprofile(None)
    return calls


def largest_file(make) -> bytes:
    """The document make(n) with the largest n that still fits in 1 MiB (its size grows
    linearly with n, give or take the digits of the numbers in it)."""

    def size(n: int) -> int:
        return len(json.dumps(make(n), separators=(",", ":")))

    base, step = size(1_600), size(3_200) - size(1_600)
    n = 1_600 + (engine.MAX_FILE_BYTES - base) * 1_600 // step
    while size(n) > engine.MAX_FILE_BYTES:
        n -= max(n // 200, 1)
    raw = json.dumps(make(n), separators=(",", ":")).encode()
    assert len(raw) > engine.MAX_FILE_BYTES * 0.99
    return raw


def document(**fields) -> dict:
    return {**scenario_document(), **fields}


def a_choice(key: str, **fields) -> dict:
    return {"key": key, "text": "t", "target": "begin", "quality": "acceptable", **fields}


HOSTILE = {
    "100,000 principles": lambda n: document(principles=[f"p{i}" for i in range(n)]),
    "60,000 steps": lambda n: document(nodes=[{"key": f"s{i}"} for i in range(n)]),
    "one step, many times": lambda n: document(
        nodes=[{"key": "begin", "text": "t", "end": True}] * n
    ),
    "15,000 choices": lambda n: document(
        nodes=[{"key": "begin", "text": "t", "choices": [a_choice(f"c{i}") for i in range(n)]}]
    ),
    "80,000 scores": lambda n: document(
        nodes=[
            {
                "key": "begin",
                "text": "t",
                "choices": [a_choice("c", scores={f"p{i}": 1 for i in range(n)})],
            }
        ]
    ),
    "200 steps of 8 choices with 80,000 scores": lambda n: document(
        nodes=[
            {
                "key": f"s{step}",
                "text": "t",
                "choices": [
                    a_choice(f"c{c}", scores={f"p{i}": 1 for i in range(n // 1600)})
                    for c in range(8)
                ],
            }
            for step in range(200)
        ]
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_one_mib_file_is_refused_within_the_limits_work(name):
    raw = largest_file(HOSTILE[name])
    scenario, problems = engine.load_json(raw, KNOWN)
    assert scenario is None
    assert any(problem.code.startswith("too_many_") for problem in problems)
    # 200 steps × 8 choices, about ten calls each; the same files took 1.7 million calls
    # (80,000 scores) to minutes (60,000 steps) when every item was read and checked.
    assert calls_to_check(raw) < 20_000


def chain(steps: int) -> bytes:
    """A valid scenario of ``steps`` steps, each with 8 choices to the next."""
    nodes = [
        {
            "key": f"s{i}",
            "text": "Wat zegt u?",
            "choices": [
                a_choice(f"c{c}", target=f"s{i + 1}", scores={"presentie": 1}) for c in range(8)
            ],
        }
        for i in range(steps - 1)
    ]
    nodes.append({"key": f"s{steps - 1}", "text": "Tot ziens.", "end": True})
    return json.dumps(document(start="s0", nodes=nodes)).encode()


def test_checking_a_valid_file_grows_in_proportion_to_its_size():
    assert engine.load_json(chain(200), KNOWN)[1] == []
    small, large = calls_to_check(chain(50)), calls_to_check(chain(200))
    assert large < 4.5 * small  # four times the steps: about four times the work, not sixteen


def test_the_file_is_checked_before_the_import_opens_a_transaction(scenario_index, monkeypatch):
    """On SQLite a transaction holds the only write lock: while a file is read and checked,
    learners' steps must still be saved. So the check runs outside any transaction the
    import opens, and the transaction holds only the writing of the page."""
    open_blocks = len(connection.atomic_blocks)  # the test's own transaction
    seen = []

    def spying_check(raw):
        seen.append(len(connection.atomic_blocks))
        return check(raw)

    check = interop.check_file
    monkeypatch.setattr(interop, "check_file", spying_check)
    imported = interop.import_scenario(json.dumps(scenario_document()), scenario_index)
    assert seen == [open_blocks]
    assert ScenarioPage.objects.filter(pk=imported.page.pk).exists()
