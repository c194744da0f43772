"""The certificate as a PDF: A4 landscape, DejaVu Serif embedded, text extractable.

fpdf2 is pure Python, so no system library is needed. The fonts ship in ``fonts/`` (DejaVu,
Bitstream Vera licence, see LICENSE-DejaVu.txt); fpdf2 embeds only the glyphs used. The QR
code is drawn as vector squares, so it stays sharp when printed.
"""

from __future__ import annotations

from pathlib import Path

import qrcode
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .points import format_points

FONTS = Path(__file__).resolve().parent / "fonts"
ACCENT = (0, 96, 122)  # --accent in kantelwerk.css
TEXT = (27, 27, 27)
MUTED = (74, 79, 85)
SOFT = (230, 241, 244)


def _hours(value) -> str:
    return format_points(value)


def _qr(pdf: FPDF, data: str, x: float, y: float, size: float) -> None:
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    cell = size / len(matrix)
    pdf.set_fill_color(*TEXT)
    for row, line in enumerate(matrix):
        for col, dark in enumerate(line):
            if dark:
                # A hair wider than the cell, so neighbouring squares leave no seam.
                pdf.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05, style="F")


def render(certificate, verify_url: str, provider: str) -> bytes:
    """The certificate's PDF; ``verify_url`` is the public page the QR code points to."""
    with translation.override("nl"):
        return bytes(_render(certificate, verify_url, provider))


def _render(certificate, verify_url: str, provider: str):
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(f"{_('Certificate')} {certificate.course_title}")
    pdf.set_author(provider)
    pdf.set_creator(provider)
    pdf.set_lang("nl")
    pdf.set_auto_page_break(False)
    pdf.add_font("Serif", "", FONTS / "DejaVuSerif.ttf")
    pdf.add_font("Serif", "B", FONTS / "DejaVuSerif-Bold.ttf")
    pdf.add_font("Serif", "I", FONTS / "DejaVuSerif-Italic.ttf")
    pdf.add_page()
    width, height = pdf.w, pdf.h

    # A double frame: a wide band and a fine inner line.
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.6)
    pdf.rect(10, 10, width - 20, height - 20)
    pdf.set_line_width(0.3)
    pdf.rect(14, 14, width - 28, height - 28)

    def centred(text, size, style="", colour=TEXT, gap=0.0, family="Serif"):
        pdf.set_font(family, style, size)
        pdf.set_text_color(*colour)
        pdf.set_x(20)
        pdf.multi_cell(width - 40, size * 0.5, text, align="C")
        pdf.ln(gap)

    # The block is centred on the page: lower without points, higher with many registers.
    pdf.set_y({0: 38, 1: 30, 2: 26}.get(len(certificate.points), 20))
    centred(provider.upper(), 11, "B", ACCENT, 6)
    centred(_("Certificate"), 36, "B", ACCENT, 4)
    centred(_("This certifies that"), 13, "I", MUTED, 4)
    centred(certificate.name, 26, "B", TEXT, 4)
    centred(_("has completed the course"), 13, "I", MUTED, 3)
    centred(certificate.course_title, 19, "B", TEXT, 4)
    day = date_format(certificate.completed_on, "j F Y")
    hours = _hours(certificate.study_hours)
    centred(
        _("on %(date)s · net study time %(hours)s hours") % {"date": day, "hours": hours},
        12,
        "",
        MUTED,
        5,
    )

    if certificate.points:
        _points_table(pdf, certificate.points, width)

    _footer(pdf, certificate, verify_url, provider, width, height)
    return pdf.output()


def _points_table(pdf: FPDF, points: list[dict], width: float) -> None:
    columns = [
        (_("Register"), 74),
        (_("Accreditation ID"), 44),
        (_("Registration number"), 42),
        (_("Points"), 20),
    ]
    height = 7 if len(points) <= 3 else 6
    table_width = sum(w for _label, w in columns)
    left = (width - table_width) / 2
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.2)
    pdf.set_x(left)
    pdf.set_fill_color(*SOFT)
    pdf.set_text_color(*ACCENT)
    pdf.set_font("Serif", "B", 10)
    for label, w in columns:
        align = "C" if label == _("Points") else "L"
        pdf.cell(w, height, label, border="B", fill=True, align=align)
    pdf.ln()
    pdf.set_text_color(*TEXT)
    pdf.set_font("Serif", "", 10.5)
    for row in points:
        pdf.set_x(left)
        values = [
            row["register_name"],
            row["accreditation_id"],
            row["number"],
            format_points(row["points"]),
        ]
        for (label, w), value in zip(columns, values, strict=True):
            _fit(pdf, value, w - 2, 10.5)
            pdf.cell(w, height, value, border="B", align="C" if label == _("Points") else "L")
            pdf.set_font_size(10.5)
        pdf.ln()


def _fit(pdf: FPDF, text: str, width: float, size: float) -> None:
    """Shrink the font (to 7 pt at least) until ``text`` fits its column."""
    pdf.set_font_size(size)
    while size > 7 and pdf.get_string_width(text) > width:
        size -= 0.5
        pdf.set_font_size(size)


def _footer(pdf: FPDF, certificate, verify_url, provider, width, height) -> None:
    qr_size = 28
    qr_x, qr_y = width - 24 - qr_size, height - 24 - qr_size
    _qr(pdf, verify_url, qr_x, qr_y, qr_size)

    text_right = qr_x - 6
    pdf.set_text_color(*MUTED)
    pdf.set_font("Serif", "", 9)
    lines = [
        (_("Verification code"), certificate.code),
        (_("Check at"), verify_url),
    ]
    y = qr_y + 4
    for label, value in lines:
        pdf.set_xy(120, y)
        pdf.set_font("Serif", "", 8.5)
        pdf.cell(text_right - 120, 4.5, label, align="R")
        pdf.set_xy(120, y + 4.5)
        pdf.set_font("Serif", "B", 9.5)
        pdf.set_text_color(*TEXT)
        pdf.cell(text_right - 120, 5, value, align="R")
        pdf.set_text_color(*MUTED)
        y += 11

    pdf.set_xy(24, qr_y + 4)
    pdf.set_font("Serif", "", 8.5)
    pdf.cell(90, 4.5, _("Provider"))
    pdf.set_xy(24, qr_y + 8.5)
    pdf.set_font("Serif", "B", 11)
    pdf.set_text_color(*ACCENT)
    pdf.cell(90, 6, provider)
    pdf.set_xy(24, qr_y + 15.5)
    pdf.set_font("Serif", "", 8.5)
    pdf.set_text_color(*MUTED)
    issued = date_format(timezone.localdate(certificate.issued_at), "j F Y")
    pdf.cell(90, 4.5, _("Issued on %(date)s") % {"date": issued})
