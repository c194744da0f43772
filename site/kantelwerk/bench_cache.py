"""Caches that never hit, for the bench's cold rows (kantelwerk.settings.bench, BENCH_COLD_SERVER).

Every read misses and every write still happens, so a page pays what it pays on the first
request after a publish: each revision-cache fragment rendered and stored. Nothing but the
bench settings names these classes.
"""

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache


class NeverHits:
    def get(self, key, default=None, version=None):
        return default

    def get_many(self, keys, version=None):
        return {}

    def has_key(self, key, version=None):
        return False


class ColdLocMemCache(NeverHits, LocMemCache):
    pass


class ColdRedisCache(NeverHits, RedisCache):
    pass


class ColdDatabaseCache(NeverHits, DatabaseCache):
    pass


COLD = {
    "django.core.cache.backends.locmem.LocMemCache": f"{__name__}.ColdLocMemCache",
    "django.core.cache.backends.redis.RedisCache": f"{__name__}.ColdRedisCache",
    "django.core.cache.backends.db.DatabaseCache": f"{__name__}.ColdDatabaseCache",
}
