"""View restrictions and the per-process snapshot (home/site_cache.py): without any restriction
Wagtail's two restriction queries are skipped; one added anywhere protects at once, in every
process."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home import site_cache
from tests.builders import lessons_of


def _restrict(course, django_capture_on_commit_callbacks):
    editors = Group.objects.create(name="Alleen redactie")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=course, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(editors)
    return restriction


def test_a_restriction_added_to_a_course_protects_its_lessons_at_once(
    client, course, cohort, learner, django_capture_on_commit_callbacks
):
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    assert "Eerst de relatie." in client.get(lesson.url).content.decode()

    restriction = _restrict(course, django_capture_on_commit_callbacks)
    response = client.get(lesson.url)
    assert response.status_code == 302  # to the sign-in page, as Wagtail answers
    assert "Eerst de relatie." not in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Eerst de relatie." in client.get(lesson.url).content.decode()


def test_another_process_holding_an_old_snapshot_protects_at_once_too(
    client, course, cohort, learner, django_capture_on_commit_callbacks, monkeypatch
):
    """Another worker keeps its own snapshot; the stamp in the shared cache tells it to drop it."""
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200
    other_worker = site_cache._snapshot
    assert other_worker.restricted is False

    _restrict(course, django_capture_on_commit_callbacks)
    # This process now holds the other worker's old view:
    monkeypatch.setattr(site_cache, "_snapshot", other_worker)

    assert client.get(lesson.url).status_code == 302


def test_without_any_restriction_a_lesson_skips_wagtails_two_restriction_queries(
    client, course, cohort, learner
):
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(lesson.url).status_code == 200
    sql = " ".join(query["sql"] for query in captured)
    assert "wagtailcore_pageviewrestriction" not in sql
    assert "wagtailcore_site" not in sql
