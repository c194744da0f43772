"""Write a period's PE-online attendance files without sending them (cron, or upload by hand).

python manage.py pe_online_export COURSE_SLUG --since YYYY-MM-DD --out DIR
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage

from ...pe_online import Settings, batches, completions, entry_xml

REASONS = {
    "no-number": "geen registratienummer",
    "invalid-number": "ongeldig registratienummer",
    "outside-period": "afgerond buiten de accreditatieperiode",
    "not-complete": "nog niet afgerond",
    "revoked": "certificaat ingetrokken",
}


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--since verwacht een datum als 2026-01-31, niet {text!r}.") from error


class Command(BaseCommand):
    help = "Schrijf de PE-online-bestanden van een periode (per 100 regels), zonder te versturen."

    def add_arguments(self, parser):
        parser.add_argument("course_slug")
        parser.add_argument("--since", required=True, type=_date)
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, course_slug, since, out, **options):
        course = CoursePage.objects.filter(slug=course_slug).first()
        if course is None:
            raise CommandError(f"Er is geen cursus met de slug {course_slug!r}.")
        rows, skipped = completions(course, since)
        out.mkdir(parents=True, exist_ok=True)
        settings = Settings.from_environment()
        written = []
        for number, batch in enumerate(batches(rows), start=1):
            path = out / f"pe-online-{course.slug}-{since.isoformat()}-{number:03d}.xml"
            path.write_bytes(entry_xml(batch, settings))
            written.append(path)
        self.stdout.write(
            f"{len(rows)} regels in {len(written)} bestand(en) voor {course.title}, "
            f"afgerond vanaf {since.isoformat()}."
        )
        for path in written:
            self.stdout.write(f"  {path}")
        for item in skipped:
            register = f" voor {item.register}" if item.register else ""
            reason = REASONS[item.reason]
            line = f"Niet opgenomen: {item.name}{register}: {reason}."
            self.stdout.write(self.style.WARNING(line))
        if not settings.user_key:
            self.stdout.write(
                self.style.WARNING(
                    "PE_ONLINE_USER_KEY is niet gezet: de bestanden hebben een lege userKey."
                )
            )
