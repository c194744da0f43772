"""Reading PE-online's answer: accepted rows by person and course, each rejected row with
PE-online's own message, and anything else refused as unreadable (no Django needed)."""

from pathlib import Path

import pytest

from accreditation.pe_online_answer import Sent, UnreadableAnswer, read_answer

SCHEMAS = Path(__file__).resolve().parents[2] / "accreditation" / "schemas"
# The rows of entry-example.xml, in the order sent.
SENT = [
    Sent("9471", "39054148101"),
    Sent("8001", "39054148101"),
    Sent("8001", "59059671101"),
]


def _example() -> bytes:
    path = SCHEMAS / "response-example.xml"
    return path.read_bytes()


def test_the_documented_answer_is_read_row_by_row():
    answer = read_answer(_example(), SENT)
    assert answer.accepted == [1, 2]
    assert list(answer.rejected) == [0]
    rejection = answer.rejected[0]
    assert rejection.error_number == "100"
    assert rejection.message.startswith("Cursus 9471 op regel 2 is niet (juist) geaccrediteerd")
    assert "\n" not in rejection.message  # PE-online's line breaks folded into spaces
    assert answer.counts == (2, 1, 3)
    assert answer.unplaced == []


def test_an_asmx_wrapped_answer_is_unwrapped():
    from xml.sax.saxutils import escape

    wrapped = f'<string xmlns="http://tempuri.org/">{escape(_example().decode())}</string>'
    assert read_answer(wrapped.encode(), SENT).accepted == [1, 2]


def test_errors_find_their_row_by_line_then_by_person():
    body = b"""<Summary><Results><rejected_rows>2</rejected_rows><accepted_rows>0</accepted_rows>
    <total_rows>2</total_rows></Results>
    <Error><errorNR>102</errorNR><errorMsg>Persoon 222 is niet bekend</errorMsg></Error>
    <Error><errorNR>100</errorNR><errorMsg>Cursus A op regel 2 bestaat niet</errorMsg></Error>
    <Error><errorNR>9</errorNR><errorMsg>Algemene storing</errorMsg></Error>
    </Summary>"""
    answer = read_answer(body, [Sent("A", "111"), Sent("B", "222")])
    assert answer.rejected[0].error_number == "100"
    assert answer.rejected[1].error_number == "102"
    assert [e.message for e in answer.unplaced] == ["Algemene storing"]


@pytest.mark.parametrize(
    "body",
    [
        b"Service Unavailable",
        b"",
        b"<html><body>Runtime Error</body></html>",
        b"<Summary><Results><accepted_rows>twee</accepted_rows></Results></Summary>",
        b'<!DOCTYPE x [<!ENTITY a "aaaa">]><Summary>&a;</Summary>',
    ],
)
def test_anything_else_is_unreadable(body):
    with pytest.raises(UnreadableAnswer):
        read_answer(body, SENT)
