"""CSV and XLSX downloads of dashboard tables, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Sequence

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from people.spreadsheets import defuse_csv
from people.workbooks import Month, Sheet, attachment, plain

# Dutch Excel opens a CSV file in columns only when its cells are split by ";".
CSV_SEPARATOR = ";"


def export_filename(*parts: object, day: datetime.date | None = None) -> str:
    """A file name that says what is in it and when: ``team-wijkteam-noord-groei-2026-12-01``."""
    day = day or timezone.localdate()
    return slugify(" ".join(str(part) for part in parts if part)) + "-" + day.isoformat()


def csv_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """One CSV file; several sheets follow each other, each with its title and header.

    Made for Dutch Excel: ";" between cells and a byte order mark, so it reads UTF-8.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=CSV_SEPARATOR)
    for number, sheet in enumerate(sheets):
        if len(sheets) > 1:
            if number:
                writer.writerow([])
            writer.writerow([defuse_csv(sheet.title)])
        writer.writerow([defuse_csv(str(heading)) for heading in sheet.header])
        for row in sheet.rows:
            writer.writerow([_csv_cell(value) for value in row])
    return attachment(response, f"{filename}.csv")


def _csv_cell(value: object) -> object:
    value = plain(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, Month):
        return value.strftime("%Y-%m")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return defuse_csv(value)
