"""The bench's cold rows use a cache that stores every write and never answers a read."""

from django.conf import settings
from kantelwerk.bench_cache import COLD, ColdLocMemCache


def test_the_cold_cache_writes_but_never_hits():
    cache = ColdLocMemCache("cold-test", {})
    cache.set("fragment", "<p>rendered</p>")
    assert cache.get("fragment") is None
    assert cache.get_many(["fragment"]) == {}
    assert "fragment" not in cache
    # The write happened: the store holds it, so a cold request pays for storing too.
    assert len(cache._cache) == 1


def test_every_configured_cache_backend_has_a_cold_twin():
    assert settings.CACHES["default"]["BACKEND"] in COLD
