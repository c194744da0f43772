"""Draw a scenario's graph as an accessible inline SVG "story map", like Twine's.

Pure Python (networkx for the layout, no Django). Every text in the output is
XML-escaped: node texts and keys are user input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from scenarios.engine import Choice, Problem, Scenario

BOX_W, BOX_H = 270, 60
COL_GAP, ROW_GAP = 56, 84
MAX_COLS = 4
MARGIN = 24
LOOP_PAD = 72
LEGEND_ITEM_W, LEGEND_ROW_H = 215, 30
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

INK, MUTED, BORDER, ACCENT, ALERT = "#111827", "#374151", "#4b5563", "#1f4e8c", "#b42318"
QUALITY_STYLES = {
    "desired": ("gewenst", "#146c2e", ""),
    "acceptable": ("acceptabel", "#8a5300", "9 5"),
    "less_desired": ("minder gewenst", ALERT, "2 5"),
}
FALLBACK_STYLE = ("onbekende kwaliteit", BORDER, "12 4 2 4")


@dataclass(frozen=True)
class Box:
    """A node's place on the map; ``missing`` marks a placeholder for an absent target."""

    key: str
    x: float
    y: float
    row: int
    missing: bool = False


def step_anchor(key: str) -> str:
    """The id of a step's box on the map, so a problem can link to it."""
    return "step-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key)


def map_legend_items() -> list[tuple[str, str]]:
    """Return the legend as (kind, Dutch label) pairs, in drawing order."""
    edges = [(quality, label) for quality, (label, _, _) in QUALITY_STYLES.items()]
    return [*edges, ("start", "begin"), ("end", "einde"), ("problem", "probleem")]


def render_map(
    scenario: Scenario,
    problems: Sequence[Problem] = (),
    describe: Callable[[Problem], str] = lambda problem: problem.code,
) -> str:
    """Return an SVG story map of ``scenario`` with the ``problems`` marked on it.

    ``describe`` words a problem (``scenarios.problem_messages.message`` in the admin); the
    map itself works out no problems, so it marks exactly what the editor reports.
    """
    graph = _graph(scenario)
    issues = _issues(graph, problems, describe)
    boxes = _layout(graph)
    pad = LOOP_PAD if any(boxes[v].row < boxes[u].row for u, v in graph.edges()) else 0
    width = max(math.ceil(max(b.x for b in boxes.values()) + BOX_W + MARGIN + 2 * pad), 360)
    legend, legend_h = _legend(width)
    top = MARGIN + legend_h + 32
    boxes = {k: Box(b.key, b.x + pad, b.y + top, b.row, b.missing) for k, b in boxes.items()}
    height = max(b.y for b in boxes.values()) + BOX_H + MARGIN
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}"'
        f' width="100%" style="max-width:{width}px;height:auto" role="img"'
        f' font-family="{FONT}" class="story-map">'
        f"<title>{_esc('Verhaalkaart: ' + scenario.title)}</title>"
        f"<desc>{_esc(_description(scenario, graph, issues, problems, describe))}</desc>"
        f'{_markers()}<rect width="100%" height="100%" fill="#fff"/>{legend}'
    )
    nodes = [_node(scenario, boxes[k], issues.get(k, [])) for k in graph.nodes]
    return "".join([head, *_edges(graph, boxes, width), *nodes, "</svg>"])


def _graph(scenario: Scenario) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    known = {node.key for node in scenario.nodes}
    start_first = sorted(scenario.nodes, key=lambda node: node.key != scenario.start)
    if scenario.start not in known:
        graph.add_node(scenario.start, missing=True)
    for node in start_first:
        graph.add_node(node.key, missing=False)
    for node in start_first:
        for index, choice in enumerate(node.choices):
            if choice.target not in graph:
                graph.add_node(choice.target, missing=True)
            graph.add_edge(
                node.key, choice.target, choice=choice, index=index, count=len(node.choices)
            )
    return graph


def _issues(
    graph: nx.MultiDiGraph, problems: Sequence[Problem], describe: Callable[[Problem], str]
) -> dict[str, list[str]]:
    """Collect, per node key, the messages that make it worth a highlight."""
    issues: dict[str, list[str]] = {}
    for problem in problems:
        if problem.node in graph:
            text = describe(problem)
            if text not in issues.get(problem.node, []):
                issues.setdefault(problem.node, []).append(text)
    return issues


