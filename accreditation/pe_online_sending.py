"""Sending a course's attendance to PE-online, in the background, and keeping the outcome.

1. ``plan`` says what a period of a course would send, who is left out and why, and what was
   accepted before or is on its way (``PeOnlineRow``).
2. ``start_sending`` stores the rows still to send in batches of at most 100 and hands each
   batch to the background task (``accreditation.tasks``). A person and accreditation that is
   accepted or on its way is never put in a batch again; the database holds to that too
   (``pe_online_one_row_on_its_way_or_accepted``), so two clicks at once send once.
3. ``send_batch`` (the task) posts one batch and stores PE-online's verdict per row. When the
   service cannot be reached, times out, answers with an HTTP error or with something that is
   not a PE-online summary, the batch is marked not sent and its rows are free to be sent
   again: nothing is lost. PE-online itself ignores a row it already has, so sending a batch
   whose answer got lost is safe.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import PeOnlineBatch, PeOnlineRow
from .pe_online import Row, Settings, Skipped, batches, completions, entry_xml
from .pe_online_answer import Sent, UnreadableAnswer, read_answer
from .pe_online_client import ServiceProblem, post_batch, redact

ON_ITS_WAY = (PeOnlineRow.Status.WAITING, PeOnlineRow.Status.ACCEPTED)
# A batch that has been "being sent" this much longer than the service may take to answer
# was lost with its worker (a restart): it is marked not sent, its rows free again.
STUCK_AFTER = datetime.timedelta(minutes=5)


class NothingToSend(Exception):
    """Every row of the period is accepted already, or nobody is reported; ``rejected`` rows
    rejected before and unchanged wait to be asked for."""

    def __init__(self, rejected: int = 0):
        super().__init__(rejected)
        self.rejected = rejected


class AlreadySending(Exception):
    """The rows are on their way already (a double click, a second tab, a colleague)."""


@dataclass
class Plan:
    course: object
    since: datetime.date
    until: datetime.date
    to_send: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    accepted: list[Row] = field(default_factory=list)  # accepted before: never sent again
    waiting: list[Row] = field(default_factory=list)  # in a batch that is on its way
    # Rejected before and unchanged since (same number, same course ID): PE-online would
    # reject them again, so they go only when asked for (the cause may be fixed there).
    rejected: list[tuple[Row, PeOnlineRow]] = field(default_factory=list)


def release_stuck_batches() -> int:
    """Mark batches lost while being sent as not sent (see ``STUCK_AFTER``)."""
    limit = timezone.now() - STUCK_AFTER - datetime.timedelta(seconds=settings.PE_ONLINE_TIMEOUT)
    stuck = list(
        PeOnlineBatch.objects.filter(
            status=PeOnlineBatch.Status.SENDING, started_at__lt=limit
        ).values_list("pk", flat=True)
    )
    for pk in stuck:
        _fail(pk, "stuck")
    return len(stuck)


def plan(course, since: datetime.date, until: datetime.date, include_rejected=False) -> Plan:
    """What the period would send; rows rejected before and unchanged since are sent only
    with ``include_rejected``."""
    release_stuck_batches()
    rows, skipped = completions(course, since, until)
    known = {
        (user, accreditation): status
        for user, accreditation, status in PeOnlineRow.objects.filter(
            accreditation__course=course, status__in=ON_ITS_WAY
        ).values_list("user_id", "accreditation_id", "status")
    }
    last_rejected = {
        (outcome.user_id, outcome.accreditation_id): outcome
        for outcome in PeOnlineRow.objects.filter(
            accreditation__course=course, status=PeOnlineRow.Status.REJECTED
        ).order_by("pk")
    }
    result = Plan(course, since, until, skipped=skipped)
    for row in rows:
        key = (row.user_id, row.accreditation_pk)
        status = known.get(key)
        rejected = last_rejected.get(key)
        if status == PeOnlineRow.Status.ACCEPTED:
            result.accepted.append(row)
        elif status == PeOnlineRow.Status.WAITING:
            result.waiting.append(row)
        elif (
            rejected is not None
            and (rejected.course_id, rejected.person_id) == (row.course_id, row.person_id)
            and not include_rejected
        ):
            result.rejected.append((row, rejected))
        else:
            result.to_send.append(row)
    return result


def latest_batch_id(course) -> int:
    """The newest batch of the course (0 for none): a form remembers it, so a second click
    or an old tab sees that something was sent after the list it shows."""
    return (
        PeOnlineBatch.objects.filter(course=course).order_by("-pk").values_list("pk", flat=True)
    ).first() or 0


def start_sending(course, since, until, by, include_rejected=False) -> list[PeOnlineBatch]:
    """Store the period's rows still to send in batches and queue each for sending."""
    current = plan(course, since, until, include_rejected)
    if not current.to_send:
        if current.waiting:
            raise AlreadySending
        raise NothingToSend(len(current.rejected))
    made = []
    try:
        with transaction.atomic():
            for rows in batches(current.to_send):
                batch = PeOnlineBatch.objects.create(
                    course=course, since=since, until=until, created_by=by
                )
                PeOnlineRow.objects.bulk_create(
                    PeOnlineRow(
                        batch=batch,
                        position=position,
                        user_id=row.user_id,
                        accreditation_id=row.accreditation_pk,
                        register=row.register,
                        course_id=row.course_id,
                        person_id=row.person_id,
                        end=row.end,
                    )
                    for position, row in enumerate(rows)
                )
                made.append(batch)
    except IntegrityError as error:  # the same rows stored by another request just now
        raise AlreadySending from error
    from .tasks import send_pe_online_batch

    for batch in made:
        transaction.on_commit(lambda pk=batch.pk: send_pe_online_batch.enqueue(pk))
    return made


