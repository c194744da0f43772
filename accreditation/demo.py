"""The demo course's accreditation, and Jeroen's register number (safe to run again).

The demo loader calls ``load_accreditation_demo(course)`` after building the course.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import registers
from .models import Accreditation, RegisterNumber

JEROEN = "jeroen@demo.kantelwerk.nl"
# Made-up numbers of the right shape: the demo never reports to a real register.
DEMO_ACCREDITATIONS = [
    (registers.REGISTERPLEIN, "PE-DEMO-301"),
    (registers.VVN, "PE-DEMO-402"),
]
JEROEN_NUMBERS = [(registers.VVN, "19012345601")]  # a BIG-shaped V&VN number, 11 digits


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
    jeroen = get_user_model().objects.filter(email=JEROEN).first()
    if jeroen is not None:
        for register, number in JEROEN_NUMBERS:
            RegisterNumber.objects.get_or_create(
                user=jeroen, register=register, defaults={"number": number}
            )
    return made