def layered_positions(
    scenario: Scenario, box_w: int, box_h: int, col_gap: int, row_gap: int, max_cols: int
) -> dict[str, tuple[int, int]]:
    """The top-left corner of each step's box in the layered layout, for the map editor."""
    boxes = _layout(_graph(scenario), box_w, box_h, col_gap, row_gap, max_cols)
    return {
        key: (round(box.x - MARGIN), round(box.y)) for key, box in boxes.items() if not box.missing
    }


def _layout(
    graph: nx.MultiDiGraph,
    box_w: int = BOX_W,
    box_h: int = BOX_H,
    col_gap: int = COL_GAP,
    row_gap: int = ROW_GAP,
    max_cols: int = MAX_COLS,
) -> dict[str, Box]:
    """Place nodes in longest-path layers, top to bottom, at most max_cols per row."""
    dag = nx.DiGraph()
    dag.add_nodes_from(graph.nodes)
    back = _back_edges(graph)
    dag.add_edges_from((u, v) for u, v in graph.edges() if (u, v) not in back)
    layer = {key: 0 for key in dag}
    for key in nx.topological_sort(dag):
        for succ in dag.successors(key):
            layer[succ] = max(layer[succ], layer[key] + 1)
    order = {key: i for i, key in enumerate(graph.nodes)}
    slot: dict[str, float] = {}
    rows: list[list[str]] = []
    for depth in range(max(layer.values(), default=-1) + 1):
        members = [key for key in graph.nodes if layer[key] == depth]
        members.sort(key=lambda key: (_barycentre(dag, key, slot), order[key]))
        slot.update({key: i / max(len(members) - 1, 1) for i, key in enumerate(members)})
        rows += [members[i : i + max_cols] for i in range(0, len(members), max_cols)]
    cols = max((len(row) for row in rows), default=1)
    boxes = {}
    for r, row in enumerate(rows):
        offset = (cols - len(row)) * (box_w + col_gap) / 2
        for c, key in enumerate(row):
            x = MARGIN + offset + c * (box_w + col_gap)
            boxes[key] = Box(key, x, r * (box_h + row_gap), r, graph.nodes[key]["missing"])
    return boxes


def _back_edges(graph: nx.MultiDiGraph) -> set[tuple[str, str]]:
    on_path: set[str] = set()
    back = set()
    for u, v, kind in nx.dfs_labeled_edges(nx.DiGraph(graph)):
        if kind == "forward":
            on_path.add(v)
        elif kind == "reverse":
            on_path.discard(v)
        elif v in on_path:
            back.add((u, v))
    return back


def _barycentre(dag: nx.DiGraph, key: str, slot: dict[str, float]) -> float:
    placed = [slot[p] for p in dag.predecessors(key) if p in slot]
    return sum(placed) / len(placed) if placed else 0.5


def _edges(graph: nx.MultiDiGraph, boxes: dict[str, Box], width: float) -> list[str]:
    """Draw every choice: down to a later row, round the side lanes back up, or a loop."""
    drawn = []
    detours = 0
    for u, v, data in graph.edges(data=True):
        source, target, index, count = boxes[u], boxes[v], data["index"], data["count"]
        if u == v:
            path, label_at = _self_loop(source)
        elif target.row < source.row:
            path, label_at = _detour(source, target, index, count, width, detours)
            detours += 1
        else:
            path, label_at = _forward(source, target, index, count)
        drawn.append(_edge(data["choice"], path, label_at))
    return drawn


def _forward(source: Box, target: Box, index: int, count: int) -> tuple[str, tuple[float, float]]:
    sx, sy = source.x + BOX_W * (index + 1) / (count + 1), source.y + BOX_H
    tx, ty = target.x + BOX_W / 2, target.y - 4
    bend = max(40.0, (ty - sy) / 2)
    points = [(sx, sy), (sx, sy + bend), (tx, ty - bend), (tx, ty)]
    label_y = sy + 18 + 16 * (index % 2)
    low, high = 0.0, 1.0
    for _ in range(20):
        mid = (low + high) / 2
        low, high = (mid, high) if _bezier(points, mid)[1] < label_y else (low, mid)
    return _curve(points), _bezier(points, low)


