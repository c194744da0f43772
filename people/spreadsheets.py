"""Text bound for a spreadsheet (CSV or XLSX download) must never run as a formula.

Plain Python, no Django: every app's exports use the one rule.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Dutch Excel splits a CSV line on ";" (and some tools on ","), so text after a separator
# inside one cell can become a cell of its own, and must not start a formula either.
FORMULA_AFTER_SEPARATOR = re.compile(r"([;,]\s*)(?=[=+\-@\t\r])")


def defuse(value: object) -> object:
    """Keep a spreadsheet from running text as a formula: prefix it with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def defuse_csv(value: object) -> object:
    """Like ``defuse``, and also for every part after a ``;`` or ``,`` inside the text."""
    value = defuse(value)
    if isinstance(value, str):
        return FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)
    return value
