"""The principles, kept in the cache.

There are about a dozen, they appear on nearly every learner's page (callouts, results,
profiles) and trainers edit them rarely. Saving or deleting one clears the cache; where the
cache is per process (no Redis), other processes see an edit within ``SECONDS``.
"""

from django.core.cache import cache
from django.db import transaction

from .models import Principle

KEY = "principles:v1"
SECONDS = 300


def all_principles() -> list[Principle]:
    """Every principle in display order (order, then name)."""
    return cache.get_or_set(KEY, _load, SECONDS)


def principles_by_pk() -> dict[int, Principle]:
    return {principle.pk: principle for principle in all_principles()}


def principles_by_slug() -> dict[str, Principle]:
    return {principle.slug: principle for principle in all_principles()}


def _load() -> list[Principle]:
    return list(Principle.objects.order_by("order", "name"))


def forget_principles(**kwargs) -> None:
    # After the commit: a request in between would otherwise put the old rows back.
    transaction.on_commit(lambda: cache.delete(KEY))
