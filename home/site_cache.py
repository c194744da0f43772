"""Wagtail's site lookup and "are there any view restrictions?", kept per process.

Wagtail looks up the ``Site`` on every request that serves or links a page (a query with a
CASE per hostname, about 5,000 Python calls to build), fetches the home page's specific row
to route below it, and checks view restrictions with two queries (the page's ancestors, then
their restrictions). Sites, the home page and view restrictions change a few times a year.

So each process keeps a snapshot: the site found per hostname and port (its root page
already specific) and whether any ``PageViewRestriction`` exists at all. The snapshot
belongs to a stamp kept in the configured cache (Redis or the database's cache table in
production, shared by every worker). Saving or deleting a Site, a site's root page or a
view restriction writes a new stamp, at once and again after the commit, so every process
drops its snapshot on its next request: a new restriction protects at once, a changed site
shows at once. With a per-process cache (tests, the bench) the stamp is per process too.

Each request gets its own unpickled copy of the site, so nothing one request sets on it is
seen by another. When a restriction exists anywhere, Wagtail's own check runs unchanged.
"""

from __future__ import annotations

import pickle
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

STAMP_KEY = "kw:site-stamp:v1"


@dataclass
class Snapshot:
    """What this process knows under one stamp; a new stamp means a new snapshot (replaced
    whole, so a thread still holding the old one never sees it half cleared)."""

    stamp: str | None
    sites: dict[tuple[str, int], bytes] = field(default_factory=dict)
    restricted: bool | None = None


_snapshot = Snapshot(stamp=None)
_wagtail_find_for_request = None
_wagtail_get_view_restrictions = None


def current_stamp() -> str:
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        cache.add(STAMP_KEY, uuid.uuid4().hex, None)
        stamp = cache.get(STAMP_KEY)
    return stamp


def _fresh_snapshot() -> Snapshot:
    global _snapshot
    stamp = current_stamp()
    snapshot = _snapshot
    if snapshot.stamp != stamp:
        snapshot = _snapshot = Snapshot(stamp=stamp)
    return snapshot


def find_site(request):
    """Wagtail's ``Site._find_for_request``, from the snapshot when it is still current."""
    from django.http.request import split_domain_port

    snapshot = _fresh_snapshot()
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    pickled = snapshot.sites.get(key)
    if pickled is None:
        site = _wagtail_find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        pickled = snapshot.sites[key] = pickle.dumps(site)
    return pickle.loads(pickled)  # noqa: S301 — pickled by this process


def any_view_restrictions() -> bool:
    snapshot = _fresh_snapshot()
    if snapshot.restricted is None:
        from wagtail.models import PageViewRestriction

        snapshot.restricted = PageViewRestriction.objects.exists()
    return snapshot.restricted


def get_view_restrictions(page):
    """Wagtail's ``Page.get_view_restrictions``, without its two queries when none exist."""
    if not any_view_restrictions():
        from wagtail.models import PageViewRestriction

        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(page)


def forget(**kwargs) -> None:
    """A new stamp now (this transaction's requests) and after the commit (everyone's)."""
    _new_stamp()
    transaction.on_commit(_new_stamp)


def forget_if_site_root(sender, instance, **kwargs) -> None:
    from wagtail.models import Page, Site

    if isinstance(instance, Page) and Site.objects.filter(root_page_id=instance.pk).exists():
        forget()


def _new_stamp() -> None:
    cache.set(STAMP_KEY, uuid.uuid4().hex, None)


def install() -> None:
    """Route Wagtail's site lookup and view-restriction check through the snapshot, and
    forget it when a site, a site's root page or a view restriction changes."""
    global _wagtail_find_for_request, _wagtail_get_view_restrictions
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site

    if _wagtail_find_for_request is None:
        _wagtail_find_for_request = Site._find_for_request
        _wagtail_get_view_restrictions = Page.get_view_restrictions
        Site._find_for_request = staticmethod(find_site)
        Page.get_view_restrictions = get_view_restrictions
    for model in (Site, PageViewRestriction):
        post_save.connect(forget, sender=model, dispatch_uid=f"site-cache-save-{model.__name__}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"site-cache-del-{model.__name__}")
    post_save.connect(forget_if_site_root, dispatch_uid="site-cache-page-save")
    post_delete.connect(forget_if_site_root, dispatch_uid="site-cache-page-delete")
