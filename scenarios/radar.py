"""Draw principle scores (0–100) as an accessible inline SVG radar chart.

Pure Python, no Django. With fewer than three principles a radar has no shape, and with more
than eight its labels no longer fit around it, so a horizontal bar chart is drawn instead.
Every label is XML-escaped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

Rows = Sequence[tuple[str, int | None]]

WIDTH = 360
RADIUS = 86
LABEL_GAP = 10
FONT_SIZE = 12
CHAR_W = 6.9
LINE_H = 15
MARGIN = 8
RINGS = (25, 50, 75, 100)
MIN_SPOKES, MAX_SPOKES = 3, 8
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
INK, MUTED, GRID = "#111827", "#4b5563", "#d1d5db"
CURRENT = ("#1f4e8c", "", "#1f4e8c26")
COMPARE = ("#8a5300", "6 4", "none")
NOT_SCORED = "—"


def render_radar(
    rows: Rows,
    *,
    title: str,
    compare: Rows | None = None,
    labels: tuple[str, str] = ("Deze poging", "Vorige poging"),
) -> str:
    """Return an SVG radar of ``rows`` (label, score or None), optionally over ``compare``."""
    previous = _align(rows, compare) if compare is not None else None
    if not MIN_SPOKES <= len(rows) <= MAX_SPOKES:
        body, box = _bars(rows, previous)
    else:
        body, box = _radar(rows, previous)
    legend, box = _legend(labels, box) if previous is not None else ("", box)
    x, y, w, h = box
    summary = [_describe(labels[0], rows)] + ([_describe(labels[1], previous)] if previous else [])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(x)} {_n(y)} {_n(w)} {_n(h)}"'
        f' width="100%" style="max-width:480px;height:auto" role="img"'
        f' font-family="{FONT}" class="radar">'
        f"<title>{_esc(title)}</title><desc>{_esc(' '.join(summary))}</desc>"
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="#fff"/>'
        f"{body}{legend}</svg>"
    )


def _align(rows: Rows, compare: Rows) -> list[tuple[str, int | None]]:
    """Match the comparison scores to ``rows`` by label; a missing label is unscored."""
    scores = dict(compare)
    return [(label, scores.get(label)) for label, _ in rows]


def _describe(name: str, rows: Rows) -> str:
    values = [f"{label} {NOT_SCORED if s is None else s}" for label, s in rows]
    return f"{name}: {', '.join(values) or 'geen principes'}."


def _radar(rows: Rows, previous: Rows | None) -> tuple[str, tuple[float, float, float, float]]:
    """Draw rings, axes, labels and polygons; return them with their viewBox."""
    cx, n = WIDTH / 2, len(rows)
    angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]
    parts = []
    for ring in RINGS:
        points = [_point(cx, a, RADIUS * ring / 100) for a in angles]
        stroke = "#9ca3af" if ring == 100 else GRID
        parts.append(
            f'<polygon class="radar-ring" data-value="{ring}" points="{_points(points)}"'
            f' fill="none" stroke="{stroke}" stroke-width="1"/>'
        )
    for a in angles:
        x, y = _point(cx, a, RADIUS)
        parts.append(f'<line x1="{_n(cx)}" y1="0" x2="{_n(x)}" y2="{_n(y)}" stroke="{GRID}"/>')
    for ring in RINGS:
        parts.append(_label_text(cx + 3, -RADIUS * ring / 100 - 2, str(ring), MUTED, 10))
    if previous is not None:
        parts.append(_polygon("radar-compare", cx, angles, previous, COMPARE))
    parts.append(_polygon("radar-current", cx, angles, rows, CURRENT))
    top, bottom = -RADIUS, RADIUS
    for (label, score), a in zip(rows, angles, strict=True):
        text, extent = _axis_label(cx, a, label, score, n)
        parts.append(text)
        top, bottom = min(top, extent[0]), max(bottom, extent[1])
    return "".join(parts), (0, top - MARGIN, WIDTH, bottom - top + 2 * MARGIN)


def _polygon(
    css: str, cx: float, angles: list[float], rows: Rows, style: tuple[str, str, str]
) -> str:
    colour, dash, fill = style
    points = [
        _point(cx, a, RADIUS * _clamp(s) / 100) for (_, s), a in zip(rows, angles, strict=True)
    ]
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    dots = "".join(
        f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5" fill="{colour}"/>'
        for (x, y), (_, s) in zip(points, rows, strict=True)
        if s is not None and not dash
    )
    return (
        f'<g class="{css}"><polygon points="{_points(points)}" fill="{fill}" stroke="{colour}"'
        f' stroke-width="2.5" stroke-linejoin="round"{dash_attr}/>{dots}</g>'
    )


def _between_neighbours(spokes: int) -> float:
    """The width a centred (top or bottom) label may take before it reaches the next axes'."""
    return 2 * (RADIUS + LABEL_GAP) * abs(math.sin(2 * math.pi / spokes)) - 2 * CHAR_W


