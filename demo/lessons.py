"""The words of the demo course, read from the text files in demo/content/courses/.

The course overview, "De Kanteling in de praktijk" and its six lessons are written there in B1
Dutch; demo/content/courses/README.md describes the format. Blocks name principles by slug and
scenarios by demo file name; course.py turns those into the primary keys a StreamField stores.
Plain Python: reading the files needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content" / "courses"
COURSE_DIR = CONTENT / "de-kanteling-in-de-praktijk"
BLOCK_START = "== "

Block = dict


class ContentError(ValueError):
    """A content file does not follow the format; the message names the file and line."""


@dataclass(frozen=True)
class CourseIndex:
    slug: str
    title: str
    intro: str  # HTML


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    intro: str
    body: tuple[Block, ...]

    @property
    def scenario(self) -> str | None:
        return next((b["value"]["scenario"] for b in self.body if b["type"] == "scenario"), None)

    @property
    def prompt(self) -> str | None:
        return next((b["value"]["prompt"] for b in self.body if b["type"] == "reflection"), None)

    @property
    def closing_test(self) -> dict | None:
        return next((b["value"] for b in self.body if b["type"] == "closing_test"), None)


@dataclass(frozen=True)
class Course:
    slug: str
    title: str
    summary: str
    study_hours: int
    lessons: tuple[Lesson, ...]


@dataclass
class _Part:
    kind: str
    argument: str
    line: int
    lines: list[str] = field(default_factory=list)


@dataclass
class _Document:
    name: str
    fields: dict[str, str]
    text: list[str]
    parts: list[_Part]

    def field(self, key: str) -> str:
        if not self.fields.get(key):
            raise ContentError(f"{self.name}: '{key}:' is missing at the top")
        return self.fields[key]


def parse(source: str, name: str) -> _Document:
    """Split a content file into its fields, the text under them and its blocks."""
    lines = source.splitlines()
    fields: dict[str, str] = {}
    number = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            break
        key, colon, value = line.partition(":")
        if not colon:
            raise ContentError(f"{name}, line {number}: expected 'field: value' at the top")
        fields[key.strip()] = value.strip()
    text: list[str] = []
    parts: list[_Part] = []
    for offset, line in enumerate(lines[number:], number + 1):
        if line.startswith(BLOCK_START):
            kind, _, argument = line[len(BLOCK_START) :].strip().partition(" ")
            parts.append(_Part(kind, argument.strip(), offset))
        elif line.strip():
            (parts[-1].lines if parts else text).append(line.strip())
    return _Document(name, fields, text, parts)


def plain(lines: list[str]) -> str:
    """Join plain text: a paragraph may wrap over several lines."""
    return " ".join(lines)


def html(lines: list[str]) -> str:
    """Join HTML, one element (or a wrapped part of one) per line."""
    return "\n".join(lines)


def _block(part: _Part, name: str) -> Block:
    where = f"{name}, line {part.line}"
    needs_argument = {"principle": "a principle's slug", "scenario": "a scenario's file name"}
    if part.kind in needs_argument and not part.argument:
        raise ContentError(f"{where}: '{part.kind}' needs {needs_argument[part.kind]}")
    if not part.lines:
        raise ContentError(f"{where}: the block '{part.kind}' has no text")
    text = plain(part.lines)
    if part.kind == "text":
        return {"type": "text", "value": html(part.lines)}
    if part.kind == "principle":
        return {"type": "principle", "value": {"principle": part.argument, "note": text}}
    if part.kind == "scenario":
        return {"type": "scenario", "value": {"scenario": part.argument, "introduction": text}}
    if part.kind == "quote":
        return {"type": "quote", "value": {"quote": text, "attribution": part.argument}}
    if part.kind == "reflection":
        return {"type": "reflection", "value": {"prompt": text}}
    if part.kind == "test":
        return {"type": "closing_test", "value": _closing_test(part, where)}
    raise ContentError(
        f"{where}: unknown block '{part.kind}' (text, principle, scenario, quote, reflection, test)"
    )


TEST_SETTINGS = {
    "pass": "pass_mark",
    "attempts": "attempts_allowed",
    "draw": "questions_per_attempt",
}


def _closing_test(part: _Part, where: str) -> dict:
    """``== test pass=70 attempts=3 draw=6``, an introduction, then questions: a line
    ``? question`` followed by its answers, ``+ right`` or ``- wrong``."""
    value: dict = {"introduction": "", "questions": [], "questions_per_attempt": None}
    for setting in part.argument.split():
        key, _, number = setting.partition("=")
        if key not in TEST_SETTINGS or not number.isdigit():
            raise ContentError(
                f"{where}: unknown test setting '{setting}' (pass=, attempts=, draw=)"
            )
        value[TEST_SETTINGS[key]] = int(number)
    introduction: list[str] = []
    for line in part.lines:
        mark, text = line[:2], line[2:].strip()
        if mark == "? ":
            value["questions"].append({"question": text, "answers": []})
        elif mark in ("+ ", "- ") and value["questions"]:
            answer = {"text": text, "correct": mark == "+ "}
            value["questions"][-1]["answers"].append(answer)
        elif value["questions"]:
            question = value["questions"][-1]
            if question["answers"]:
                raise ContentError(f"{where}: '{line}' is neither an answer nor a question")
            question["question"] += " " + line
        else:
            introduction.append(line)
    value["introduction"] = plain(introduction)
    for question in value["questions"]:
        if len(question["answers"]) < 2 or not any(a["correct"] for a in question["answers"]):
            raise ContentError(
                f"{where}: '{question['question']}' needs two answers or more, one with '+'"
            )
    if not value["questions"]:
        raise ContentError(f"{where}: the test has no questions ('? ' lines)")
    return value


def read_lesson(source: str, name: str) -> Lesson:
    document = parse(source, name)
    return Lesson(
        slug=document.field("slug"),
        title=document.field("title"),
        intro=plain(document.text),
        body=tuple(_block(part, name) for part in document.parts),
    )


def read_course(directory: Path) -> Course:
    """Read course.txt and the lessons beside it, in the order of their file names."""
    document = parse((directory / "course.txt").read_text(encoding="utf-8"), "course.txt")
    if document.parts:
        raise ContentError("course.txt: a course has no blocks; its lessons have")
    lessons = tuple(
        read_lesson(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(directory.glob("*.txt"))
        if path.name != "course.txt"
    )
    return Course(
        slug=document.field("slug"),
        title=document.field("title"),
        summary=plain(document.text),
        study_hours=int(document.field("study_hours")),
        lessons=lessons,
    )


def read_index(path: Path) -> CourseIndex:
    document = parse(path.read_text(encoding="utf-8"), path.name)
    return CourseIndex(
        slug=document.field("slug"), title=document.field("title"), intro=html(document.text)
    )


INDEX = read_index(CONTENT / "index.txt")
COURSE = read_course(COURSE_DIR)
LESSONS = COURSE.lessons
