"""Password rules beside Django's: no common Dutch word or name as a password."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext_lazy

WORDS_FILE = Path(__file__).with_name("common_passwords_nl.txt")
# Digits, signs and spaces people put around a word to pass a "use a digit" rule.
_PADDING = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@cache
def _words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class DutchCommonPasswordValidator:
    """Refuse a password that is a common Dutch word or name, also with digits or signs
    around it: "welkom123", "Kantelwerk!", "wachtwoord1".
    """

    def __init__(self, words_file: str | Path = WORDS_FILE):
        self.words_file = Path(words_file)

    def validate(self, password: str, user=None) -> None:
        lowered = password.lower().strip()
        if lowered in _words(self.words_file) or (
            _PADDING.sub("", lowered) in _words(self.words_file)
        ):
            raise ValidationError(
                _("This password is a common word that is easy to guess, even with digits."),
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return _("Your password can’t be a common word or name, with or without digits.")


# Django's own password messages, listed so that makemessages keeps their translations (plain
# Dutch, "je" form) in our catalogue, which Django reads before its own. Django 5.2 asks the
# "too short" message with %d, which its own Dutch catalogue lacks, so it came out in English.
DJANGO_MESSAGES = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        8,
    ),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
)
