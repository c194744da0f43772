"""Builders shared by tests: scenarios, courses, learning groups, attempts and reflections.

Plain functions, so each shape is built in one place; fixtures (in the conftest files) call
them and give the shape a name.
"""

import json

from django.urls import reverse
from wagtail.models import Page

from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage, Reflection
from people.models import Profile
from scenarios import playing
from scenarios.interop import import_scenario
from scenarios.models import Attempt, AttemptChoice, PrincipleScore, ScenarioIndexPage, ScenarioPage


def scenario_document(extra_nodes: int = 0, text: str = "Ik red me niet meer.") -> dict:
    """A small scenario with known bounds: eigen-kracht −2…2, presentie 0…2."""
    nodes = [
        {
            "key": "begin",
            "text": text,
            "choices": [
                {
                    "key": "vraag-door",
                    "text": "Wat lukt er nog wel?",
                    "target": "midden",
                    "quality": "desired",
                    "scores": {"eigen-kracht": 2, "presentie": 1},
                    "feedback": "Je kijkt naar wat er wel kan.",
                },
                {
                    "key": "regel-het",
                    "text": "Ik regel thuiszorg voor u.",
                    "target": "snel-einde",
                    "quality": "less_desired",
                    "scores": {"eigen-kracht": -2},
                    "feedback": "Je neemt het over.",
                },
            ],
        },
        {
            "key": "midden",
            "text": "Mijn dochter helpt soms.",
            "choices": [
                {
                    "key": "netwerk",
                    "text": "Wie kan er nog meer helpen?",
                    "target": "goed-einde",
                    "quality": "desired",
                    "scores": {"presentie": 1},
                    "feedback": "Je betrekt het netwerk.",
                },
                {
                    "key": "knik",
                    "text": "Fijn.",
                    "target": "goed-einde",
                    "quality": "acceptable",
                    "feedback": "Je luistert, maar vraagt niet door.",
                },
                {
                    "key": "nog-eens",
                    "text": "Kunt u dat herhalen?",
                    "target": "midden",
                    "quality": "acceptable",
                    "feedback": "Herhalen mag.",
                },
            ],
        },
        {"key": "goed-einde", "text": "Dank je.", "end": True, "outcome": "Samen een plan."},
        {"key": "snel-einde", "text": "Oké.", "end": True, "outcome": "Thuiszorg geregeld."},
    ]
    # Extra steps hang off the good ending's path to make a bigger graph for query counts.
    for number in range(extra_nodes):
        nodes.append(
            {
                "key": f"extra-{number}",
                "text": f"Extra stap {number}",
                "choices": [
                    {"key": "door", "text": "Door", "target": "goed-einde", "quality": "acceptable"}
                ],
            }
        )
    if extra_nodes:
        nodes[0]["choices"].append(
            {"key": "omweg", "text": "Omweg", "target": "extra-0", "quality": "acceptable"}
        )
        for number in range(extra_nodes - 1):
            nodes[4 + number]["choices"].append(
                {
                    "key": "verder",
                    "text": "Verder",
                    "target": f"extra-{number + 1}",
                    "quality": "acceptable",
                }
            )
    return {
        "format": "kantelwerk-scenario",
        "version": 1,
        "title": "Mevrouw Jansen",
        "persona": {"name": "Mevrouw Jansen", "age": 81, "situation": "Woont alleen."},
        "principles": ["eigen-kracht", "presentie"],
        "start": "begin",
        "nodes": nodes,
    }


def debrief_document() -> dict:
    """Two steps with choices, so a debrief has something to split by role."""
    return {
        "format": "kantelwerk-scenario",
        "version": 1,
        "title": "Mevrouw Jansen",
        "persona": {"name": "Mevrouw Jansen", "age": 81, "situation": "Woont alleen."},
        "principles": ["eigen-kracht", "presentie"],
        "start": "begin",
        "nodes": [
            {
                "key": "begin",
                "text": "Ik red me niet meer.",
                "choices": [
                    {
                        "key": "vraag-door",
                        "text": "Wat lukt er nog wel?",
                        "target": "midden",
                        "quality": "desired",
                        "scores": {"eigen-kracht": 2, "presentie": 1},
                    },
                    {
                        "key": "regel-het",
                        "text": "Ik regel thuiszorg voor u.",
                        "target": "einde",
                        "quality": "less_desired",
                        "scores": {"eigen-kracht": -2},
                    },
                ],
            },
            {
                "key": "midden",
                "text": "Mijn dochter helpt soms.",
                "choices": [
                    {
                        "key": "netwerk",
                        "text": "Wie kan er nog meer helpen?",
                        "target": "einde",
                        "quality": "desired",
                        "scores": {"presentie": 1},
                    },
                    {"key": "knik", "text": "Fijn.", "target": "einde", "quality": "acceptable"},
                ],
            },
            {"key": "einde", "text": "Dank je.", "end": True, "outcome": "Klaar."},
        ],
    }


def build_library(slug: str = "scenarios-test", title: str = "Scenario's") -> ScenarioIndexPage:
    """A published scenario library under the site's home page."""
    library = ScenarioIndexPage(title=title, slug=slug)
    Page.objects.get(depth=2).add_child(instance=library)
    library.save_revision().publish()
    return library