def _detour(
    source: Box, target: Box, index: int, count: int, width: float, k: int
) -> tuple[str, tuple[float, float]]:
    left = source.x + BOX_W / 2 <= width / 2
    step = 6 * (k % 8)
    lane = MARGIN + LOOP_PAD - 16 - step if left else width - MARGIN - LOOP_PAD + 16 + step
    sx, sy = source.x + BOX_W * (index + 1) / (count + 1), source.y + BOX_H
    tx = target.x + BOX_W / 2 + (-28 if left else 28) - 4 * (k % 4)
    below, above = sy + 10 + 3 * (k % 4), target.y - 12 - 3 * (k % 4)
    rows_down = (source.row - target.row - 1) // 2
    label_y = target.y + BOX_H + ROW_GAP / 2 + rows_down * (BOX_H + ROW_GAP) + 14 * (k % 3 - 1)
    path = f"M{_n(sx)} {_n(sy)} V{_n(below)} H{_n(lane)} V{_n(above)} H{_n(tx)} V{_n(target.y - 4)}"
    return path, (lane, label_y)


def _self_loop(box: Box) -> tuple[str, tuple[float, float]]:
    x, y = box.x + BOX_W, box.y
    points = [(x, y + 26), (x + 40, y + 14), (x + 40, y + 70), (x + 4, y + 52)]
    return _curve(points), (x + 24, y + BOX_H + 16)


def _edge(choice: Choice, path: str, label_at: tuple[float, float]) -> str:
    """Draw one choice as an arrow labelled with its key, styled by its quality."""
    label, colour, dash = QUALITY_STYLES.get(choice.quality, FALLBACK_STYLE)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    tip = f"Keuze {choice.key} ({label}): {choice.text[:120]} → {choice.target}"
    return (
        f"<g class={_attr('sm-edge sm-' + choice.quality)} data-choice={_attr(choice.key)}>"
        f"<title>{_esc(tip)}</title>"
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}'
        f' stroke-linejoin="round" marker-end="url(#sm-arrow-{colour[1:]})"/>'
        f'<text x="{_n(label_at[0])}" y="{_n(label_at[1] + 4)}" text-anchor="middle" font-size="12"'
        f' fill="{colour}" stroke="#fff" stroke-width="4" paint-order="stroke">'
        f"{_esc(_clip(choice.key, 18))}</text></g>"
    )


def _curve(points: list[tuple[float, float]]) -> str:
    return "M{} {} C{} {} {} {} {} {}".format(*(_n(c) for p in points for c in p))


def _bezier(points: list[tuple[float, float]], t: float) -> tuple[float, float]:
    weights = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3]
    x, y = (sum(w * p[axis] for w, p in zip(weights, points, strict=True)) for axis in (0, 1))
    return x, y


def _node(scenario: Scenario, box: Box, issues: list[str]) -> str:
    """Draw one node: a rounded box with its key and an excerpt, tags and problem marker."""
    node = None if box.missing else scenario.node(box.key)
    x, y = box.x, box.y
    kind = "missing" if node is None else "end" if node.end else "step"
    stroke, weight = (ALERT, 4) if issues else (ALERT, 3) if node is None else (BORDER, 1.5)
    dash = ' stroke-dasharray="6 4"' if node is None else ""
    fill = "#f3f4f6" if kind == "end" else "#fff"
    outer = f'rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{weight}"{dash}'
    excerpt = "Bestaat niet" if node is None else _clip(" ".join(node.text.split()), 38)
    heading = f"? {box.key}" if node is None else box.key
    tip = "\n".join([f"{box.key}: {excerpt}", *issues])
    parts = [
        f'<g class="sm-node sm-{kind}{" sm-problem" if issues else ""}"'
        f" id={_attr(step_anchor(box.key))} data-key={_attr(box.key)}>",
        f"<title>{_esc(tip)}</title>",
        _rect(x, y, BOX_W, BOX_H, outer),
    ]
    if kind == "end":
        inner = f'rx="5" fill="none" stroke="{stroke}" stroke-width="1.5"'
        parts.append(_rect(x + 5, y + 5, BOX_W - 10, BOX_H - 10, inner))
    parts += [
        _text(x + 14, y + 25, _clip(heading, 26), INK if node else ALERT, 14, bold=True),
        _text(x + 14, y + 45, excerpt, MUTED if node else ALERT, 12),
    ]
    tags = (["Begin"] if box.key == scenario.start else []) + (["Einde"] if kind == "end" else [])
    parts += [_tag(x + 12 + 62 * i, y - 10, tag) for i, tag in enumerate(tags)]
    if issues:
        parts.append(_alert_marker(x + BOX_W - 4, y + 4))
    return "".join([*parts, "</g>"])


