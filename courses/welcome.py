"""Welcome a newcomer ("Welkom, Fatima") and welcome everyone else back."""

from __future__ import annotations

from people.welcome import is_first_visit
from scenarios.models import Attempt

from .models import LessonProgress


def is_newcomer(request) -> bool:
    """In the session of their first login, and nothing learnt yet.

    Both: an account made for someone (the demo, an import) may have learnt before it
    ever logged in, and a second login is no longer a first visit.
    """
    user = request.user
    if not user.is_authenticated or not is_first_visit(request):
        return False
    return not (
        Attempt.objects.filter(user=user).exists()
        or LessonProgress.objects.filter(user=user).exists()
    )
