"""Avatars made of initials, drawn here instead of fetched from Gravatar.

Gravatar would receive a hash of every staff member's email address, and the content
security policy blocks it anyway, so the admin showed broken images.
"""

from __future__ import annotations

from urllib.parse import quote
from xml.sax.saxutils import escape


def initials(first_name: str, last_name: str, fallback: str) -> str:
    """'Karin de Vries' → 'KV'; someone without a name gets the first letter of their login."""
    words = [word for word in f"{first_name} {last_name}".split() if word[:1].isupper()]
    letters = [words[0][0], words[-1][0]] if len(words) > 1 else [w[0] for w in words]
    return "".join(letters).upper() or (fallback[:1].upper() or "?")


def initials_svg(text: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
        '<rect width="40" height="40" fill="#005f7a"/>'
        '<text x="20" y="25.5" font-family="sans-serif" font-size="15" font-weight="700" '
        f'fill="#fff" text-anchor="middle">{escape(text)}</text></svg>'
    )


def avatar_data_url(first_name: str, last_name: str, fallback: str) -> str:
    svg = initials_svg(initials(first_name, last_name, fallback))
    return "data:image/svg+xml," + quote(svg)
