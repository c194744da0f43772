"""CSV and XLSX downloads of dashboard tables, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Dutch Excel splits a CSV line on ";" (and some tools on ","), so text after a separator
# inside one cell can become a cell of its own, and must not start a formula either.
FORMULA_AFTER_SEPARATOR = re.compile(r"([;,]\s*)(?=[=+\-@\t\r])")


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]


def defuse(value: object) -> object:
    """Keep a spreadsheet from running text as a formula: prefix it with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def defuse_csv(value: object) -> object:
    """Like ``defuse``, and also for every part after a ``;`` or ``,`` inside the text."""
    value = defuse(value)
    if isinstance(value, str):
        return FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)
    return value


def no_store(response: HttpResponse) -> HttpResponse:
    """Keep browsers and proxies from keeping a copy of a download with personal figures."""
    response["Cache-Control"] = "no-store"
    return response


def _plain(value: object) -> object:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if value is None:
        return ""
    return defuse(str(value)) if not isinstance(value, int | float | datetime.date) else value


def csv_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """One CSV file; several sheets follow each other, each with its title and header."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    for number, sheet in enumerate(sheets):
        if len(sheets) > 1:
            if number:
                writer.writerow([])
            writer.writerow([defuse_csv(sheet.title)])
        writer.writerow([defuse_csv(str(heading)) for heading in sheet.header])
        for row in sheet.rows:
            writer.writerow([_csv_cell(value) for value in row])
    return no_store(response)


def _csv_cell(value: object) -> object:
    value = _plain(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return defuse_csv(value)


def xlsx_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """An Excel workbook with one worksheet per sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        worksheet.append([str(heading) for heading in sheet.header])
        for row in sheet.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(worksheet, _plain(value))
                if cell.data_type == "f":
                    cell.data_type = "s"
                if isinstance(cell.value, datetime.datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm"
                cells.append(cell)
            worksheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return no_store(response)
