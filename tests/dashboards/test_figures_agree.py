"""One lesson count, one percentage: the learner, their trainer and their manager see the same.

Fatima's own pages once said "5 van 6 lessen afgerond (83%)" while her trainer saw 4/6 and her
manager "4 van 6 · 67%": the learner's pages counted a lesson whose scenarios were finished, the
others only rows marked done. Here the learner really plays a lesson's only scenario, and every
screen that counts lessons is read as its reader sees it.
"""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses.models import LessonPage
from scenarios import engine
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt
from tests.builders import choose, start


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def play_to_the_end(client, page) -> Attempt:
    """Play the scenario through the site, as the learner would, on its most desired route."""
    attempt = start(client, page)
    for _node, choice in engine.desired_route(scenario_for_revision(page.live_revision)):
        attempt.refresh_from_db()
        assert choose(client, attempt, choice).status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.FINISHED
    return attempt


def xlsx_figures(response, name: str) -> tuple:
    """Lessons done, lessons in the course and the share, from the sheet with the member rows."""
    book = load_workbook(io.BytesIO(response.content))
    for sheet in book:
        rows = list(sheet.iter_rows(values_only=True))
        for row in rows:
            if row and row[0] == name:
                header = next(r for r in rows if r and "Lessen afgerond" in r)
                pick = dict(zip(header, row, strict=False))
                return (
                    int(pick["Lessen afgerond"]),
                    int(pick["Lessen in cursus"]),
                    int(pick["Afgerond (%)"]),
                )
    raise AssertionError(f"{name} is not in the export")


@pytest.fixture
def six_lessons(course):
    """The course of the fixture, grown to six lessons; lesson 2 holds only the scenario."""
    for number in (5, 6):
        lesson = LessonPage(title=f"Les {number}", slug=f"les-{number}")
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return list(LessonPage.objects.child_of(course).order_by("path"))


def test_the_learner_the_trainer_and_the_manager_count_the_same_lessons(
    client, course, six_lessons, cohort, learner, manager, trainer, published_scenario
):
    cohort.participants.add(learner)
    client.force_login(learner)
    for lesson in six_lessons[:1] + six_lessons[2:5]:
        client.post(reverse("lesson-done", args=[lesson.pk]))
    play_to_the_end(client, published_scenario)  # the only scenario of lesson 2

    learner_page = text_of(client.get(course.url))
    assert "5 van 6 lessen afgerond (83%)" in learner_page
    assert "5 van 6 lessen afgerond (83%)" in text_of(client.get(reverse("my-learning")))

    client.force_login(trainer)
    trainer_page = client.get(reverse("trainer-cohort", args=[cohort.pk]))
    row = re.search(
        rf'data-member="{learner.pk}"[^>]*data-lessons="(\d+)"', trainer_page.content.decode()
    )
    assert row and row.group(1) == "5"
    assert "5/6" in text_of(trainer_page)

    client.force_login(manager)
    assert "5 van 6 lessen · 83%" in text_of(client.get(reverse("team-overview")))
    export = client.get(reverse("team-overview-export", args=["xlsx"]))
    assert xlsx_figures(export, "Alice") == (5, 6, 83)
