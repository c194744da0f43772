"""Marking lessons done, scenarios counting as done, and progress with a fixed number of queries."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import LessonProgress
from courses.progress import course_progress
from people.models import Role
from tests.builders import choose, lessons_of, publish, scenario_document, start


def test_marking_a_lesson_done_twice_changes_nothing(client, cohort, learner):
    lesson = lessons_of(cohort.course)[0]
    client.force_login(learner)
    url = reverse("lesson-done", args=[lesson.pk])
    first = client.post(url)
    done_at = LessonProgress.objects.get(user=learner, lesson=lesson).done_at
    second = client.post(url)
    assert first.status_code == second.status_code == 302
    assert LessonProgress.objects.filter(user=learner, lesson=lesson).count() == 1
    assert LessonProgress.objects.get(user=learner, lesson=lesson).done_at == done_at


def test_marking_a_lesson_done_needs_a_post(client, cohort, learner):
    client.force_login(learner)
    lesson = lessons_of(cohort.course)[0]
    assert client.get(reverse("lesson-done", args=[lesson.pk])).status_code == 405


def test_an_outsider_cannot_mark_a_lesson_of_another_course_done(
    client, cohort, outsider, other_cohort
):
    client.force_login(outsider)
    lesson = lessons_of(cohort.course)[0]
    assert client.post(reverse("lesson-done", args=[lesson.pk])).status_code == 404
    assert not LessonProgress.objects.filter(user=outsider).exists()


def test_a_visitor_marking_a_lesson_done_is_sent_to_log_in(client, cohort):
    lesson = lessons_of(cohort.course)[0]
    response = client.post(reverse("lesson-done", args=[lesson.pk]))
    assert response.status_code == 302
    assert not LessonProgress.objects.exists()


def test_marking_done_goes_to_the_next_lesson_but_never_off_site(client, cohort, learner):
    first, second = lessons_of(cohort.course)
    client.force_login(learner)
    url = reverse("lesson-done", args=[first.pk])
    assert client.post(url, {"next": second.url})["Location"] == second.url
    assert client.post(url, {"next": "https://evil.example/"})["Location"] == first.url


def test_course_progress_is_the_share_of_lessons_done(client, cohort, learner):
    first, _second = lessons_of(cohort.course)
    client.force_login(learner)
    client.post(reverse("lesson-done", args=[first.pk]))
    progress = course_progress(learner, [cohort.course])[cohort.course.pk]
    assert (progress.done, progress.total, progress.percent) == (1, 2, 50)
    assert progress.next_lesson.number == 2
    html = client.get(cohort.course.url).content.decode()
    assert 'data-progress="50"' in html
    assert f'data-lesson="{first.pk}" data-done="true"' in html


@pytest.fixture
def scenario_course(make_course, library, learner, trainer):
    from courses.models import Cohort

    page = publish(library, scenario_document())
    course = make_course(
        "Met gesprek",
        lessons=[[("text", "<p>Inleiding</p>")], [("scenario", {"scenario": page.pk})]],
    )
    group = Cohort.objects.create(name="Leergroep Gesprek", course=course)
    group.participants.add(learner)
    group.trainers.add(trainer)
    return course, page


def test_a_lesson_with_a_scenario_is_done_when_the_scenario_is_finished(
    client, scenario_course, learner
):
    course, page = scenario_course
    client.force_login(learner)
    attempt = start(client, page)
    progress = course_progress(learner, [course])[course.pk]
    assert [state.done for state in progress.lessons] == [False, False]
    choose(client, attempt, "regel-het")
    progress = course_progress(learner, [course])[course.pk]
    assert [state.done for state in progress.lessons] == [False, True]
    assert progress.percent == 50


def test_the_scenario_block_offers_start_then_continue_then_the_result(
    client, scenario_course, learner
):
    course, page = scenario_course
    lesson = lessons_of(course)[1]
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert f'data-scenario="{page.pk}"' in html
    assert 'data-action="start"' in html
    assert reverse("scenario-start", args=[page.pk]) in html
    assert "Mevrouw Jansen" in html

    attempt = start(client, page)
    assert 'data-action="continue"' in client.get(lesson.url).content.decode()

    choose(client, attempt, "regel-het")
    attempt.refresh_from_db()
    html = client.get(lesson.url).content.decode()
    assert 'data-action="again"' in html
    assert f'data-overall="{attempt.overall}"' in html
    assert reverse("attempt-result", args=[attempt.pk]) in html


def _add_members(cohort, count: int, organisation) -> None:
    """Add ``count`` participants in bulk, with profiles, mixed roles and finished lessons."""
    from people.models import Profile

    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"lid{cohort.pk}-{n}", email=f"lid{cohort.pk}-{n}@example.nl")
        for n in range(count)
    )
    roles = list(Role)
    Profile.objects.bulk_create(
        Profile(user=user, display_name=f"Lid {n}", role=roles[n % 3], organisation=organisation)
        for n, user in enumerate(users)
    )
    cohort.participants.add(*users)
    lesson = lessons_of(cohort.course)[0]
    LessonProgress.objects.bulk_create(LessonProgress(user=user, lesson=lesson) for user in users)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url_of", [lambda c: c.course.url, lambda c: reverse("my-learning")])
def test_course_page_and_my_learning_use_the_same_queries_for_5_or_200_members(
    client, make_course, make_user, organisation, url_of
):
    from courses.models import Cohort

    counts = []
    for size in (5, 200):
        course = make_course(f"Cursus {size}", lessons=[[("text", "<p>a</p>")]] * 4)
        cohort = Cohort.objects.create(name=f"Groep {size}", course=course)
        _add_members(cohort, size, organisation)
        member = cohort.participants.order_by("pk").first()
        trainer = make_user(f"trainer{size}@example.nl", organisation=organisation, trainer=True)
        cohort.trainers.add(trainer)
        for user in (member, trainer):
            client.force_login(user)
            _queries(client, url_of(cohort))  # warm caches (site root, content types)
            counts.append((user == trainer, _queries(client, url_of(cohort))))
    learner_counts = [n for is_trainer, n in counts if not is_trainer]
    trainer_counts = [n for is_trainer, n in counts if is_trainer]
    assert learner_counts[0] == learner_counts[1]
    assert trainer_counts[0] == trainer_counts[1]


def test_a_lesson_page_with_every_kind_of_block_needs_at_most_6_queries(
    client, make_course, library, learner
):
    """However many lessons, scenarios and attempts: the budget the performance goals set."""
    from courses.models import Cohort
    from scenarios.models import Principle

    principles = list(Principle.objects.order_by("pk")[:2])
    counts = []
    for size in (2, 6):
        scenarios = [
            publish(library, {**scenario_document(), "slug": f"s{size}-{n}", "title": f"S{n}"})
            for n in range(size // 2)
        ]
        body = [("text", "<p>Eerst de relatie.</p>")]
        body += [("quote", {"quote": "Kijk.", "attribution": ""})]
        body += [("principle", {"principle": p.pk, "note": ""}) for p in principles]
        body += [("scenario", {"scenario": s.pk, "introduction": ""}) for s in scenarios]
        body += [("reflection", {"prompt": "Wat neem je mee?"})]
        course = make_course(f"Cursus {size}", lessons=[body] * size)
        Cohort.objects.create(name=f"Groep {size}", course=course).participants.add(learner)
        client.force_login(learner)
        for scenario in scenarios:  # a finished attempt, and a running one, for each
            choose(client, start(client, scenario), "regel-het")
            start(client, scenario)
        lesson = lessons_of(course)[-1]
        _queries(client, lesson.url)  # warm caches (site root, principles)
        counts.append(_queries(client, lesson.url))
        html = client.get(lesson.url).content.decode()
        assert html.count('data-action="continue"') == len(scenarios)
        assert all(f'data-principle="{p.slug}"' in html for p in principles)
    # 6: session, user, the course's lessons as a list and the lesson itself (routing them by
    # URL, courses/routing.py), the course with the viewer's group, the scenarios with the
    # learner's state. The site, its home page and "no view restrictions anywhere" come from the
    # per-process snapshot (home/site_cache.py); the body from the revision cache.
    assert counts[0] == counts[1] <= 6


def test_lessons_played_before_the_hook_existed_are_marked_done_by_the_migration(
    client, scenario_course, learner
):
    import importlib

    from django.apps import apps

    from courses.models import LessonProgress

    migration = importlib.import_module(
        "courses.migrations.0004_lessons_done_when_scenarios_finished"
    )
    course, page = scenario_course
    client.force_login(learner)
    choose(client, start(client, page), "regel-het")
    LessonProgress.objects.all().delete()  # as it was before the hook wrote the row
    assert course_progress(learner, [course])[course.pk].done == 0

    migration.mark_lessons_done(apps, None)
    migration.mark_lessons_done(apps, None)  # a second run adds nothing

    assert course_progress(learner, [course])[course.pk].done == 1
    assert LessonProgress.objects.count() == 1
