"""The small state every screen polls: one cached dict per session, rebuilt in 2 queries.

``version`` changes on every write, so it is the ETag; ``phase`` changes only when a screen
must show something else (a new step, the reveal, the followed choice, the end), so a phone
reloads on a new phase and only updates its vote count otherwise.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count

# Short, so a poll that raced a write (read before it, stored after it) is soon corrected.
CACHE_SECONDS = 5


def _key(pk: int) -> str:
    return f"live:state:{pk}"


def forget_state(pk: int) -> None:
    cache.delete(_key(pk))


def state_of(pk: int) -> dict | None:
    data = cache.get(_key(pk))
    if data is None:
        from .models import LiveSession, LiveVote

        row = (
            LiveSession.objects.filter(pk=pk)
            .values("version", "step", "revealed", "followed_key", "state", "trainer_id")
            .annotate(joined=Count("participants"))
            .order_by("version")  # first() wants an order; one row anyway
            .first()
        )
        if row is None:
            return None
        votes = LiveVote.objects.filter(session_id=pk, step=row["step"]).count()
        data = {
            "version": row["version"],
            "step": row["step"],
            "revealed": row["revealed"],
            "state": row["state"],
            "votes": votes,
            "joined": row["joined"],
            "phase": f"{row['step']}-{int(row['revealed'])}-{row['followed_key']}-{row['state']}",
            "trainer_id": row["trainer_id"],
        }
        cache.set(_key(pk), data, CACHE_SECONDS)
    return data


def public_state(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "trainer_id"}


# The poll's ``scope`` for screens that show no counts (phones).
PHASE_ONLY = "phase"


def phase_state(data: dict) -> dict:
    return {key: data[key] for key in ("phase", "step", "revealed", "state")}
