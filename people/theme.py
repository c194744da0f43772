"""An organisation's own colour, checked for contrast, as CSS custom properties.

The site draws with three tokens in the manner of NL Design System (``--accent``,
``--accent-dark``, ``--accent-soft``); an organisation sets one colour and the other two are
derived from it. The colour carries white text (the header, primary buttons) and is itself
text on white (links), so it must reach WCAG AA, 4.5:1, against white.
"""

from __future__ import annotations

import re

AA_NORMAL_TEXT = 4.5
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _channels(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(channels) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in channels)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an ``#rrggbb`` colour."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, other: str, share_of_other: float) -> str:
    return _hex(
        a + (b - a) * share_of_other
        for a, b in zip(_channels(colour), _channels(other), strict=True)
    )


def theme_css(colour: str, logo_url: str = "") -> str:
    """The stylesheet that overrides the site's tokens; ``colour`` was validated on saving."""
    lines = [
        ":root {",
        f"  --accent: {colour.lower()};",
        f"  --accent-dark: {mix(colour, '#000000', 0.25)};",
        f"  --accent-soft: {mix(colour, '#ffffff', 0.9)};",
        "}",
    ]
    if logo_url:
        escaped = logo_url.replace("\\", "\\\\").replace('"', '\\"')
        lines += [f'.org-logo {{ display: inline-block; background-image: url("{escaped}"); }}']
    return "\n".join(lines) + "\n"
