"""The lesson body is kept per published revision; the learner's own state never is.

What cannot change (a published revision's text, quotes, callouts) is rendered once and kept
in the cache (scenarios/revision_cache.py). These tests check what a reader would notice if
that went wrong: an old text after a publish, or someone else's progress.
"""

import pytest
from wagtail.rich_text import RichText

from scenarios.models import Principle
from tests.builders import (
    build_cohort,
    lessons_of,
    publish,
    reflection_block,
    scenario_block,
    scenario_document,
    start,
    text_block,
)


@pytest.fixture
def lesson_course(make_course, library):
    scenario = publish(library, scenario_document())
    principle = Principle.objects.order_by("pk").first()
    body = [
        text_block("<p>Eerst de relatie.</p>"),
        ("principle", {"principle": principle.pk, "note": ""}),
        scenario_block(scenario),
        reflection_block("Wat neem je mee?"),
        text_block("<p>Tot slot.</p>"),
    ]
    return make_course("Gecachete cursus", lessons=[body]), scenario, principle


def test_publishing_a_new_revision_shows_the_new_text_at_once(client, lesson_course, learner):
    course, _scenario, _principle = lesson_course
    build_cohort(course, participants=[learner])
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    assert "Eerst de relatie." in client.get(lesson.url).content.decode()
    assert "Eerst de relatie." in client.get(lesson.url).content.decode()  # from the cache

    body = list(lesson.body)
    lesson.body = [("text", RichText("<p>Eerst luisteren.</p>"))] + [
        (child.block_type, child.value) for child in body[1:]
    ]
    lesson.save_revision().publish()

    html = client.get(lesson.url).content.decode()
    assert "Eerst luisteren." in html
    assert "Eerst de relatie." not in html
    assert "Tot slot." in html


def test_a_changed_principle_shows_at_once_in_a_cached_callout(
    client, lesson_course, learner, django_capture_on_commit_callbacks
):
    course, _scenario, principle = lesson_course
    build_cohort(course, participants=[learner])
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    assert principle.name in client.get(lesson.url).content.decode()

    principle.name = "Nieuwe naam van het principe"
    with django_capture_on_commit_callbacks(execute=True):
        principle.save()

    assert "Nieuwe naam van het principe" in client.get(lesson.url).content.decode()


def test_a_learner_never_sees_another_learners_state(client, lesson_course, learner, volunteer):
    course, scenario, _principle = lesson_course
    build_cohort(course, participants=[learner, volunteer])
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    start(client, scenario)  # Alice has a running conversation
    alice = client.get(lesson.url).content.decode()
    assert 'data-action="continue"' in alice

    client.force_login(volunteer)
    vera = client.get(lesson.url).content.decode()
    assert 'data-action="start"' in vera
    assert 'data-action="continue"' not in vera
    assert "Eerst de relatie." in vera and "Tot slot." in vera  # the shared text, cached
    # Each page carries its reader's own form token, not one kept from another reader.
    token = 'name="csrfmiddlewaretoken" value="'
    alice_tokens = {part.split('"')[0] for part in alice.split(token)[1:]}
    vera_tokens = {part.split('"')[0] for part in vera.split(token)[1:]}
    assert alice_tokens and vera_tokens and not alice_tokens & vera_tokens


def test_a_preview_shows_the_draft_not_the_cached_published_text(
    client, lesson_course, learner, admin_user
):
    from django.urls import reverse

    course, _scenario, _principle = lesson_course
    build_cohort(course, participants=[learner])
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    client.get(lesson.url)  # the published body is now cached
    lesson.body = [("text", RichText("<p>Nog een concept.</p>"))]
    lesson.save_revision()  # a draft, not published

    assert "Nog een concept." not in client.get(lesson.url).content.decode()
    client.force_login(admin_user)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert "Nog een concept." in preview.content.decode()


def test_a_scenario_published_again_shows_its_new_persona_in_the_lesson_at_once(
    client, lesson_course, learner
):
    """The scenario block's who-and-where is kept per published revision of the scenario;
    the learner's own state beside it never is."""
    course, scenario, _principle = lesson_course
    build_cohort(course, participants=[learner])
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    first = client.get(lesson.url).content.decode()
    assert client.get(lesson.url).content.decode().count(scenario.title) == first.count(
        scenario.title
    )

    scenario.refresh_from_db()
    scenario.persona_name = "Joop van Dalen"
    scenario.title = "Joop en zijn buurman"
    scenario.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "Joop en zijn buurman" in html and "Joop van Dalen" in html
    assert 'data-action="start"' in html

    start(client, scenario)
    html = client.get(lesson.url).content.decode()
    assert 'data-action="continue"' in html and "Joop van Dalen" in html

    scenario.refresh_from_db()
    scenario.unpublish()
    html = client.get(lesson.url).content.decode()
    assert "Dit gesprek is nog niet beschikbaar." in html and "Joop van Dalen" in html
