"""The principles, kept in the cache.

There are about a dozen, they appear on nearly every learner's page (callouts, results,
profiles) and trainers edit them rarely. Saving or deleting one clears the cache; where the
cache is per process (no Redis), other processes see an edit within ``SECONDS``.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction

from .models import Principle

KEY = "principles:v1"
STAMP_KEY = "principles:stamp:v1"
SECONDS = 300


def all_principles() -> list[Principle]:
    """Every principle in display order (order, then name)."""
    principles = cache.get(KEY)
    return principles if principles is not None else _load_and_keep()[0]


def principles_by_pk() -> dict[int, Principle]:
    return {principle.pk: principle for principle in all_principles()}


def principles_by_slug() -> dict[str, Principle]:
    return {principle.slug: principle for principle in all_principles()}


def principles_stamp() -> str:
    """A digest of every principle as shown: part of the key of cached fragments that show
    principles (scenarios/revision_cache.py), so an edit shows at once. Kept beside the
    principles, so a page that only needs the digest does not read every principle back."""
    stamp = cache.get(STAMP_KEY)
    return stamp if stamp is not None else _load_and_keep()[1]


def _digest(principles: list[Principle]) -> str:
    fields = ("pk", "slug", "name", "short_label", "description", "order")
    fields += ("name_en", "short_label_en", "description_en")
    text = "\x1e".join(
        "\x1f".join(str(getattr(principle, field)) for field in fields) for principle in principles
    )
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _load_and_keep() -> tuple[list[Principle], str]:
    """Read the principles and keep them with their digest, always together: a digest worked
    out from principles read earlier could outlive an edit made in between."""
    principles = list(Principle.objects.order_by("order", "name"))
    stamp = _digest(principles)
    cache.set_many({KEY: principles, STAMP_KEY: stamp}, SECONDS)
    return principles, stamp


def forget_principles(**kwargs) -> None:
    # After the commit: a request in between would otherwise put the old rows back.
    transaction.on_commit(lambda: cache.delete_many([KEY, STAMP_KEY]))