def _rect(x: float, y: float, w: float, h: float, style: str) -> str:
    return f'<rect class="sm-box" x="{_n(x)}" y="{_n(y)}" width="{w}" height="{h}" {style}/>'


def _text(
    x: float, y: float, text: str, fill: str, size: int, bold: bool = False, anchor: str = "start"
) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" fill="{fill}"{weight}'
        f' text-anchor="{anchor}">{_esc(text)}</text>'
    )


def _tag(x: float, y: float, label: str) -> str:
    fill = ACCENT if label == "Begin" else MUTED
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="56" height="20" rx="10" fill="{fill}"/>' + _text(
        x + 28, y + 14.5, label, "#fff", 12, bold=True, anchor="middle"
    )


def _alert_marker(x: float, y: float) -> str:
    return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="12" fill="{ALERT}"/>' + _text(
        x, y + 6, "!", "#fff", 17, bold=True, anchor="middle"
    )


def _markers() -> str:
    colours = sorted({style[1] for style in [*QUALITY_STYLES.values(), FALLBACK_STYLE]})
    return (
        "<defs>"
        + "".join(
            f'<marker id="sm-arrow-{c[1:]}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="10"'
            f' markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0 0 L10 5 L0 10 z" fill="{c}"/></marker>'
            for c in colours
        )
        + "</defs>"
    )


def _legend(width: float) -> tuple[str, float]:
    """Draw the legend in rows that fit ``width``; return it with its height."""
    per_row = max(1, int((width - 2 * MARGIN) // LEGEND_ITEM_W))
    parts = ['<g class="sm-legend">']
    items = map_legend_items()
    for i, (kind, label) in enumerate(items):
        x = MARGIN + (i % per_row) * LEGEND_ITEM_W
        y = MARGIN + (i // per_row) * LEGEND_ROW_H
        if kind in QUALITY_STYLES:
            _, colour, dash = QUALITY_STYLES[kind]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<path d="M{x} {y + 10} h40" stroke="{colour}" stroke-width="2"{dash_attr}'
                f' marker-end="url(#sm-arrow-{colour[1:]})"/>'
            )
        elif kind == "problem":
            sample = f'rx="5" fill="#fff" stroke="{ALERT}" stroke-width="4"'
            parts.append(_rect(x, y, 40, 20, sample) + _alert_marker(x + 40, y + 2))
        else:
            parts.append(_tag(x - 12, y, "Begin" if kind == "start" else "Einde"))
            label = "startpunt" if kind == "start" else "einde (dubbele rand)"
        parts.append(_text(x + 58, y + 15, label, INK, 13))
    rows = (len(items) + per_row - 1) // per_row
    return "".join([*parts, "</g>"]), rows * LEGEND_ROW_H


def _description(
    scenario: Scenario,
    graph: nx.MultiDiGraph,
    issues: dict[str, list[str]],
    problems: Sequence[Problem],
    describe: Callable[[Problem], str],
) -> str:
    endings = ", ".join(node.key for node in scenario.nodes if node.end) or "geen"
    lines = [
        f"{len(scenario.nodes)} situaties en {graph.number_of_edges()} keuzes.",
        f"Begint bij {scenario.start}. Eindes: {endings}.",
        "Pijlen: doorgetrokken is gewenst, gestreept is acceptabel, gestippeld is minder gewenst.",
    ]
    lines += [f"Probleem bij {key}: {' '.join(messages)}" for key, messages in issues.items()]
    lines += [f"Probleem: {describe(p)}" for p in problems if p.node not in graph]
    return " ".join(lines)


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


def _n(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _esc(text: str) -> str:
    return escape(NOT_XML.sub("\ufffd", text))


def _attr(text: str) -> str:
    return quoteattr(NOT_XML.sub("\ufffd", text))