def send_batch(batch_id: int) -> str:
    """Post one batch and store the verdict; return the batch's status. A batch that is not
    waiting (sent already, or being sent by another worker) is left alone."""
    claimed = PeOnlineBatch.objects.filter(pk=batch_id, status=PeOnlineBatch.Status.QUEUED).update(
        status=PeOnlineBatch.Status.SENDING, started_at=timezone.now()
    )
    if not claimed:
        return "skipped"
    rows = list(PeOnlineRow.objects.filter(batch_id=batch_id).order_by("position"))
    credentials = Settings.from_environment()
    try:
        body = entry_xml(
            [Row(r.course_id, r.person_id, timezone.localtime(r.end)) for r in rows], credentials
        )
        answer_body = post_batch(settings.PE_ONLINE_ENDPOINT, body, settings.PE_ONLINE_TIMEOUT)
        answer = read_answer(answer_body, [Sent(r.course_id, r.person_id) for r in rows])
    except ServiceProblem as problem:
        return _fail(batch_id, problem.code, redact(problem.detail, credentials.user_key))
    except UnreadableAnswer as problem:
        return _fail(batch_id, "unreadable", str(problem))
    except Exception:
        _fail(batch_id, "error")
        raise
    _store(batch_id, rows, answer, credentials.user_key)
    return PeOnlineBatch.Status.ANSWERED


@transaction.atomic
def _store(batch_id, rows, answer, secret) -> None:
    accepted = [rows[index].pk for index in answer.accepted]
    PeOnlineRow.objects.filter(pk__in=accepted).update(status=PeOnlineRow.Status.ACCEPTED)
    for index, rejection in answer.rejected.items():
        row = rows[index]
        row.status = PeOnlineRow.Status.REJECTED
        row.error_number = rejection.error_number if rejection else ""
        row.error_message = redact(rejection.message, secret) if rejection else ""
        row.save(update_fields=["status", "error_number", "error_message"])
    PeOnlineBatch.objects.filter(pk=batch_id).update(
        status=PeOnlineBatch.Status.ANSWERED,
        answered_at=timezone.now(),
        accepted_count=len(answer.accepted),
        rejected_count=len(answer.rejected),
        messages=[
            {"number": e.error_number, "message": redact(e.message, secret)}
            for e in answer.unplaced
        ],
    )


@transaction.atomic
def _fail(batch_id, code: str, detail: str = "") -> str:
    """Not sent, or not answered: the rows are free to be sent again."""
    PeOnlineRow.objects.filter(batch_id=batch_id, status=PeOnlineRow.Status.WAITING).update(
        status=PeOnlineRow.Status.UNSENT
    )
    PeOnlineBatch.objects.filter(pk=batch_id).update(
        status=PeOnlineBatch.Status.FAILED,
        answered_at=timezone.now(),
        problem=code,
        problem_detail=detail[:200],
    )
    return PeOnlineBatch.Status.FAILED
