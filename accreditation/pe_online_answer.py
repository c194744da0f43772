"""Reading PE-online's answer to one batch (no Django).

The answer is shaped like ``schemas/response-example.xml``: a ``Summary`` with the counts,
one ``Error`` (``errorNR``, ``errorMsg``) per rejected row and one ``Accepted`` (``person``,
``course``, ``date``) per accepted row. An ASMX service may wrap it in a ``<string>`` element
as escaped text; that wrapper is taken off first.

The errors do not name their row in a field of their own, only in the text ("… op regel 2 …",
where line 1 is the ``Settings``, so line 2 is the first ``Attendance``). So: a row listed
under ``Accepted`` is accepted, every other row sent is rejected; each rejected row gets the
error whose text names its line, else the one that names its person or course, else, when
one error and one rejected row are left, that one. An error that fits no row is kept for the
batch as a whole.

Anything else (not XML, XML without a ``Summary``, counts that are not numbers) is an
``UnreadableAnswer``: the batch is then not taken as answered, and its rows stay to be sent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element  # noqa: S405 — only the type

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

FIRST_ROW_LINE = 2  # PE-online counts the Settings as line 1
_LINE = re.compile(r"\bregel\s+(\d+)\b", re.IGNORECASE)


class UnreadableAnswer(Exception):
    """The service answered with something that is not a PE-online summary."""


@dataclass(frozen=True)
class Sent:
    """What was sent for one row: the course ID and the person's register number."""

    course_id: str
    person_id: str


@dataclass(frozen=True)
class Rejection:
    error_number: str
    message: str


@dataclass
class Answer:
    accepted: list[int] = field(default_factory=list)  # indexes into the rows sent
    rejected: dict[int, Rejection | None] = field(default_factory=dict)
    unplaced: list[Rejection] = field(default_factory=list)  # errors that fit no row
    counts: tuple[int, int, int] = (0, 0, 0)  # (accepted, rejected, total) as PE-online says


def _text(element: Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _root(body: bytes) -> Element:
    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise UnreadableAnswer("not-xml") from error
    if root.tag.rsplit("}", 1)[-1] == "string" and (root.text or "").strip().startswith("<"):
        return _root(root.text.strip().encode("utf-8"))
    return root


def _count(results: Element | None, tag: str) -> int:
    text = _text(results.find(tag)) if results is not None else ""
    if not text.isdigit():
        raise UnreadableAnswer(f"count-{tag}")
    return int(text)


def read_answer(body: bytes, sent: Sequence[Sent]) -> Answer:
    """Which of the rows ``sent`` (in the order sent) PE-online accepted and rejected, why."""
    root = _root(body)
    if root.tag != "Summary":
        raise UnreadableAnswer("no-summary")
    results = root.find("Results")
    answer = Answer(
        counts=(
            _count(results, "accepted_rows"),
            _count(results, "rejected_rows"),
            _count(results, "total_rows"),
        )
    )
    accepted_pairs = {
        (_text(item.find("course")), _text(item.find("person")))
        for item in root.findall("Accepted")
    }
    for index, row in enumerate(sent):
        if (row.course_id, row.person_id) in accepted_pairs:
            answer.accepted.append(index)
        else:
            answer.rejected[index] = None
    errors = [
        Rejection(_text(item.find("errorNR")), _text(item.find("errorMsg")))
        for item in root.findall("Error")
    ]
    answer.unplaced = _place(errors, answer.rejected, sent)
    return answer


def _place(errors: list[Rejection], rejected: dict, sent: Sequence[Sent]) -> list[Rejection]:
    """Give each rejected row its error (see the module's docstring); return the rest."""
    left = []
    for error in errors:
        match = _LINE.search(error.message)
        index = int(match.group(1)) - FIRST_ROW_LINE if match else -1
        if index in rejected and rejected[index] is None:
            rejected[index] = error
        else:
            left.append(error)
    still_left = []
    for error in left:
        named = [
            index
            for index, value in rejected.items()
            if value is None
            and (sent[index].person_id in error.message or sent[index].course_id in error.message)
        ]
        if len(named) == 1:
            rejected[named[0]] = error
        else:
            still_left.append(error)
    open_rows = [index for index, value in rejected.items() if value is None]
    if len(still_left) == 1 and len(open_rows) == 1:
        rejected[open_rows[0]] = still_left.pop()
    return still_left
