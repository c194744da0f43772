"""Who may play a scenario and who may see an attempt.

Scenarios know nothing of courses: apps higher up answer these questions through the
Wagtail hooks ``MAY_PLAY`` and ``MAY_VIEW_ATTEMPT`` (see ``scenarios.hooks``).
"""

from django.http import Http404
from wagtail import hooks

from people.prepared import prepared

from .hooks import MAY_PLAY, MAY_VIEW_ATTEMPT
from .models import Attempt


def may_play(user, page) -> bool:
    return user.is_authenticated and all(check(user, page) for check in hooks.get_hooks(MAY_PLAY))


def may_view_attempt(user, attempt: Attempt) -> bool:
    if not user.is_authenticated:
        return False
    if attempt.user_id == user.pk:
        return True
    return any(check(user, attempt) for check in hooks.get_hooks(MAY_VIEW_ATTEMPT))


def attempts_with_revision():
    """Attempts with their revision, but not its content: the scenario it holds is parsed
    once per process (``scenarios.graph``), and reading a whole conversation's JSON on every
    step only to throw it away cost more than the rest of the query."""
    return Attempt.objects.select_related("revision").defer("revision__content")


def attempts_for_viewing():
    return attempts_with_revision().select_related("user__profile")


@prepared
def _players_attempt(pk: int, user_id: int):
    return attempts_with_revision().filter(pk=pk, user_id=user_id)


@prepared
def _attempt_for_viewing(pk: int):
    return attempts_for_viewing().filter(pk=pk)


def get_attempt_for_player(user, pk: int) -> Attempt:
    """Return the user's own attempt, or 404: only the player may play it."""
    found = _players_attempt(pk=pk, user_id=user.pk) if user.is_authenticated else []
    if not found:
        raise Http404
    return found[0]


def get_attempt_for_viewer(user, pk: int) -> Attempt:
    """Return an attempt the user may see (their own, or one a registered rule allows), or 404."""
    found = _attempt_for_viewing(pk=pk)
    if not found or not may_view_attempt(user, found[0]):
        raise Http404
    return found[0]
