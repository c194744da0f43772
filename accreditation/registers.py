"""The professional registers and what we know of their registration numbers (no Django).

What is checked, and why no more:

- Registerplein, V&VN Kwaliteitsregister, SKJ and NIP give their members a number of digits
  only. None of them publishes a fixed length, so we accept 4 to 12 digits (spaces and dots
  people type are dropped) and check nothing we cannot know, such as a check digit.
- A BIG number (the Dutch register of care professions, which V&VN members often use) is
  exactly 11 digits; a V&VN number of 11 digits is therefore also accepted.
- "Other" registers are free text (letters, digits, dashes), up to 30 characters.

A wrong number is caught by the register itself when attendance is reported; this check only
stops typing mistakes such as letters in a number or a number of two digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REGISTERPLEIN = "registerplein"
VVN = "vvn"
SKJ = "skj"
NIP = "nip"
OTHER = "other"

# (code, name as the register calls itself): the names are proper nouns, never translated.
REGISTERS = [
    (REGISTERPLEIN, "Registerplein"),
    (VVN, "V&VN Kwaliteitsregister"),
    (SKJ, "SKJ"),
    (NIP, "NIP"),
    (OTHER, "Ander register"),
]
NAMES = dict(REGISTERS)

_DIGITS = re.compile(r"\d{4,12}")
_OTHER = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/]{0,29}")
_TYPED_SEPARATORS = re.compile(r"[\s.]")


@dataclass(frozen=True)
class NumberCheck:
    number: str  # the number as it will be stored (separators removed)
    error: str = ""  # a code for the problem, empty when the number is fine

    @property
    def ok(self) -> bool:
        return not self.error


def normalise(number: str) -> str:
    """Drop the spaces and dots people type in long numbers ("123 456" is "123456")."""
    return _TYPED_SEPARATORS.sub("", number or "")


def check_number(register: str, number: str) -> NumberCheck:
    """Check ``number`` for ``register``: ``error`` is "empty", "digits" or "characters"."""
    cleaned = normalise(number)
    if not cleaned:
        return NumberCheck(cleaned, "empty")
    if register == OTHER:
        return NumberCheck(cleaned, "" if _OTHER.fullmatch(cleaned) else "characters")
    if register not in NAMES:
        raise ValueError(f"unknown register {register!r}")
    return NumberCheck(cleaned, "" if _DIGITS.fullmatch(cleaned) else "digits")
