"""Join codes for a live session: short, read aloud or typed from a projector without doubt.

Plain Python, no Django. The alphabet leaves out look-alikes (0/O, 1/I/L); a typed code
is normalised (case, spaces) before it is looked up.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """Upper case, no spaces or dashes; what is left may still be invalid."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())[:20]


def looks_valid(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)
