"""The attendance list of a course run (learning group), with register numbers: the fallback
for registers without PE-online (NIP, SKJ) and providers without a contract."""

from __future__ import annotations

import csv
import io

from courses.progress import course_progress
from people.spreadsheets import defuse_csv

from . import registers
from .certificates import completed_on, is_complete
from .models import RegisterNumber


def attendance_rows(cohort) -> tuple[list[str], list[list[str]]]:
    """One row per participant: name, course, group, completed on, a number per register."""
    course = cohort.course
    people = list(cohort.participants.select_related("profile").order_by("profile__display_name"))
    numbers: dict[int, dict[str, str]] = {}
    for number in RegisterNumber.objects.filter(user__in=people):
        numbers.setdefault(number.user_id, {})[number.register] = number.number
    header = ["Naam", "Cursus", "Leergroep", "Afgerond op"] + [n for _c, n in registers.REGISTERS]
    rows = []
    for person in people:
        done = is_complete(course_progress(person, [course])[course.pk])
        day = completed_on(person, course).isoformat() if done else ""
        mine = numbers.get(person.pk, {})
        rows.append(
            [person.profile.display_name, course.title, cohort.name, day]
            + [mine.get(code, "") for code, _name in registers.REGISTERS]
        )
    return header, rows


def attendance_csv(cohort) -> str:
    """Semicolons and a byte-order mark: Dutch Excel opens it as UTF-8 in columns."""
    header, rows = attendance_rows(cohort)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    for row in [header, *rows]:
        writer.writerow([defuse_csv(str(cell)) for cell in row])
    return out.getvalue()
