"""Meetings of a learning group: planning, taking attendance on a phone, presence in a live
session, and completion when the course asks for attendance."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation import certificates, meetings
from accreditation.models import Meeting, MeetingAttendance
from live import running
from live.models import LiveParticipant
from people.models import Role
from tests.accreditation.conftest import finish
from tests.builders import publish, scenario_document


def plan(group, *, days_ago=0, hours=2, start_hour=10):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(start_hour)))
    return Meeting.objects.create(cohort=group, starts_at=starts, duration=hours * 60)


def tap(client, meeting, person, present, **extra):
    url = reverse("meeting-attendance", args=[meeting.pk])
    return client.post(url, {"person": person.pk, "present": "1" if present else "0"}, **extra)


def test_the_trainer_plans_a_meeting_and_sees_it_listed(client, trainer, group):
    client.force_login(trainer)
    url = reverse("cohort-meetings", args=[group.pk])
    response = client.post(
        url,
        {"title": "Bijeenkomst 1", "day": "2026-12-10", "start": "19:30", "duration": "150"},
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(cohort=group)
    local = timezone.localtime(meeting.starts_at)
    assert (local.date(), local.hour, local.minute) == (datetime.date(2026, 12, 10), 19, 30)
    assert timezone.localtime(meeting.ends_at).strftime("%H:%M") == "22:00"
    body = client.get(url).content.decode()
    assert "Bijeenkomst 1" in body and "19:30–22:00" in body


def test_a_wrong_duration_is_explained_in_dutch_and_keeps_what_was_typed(client, trainer, group):
    client.force_login(trainer)
    response = client.post(
        reverse("cohort-meetings", args=[group.pk]),
        {"title": "Terugkomdag", "day": "2026-12-10", "start": "19:30", "duration": "5"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Een bijeenkomst duurt minstens 15 minuten." in body
    assert 'value="Terugkomdag"' in body
    assert not Meeting.objects.exists()


def test_a_tap_marks_present_and_a_double_tap_changes_nothing(client, trainer, learner, group):
    meeting = plan(group)
    client.force_login(trainer)
    assert tap(client, meeting, learner, True).status_code == 302
    assert tap(client, meeting, learner, True).status_code == 302  # double tap / stale tab
    assert MeetingAttendance.objects.filter(meeting=meeting, user=learner).count() == 1
    body = client.get(reverse("meeting-attendance", args=[meeting.pk])).content.decode()
    assert f'data-person="{learner.pk}" data-present="1"' in body
    tap(client, meeting, learner, False)
    tap(client, meeting, learner, False)
    assert not MeetingAttendance.objects.filter(meeting=meeting).exists()


def test_a_stale_tab_does_not_undo_what_another_tab_marked(
    client, trainer, learner, volunteer, group
):
    """Each tap names the person and the state: marking Vera leaves Alice as she was."""
    meeting = plan(group)
    client.force_login(trainer)
    tap(client, meeting, learner, True)  # the other tab
    tap(client, meeting, volunteer, True)  # this tab still shows Alice unmarked
    assert meetings.presence(group, [meeting])[meeting.pk] == {learner.pk, volunteer.pk}


def test_the_phone_list_answers_json_for_the_script(client, trainer, learner, group):
    meeting = plan(group)
    client.force_login(trainer)
    response = tap(client, meeting, learner, True, HTTP_ACCEPT="application/json")
    assert response.json() == {"person": learner.pk, "present": True}


def test_a_tampered_tap_is_refused_with_a_dutch_message(client, trainer, outsider, group):
    meeting = plan(group)
    client.force_login(trainer)
    response = tap(client, meeting, outsider, True, follow=True)
    assert "Deze persoon zit niet meer in de groep." in response.content.decode()
    url = reverse("meeting-attendance", args=[meeting.pk])
    response = client.post(url, {"person": "x", "present": "ja"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "Die tik kwam niet goed door" in response.json()["error"]
    assert not MeetingAttendance.objects.exists()


def test_attendance_opens_on_the_day_of_the_meeting(client, trainer, learner, group):
    meeting = plan(group, days_ago=-3)
    client.force_login(trainer)
    response = tap(client, meeting, learner, True, follow=True)
    assert "vanaf de dag van de bijeenkomst" in response.content.decode()
    assert not MeetingAttendance.objects.exists()


def test_only_the_groups_trainers_and_content_leads_come_in(
    client, trainer, stranger_trainer, content_lead, learner, group
):
    meeting = plan(group)
    urls = [
        reverse("cohort-meetings", args=[group.pk]),
        reverse("meeting-attendance", args=[meeting.pk]),
        reverse("cohort-attendance-xlsx", args=[group.pk]),
    ]
    for person in (stranger_trainer, learner):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404
        assert tap(client, meeting, learner, True).status_code == 404
        assert client.post(reverse("meeting-delete", args=[meeting.pk])).status_code == 404
    assert not MeetingAttendance.objects.exists() and Meeting.objects.exists()
    for person in (trainer, content_lead):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 200


def test_the_phone_list_takes_a_fixed_number_of_queries(
    client, trainer, group, make_user, organisation, django_assert_max_num_queries
):
    for number in range(12):
        group.participants.add(make_user(f"p{number}@example.nl", organisation=organisation))
    meeting = plan(group)
    client.force_login(trainer)
    client.get(reverse("meeting-attendance", args=[meeting.pk]))
    with django_assert_max_num_queries(16):
        client.get(reverse("meeting-attendance", args=[meeting.pk]))
    with django_assert_max_num_queries(16):
        client.get(reverse("cohort-meetings", args=[group.pk]))


@pytest.fixture
def live_session(library, group, trainer):
    scenario = publish(library, scenario_document())
    return running.start_session(trainer, group, scenario)


def seen_live(session, user, at):
    participant = LiveParticipant.objects.create(session=session, user=user, role=Role.PROFESSIONAL)
    LiveParticipant.objects.filter(pk=participant.pk).update(joined_at=at)


def test_taking_part_in_a_live_session_during_the_meeting_counts_as_present(
    client, trainer, learner, volunteer, group, live_session
):
    meeting = plan(group, days_ago=1)
    seen_live(live_session, learner, meeting.starts_at + datetime.timedelta(minutes=20))
    seen_live(live_session, volunteer, meeting.ends_at + datetime.timedelta(hours=1))
    LiveParticipant.objects.create(session=live_session, first_name="Gast", role=Role.VOLUNTEER)
    assert meetings.presence(group, [meeting])[meeting.pk] == {learner.pk}
    client.force_login(trainer)
    body = client.get(reverse("meeting-attendance", args=[meeting.pk])).content.decode()
    assert "aanwezig (live sessie)" in body


def test_a_live_session_of_another_group_does_not_count(
    library, make_course, trainer, learner, group
):
    from courses.models import Cohort

    other = Cohort.objects.create(name="Elders", course=make_course("Ander"))
    other.participants.add(learner)
    session = running.start_session(trainer, other, publish(library, scenario_document()))
    meeting = plan(group)
    seen_live(session, learner, meeting.starts_at + datetime.timedelta(minutes=5))
    assert meetings.presence(group, [meeting])[meeting.pk] == set()


def test_completion_waits_for_every_meeting_when_the_course_asks_for_it(
    client, trainer, learner, group
):
    course = group.course
    course.requires_attendance = True
    course.save()
    first, second = plan(group, days_ago=2), plan(group, days_ago=1, start_hour=13)
    finish(learner, course)
    assert not certificates.is_completed(learner, course)
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert 'data-certificate="meetings"' in page
    refused = client.post(reverse("certificate-claim", args=[course.pk]), follow=True)
    assert "bij elke bijeenkomst van je leergroep aanwezig was" in refused.content.decode()

    client.force_login(trainer)
    tap(client, first, learner, True)
    assert not certificates.is_completed(learner, course)
    tap(client, second, learner, True)
    assert certificates.is_completed(learner, course)
    # The lessons were done today, after both meetings: the completion is today's.
    assert certificates.completed_on(learner, course) == timezone.localdate()


def test_a_course_without_the_requirement_ignores_meetings(learner, group):
    plan(group, days_ago=1)
    finish(learner, group.course)
    assert certificates.is_completed(learner, group.course)


def test_the_last_meeting_sets_the_completion_moment_when_it_came_later(trainer, learner, group):
    course = group.course
    course.requires_attendance = True
    course.save()
    finish(learner, course)
    meeting = Meeting.objects.create(
        cohort=group, starts_at=timezone.now() + datetime.timedelta(minutes=1), duration=60
    )
    meetings.mark(meeting, learner.pk, True, trainer)
    assert certificates.completed_at(learner, course) == meeting.ends_at
