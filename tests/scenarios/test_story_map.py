"""The story map: what an author sees when looking at a scenario's graph."""

from __future__ import annotations

import itertools
import random
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.engine import Choice, Node, Problem, Scenario, validate_graph
from scenarios.problem_messages import message
from scenarios.story_map import render_map

SVG = "{http://www.w3.org/2000/svg}"


def mark() -> Scenario:
    return Scenario(
        title="Dagbesteding voor Mark",
        principles=("presentie",),
        start="begin",
        nodes=(
            Node(
                "begin",
                "Ik wil naar de zorgboerderij, daar gaat mijn vriend ook heen.",
                choices=(
                    Choice("vraag-door", "Wat trekt je daar?", "motief", "desired"),
                    Choice("moeder", "Wat vindt je moeder?", "motief", "acceptable"),
                    Choice("regel-het", "Ik regel het.", "einde", "less_desired"),
                ),
            ),
            Node(
                "motief",
                "Sem gaat er ook heen.",
                choices=(
                    Choice("afronden", "Zullen we Sem bellen?", "einde", "desired"),
                    Choice("terug", "Vraag opnieuw", "begin", "acceptable"),
                ),
            ),
            Node("einde", "Mark gaat met Sem mee.", end=True),
        ),
    )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output)


def nodes_by_key(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-key"): g for g in root.iter(f"{SVG}g") if "sm-node" in g.get("class", "")}


def texts(element: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    return [
        tuple(float(g.find(f"{SVG}rect").get(a)) for a in ("x", "y", "width", "height"))
        for g in nodes_by_key(root).values()
    ]


def test_map_is_an_accessible_svg_in_dutch() -> None:
    root = parse(render_map(mark()))
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.find(f"{SVG}title").text == "Verhaalkaart: Dagbesteding voor Mark"
    desc = root.find(f"{SVG}desc").text
    assert "Begint bij begin" in desc and "gestippeld is minder gewenst" in desc


def test_every_node_is_drawn_with_its_key_and_an_excerpt() -> None:
    nodes = nodes_by_key(parse(render_map(mark())))
    assert set(nodes) == {"begin", "motief", "einde"}
    shown = texts(nodes["begin"])
    assert "begin" in shown
    assert any(t.startswith("Ik wil naar de zorgboerderij") and t.endswith("…") for t in shown)
    assert all(len(t) <= 40 for t in shown)


def test_start_and_endings_are_marked_in_words() -> None:
    nodes = nodes_by_key(parse(render_map(mark())))
    assert "Begin" in texts(nodes["begin"])
    assert "Einde" in texts(nodes["einde"])
    assert "Einde" not in texts(nodes["motief"])


def test_choice_quality_is_shown_by_dash_pattern_not_colour_alone() -> None:
    root = parse(render_map(mark()))
    dash_by_quality = {}
    for g in root.iter(f"{SVG}g"):
        if "sm-edge" in g.get("class", ""):
            quality = g.get("class").split()[1].removeprefix("sm-")
            dash_by_quality[quality] = g.find(f"{SVG}path").get("stroke-dasharray")
            assert g.get("data-choice") in texts(g)
    assert set(dash_by_quality) == {"desired", "acceptable", "less_desired"}
    assert len(set(dash_by_quality.values())) == 3
    legend = " ".join(texts(root))
    for word in ("gewenst", "acceptabel", "minder gewenst", "startpunt", "einde", "probleem"):
        assert word in legend


@pytest.mark.django_db  # the message names the principle
def test_a_node_named_by_a_problem_is_highlighted_with_its_message() -> None:
    problem = Problem("score_in_loop", "motief", "terug", "scores", {"scores": (("p", 1),)})
    nodes = nodes_by_key(parse(render_map(mark(), [problem], message)))
    flagged, calm = nodes["motief"], nodes["einde"]
    assert "!" in texts(flagged)
    assert message(problem) in flagged.find(f"{SVG}title").text
    assert float(flagged.find(f"{SVG}rect").get("stroke-width")) >= 2 * float(
        nodes["begin"].find(f"{SVG}rect").get("stroke-width")
    )
    assert "!" not in texts(calm)


def test_unreachable_and_dead_end_nodes_are_highlighted() -> None:
    scenario = mark()
    lost = Node(
        "los", "Hier komt niemand.", choices=(Choice("rond", "nog eens", "los", "desired"),)
    )
    scenario = Scenario(
        scenario.title, scenario.principles, scenario.start, (*scenario.nodes, lost)
    )
    node = nodes_by_key(parse(render_map(scenario, validate_graph(scenario), message)))["los"]
    assert "!" in texts(node)
    tip = node.find(f"{SVG}title").text
    assert "Stap 'los' is niet bereikbaar vanaf het begin" in tip
    assert "Vanuit stap 'los' is geen einde bereikbaar" in tip


def test_a_missing_target_becomes_a_question_mark_placeholder() -> None:
    broken = Node("begin", "Hallo", choices=(Choice("weg", "Ga", "nergens", "desired"),))
    scenario = Scenario("Kapot", (), "begin", (broken,))
    nodes = nodes_by_key(parse(render_map(scenario)))
    assert "? nergens" in texts(nodes["nergens"])
    assert "Bestaat niet" in texts(nodes["nergens"])


def test_a_missing_start_does_not_crash() -> None:
    scenario = Scenario("Leeg begin", (), "start", (Node("einde", "Klaar", end=True),))
    nodes = nodes_by_key(parse(render_map(scenario)))
    assert "? start" in texts(nodes["start"])


def test_user_text_is_escaped() -> None:
    nasty = '<script>alert("x")</script> & "quotes"'
    node = Node('a"<script>', nasty, choices=(Choice('c"<b>', nasty, "z", "desired"),))
    scenario = Scenario(nasty, (), 'a"<script>', (node, Node("z", nasty, end=True)))
    svg = render_map(scenario, [Problem("no_choices", 'a"<script>')], lambda p: nasty)
    assert "<script>" not in svg and "<b>" not in svg
    root = parse(svg)
    assert nasty in root.find(f"{SVG}title").text
    assert 'a"<script>' in nodes_by_key(root)


def test_text_colours_meet_wcag_aa_on_white() -> None:
    root = parse(render_map(mark(), [Problem("unreachable", "motief")]))
    colours = {t.get("fill") for t in root.iter(f"{SVG}text")} - {"#fff"}
    assert colours
    for colour in colours:
        assert contrast(colour, "#ffffff") >= 4.5, colour


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def layered(n: int, seed: int = 7) -> Scenario:
    """Build a branching, re-joining scenario of ``n`` nodes with some loops back."""
    rnd = random.Random(seed)
    keys = [f"n{i}" for i in range(n)]
    nodes = []
    for i, key in enumerate(keys):
        if i >= n - 5:
            nodes.append(Node(key, f"Einde {i}", end=True))
            continue
        targets = sorted({min(n - 1, i + rnd.randint(1, 9)) for _ in range(rnd.randint(1, 3))})
        choices = [
            Choice(f"k{j}", "t", keys[t], rnd.choice(["desired", "acceptable"]))
            for j, t in enumerate(targets)
        ]
        if i > 3 and rnd.random() < 0.1:
            choices.append(Choice("terug", "t", keys[i - 2], "less_desired"))
        nodes.append(
            Node(key, f"Situatie {i}: de bewoner vertelt over de buurt", choices=tuple(choices))
        )
    return Scenario("Groot", (), "n0", tuple(nodes))


def assert_boxes_fit_and_do_not_overlap(root: ET.Element) -> None:
    vx, vy, vw, vh = map(float, root.get("viewBox").split())
    placed = boxes(root)
    for x, y, w, h in placed:
        assert vx <= x and x + w <= vx + vw and vy <= y and y + h <= vy + vh
    for (ax, ay, aw, ah), (bx, by, bw, bh) in itertools.combinations(placed, 2):
        assert ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay


def test_two_hundred_nodes_render_without_overlap() -> None:
    scenario = layered(200)
    root = parse(render_map(scenario))
    assert len(nodes_by_key(root)) == 200
    assert_boxes_fit_and_do_not_overlap(root)
    assert float(root.get("viewBox").split()[2]) <= 1600


node_keys = st.sampled_from([f"k{i}" for i in range(12)])


@st.composite
def any_scenario(draw: st.DrawFn) -> Scenario:
    keys = draw(st.lists(node_keys, min_size=1, max_size=12, unique=True))
    nodes = []
    for key in keys:
        targets = draw(st.lists(node_keys, max_size=4))
        choices = tuple(
            Choice(
                f"c{i}",
                "t",
                target,
                draw(st.sampled_from(["desired", "acceptable", "less_desired", "?"])),
            )
            for i, target in enumerate(targets)
        )
        nodes.append(Node(key, draw(st.text(max_size=60)), end=not choices, choices=choices))
    return Scenario("Willekeurig", (), draw(node_keys), tuple(nodes))


@settings(max_examples=60, deadline=None)
@given(any_scenario())
def test_any_graph_renders_a_well_formed_map(scenario: Scenario) -> None:
    root = parse(render_map(scenario))
    assert {n.key for n in scenario.nodes} <= set(nodes_by_key(root))
    assert_boxes_fit_and_do_not_overlap(root)