def _axis_label(
    cx: float, angle: float, label: str, score: int | None, spokes: int
) -> tuple[str, tuple[float, float]]:
    """Place a wrapped label (and the score) beyond the axis end; return it with its y-extent."""
    x, y = _point(cx, angle, RADIUS + LABEL_GAP)
    cos, sin = math.cos(angle), math.sin(angle)
    anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
    room = {"start": WIDTH - MARGIN - x, "end": x - MARGIN}.get(
        anchor, min(2 * min(x, WIDTH - x) - 2 * MARGIN, _between_neighbours(spokes))
    )
    name = label if score is not None else f"{label} ({NOT_SCORED})"
    lines = _wrap(name, max(4, int(room // CHAR_W)))
    values = [] if score is None else [str(score)]
    count = len(lines) + len(values)
    if sin < -0.3:
        first = y - (count - 1) * LINE_H - 2
    elif sin > 0.3:
        first = y + FONT_SIZE
    else:
        first = y - (count - 1) * LINE_H / 2 + FONT_SIZE / 3
    texts = [
        _label_text(x, first + i * LINE_H, line, INK, FONT_SIZE, anchor, bold=i >= len(lines))
        for i, line in enumerate(lines + values)
    ]
    extent = (first - FONT_SIZE, first + (count - 1) * LINE_H + 4)
    return f'<g class="radar-axis-label">{"".join(texts)}</g>', extent


def _wrap(text: str, limit: int) -> list[str]:
    """Break ``text`` into lines of at most ``limit`` characters: between words, after a
    word's own hyphen ("Self-" / "direction"), and only when a part is longer than a line,
    inside it with a hyphen."""
    lines: list[str] = []
    cut = False  # the last line ends inside a word
    for word in text.split():
        for number, part in enumerate(re.findall(r"[^-]+-*|-+", word)):
            glue = "" if number else " "
            while len(part) > limit:
                lines.append(part[: limit - 1] + "-")
                part, cut = part[limit - 1 :], True
            if lines and not cut and len(lines[-1]) + len(glue) + len(part) <= limit:
                lines[-1] += glue + part
            else:
                lines.append(part)
            cut = False
    return lines or [""]


def _bars(rows: Rows, previous: Rows | None) -> tuple[str, tuple[float, float, float, float]]:
    """Draw one horizontal bar per row (two when comparing); return them with their viewBox."""
    track = WIDTH - 2 * MARGIN - 48
    parts: list[str] = []
    y = MARGIN
    if not rows:
        parts.append(_label_text(MARGIN, y + FONT_SIZE, "Geen principes om te tonen.", MUTED, 14))
        y += 24
    for i, (label, score) in enumerate(rows):
        name = label if score is not None else f"{label} ({NOT_SCORED})"
        for line in _wrap(name, int((WIDTH - 2 * MARGIN) // CHAR_W)):
            parts.append(_label_text(MARGIN, y + FONT_SIZE + 2, line, INK, 14))
            y += LINE_H + 3
        y += 4
        parts.append(_bar("radar-current", y, 18, score, CURRENT, track))
        y += 22
        if previous is not None:
            parts.append(_bar("radar-compare", y, 12, previous[i][1], COMPARE, track))
            y += 16
        y += 12
    return "".join(parts), (0, 0, WIDTH, y + MARGIN)


def _bar(
    css: str, y: float, height: float, score: int | None, style: tuple[str, str, str], track: float
) -> str:
    colour, dash, _ = style
    length = track * _clamp(score) / 100
    fill = colour if not dash else "#f6e7cc"
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    value = NOT_SCORED if score is None else str(score)
    return (
        f'<g class="{css}">'
        f'<rect x="{MARGIN}" y="{_n(y)}" width="{_n(track)}" height="{height}" fill="#f3f4f6"/>'
        f'<rect class="radar-bar" x="{MARGIN}" y="{_n(y)}" width="{_n(length)}" height="{height}"'
        f' fill="{fill}" stroke="{colour}" stroke-width="1.5"{dash_attr}/>'
        + _label_text(MARGIN + track + 8, y + height / 2 + 5, value, INK, 14, bold=not dash)
        + "</g>"
    )


def _legend(
    labels: tuple[str, str], box: tuple[float, float, float, float]
) -> tuple[str, tuple[float, float, float, float]]:
    """Add a key for both series below the chart; return it with the enlarged viewBox."""
    x, y, w, h = box
    top = y + h
    parts = ['<g class="radar-legend">']
    for i, (label, (colour, dash, _)) in enumerate(zip(labels, (CURRENT, COMPARE), strict=True)):
        row = top + 4 + i * 22
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{MARGIN + 8}" y1="{_n(row + 8)}" x2="{MARGIN + 44}" y2="{_n(row + 8)}"'
            f' stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(_label_text(MARGIN + 54, row + 13, label, INK, 13))
    return "".join([*parts, "</g>"]), (x, y, w, h + 52)


def _label_text(
    x: float, y: float, text: str, fill: str, size: int, anchor: str = "start", bold: bool = False
) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" fill="{fill}"'
        f' text-anchor="{anchor}"{weight}>{_esc(text)}</text>'
    )


def _point(cx: float, angle: float, radius: float) -> tuple[float, float]:
    return cx + radius * math.cos(angle), radius * math.sin(angle)


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _clamp(score: int | None) -> int:
    return 0 if score is None else max(0, min(100, score))


def _n(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _esc(text: str) -> str:
    return escape(NOT_XML.sub("\ufffd", text))
