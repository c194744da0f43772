"""An uploaded SVG keeps its drawing and loses everything that could run or fetch."""

import pytest

from people.svg import UnreadableSvg, sanitised_svg

LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'viewBox="0 0 10 10"><title>Logo</title>'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#7a1f3d"/></linearGradient>'
    b'</defs><rect width="10" height="10" fill="url(#g)"/>'
    b'<use xlink:href="#g"/><text x="1" y="8" font-size="4">Maaswijk</text></svg>'
)


def test_a_plain_drawing_keeps_its_shapes_text_and_local_references():
    clean = sanitised_svg(LOGO).decode()
    for kept in ('viewBox="0 0 10 10"', "<title>Logo</title>", 'fill="url(#g)"', "Maaswijk"):
        assert kept in clean
    assert 'href="#g"' in clean
    assert sanitised_svg(sanitised_svg(LOGO)) == sanitised_svg(LOGO)  # stable when stored


@pytest.mark.parametrize(
    "attack",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        b'<use x:href="https://evil.example/s.svg#a"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe src="https://evil.example"/>'
        b"</foreignObject></svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/t.png"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/);</style>'
        b"</svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/)"/>'
        b"</svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url( \'https://evil.example/\')"/>'
        b"</svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/>'
        b"</svg>",
    ],
)
def test_nothing_that_runs_or_fetches_survives(attack):
    clean = sanitised_svg(attack).decode().lower()
    for word in ("script", "alert", "evil", "onload", "onclick", "foreignobject", "<set"):
        assert word not in clean


def test_a_doctype_as_drawing_programs_write_it_is_fine():
    exported = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + LOGO
    )
    assert b"Maaswijk" in sanitised_svg(exported)


@pytest.mark.parametrize(
    "not_a_drawing",
    [
        b"",
        b"<html><body>hoi</body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
    ],
)
def test_what_is_not_a_readable_drawing_is_refused(not_a_drawing):
    with pytest.raises(UnreadableSvg):
        sanitised_svg(not_a_drawing)
