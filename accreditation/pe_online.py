"""PE-online attendance files: a period's completions, in batches of at most 100 rows.

The shape follows PE-online's documented example (``schemas/entry-example.xml``): ``Entry``,
its ``Settings``, then one ``Attendance`` per person and course with the course ID, the
person's register number as ``externalPersonID`` and the moment of completion as ``endDate``
(ISO 8601 with offset). A numeric accreditation ID is a ``PECourseID``, anything else an
``externalCourseID``: the service takes either, never both.

The credentials come from the environment (``PE_ONLINE_USER_ID``, ``PE_ONLINE_USER_KEY``,
``PE_ONLINE_ORG_ID``, ``PE_ONLINE_EMAIL``) and are never logged or printed.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import LessonProgress

from . import registers
from .certificates import completed_at, is_completed
from .models import Accreditation, Certificate, RegisterNumber

BATCH_SIZE = 100  # PE-online takes at most 100 Attendance elements per call
# SKJ keeps points in its own portal (Mijn SKJ); the others are on PE-online.
PE_ONLINE_REGISTERS = (registers.REGISTERPLEIN, registers.VVN, registers.NIP, registers.OTHER)


@dataclass(frozen=True)
class Row:
    course_id: str
    person_id: str
    end: datetime
    # Who and which accreditation, for storing the outcome (pe_online_sending); not sent.
    name: str = ""
    register: str = ""
    user_id: int | None = None
    accreditation_pk: int | None = None

    @property
    def is_pe_course(self) -> bool:
        return self.course_id.isdigit()


@dataclass(frozen=True)
class Skipped:
    name: str
    register: str
    reason: str  # "no-number", "invalid-number", "outside-period", "not-complete", "revoked"


@dataclass(frozen=True)
class Settings:
    user_id: str = ""
    user_key: str = ""
    org_id: str = ""
    email: str = ""

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(
            os.environ.get("PE_ONLINE_USER_ID", ""),
            os.environ.get("PE_ONLINE_USER_KEY", ""),
            os.environ.get("PE_ONLINE_ORG_ID", ""),
            os.environ.get("PE_ONLINE_EMAIL", ""),
        )

    def __repr__(self):  # never show the key, in a traceback either
        return f"Settings(user_id={self.user_id!r}, org_id={self.org_id!r}, user_key=…)"


def completions(course, since: date, until: date | None = None) -> tuple[list[Row], list[Skipped]]:
    """Rows for everyone who completed ``course`` from ``since`` up to and including
    ``until``, per accreditation on PE-online that was valid that day; and who was left out,
    and why (a learner who started but has not completed is listed once, without register)."""
    accreditations = list(
        Accreditation.objects.filter(course=course, register__in=PE_ONLINE_REGISTERS)
    )
    revoked = set(
        Certificate.objects.filter(course=course, revoked_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    learners = (
        LessonProgress.objects.filter(lesson__path__startswith=course.path)
        .values_list("user", flat=True)
        .distinct()
    )
    rows, skipped = [], []
    # Deleted accounts (made inactive, numbers erased) are not reported, nor listed as left out.
    people = get_user_model().objects.filter(pk__in=learners, is_active=True)
    people = people.select_related("profile")
    numbers: dict[int, dict[str, str]] = {}
    for number in RegisterNumber.objects.filter(user__in=people):
        numbers.setdefault(number.user_id, {})[number.register] = number.number
    for person in people.order_by("pk"):
        name = person.profile.display_name
        if not is_completed(person, course):
            skipped.append(Skipped(name, "", "not-complete"))
            continue
        end = timezone.localtime(completed_at(person, course))
        if end.date() < since or (until is not None and end.date() > until):
            continue
        if person.pk in revoked:
            skipped.append(Skipped(name, "", "revoked"))
            continue
        for accreditation in accreditations:
            number = numbers.get(person.pk, {}).get(accreditation.register)
            register = accreditation.display_register
            if not number:
                skipped.append(Skipped(name, register, "no-number"))
            elif not registers.check_number(accreditation.register, number).ok:
                skipped.append(Skipped(name, register, "invalid-number"))
            elif not accreditation.is_valid_on(end.date()):
                skipped.append(Skipped(name, register, "outside-period"))
            else:
                rows.append(
                    Row(
                        accreditation.accreditation_id,
                        number,
                        end,
                        name=name,
                        register=accreditation.register,
                        user_id=person.pk,
                        accreditation_pk=accreditation.pk,
                    )
                )
    return rows, skipped


def batches(rows: Iterable[Row], size: int = BATCH_SIZE) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def entry_xml(rows: list[Row], settings: Settings) -> bytes:
    """One ``Entry`` document for at most 100 rows."""
    if not 0 < len(rows) <= BATCH_SIZE:
        raise ValueError(f"a batch holds 1 to {BATCH_SIZE} rows, not {len(rows)}")
    entry = ET.Element("Entry")
    head = ET.SubElement(entry, "Settings")
    for tag, value in [
        ("userID", settings.user_id),
        ("userRole", "EDU"),
        ("userKey", settings.user_key),
        ("orgID", settings.org_id),
        ("settingOutput", "1"),
        ("emailOutput", settings.email),
        ("languageID", "1"),
        ("defaultLanguageID", "1"),
    ]:
        ET.SubElement(head, tag).text = value
    for row in rows:
        attendance = ET.SubElement(entry, "Attendance")
        course_tag = "PECourseID" if row.is_pe_course else "externalCourseID"
        ET.SubElement(attendance, course_tag).text = row.course_id
        ET.SubElement(attendance, "externalPersonID").text = row.person_id
        ET.SubElement(attendance, "endDate").text = row.end.isoformat(timespec="seconds")
    ET.indent(entry, space="    ")
    return ET.tostring(entry, encoding="utf-8", xml_declaration=True)
