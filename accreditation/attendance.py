"""The attendance list of a course run (learning group), with register numbers, the meetings
each participant was present at and the completion date: the fallback for registers without
PE-online (NIP, SKJ) and providers without a contract. One table, as CSV or XLSX."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from courses.progress import course_progress
from people.names import display_name
from people.workbooks import About, Sheet, export_filename

from . import registers
from .certificates import completed_on, is_complete
from .meetings import attended, met_in
from .models import RegisterNumber


def meeting_label(meeting) -> str:
    start = timezone.localtime(meeting.starts_at)
    return f"{start:%d-%m-%Y %H:%M}"  # as Dutch Excel writes a date, in any language


def attendance_sheet(cohort) -> Sheet:
    """One row per participant: name, course, group, completed on, the meetings present at
    (a column per meeting, and how many), a number per register."""
    course = cohort.course
    people = list(cohort.participants.select_related("profile").order_by("profile__display_name"))
    numbers: dict[int, dict[str, str]] = {}
    for number in RegisterNumber.objects.filter(user__in=people):
        numbers.setdefault(number.user_id, {})[number.register] = number.number
    meetings, present = attended(cohort)
    header = [_("Name"), _("Course"), _("Learning group"), _("Completed on")]
    header += [name for _code, name in registers.REGISTERS]
    if meetings:
        header += [_("Meetings present")] + [meeting_label(m) for m in meetings]
    rows = []
    for person in people:
        attendance_ok = not course.requires_attendance or met_in(meetings, present, person.pk)
        done = is_complete(course_progress(person, [course])[course.pk], attendance_ok)
        mine = numbers.get(person.pk, {})
        row = [
            person.profile.display_name,
            course.title,
            cohort.name,
            completed_on(person, course) if done else "",
        ]
        row += [mine.get(code, "") for code, _name in registers.REGISTERS]
        if meetings:
            here = [person.pk in present[m.pk] for m in meetings]
            row += [f"{sum(here)}/{len(meetings)}"]
            row += [_("present") if was else "" for was in here]
        rows.append(row)
    return Sheet(_("Attendance list"), header, rows)


def attendance_filename(cohort) -> str:
    return export_filename(_("attendance list"), cohort.name)


def attendance_about(cohort, user) -> About:
    course = cohort.course
    requirement = (
        _("Every lesson done, and present at every meeting of the group.")
        if course.requires_attendance
        else _("Every lesson done.")
    )
    return About(
        title=_("Attendance list"),
        lines=[
            (_("Course"), course.title),
            (_("Learning group"), cohort.name),
            (_("Completed"), requirement),
            (
                _("Present"),
                _(
                    "Marked present by the trainer, or taking part (logged in) in a live "
                    "session of the group while the meeting ran."
                ),
            ),
            (_("Registration numbers"), _("As the participants gave them on their profile.")),
            (_("Made on"), timezone.localtime().replace(microsecond=0, tzinfo=None)),
            (_("Made by"), display_name(user)),
        ],
    )
