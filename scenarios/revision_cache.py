"""Rendered fragments of what cannot change, kept in the configured cache.

A published revision never changes, and neither does a finished attempt. Their rendered HTML
is kept under a key made of everything it was rendered from: the revision (its id and
creation time, or Wagtail's page cache key, which changes on every publish), the interface
language, the content-language attribute, and where principles are shown, their stamp.
Publishing makes a new revision and so a new key: nothing is invalidated by hand, so nothing
can be forgotten. Old keys age out after ``TIMEOUT``.

Only what every viewer of that revision sees goes in here. Per-learner state (progress,
scenario state, forms with a CSRF token, the reflection panel) is rendered around it.

The cache is Django's ``template_fragments`` alias when configured (Django's ``{% cache %}``
convention; the bench's cold rows point it at a cache that never hits), else ``default``:
Redis where REDIS_URL is set, otherwise what the settings configure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import InvalidCacheBackendError, caches
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# A day: a moved page's URL inside cached rich text is right again by tomorrow at the latest.
TIMEOUT = 24 * 60 * 60
KEY_VERSION = "1"


def fragment_cache():
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def fragment_key(kind: str, parts: Iterable[object]) -> str:
    """The cache key of a fragment: its kind and a digest of the language and every part."""
    raw = "\x1f".join(str(part) for part in (KEY_VERSION, get_language(), *parts))
    return f"kw:fragment:{kind}:{hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()}"


def cached_value(kind: str, parts: Iterable[object], compute: Callable[[], object]):
    """Return the value from the cache, or ``compute()`` it and keep it (never None)."""
    key = fragment_key(kind, parts)
    cache = fragment_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def cached_html(kind: str, parts: Iterable[object], render: Callable[[], str]) -> SafeString:
    """Return the fragment from the cache, or ``render()`` it and keep it.

    ``render`` must return HTML that is already safe (a rendered template).
    """
    html = cached_value(kind, parts, lambda: str(render()))
    return mark_safe(html)  # noqa: S308 — only rendered templates are stored


def revision_stamp(revision) -> str:
    """A revision's identity: its id and creation time (on SQLite a rolled-back id returns)."""
    return f"{revision.pk}@{revision.created_at.isoformat()}"
