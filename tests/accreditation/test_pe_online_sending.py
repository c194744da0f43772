"""Sending attendance to PE-online in the background, against the fake service on 127.0.0.1:
accepted and rejected rows stored per person and course, nothing reported twice, nothing lost
when the service times out, answers garbage or an HTTP error, and the key never shown."""

import contextlib
import datetime
import logging

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accreditation import registers
from accreditation.models import PeOnlineBatch, PeOnlineRow
from accreditation.pe_online_sending import (
    AlreadySending,
    NothingToSend,
    plan,
)
from tests.accreditation.conftest import DUMMY_TASKS, KEY, UNKNOWN


def outcomes():
    return sorted(
        (row.user.profile.display_name, row.register, row.status)
        for row in PeOnlineRow.objects.select_related("user__profile")
    )


def test_rows_are_stored_accepted_and_rejected_per_person_and_course(
    send, fake_pe_online, completed, period, content_lead
):
    [batch] = send(completed, period, content_lead)
    batch.refresh_from_db()
    assert batch.status == PeOnlineBatch.Status.ANSWERED
    assert (batch.accepted_count, batch.rejected_count) == (2, 1)
    assert outcomes() == [
        ("Alice", "registerplein", "accepted"),
        ("Alice", "vvn", "rejected"),
        ("Vera", "registerplein", "accepted"),
    ]
    rejected = PeOnlineRow.objects.get(status="rejected")
    assert rejected.person_id == UNKNOWN and rejected.course_id == "PE-402345"
    assert rejected.error_number == "102"
    assert "niet bekend in het register" in rejected.error_message
    assert len(fake_pe_online.received) == 1
    assert KEY in fake_pe_online.received[0]  # the key goes to PE-online, and only there


def test_a_retry_never_sends_an_accepted_row_again(
    send, fake_pe_online, completed, period, content_lead
):
    send(completed, period, content_lead)
    with pytest.raises(NothingToSend) as nothing:
        send(completed, period, content_lead)
    assert nothing.value.rejected == 1  # rejected and unchanged: waits to be asked for
    assert len(fake_pe_online.received) == 1
    # Asked for, only the rejected row goes again: never the accepted ones.
    send(completed, period, content_lead, include_rejected=True)
    assert len(fake_pe_online.received) == 2
    assert fake_pe_online.received[1].count("<Attendance>") == 1
    assert UNKNOWN in fake_pe_online.received[1]


def test_a_corrected_number_is_sent_by_itself(
    send, fake_pe_online, completed, period, learner, content_lead
):
    send(completed, period, content_lead)
    learner.register_numbers.filter(register=registers.VVN).update(number="19012345601")
    current = plan(completed, *period)
    assert [(row.register, row.person_id) for row in current.to_send] == [("vvn", "19012345601")]
    send(completed, period, content_lead)
    assert outcomes()[1] == ("Alice", "vvn", "accepted")
    assert PeOnlineRow.objects.filter(status="rejected").count() == 1  # the old outcome stays


@override_settings(TASKS=DUMMY_TASKS)
def test_a_batch_on_its_way_is_not_sent_twice(send, completed, period, content_lead):
    [batch] = send(completed, period, content_lead)
    assert batch.status == PeOnlineBatch.Status.QUEUED
    with pytest.raises(AlreadySending):
        send(completed, period, content_lead)
    assert PeOnlineBatch.objects.count() == 1
    assert len(plan(completed, *period).waiting) == 3


@override_settings(TASKS=DUMMY_TASKS)
def test_the_database_refuses_a_second_row_on_its_way(send, completed, period, content_lead):
    from django.db import IntegrityError, transaction

    [batch] = send(completed, period, content_lead)
    row = batch.rows.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        PeOnlineRow.objects.create(
            batch=batch,
            position=9,
            user=row.user,
            accreditation=row.accreditation,
            register=row.register,
            course_id=row.course_id,
            person_id=row.person_id,
            end=row.end,
        )


@pytest.mark.parametrize(
    ("mode", "problem"),
    [
        ("timeout", "timeout"),
        ("garbage", "unreadable"),
        ("not-summary", "unreadable"),
        ("http-500", "http-error"),
        ("echo", "unreadable"),
    ],
)
def test_a_failing_service_loses_nothing(
    send, fake_pe_online, settings, completed, period, content_lead, mode, problem
):
    fake_pe_online.mode = mode
    settings.PE_ONLINE_TIMEOUT = 0.5
    [batch] = send(completed, period, content_lead)
    batch.refresh_from_db()
    assert (batch.status, batch.problem) == ("failed", problem)
    assert set(PeOnlineRow.objects.values_list("status", flat=True)) == {"unsent"}
    # Everything is ready to be sent again, and goes when the service is back.
    assert len(plan(completed, *period).to_send) == 3
    fake_pe_online.mode = "judge"
    send(completed, period, content_lead)
    assert PeOnlineRow.objects.filter(status="accepted").count() == 2