def publish(library, document) -> ScenarioPage:
    return import_scenario(json.dumps(document), library, publish=True).page


def start(client, page) -> Attempt:
    response = client.post(reverse("scenario-start", args=[page.pk]))
    assert response.status_code == 302
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def choose(client, attempt, choice, step=None):
    step = attempt.step if step is None else step
    return client.post(reverse("attempt-play", args=[attempt.pk]), {"step": step, "choice": choice})


# Courses and learning groups ----------------------------------------------------------------


def text_block(html: str = "<p>Eerst de relatie.</p>") -> tuple[str, str]:
    return ("text", html)


def scenario_block(scenario: ScenarioPage, introduction: str = "") -> tuple[str, dict]:
    return ("scenario", {"scenario": scenario.pk, "introduction": introduction})


def reflection_block(prompt: str) -> tuple[str, dict]:
    return ("reflection", {"prompt": prompt})


QUESTIONS = [
    ("Wie zoekt eerst naar een oplossing?", [("De inwoner zelf", True), ("De gemeente", False)]),
    ("Wat hoort bij de kanteling?", [("Vraag achter de vraag", True), ("Meteen regelen", False)]),
    (
        "Welke twee horen bij het keukentafelgesprek?",
        [("Luisteren", True), ("Het netwerk betrekken", True), ("Een formulier invullen", False)],
    ),
    ("Wat komt eerst?", [("De relatie", True), ("Het probleem", False), ("De regels", False)]),
]


def closing_test_block(
    questions=None, *, pass_mark: int = 75, attempts: int = 2, draw: int | None = None
) -> tuple[str, dict]:
    """A closing test; ``questions`` is a list of (question, [(answer, correct), …])."""
    return (
        "closing_test",
        {
            "introduction": "Laat zien wat je weet.",
            "questions": [
                {
                    "question": text,
                    "answers": [{"text": a, "correct": ok} for a, ok in answers],
                }
                for text, answers in (QUESTIONS if questions is None else questions)
            ],
            "questions_per_attempt": draw,
            "pass_mark": pass_mark,
            "attempts_allowed": attempts,
        },
    )


def build_course_index(slug: str = "cursussen", title: str = "Cursussen") -> CourseIndexPage:
    """The published course overview with this slug under the home page (made once)."""
    index = CourseIndexPage.objects.filter(slug=slug).first()
    if index is None:
        index = CourseIndexPage(title=title, slug=slug)
        Page.objects.get(depth=2).add_child(instance=index)
        index.save_revision().publish()
    return index


def build_course(
    title: str = "Samen kantelen",
    *,
    lessons=None,
    slug: str = "",
    summary: str = "Leren kantelen met het keukentafelgesprek.",
    open_to_all: bool = False,
    index: CourseIndexPage | None = None,
) -> CoursePage:
    """A published course with published lessons "Les 1", "Les 2", ….

    ``lessons`` is a list of lesson bodies, each a list of blocks (``text_block``,
    ``scenario_block``, ``reflection_block``); by default one text lesson.
    """
    index = index or build_course_index()
    course = CoursePage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        summary=summary,
        open_to_all=open_to_all,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    for number, body in enumerate([[text_block()]] if lessons is None else lessons, start=1):
        raw = [{"type": kind, "value": value} for kind, value in body]
        lesson = LessonPage(title=f"Les {number}", slug=f"les-{number}", body=json.dumps(raw))
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).order_by("path"))


def build_cohort(
    course: CoursePage,
    *,
    name: str = "Leergroep Hatert voorjaar",
    participants=(),
    trainers=(),
) -> Cohort:
    cohort = Cohort.objects.create(name=name, course=course)
    cohort.participants.add(*participants)
    cohort.trainers.add(*trainers)
    return cohort


# Attempts and reflections --------------------------------------------------------------------


def finish(user, page, path, *, role=None, scores=None) -> Attempt:
    """A finished attempt made straight in the database: ``path`` is [(node, choice), …]."""
    attempt = Attempt.objects.create(
        user=user,
        page=page,
        revision=page.live_revision,
        role=role if role is not None else Profile.objects.get(user=user).role,
        status=Attempt.Status.FINISHED,
        step=len(path),
        current_node="einde",
    )
    Attempt.objects.filter(pk=attempt.pk).update(finished_at=attempt.started_at)
    AttemptChoice.objects.bulk_create(
        AttemptChoice(attempt=attempt, step=step, node_key=node, choice_key=choice, quality="")
        for step, (node, choice) in enumerate(path, start=1)
    )
    PrincipleScore.objects.bulk_create(
        PrincipleScore(attempt=attempt, principle=slug, score=score)
        for slug, score in (scores or {}).items()
    )
    return attempt


def play_through(user, page, choices=("vraag-door", "netwerk")) -> Attempt:
    attempt = playing.start_attempt(user, page)
    for step, choice in enumerate(choices):
        attempt = playing.record_choice(user, attempt.pk, step, choice)
    return attempt


def write(author, cohort, body="Ik luister beter.", visibility="cohort", **extra) -> Reflection:
    return Reflection.objects.create(
        author=author, cohort=cohort, body=body, visibility=visibility, **extra
    )
