"""The summaries the overview sorts by completion stay equal to what the rows show.

Each route that can change a member's "lessons done of lessons" is taken as a user takes it
(a request, an admin action, a publish), the transaction's commit is run, and the summary
is compared with ``course_completions``, the figure every page counts from the lessons.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Cohort, LessonPage, LessonProgress
from dashboards import summaries
from dashboards.models import MemberCourseSummary, MemberSummary
from dashboards.overview import course_completions
from tests.builders import build_course


def shown(users) -> dict:
    """(member, course) → (done, total) as the overview's rows and the learner's pages count."""
    ids = [user.pk for user in users]
    return {(uid, c.course_id): (c.done, c.total) for uid, c in course_completions(ids)}


def kept(users) -> dict:
    """The course rows, after checking each member's own row is their sum."""
    rows = MemberCourseSummary.objects.filter(user__in=users)
    by_course = {(r.user_id, r.course_id): (r.lessons_done, r.lessons_total) for r in rows}
    sums = {}
    for (user, _), (done, total) in by_course.items():
        before = sums.get(user, (0, 0))
        sums[user] = (before[0] + done, before[1] + total)
    own = {
        row.user_id: ((row.lessons_done, row.lessons_total), row.completion)
        for row in MemberSummary.objects.filter(user__in=users)
    }
    assert own == {
        user: (figures, figures[0] / figures[1] if figures[1] else None)
        for user, figures in sums.items()
    }
    return by_course


@pytest.fixture
def members(cohort, learner, volunteer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cohort.participants.add(learner, volunteer)
    return [learner, volunteer]


def test_joining_a_group_gives_a_row_with_the_course_lessons(members, course, lessons):
    assert (
        kept(members)
        == shown(members)
        == {
            (members[0].pk, course.pk): (0, 4),
            (members[1].pk, course.pk): (0, 4),
        }
    )


def test_marking_a_lesson_done_counts_at_once(
    client, members, lessons, course, django_capture_on_commit_callbacks
):
    learner = members[0]
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lesson-done", args=[lessons[0].pk]))
        client.post(reverse("lesson-done", args=[lessons[0].pk]))  # a double click
    assert response.status_code == 302
    assert kept(members)[learner.pk, course.pk] == (1, 4)
    assert kept(members) == shown(members)


def test_joining_by_invitation_counts_what_was_done_before(
    client, learner, cohort, lessons, course, django_capture_on_commit_callbacks
):
    """Someone who did a lesson of the course in another group, then joins this one."""
    LessonProgress.objects.create(user=learner, lesson=lessons[2])
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cohort-join", args=[cohort.invite_code]))
    assert cohort.participants.filter(pk=learner.pk).exists()
    assert kept([learner]) == shown([learner]) == {(learner.pk, course.pk): (1, 4)}


def test_publishing_and_unpublishing_a_lesson_changes_every_members_total(
    members, course, lessons, django_capture_on_commit_callbacks
):
    learner = members[0]
    with django_capture_on_commit_callbacks(execute=True):
        LessonProgress.objects.create(user=learner, lesson=lessons[3])
    with django_capture_on_commit_callbacks(execute=True):
        extra = LessonPage(title="Les 5", slug="les-5", body=json.dumps([]))
        course.add_child(instance=extra)
        extra.save_revision().publish()
    assert kept(members)[members[1].pk, course.pk] == (0, 5)
    assert kept(members) == shown(members)

    with django_capture_on_commit_callbacks(execute=True):
        lessons[3].unpublish()  # the lesson the learner had done
    assert kept(members)[learner.pk, course.pk] == (0, 4)
    assert kept(members) == shown(members)


def test_deleting_a_lesson_many_did_recounts_once(
    members, course, lessons, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    for member in members:
        LessonProgress.objects.create(user=member, lesson=lessons[0])
    summaries.refresh(course_ids=[course.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        lessons[0].delete()
    # Wagtail unpublishes the lesson, then deletes it: the course is recounted for each,
    # and no learner's mark asks for a recount of its own.
    assert len(callbacks) == 2
    assert (
        kept(members)
        == shown(members)
        == {
            (members[0].pk, course.pk): (0, 3),
            (members[1].pk, course.pk): (0, 3),
        }
    )


def test_moving_a_group_to_another_course_recounts_its_members(
    members, cohort, course, django_capture_on_commit_callbacks
):
    other = build_course("Presentie", slug="presentie-dash", lessons=[[], []])
    with django_capture_on_commit_callbacks(execute=True):
        cohort.course = other
        cohort.save()
    assert kept(members) == shown(members)
    assert set(kept(members)) == {(members[0].pk, other.pk), (members[1].pk, other.pk)}


def test_renaming_a_group_recounts_nothing(members, cohort, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        cohort.name = "Leergroep Noord, najaar"
        cohort.save()
    assert callbacks == []


def test_a_new_invitation_link_neither_reads_the_group_first_nor_recounts(
    members, cohort, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        CaptureQueriesContext(connection) as queries,
    ):
        cohort.renew_invite_code()
    assert queries.captured_queries[0]["sql"].startswith('UPDATE "courses_cohort"')
    assert callbacks == []


def test_leaving_a_group_or_its_deletion_removes_the_row(
    members, cohort, course, django_capture_on_commit_callbacks
):
    learner, volunteer = members
    with django_capture_on_commit_callbacks(execute=True):
        cohort.participants.remove(learner)
    assert set(kept(members)) == {(volunteer.pk, course.pk)}
    with django_capture_on_commit_callbacks(execute=True):
        Cohort.objects.filter(pk=cohort.pk).delete()
    assert kept(members) == shown(members) == {}


def test_a_rolled_back_change_neither_counts_nor_stops_later_counts(
    members, lessons, course, django_capture_on_commit_callbacks
):
    learner = members[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        LessonProgress.objects.create(user=learner, lesson=lessons[0])
        raise RuntimeError("the request failed")
    with django_capture_on_commit_callbacks(execute=True):
        LessonProgress.objects.create(user=learner, lesson=lessons[1])
    assert kept(members)[learner.pk, course.pk] == (1, 4)
    assert kept(members) == shown(members)


def test_a_full_recount_repairs_any_summary(members, course, lessons):
    learner = members[0]
    LessonProgress.objects.bulk_create([LessonProgress(user=learner, lesson=lessons[1])])
    MemberCourseSummary.objects.filter(user=members[1]).delete()
    MemberSummary.objects.filter(user=learner).update(completion=0.9)
    summaries.refresh()
    assert kept(members) == shown(members)


@pytest.mark.django_db(transaction=True)
def test_with_real_commits_the_sort_follows_a_learner_who_finishes_a_lesson(
    migrated_db, client, manager, team, cohort, lessons, learner, volunteer
):
    """No captured callbacks: the requests commit as in production."""
    cohort.participants.add(learner, volunteer)
    LessonProgress.objects.create(user=volunteer, lesson=lessons[0])
    client.force_login(learner)
    client.post(reverse("lesson-done", args=[lessons[0].pk]))
    client.post(reverse("lesson-done", args=[lessons[1].pk]))
    client.force_login(manager)
    rows = client.get(reverse("team-overview"), {"sort": "-completion"}).context["rows"]
    assert [(row.name, row.courses[0].percent) for row in rows] == [("Alice", 50), ("Vera", 25)]