def test_an_unreachable_or_unset_service_loses_nothing(
    send, settings, completed, period, content_lead
):
    settings.PE_ONLINE_ENDPOINT = "http://127.0.0.1:9/ProcessXML"  # nothing listens there
    [batch] = send(completed, period, content_lead)
    batch.refresh_from_db()
    assert (batch.status, batch.problem) == ("failed", "unreachable")
    settings.PE_ONLINE_ENDPOINT = ""
    [batch] = send(completed, period, content_lead)
    batch.refresh_from_db()
    assert (batch.status, batch.problem) == ("failed", "not-configured")
    assert len(plan(completed, *period).to_send) == 3


def test_an_asmx_wrapped_answer_is_understood(
    send, fake_pe_online, completed, period, content_lead
):
    fake_pe_online.mode = "wrapped"
    [batch] = send(completed, period, content_lead)
    batch.refresh_from_db()
    assert (batch.accepted_count, batch.rejected_count) == (2, 1)


def test_the_key_is_never_logged(
    send, fake_pe_online, completed, period, content_lead, caplog, settings
):
    caplog.set_level(logging.DEBUG)
    settings.PE_ONLINE_TIMEOUT = 0.5
    for mode in ("judge", "echo", "timeout", "http-500"):
        fake_pe_online.mode = mode
        with contextlib.suppress(NothingToSend):
            send(completed, period, content_lead, include_rejected=True)
    assert caplog.records  # the sending was logged (urllib3, tasks), without the key
    assert KEY not in caplog.text
    stored = list(PeOnlineBatch.objects.values_list("problem_detail", "messages"))
    stored += list(PeOnlineRow.objects.values_list("error_message", "person_id"))
    assert KEY not in repr(stored)


def test_production_sends_through_the_database_and_db_worker(
    send, fake_pe_online, completed, period, content_lead, settings, monkeypatch
):
    """The database backend stores the task; `manage.py db_worker` (here: one batch run)
    sends it. Nothing is sent before the worker runs."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker's housekeeping closes connections in a transaction: the test's own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    [batch] = send(completed, period, content_lead)
    assert DBTaskResult.objects.count() == 1
    assert fake_pe_online.received == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    batch.refresh_from_db()
    assert batch.status == PeOnlineBatch.Status.ANSWERED
    assert len(fake_pe_online.received) == 1


def test_a_stuck_batch_is_released(send, completed, period, content_lead, settings):
    settings.TASKS = DUMMY_TASKS
    [batch] = send(completed, period, content_lead)
    PeOnlineBatch.objects.filter(pk=batch.pk).update(
        status="sending", started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert len(plan(completed, *period).to_send) == 3
    batch.refresh_from_db()
    assert (batch.status, batch.problem) == ("failed", "stuck")


def test_what_was_reported_is_in_the_avg_export_and_erased_with_the_account(
    send, client, fake_pe_online, completed, period, learner, content_lead
):
    import json

    from django.urls import reverse

    from privacy.personal_data import anonymise_account

    send(completed, period, content_lead)
    client.force_login(learner)
    data = json.loads(client.get(reverse("my-data-export")).content)
    reports = sorted((r["register"], r["number"], r["status"]) for r in data["pe_online_reports"])
    assert reports == [
        ("Registerplein", "123456", "accepted"),
        ("V&VN Kwaliteitsregister", UNKNOWN, "rejected"),
    ]
    anonymise_account(learner)
    assert not PeOnlineRow.objects.filter(user=learner).exists()
    anonymise_account(content_lead)
    assert PeOnlineBatch.objects.get().created_by is None


@override_settings(TASKS=DUMMY_TASKS)
def test_a_batch_is_sent_once_even_when_its_task_runs_twice(
    send, fake_pe_online, completed, period, content_lead
):
    from accreditation.pe_online_sending import send_batch

    [batch] = send(completed, period, content_lead)
    assert fake_pe_online.received == []  # queued, not sent: no worker ran yet
    assert send_batch(batch.pk) == "answered"
    assert send_batch(batch.pk) == "skipped"
    assert len(fake_pe_online.received) == 1
