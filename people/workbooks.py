"""Excel workbooks for downloads: a first sheet that says what the file holds, then one
worksheet per table with a frozen, filtering header, fitting column widths and real numbers
and dates. Text never runs as a formula (``people.spreadsheets``).

CSV files for Dutch Excel (``csv_response``) and file names that say what and when
(``export_filename``) live here too, so every app's downloads look alike.

Knows nothing of any app's figures: dashboards and live sessions describe their tables as
``Sheet`` and ``About`` and get the bytes (or a download response) back.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .spreadsheets import defuse, defuse_csv

# Dutch Excel opens a CSV file in columns only when its cells are split by ";".
CSV_SEPARATOR = ";"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_COLUMN_WIDTH = 60


class Month(datetime.date):
    """A date that stands for its whole month: a real date in a workbook, "2026-12" in CSV."""

    @classmethod
    def of(cls, day: datetime.date) -> Month:
        return cls(day.year, day.month, 1)


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]


@dataclass(frozen=True)
class About:
    """What the first sheet of a workbook says about the figures in it, as (label, text)."""

    lines: Sequence[tuple[str, object]]
    title: str = ""


def no_store(response: HttpResponse) -> HttpResponse:
    """Keep browsers and proxies from keeping a copy of a download with personal figures."""
    response["Cache-Control"] = "no-store"
    return response


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return no_store(response)


def plain(value: object) -> object:
    """A value as a cell holds it: local naive datetimes, numbers as numbers, text defused."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if value is None:
        return ""
    return defuse(str(value)) if not isinstance(value, int | float | datetime.date) else value


def _width(value: object) -> int:
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def column_widths(header: Sequence[object], rows: Sequence[Sequence[object]]) -> list[float]:
    """Widths in characters that fit each column's longest value (within reason)."""
    widths = [_width(heading) + 3 for heading in header]  # room for the filter button
    for row in rows:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], _width(value) + 1)
    return [min(width, MAX_COLUMN_WIDTH) + 1 for width in widths]


def _cell(worksheet, value: object):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(worksheet, plain(value))
    if cell.data_type == "f":
        cell.data_type = "s"
    if isinstance(value, Month):
        cell.number_format = "yyyy-mm"
    elif isinstance(cell.value, datetime.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(cell.value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _write_about(workbook, about: About) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    worksheet = workbook.create_sheet(title=_("About this file")[:31])
    labels = [label for label, _text in about.lines]
    worksheet.column_dimensions["A"].width = max(map(len, labels), default=10) + 2
    worksheet.column_dimensions["B"].width = 80
    if about.title:
        title = WriteOnlyCell(worksheet, defuse(about.title))
        title.font = Font(bold=True, size=14)
        worksheet.append([title])
        worksheet.append([])
    for label, text in about.lines:
        label_cell = WriteOnlyCell(worksheet, defuse(label))
        label_cell.font = Font(bold=True)
        text_cell = _cell(worksheet, text)
        text_cell.alignment = Alignment(wrap_text=True, vertical="top")
        worksheet.append([label_cell, text_cell])


def workbook_bytes(sheets: Sequence[Sheet], about: About | None = None) -> bytes:
    """An Excel workbook: first what it holds (``about``), then one worksheet per sheet.

    Each sheet's header row stays in view and filters; columns are as wide as their values.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    if about is not None:
        _write_about(workbook, about)
    for sheet in sheets:
        rows = [list(row) for row in sheet.rows]
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        for index, width in enumerate(column_widths(sheet.header, rows), start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        worksheet.freeze_panes = "A2"
        last_column = get_column_letter(max(len(sheet.header), 1))
        worksheet.auto_filter.ref = f"A1:{last_column}{len(rows) + 1}"
        header = []
        for heading in sheet.header:
            cell = _cell(worksheet, str(heading))
            cell.font = Font(bold=True)
            header.append(cell)
        worksheet.append(header)
        for row in rows:
            worksheet.append([_cell(worksheet, value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_response(
    filename: str, sheets: Sequence[Sheet], about: About | None = None
) -> HttpResponse:
    """The workbook as a download that no browser or proxy keeps."""
    response = HttpResponse(workbook_bytes(sheets, about), content_type=XLSX_TYPE)
    return attachment(response, f"{filename}.xlsx")


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
