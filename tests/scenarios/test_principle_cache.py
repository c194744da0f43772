"""A trainer who renames or removes a principle sees it on the next page, not in five minutes."""

import pytest
from django.core.cache import cache

from scenarios import principle_cache
from scenarios.models import Principle
from scenarios.principle_cache import all_principles, principles_by_slug, principles_stamp


@pytest.mark.django_db(transaction=True)
def test_saving_or_deleting_a_principle_clears_the_cache(migrated_db):
    assert "eigen-kracht" in principles_by_slug()  # fills the cache
    principle = Principle.objects.get(slug="eigen-kracht")
    principle.name = "Eigen kracht en regie"
    principle.save()
    assert principles_by_slug()["eigen-kracht"].name == "Eigen kracht en regie"

    principle.delete()
    assert "eigen-kracht" not in {p.slug for p in all_principles()}


@pytest.mark.django_db(transaction=True)
def test_the_digest_of_cached_callouts_never_outlives_the_principles_it_describes(migrated_db):
    """Cached callouts are keyed by the principles' digest. When the digest is gone from the
    cache (evicted, or expired a moment before the principles), it is read again with the
    principles, never worked out from principles kept from before an edit."""
    before = principles_stamp()
    assert [p.name for p in all_principles()]  # both are kept now
    # An edit seen by another process only (its cache was not cleared here), then the
    # digest alone drops out of this process's cache.
    Principle.objects.filter(slug="eigen-kracht").update(name="Eigen kracht en regie")
    cache.delete(principle_cache.STAMP_KEY)

    after = principles_stamp()
    assert after != before
    assert principles_by_slug()["eigen-kracht"].name == "Eigen kracht en regie"
