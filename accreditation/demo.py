"""The demo course's accreditation, Jeroen's and Linda's register numbers and the Hatert
group's meetings (safe to run again).

The demo loader calls ``load_accreditation_demo(course)`` after building the course, and
``load_meetings_demo(cohort, trainer)`` for the Hatert group and its trainer Karin.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import registers
from .models import Accreditation, Meeting, MeetingAttendance, RegisterNumber

JEROEN = "jeroen@demo.kantelwerk.nl"
# Made-up numbers of the right shape: the demo never reports to a real register.
DEMO_ACCREDITATIONS = [
    (registers.REGISTERPLEIN, "PE-DEMO-301"),
    (registers.VVN, "PE-DEMO-402"),
]
JEROEN_NUMBERS = [(registers.VVN, "19012345601")]  # a BIG-shaped V&VN number, 11 digits
# Linda completed the course: a content lead reports her to the fake PE-online, which accepts
# her Registerplein number and rejects her V&VN number as unknown (fake_pe_online.UNKNOWN_PERSONS).
LINDA = "linda@demo.kantelwerk.nl"
LINDA_NUMBERS = [(registers.REGISTERPLEIN, "48213907"), (registers.VVN, "19087654321")]


@transaction.atomic
def load_accreditation_demo(course) -> list[Accreditation]:
    """Registerplein and V&VN accreditation of ``course`` (one point per study hour, as
    Registerplein counts), valid this year and next; a V&VN number for Jeroen."""
    year = timezone.localdate().year
    made = []
    for register, accreditation_id in DEMO_ACCREDITATIONS:
        accreditation, _ = Accreditation.objects.get_or_create(
            course=course,
            register=register,
            defaults={
                "accreditation_id": accreditation_id,
                "points": course.study_hours,
                "study_hours": course.study_hours,
                "valid_from": datetime.date(year, 1, 1),
                "valid_until": datetime.date(year + 1, 12, 31),
            },
        )
        made.append(accreditation)
    for email, numbers in ((JEROEN, JEROEN_NUMBERS), (LINDA, LINDA_NUMBERS)):
        person = get_user_model().objects.filter(email=email).first()
        if person is None:
            continue
        for register, number in numbers:
            RegisterNumber.objects.get_or_create(
                user=person, register=register, defaults={"number": number}
            )
    return made


DEMO_MEETINGS = [
    # (title, days from today, start time, minutes, place)
    ("Bijeenkomst 1: het keukentafelgesprek", -14, datetime.time(9, 30), 150, "Wijkcentrum Hatert"),
    ("Bijeenkomst 2: terugkomdag", 14, datetime.time(13, 30), 120, "Wijkcentrum Hatert"),
]


@transaction.atomic
def load_meetings_demo(cohort, trainer) -> list[Meeting]:
    """Two meetings of ``cohort``: one two weeks ago with the attendance ``trainer`` took
    (everyone but the last participant was there), and one two weeks ahead."""
    made = []
    today = timezone.localdate()
    for title, days, start, minutes, place in DEMO_MEETINGS:
        day = today + datetime.timedelta(days=days)
        meeting, created = Meeting.objects.get_or_create(
            cohort=cohort,
            title=title,
            defaults={
                "starts_at": timezone.make_aware(datetime.datetime.combine(day, start)),
                "duration": minutes,
                "place": place,
            },
        )
        if created and days < 0:
            people = list(cohort.participants.order_by("profile__display_name"))
            for person in people[:-1]:
                MeetingAttendance.objects.create(meeting=meeting, user=person, marked_by=trainer)
        made.append(meeting)
    return made
