"""Make an uploaded SVG a plain drawing: shapes, text and gradients, nothing that runs or loads.

An SVG is a document, not a picture: opened on its own address it may run scripts in the
site's name, and it may fetch things from elsewhere. Logos are SVG files uploaded by
organisation administrators and served from the site's media, so every SVG image is rebuilt
from an allow-list before it is stored (``people/image_forms.py``). Pure: no Django.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: S405 — only to build and write; parsing is defusedxml

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"

ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan",
        "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    }
)  # fmt: skip
ATTRIBUTES = frozenset(
    {
        "id", "class", "viewBox", "preserveAspectRatio", "width", "height", "version",
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "dx", "dy", "d", "points", "transform", "offset", "role", "aria-label", "aria-hidden",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
        "stroke-opacity", "opacity", "color", "display", "visibility", "style",
        "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
        "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
        "font-family", "font-size", "font-weight", "font-style", "text-anchor",
        "dominant-baseline", "letter-spacing", "word-spacing", "href",
    }
)  # fmt: skip
# Anything that could fetch or run: a url() that does not point inside the drawing, CSS
# escapes that could spell one, old script hooks.
UNSAFE_VALUE = re.compile(
    r"url\s*\(\s*['\"]?\s*(?!#)|\\|@import|expression\s*\(|javascript:|data:", re.IGNORECASE
)


EMPTY_DRAWING = (
    b"<?xml version='1.0' encoding='utf-8'?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" />"
)


class UnreadableSvg(ValueError):
    """The file is not an SVG drawing that can be read safely."""


def _local(name: str, namespace: str) -> str | None:
    """The bare name of ``{namespace}name``; None for any other namespace."""
    prefix = "{" + namespace + "}"
    if name.startswith(prefix):
        return name[len(prefix) :]
    return None


def _clean_attributes(element) -> None:
    for name, value in list(element.attrib.items()):
        bare = _local(name, XLINK) if name.startswith("{" + XLINK) else name
        keep = bare in ATTRIBUTES and not UNSAFE_VALUE.search(value)
        if bare == "href":
            keep = value.startswith("#")
        del element.attrib[name]
        if keep:
            element.set(bare, value)


def _clean(element) -> None:
    for child in list(element):
        name = _local(child.tag, SVG) if isinstance(child.tag, str) else None
        if name not in ELEMENTS:
            element.remove(child)  # its tail text goes too: nothing an SVG needs
            continue
        _clean_attributes(child)
        _clean(child)


def sanitised_svg(data: bytes) -> bytes:
    """Return the drawing in ``data`` with only allowed elements and attributes.

    Raises ``UnreadableSvg`` when ``data`` is not an SVG document, or uses entities or
    external references in its declarations.
    """
    try:
        root = fromstring(data)  # a DOCTYPE is fine; entities and external references are not
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise UnreadableSvg(str(error)) from error
    if _local(root.tag, SVG) != "svg":
        raise UnreadableSvg("the outer element is not <svg>")
    _clean_attributes(root)
    _clean(root)
    ET.register_namespace("", SVG)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
