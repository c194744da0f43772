"""Issuing, finding and revoking certificates; who may see or revoke one."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import Cohort, LessonProgress
from courses.progress import course_progress
from people import roles

from . import meetings
from .models import Accreditation, Certificate, RegisterNumber
from .points import Entry, points_earned


class NotCompleted(Exception):
    """The learner has not done every lesson of the course."""


def is_complete(progress, attendance_met: bool = True) -> bool:
    """A course is completed when it has lessons and none is left to do (courses.progress),
    and the learner meets its attendance requirement, if any (``meetings.attendance_met``)."""
    return progress.total > 0 and progress.next_lesson is None and attendance_met


def is_completed(user, course, progress=None) -> bool:
    progress = progress or course_progress(user, [course])[course.pk]
    return is_complete(progress, meetings.attendance_met(user, course))


def completed_at(user, course):
    """When the last lesson was done (None before any), or the last meeting ended when the
    course asks for attendance and that was later: the moment reported to a register."""
    last = (
        LessonProgress.objects.filter(user=user, lesson__path__startswith=course.path)
        .order_by("-done_at")
        .values_list("done_at", flat=True)
        .first()
    )
    meeting_end = meetings.last_meeting_end(user, course) if course.requires_attendance else None
    return max(last, meeting_end) if last and meeting_end else last


def completed_on(user, course):
    """The day the last lesson was done: the date on the certificate."""
    last = completed_at(user, course)
    return timezone.localdate(last) if last else timezone.localdate()


def entries_of(course) -> list[Entry]:
    return [
        Entry(
            a.register,
            a.display_register,
            a.accreditation_id,
            a.points,
            a.valid_from,
            a.valid_until,
        )
        for a in Accreditation.objects.filter(course=course)
    ]


def numbers_of(user) -> dict[str, str]:
    return dict(RegisterNumber.objects.filter(user=user).values_list("register", "number"))


def certificate_for(user, course) -> Certificate | None:
    return Certificate.objects.filter(user=user, course=course).first()


def earned_now(certificate) -> list[dict]:
    """The points the certificate would carry with the learner's numbers as they are now."""
    entries = entries_of(certificate.course)
    earned = points_earned(entries, numbers_of(certificate.user), certificate.completed_on)
    return [e.as_json() for e in earned]


def is_outdated(certificate) -> bool:
    """A number added (or changed) after the certificate was made: it can be brought up to
    date, for the same completion date and code."""
    return not certificate.revoked and earned_now(certificate) != certificate.points


def issue(user, course) -> Certificate:
    """The learner's certificate for ``course``: made once, on completion. A second call (a
    double click) returns the same one, brought up to date with the learner's numbers;
    a revoked certificate stays revoked."""
    existing = certificate_for(user, course)
    if existing:
        if is_outdated(existing):
            existing.points = earned_now(existing)
            existing.save(update_fields=["points"])
        return existing
    if not is_completed(user, course):
        raise NotCompleted
    day = completed_on(user, course)
    earned = points_earned(entries_of(course), numbers_of(user), day)
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                user=user,
                course=course,
                name=user.profile.display_name or user.get_full_name() or user.email,
                course_title=course.title,
                study_hours=course.study_hours,
                completed_on=day,
                points=[e.as_json() for e in earned],
            )
    except IntegrityError:  # the same request twice at once: the other one made it
        return Certificate.objects.get(user=user, course=course)


def may_revoke(user, certificate) -> bool:
    """Content leads, and trainers of a learning group of the course the learner is in."""
    if roles.is_content_lead(user):
        return True
    if not roles.is_trainer(user):
        return False
    return Cohort.objects.filter(
        course_id=certificate.course_id, trainers=user, participants=certificate.user_id
    ).exists()


def revoke(certificate, by, reason: str) -> None:
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
