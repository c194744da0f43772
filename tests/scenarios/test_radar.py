"""The principle radar: what a learner sees on the result page."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from scenarios.radar import render_radar

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [("Eigen kracht", 100), ("Sociaal netwerk", 50), ("Presentie", 0), ("Regie", 75)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output)


def group(root: ET.Element, css: str) -> ET.Element | None:
    return next((g for g in root.iter(f"{SVG}g") if g.get("class") == css), None)


def points(polygon: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]


def ring(root: ET.Element, value: int) -> list[tuple[float, float]]:
    polygon = next(p for p in root.iter(f"{SVG}polygon") if p.get("data-value") == str(value))
    return points(polygon)


def texts(element: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def test_radar_is_an_accessible_svg_that_speaks_the_numbers() -> None:
    root = parse(render_radar(ROWS, title="Jouw principes"))
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.find(f"{SVG}title").text == "Jouw principes"
    desc = root.find(f"{SVG}desc").text
    assert desc == "Deze poging: Eigen kracht 100, Sociaal netwerk 50, Presentie 0, Regie 75."


def test_scores_sit_at_their_distance_from_the_centre() -> None:
    root = parse(render_radar(ROWS, title="t"))
    outer = ring(root, 100)
    cx = sum(x for x, _ in outer) / len(outer)
    cy = sum(y for _, y in outer) / len(outer)
    radius = math.dist((cx, cy), outer[0])
    assert all(math.isclose(math.dist((cx, cy), p), radius, abs_tol=0.2) for p in outer)
    current = points(group(root, "radar-current").find(f"{SVG}polygon"))
    distances = [math.dist((cx, cy), p) for p in current]
    assert math.isclose(distances[0], radius, abs_tol=0.2)
    assert math.isclose(distances[1], radius / 2, abs_tol=0.2)
    assert math.isclose(distances[2], 0, abs_tol=0.2)
    assert math.isclose(distances[3], radius * 0.75, abs_tol=0.2)


def test_rings_mark_quarter_steps() -> None:
    root = parse(render_radar(ROWS, title="t"))
    assert {p.get("data-value") for p in root.iter(f"{SVG}polygon") if p.get("data-value")} == {
        "25",
        "50",
        "75",
        "100",
    }


def test_comparison_is_drawn_in_another_colour_and_dash_with_a_legend() -> None:
    previous = [("Eigen kracht", 40), ("Presentie", 80), ("Regie", 10), ("Sociaal netwerk", 20)]
    svg = render_radar(ROWS, title="t", compare=previous, labels=("Nu", "Vorige keer"))
    root = parse(svg)
    mine = group(root, "radar-current").find(f"{SVG}polygon")
    theirs = group(root, "radar-compare").find(f"{SVG}polygon")
    assert mine.get("stroke") != theirs.get("stroke")
    assert mine.get("stroke-dasharray") != theirs.get("stroke-dasharray")
    assert {"Nu", "Vorige keer"} <= set(texts(group(root, "radar-legend")))
    desc = root.find(f"{SVG}desc").text
    assert "Vorige keer: Eigen kracht 40, Sociaal netwerk 20, Presentie 80, Regie 10." in desc


def test_unscored_principle_shows_a_dash_and_lies_at_the_centre() -> None:
    rows = [("Eigen kracht", 60), ("Presentie", None), ("Regie", 30)]
    root = parse(render_radar(rows, title="t", compare=[("Eigen kracht", 10)]))
    labels = " ".join(texts(root))
    assert "Presentie (—)" in labels
    outer = ring(root, 100)
    centre = (sum(x for x, _ in outer) / 3, sum(y for _, y in outer) / 3)
    current = points(group(root, "radar-current").find(f"{SVG}polygon"))
    assert math.isclose(math.dist(centre, current[1]), 0, abs_tol=0.2)
    desc = root.find(f"{SVG}desc").text
    assert "Presentie —" in desc and "Vorige poging: Eigen kracht 10, Presentie —, Regie —." in desc


def test_fewer_than_three_principles_become_bars() -> None:
    rows = [("Eigen kracht", 100), ("Presentie", 25)]
    root = parse(render_radar(rows, title="t", compare=[("Presentie", 50)]))
    assert not any(p.get("class") == "radar-current" for p in root.iter(f"{SVG}polygon"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "radar-bar"]
    widths = [float(b.get("width")) for b in bars]
    full, previous_unknown, quarter, previous_half = widths
    assert math.isclose(quarter, full / 4, abs_tol=0.1)
    assert previous_unknown == 0 and math.isclose(previous_half, full / 2, abs_tol=0.1)
    assert bars[0].get("stroke-dasharray") != bars[3].get("stroke-dasharray")
    shown = texts(root)
    assert {"Eigen kracht", "Presentie", "100", "25", "—", "50"} <= set(shown)


def test_no_principles_at_all_says_so() -> None:
    root = parse(render_radar([], title="t"))
    assert "Geen principes om te tonen." in texts(root)


def test_labels_are_escaped() -> None:
    label = '<script>alert("x")</script> & co'
    svg = render_radar([(label, 10), ("b", 20), ("c", 30)], title='"<titel>"')
    assert "<script>" not in svg and "<titel>" not in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == '"<titel>"'
    assert label in root.find(f"{SVG}desc").text


def test_labels_stay_inside_a_360_wide_view() -> None:
    rows = [(f"Principe met een lange naam {i}", 10 * i) for i in range(8)]
    root = parse(render_radar(rows, title="t"))
    x, y, width, height = map(float, root.get("viewBox").split())
    assert width == 360
    for text in root.iter(f"{SVG}text"):
        anchor_x, size = float(text.get("x")), float(text.get("font-size"))
        span = 0.55 * size * len(text.text)
        left = {"start": anchor_x, "end": anchor_x - span}.get(
            text.get("text-anchor"), anchor_x - span / 2
        )
        assert x <= left and left + span <= x + width, text.text
        assert y <= float(text.get("y")) - size and float(text.get("y")) <= y + height


def test_output_is_deterministic_with_one_decimal() -> None:
    svg = render_radar(ROWS, title="t", compare=ROWS[::-1])
    assert svg == render_radar(ROWS, title="t", compare=ROWS[::-1])
    numbers = re.findall(r'\s(?:points|x\d?|y\d?|cx|cy)="([^"]+)"', svg)
    assert all(re.fullmatch(r"[-\d.,\s]+", n) for n in numbers)
    assert not re.search(r"\d\.\d\d", " ".join(numbers))


def label_boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """The box (left, top, right, bottom) of each axis label group, as CHAR_W-wide glyphs."""
    boxes = []
    for label in (g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-axis-label"):
        lefts, rights, tops, bottoms = [], [], [], []
        for text in label.iter(f"{SVG}text"):
            x, y, size = float(text.get("x")), float(text.get("y")), float(text.get("font-size"))
            span = 6.9 * len(text.text)
            left = {"start": x, "end": x - span}.get(text.get("text-anchor"), x - span / 2)
            lefts.append(left)
            rights.append(left + span)
            tops.append(y - size)
            bottoms.append(y + 2)
        boxes.append((min(lefts), min(tops), max(rights), max(bottoms)))
    return boxes


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


NAMES = [
    "Eigen kracht", "Gebruikelijke hulp en mantelzorg", "Sociaal netwerk",
    "Algemene voorziening vóór maatwerk", "De vraag achter de vraag", "Maatwerk",
    "Presentie", "Nabijheid", "Vindplaatsgericht werken", "Positieve benadering",
    "Integraal werken", "Zelfregie", "Samenwerking",
]  # fmt: skip


def test_axis_labels_never_collide_from_three_to_eight_principles() -> None:
    for count in range(3, 9):
        root = parse(render_radar([(name, 50) for name in NAMES[:count]], title="t"))
        boxes = label_boxes(root)
        assert len(boxes) == count
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not overlaps(a, b), (count, a, b)


def test_more_than_eight_principles_become_bars_so_thirteen_labels_stay_readable() -> None:
    root = parse(render_radar([(name, 10 * i % 100) for i, name in enumerate(NAMES)], title="t"))
    assert group(root, "radar-current") is not None
    assert not list(root.iter(f"{SVG}polygon"))  # no radar rings or shape
    assert len(root.findall(f".//{SVG}rect[@class='radar-bar']")) == 13
    assert all(name in " ".join(texts(root)) for name in ("Samenwerking", "Eigen kracht"))


def test_a_hyphenated_name_breaks_at_its_own_hyphen_not_inside_a_part():
    from scenarios.radar import _wrap

    assert _wrap("Self-direction", 12) == ["Self-", "direction"]
    assert _wrap("Self-direction", 20) == ["Self-direction"]
    assert _wrap("Usual help and informal care", 14) == ["Usual help and", "informal care"]
