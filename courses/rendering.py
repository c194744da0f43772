"""Show what a learner wrote: plain text with paragraphs, where web addresses become links.

Reflections and replies are stored exactly as typed and rendered on output, so a safer
renderer later applies to everything ever written. The text is escaped before anything
else; the only HTML that can come out is ``<p>``, ``<br>`` and ``<a href rel>`` made here.
"""

from __future__ import annotations

import html
import re

from bleach.linkifier import Linker, build_url_re
from django.utils.safestring import SafeString, mark_safe

SAFE_SCHEMES = ("http://", "https://")
LINK_REL = "nofollow noopener"

# Control characters (other than tab and newline) have no place in prose and some browsers
# skip them inside markup, so they go before escaping.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def _only_safe_links(attrs: dict, new: bool = False) -> dict | None:
    """Keep a link only for http(s) addresses and mark it as not endorsed by the site."""
    href = attrs.get((None, "href"), "")
    if not href.lower().startswith(SAFE_SCHEMES):
        return None
    return {(None, "href"): href, (None, "rel"): LINK_REL, "_text": attrs.get("_text", href)}


_linker = Linker(
    callbacks=[_only_safe_links],
    parse_email=False,
    url_re=build_url_re(protocols=["http", "https"]),
    recognized_tags=set(),
)


def render_reflection(text: str) -> SafeString:
    """Return the text as HTML paragraphs with clickable http(s) links and nothing else."""
    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    paragraphs = [part.strip("\n") for part in _BLANK_LINE.split(text) if part.strip()]
    rendered = []
    for paragraph in paragraphs:
        linked = _linker.linkify(html.escape(paragraph, quote=True))
        lines = linked.split("\n")
        rendered.append("<p>" + "<br>\n".join(lines) + "</p>")
    return mark_safe("\n".join(rendered))  # noqa: S308 — built only from escaped text above
