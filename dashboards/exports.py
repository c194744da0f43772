"""CSV and XLSX downloads of dashboard tables, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone

from people.spreadsheets import defuse, defuse_csv

__all__ = ["Sheet", "csv_response", "defuse", "defuse_csv", "no_store", "xlsx_response"]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]


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
