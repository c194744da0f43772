"""Who may play a scenario and who may see an attempt.

Scenarios know nothing of courses. Apps higher up (courses) answer these questions by
registering checks here; with none registered, scenarios are open to every logged-in user
and an attempt is visible to its player only.
"""

from collections.abc import Callable

from django.http import Http404

from .models import Attempt

PlayCheck = Callable[[object, object], bool]
ViewCheck = Callable[[object, Attempt], bool]

_play_checks: list[PlayCheck] = []
_attempt_viewers: list[ViewCheck] = []


def register_play_check(check: PlayCheck) -> None:
    """Add a rule that must hold before a user may play a scenario page."""
    _play_checks.append(check)


def register_attempt_viewer(check: ViewCheck) -> None:
    """Add a rule that lets someone other than the player see an attempt (e.g. a trainer)."""
    _attempt_viewers.append(check)


def may_play(user, page) -> bool:
    return user.is_authenticated and all(check(user, page) for check in _play_checks)


def may_view_attempt(user, attempt: Attempt) -> bool:
    if not user.is_authenticated:
        return False
    if attempt.user_id == user.pk:
        return True
    return any(check(user, attempt) for check in _attempt_viewers)


def attempts_for_viewing():
    return Attempt.objects.select_related("revision", "user__profile")


def get_attempt_for_player(user, pk: int) -> Attempt:
    """Return the user's own attempt, or 404: only the player may play it."""
    try:
        return Attempt.objects.select_related("revision").get(pk=pk, user_id=user.pk)
    except Attempt.DoesNotExist:
        raise Http404 from None


def get_attempt_for_viewer(user, pk: int) -> Attempt:
    """Return an attempt the user may see (their own, or one a registered rule allows), or 404."""
    attempt = attempts_for_viewing().filter(pk=pk).first()
    if attempt is None or not may_view_attempt(user, attempt):
        raise Http404
    return attempt
