"""The pure rules: register number checks and which points a learner earns."""

from datetime import date
from decimal import Decimal

import pytest

from accreditation import registers
from accreditation.points import Entry, format_points, points_earned


@pytest.mark.parametrize(
    ("register", "typed", "stored"),
    [
        (registers.REGISTERPLEIN, "123456", "123456"),
        (registers.REGISTERPLEIN, " 123 456 ", "123456"),
        (registers.VVN, "1234.5678.901", "12345678901"),  # a BIG number, 11 digits
        (registers.SKJ, "100012345", "100012345"),
        (registers.NIP, "4711", "4711"),
        (registers.OTHER, "ABC-12/3", "ABC-12/3"),
    ],
)
def test_numbers_people_type_are_accepted_and_cleaned(register, typed, stored):
    check = registers.check_number(register, typed)
    assert check.ok and check.number == stored


@pytest.mark.parametrize(
    ("register", "typed", "error"),
    [
        (registers.REGISTERPLEIN, "12a456", "digits"),
        (registers.REGISTERPLEIN, "123", "digits"),
        (registers.VVN, "1234567890123", "digits"),
        (registers.SKJ, "", "empty"),
        (registers.NIP, "   ", "empty"),
        (registers.OTHER, "<script>", "characters"),
    ],
)
def test_typing_mistakes_are_caught(register, typed, error):
    assert registers.check_number(register, typed).error == error


def test_an_unknown_register_is_a_programming_error():
    with pytest.raises(ValueError):
        registers.check_number("bigfoot", "123456")


ENTRIES = [
    Entry(
        "registerplein", "Registerplein", "PE-1", Decimal("4"), date(2026, 1, 1), date(2026, 12, 31)
    ),
    Entry(
        "vvn",
        "V&VN Kwaliteitsregister",
        "PE-2",
        Decimal("2.5"),
        date(2026, 1, 1),
        date(2026, 6, 30),
    ),
]


def test_points_for_each_register_the_learner_has_a_number_in():
    earned = points_earned(
        ENTRIES, {"registerplein": "123456", "vvn": "12345678901"}, date(2026, 3, 1)
    )
    assert [(e.register, e.points, e.number) for e in earned] == [
        ("registerplein", Decimal("4"), "123456"),
        ("vvn", Decimal("2.5"), "12345678901"),
    ]


def test_a_learner_without_a_number_earns_no_points():
    assert points_earned(ENTRIES, {}, date(2026, 3, 1)) == []


def test_no_points_from_an_accreditation_that_was_not_valid_on_the_day():
    earned = points_earned(ENTRIES, {"registerplein": "1", "vvn": "2"}, date(2026, 7, 1))
    assert [e.register for e in earned] == ["registerplein"]
    assert points_earned(ENTRIES, {"registerplein": "1"}, date(2025, 12, 31)) == []


def test_points_are_written_the_dutch_way():
    assert format_points(Decimal("4.0")) == "4"
    assert format_points("2.5") == "2,5"
    assert format_points(Decimal("10")) == "10"
