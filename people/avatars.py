"""Avatars made of initials, drawn here instead of fetched from Gravatar.

Gravatar would receive a hash of every staff member's email address, and the content
security policy blocks it anyway, so the admin showed broken images.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

# What an avatar URL may carry: one or two capitals, or "?" for an account that is gone.
LETTERS = re.compile(r"^(?:[A-Z]{1,2}|\?)$")


def initials(first_name: str, last_name: str, fallback: str) -> str:
    """'Karin de Vries' → 'KV'; someone without a name gets the first letter of their login."""
    # Accents go (É → E), so the letters fit the avatar's address.
    plain = unicodedata.normalize("NFKD", f"{first_name} {last_name}")
    words = [word for word in plain.split() if "A" <= word[:1] <= "Z"]
    letters = [words[0][0], words[-1][0]] if len(words) > 1 else [w[0] for w in words]
    first = fallback[:1].upper()
    return "".join(letters) or (first if "A" <= first <= "Z" else "?")


def initials_svg(text: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
        '<rect width="40" height="40" fill="#005f7a"/>'
        '<text x="20" y="25.5" font-family="sans-serif" font-size="15" font-weight="700" '
        f'fill="#fff" text-anchor="middle">{escape(text)}</text></svg>'
    )
