"""One definition of "lesson done" with a closing test: every page and export agrees.

The test lesson is done only once the test is passed; until then the course page, Mijn
leren, the trainer's and the manager's figures, the certificate, the attendance list and
PE-online all say "not completed"; afterwards they all say "completed".
"""

import datetime

import pytest
from django.urls import reverse

from accreditation import certificates, registers
from accreditation.attendance import attendance_sheet
from accreditation.models import Certificate
from accreditation.pe_online import completions
from courses.completion import mark_lesson_done
from courses.progress import course_progress
from dashboards.overview import OverviewFilters, overview_queryset
from dashboards.trainer import cohort_overview
from tests.accreditation.conftest import give_number
from tests.builders import build_cohort, build_course, closing_test_block, lessons_of
from tests.courses.test_closing_test import hand_in, start


@pytest.fixture
def tested_course(accredited):
    """The accredited course, with a third lesson that holds the closing test."""
    from courses.models import LessonPage

    course = accredited
    raw = [{"type": kind, "value": value} for kind, value in [closing_test_block()]]
    lesson = LessonPage(title="Toets", slug="toets", body=raw)
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return course


def what_every_surface_says(client, user, manager, cohort) -> dict[str, bool]:
    course = cohort.course
    progress = course_progress(user, [course])[course.pk]
    client.force_login(user)
    my_learning = client.get(reverse("my-learning")).content.decode()
    course_page = client.get(course.url).content.decode()
    member = next(m for m in cohort_overview(cohort).members if m.user_id == user.pk)
    [row] = [r for r in overview_queryset(manager_members(user), OverviewFilters())]
    [attendance] = [r for r in attendance_sheet(cohort).rows if "123456" in r]  # by their number
    rows, _skipped = completions(course, datetime.date(2000, 1, 1))
    return {
        "progress": progress.done == progress.total,
        "my learning": f"{progress.total} van {progress.total} lessen" in my_learning,
        "course page": course_page.count("status--done") == progress.total,
        "trainer": member.lessons_done == progress.total,
        "manager": row["lessons_done"] == row["lessons_total"],
        "certificate": certificates.is_completed(user, course),
        "attendance list": attendance[3] != "",
        "pe-online": any(r.person_id == "123456" for r in rows),
    }


def manager_members(user):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=user.pk)


def test_every_surface_agrees_the_course_is_complete_only_after_the_test_is_passed(
    client, learner, volunteer, trainer, manager, tested_course
):
    cohort = build_cohort(tested_course, participants=[learner, volunteer], trainers=[trainer])
    give_number(learner, registers.REGISTERPLEIN, "123456")
    first, second, test_lesson = lessons_of(tested_course)
    mark_lesson_done(learner, first)
    mark_lesson_done(learner, second)
    client.force_login(learner)
    client.post(reverse("lesson-done", args=[test_lesson.pk]))  # refused: test not passed
    hand_in(client, start(client, test_lesson), right=False)

    before = what_every_surface_says(client, learner, manager, cohort)
    assert not any(before.values()), before
    client.force_login(learner)
    assert client.post(reverse("certificate-claim", args=[tested_course.pk])).status_code == 302
    assert not Certificate.objects.exists()

    hand_in(client, start(client, test_lesson), right=True)
    after = what_every_surface_says(client, learner, manager, cohort)
    assert all(after.values()), after
    client.force_login(learner)
    client.post(reverse("certificate-claim", args=[tested_course.pk]))
    assert Certificate.objects.get(user=learner).points[0]["accreditation_id"] == "PE-301234"


def test_role_play_scores_never_decide_completion(client, learner, tested_course, library):
    """Finishing a lesson's scenarios never completes a lesson that holds a closing test."""
    from courses.completion import mark_lessons_of_finished_scenario
    from courses.models import LessonProgress
    from tests.builders import play_through, publish, scenario_block, scenario_document

    scenario = publish(library, scenario_document())
    course = build_course(
        "Met gesprek",
        lessons=[[scenario_block(scenario), closing_test_block()]],
        open_to_all=True,
    )
    [lesson] = lessons_of(course)
    play_through(learner, scenario)
    mark_lessons_of_finished_scenario(learner, scenario.pk)
    assert not LessonProgress.objects.filter(lesson=lesson).exists()
    assert not certificates.is_completed(learner, course)
