"""Who was present at a learning group's meetings, and whether that meets the course.

One rule, in ``presence``: a participant was present at a meeting when its trainer marked
them present, or when they took part, logged in, in a live session of the group while the
meeting ran. Live sessions sit beside accreditation (neither imports the other), so the
moments come through the courses hook ``LIVE_PRESENCE`` that the live app answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction
from wagtail import hooks

from courses import hooks as course_hooks
from courses.models import Cohort

from .models import Meeting, MeetingAttendance


def live_moments(cohort, since, until) -> list[tuple[int, object]]:
    """(user id, moment) for every time a logged-in member was seen in a live session of the
    group between ``since`` and ``until``, from every app that answers the hook."""
    return [
        moment
        for answer in hooks.get_hooks(course_hooks.LIVE_PRESENCE)
        for moment in answer(cohort, since, until)
    ]


def presence(cohort, meetings: Sequence[Meeting]) -> dict[int, set[int]]:
    """For each meeting of ``cohort`` (by pk): the ids of the participants present.

    Two queries and one hook call for the whole group, however many meetings.
    """
    present: dict[int, set[int]] = {meeting.pk: set() for meeting in meetings}
    if not meetings:
        return present
    marked = MeetingAttendance.objects.filter(meeting__in=meetings)
    for meeting_id, user_id in marked.values_list("meeting_id", "user_id"):
        present[meeting_id].add(user_id)
    participants = set(cohort.participants.values_list("pk", flat=True))
    since = min(meeting.starts_at for meeting in meetings)
    until = max(meeting.ends_at for meeting in meetings)
    for user_id, moment in live_moments(cohort, since, until):
        if user_id not in participants:
            continue
        for meeting in meetings:
            if meeting.starts_at <= moment <= meeting.ends_at:
                present[meeting.pk].add(user_id)
    return present


def meetings_of(cohort) -> list[Meeting]:
    return list(Meeting.objects.filter(cohort=cohort).select_related("accreditation"))


def attended(cohort) -> tuple[list[Meeting], dict[int, set[int]]]:
    """The group's meetings and, per meeting, who was present."""
    meetings = meetings_of(cohort)
    return meetings, presence(cohort, meetings)


def met_in(meetings: Sequence[Meeting], present: dict[int, set[int]], user_id: int) -> bool:
    """Present at every meeting of the group, and the group has at least one."""
    return bool(meetings) and all(user_id in present[meeting.pk] for meeting in meetings)


def attendance_met(user, course) -> bool:
    """Does ``user`` meet the course's attendance requirement? Always, when it has none;
    otherwise they were present at every meeting of one of their groups of the course."""
    if not course.requires_attendance:
        return True
    for cohort in Cohort.objects.filter(course=course, participants=user):
        meetings, present = attended(cohort)
        if met_in(meetings, present, user.pk):
            return True
    return False


def last_meeting_end(user, course):
    """When the last meeting they were present at ended (None if none): with the course's
    attendance requirement, completion is not before it."""
    ends = []
    for cohort in Cohort.objects.filter(course=course, participants=user):
        meetings, present = attended(cohort)
        ends += [m.ends_at for m in meetings if user.pk in present[m.pk]]
    return max(ends, default=None)


def mark(meeting: Meeting, person_id: int, present: bool, by) -> bool:
    """Mark a participant present or not. Says the state the tap asked for, so a double tap
    or a tap from a stale tab sets the same state again and changes nothing else.
    Returns whether anything changed."""
    if not present:
        deleted, _rows = MeetingAttendance.objects.filter(
            meeting=meeting, user_id=person_id
        ).delete()
        return bool(deleted)
    try:
        with transaction.atomic():
            _row, made = MeetingAttendance.objects.get_or_create(
                meeting=meeting, user_id=person_id, defaults={"marked_by": by}
            )
    except IntegrityError:  # the same tap twice at once: the other one made the row
        return False
    return made


def counts_by_person(meetings: Iterable[Meeting], present: dict[int, set[int]]) -> dict[int, int]:
    """How many of the meetings each participant was present at."""
    counts: dict[int, int] = {}
    for meeting in meetings:
        for user_id in present[meeting.pk]:
            counts[user_id] = counts.get(user_id, 0) + 1
    return counts
