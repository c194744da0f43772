"""How the site names a person in greetings, messages and files: never by username."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist


def _profile_name(user) -> str:
    try:
        return (user.profile.display_name or "").strip()
    except (AttributeError, ObjectDoesNotExist):
        return ""


def display_name(user) -> str:
    """The person's name as they gave it; else their full name, else their email address."""
    return (
        _profile_name(user)
        or (user.get_full_name() if hasattr(user, "get_full_name") else "").strip()
        or getattr(user, "email", "")
        or str(user)
    )


def first_name(user) -> str:
    """What a greeting calls the person ("Hoi Fatima,"): their first name when known."""
    given = (getattr(user, "first_name", "") or "").strip()
    if given:
        return given
    name = _profile_name(user)
    if name:
        return name.split()[0]
    return display_name(user)
