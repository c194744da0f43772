"""Django's database sessions, read with one statement built once per process.

Every signed-in request reads its session. Django's ``db`` engine builds that read with the
ORM each time (about 770 Python calls: a queryset, a compiled query, a model object) for
one row's ``session_data``. This store sends the same statement, with the same parameters
prepared the way the ORM prepares them, and decodes the data as Django does: an unknown or
expired key is no session (and gets a new key when saved), exactly as before. Writing,
deleting and creating sessions are Django's own.

Used where sessions live only in the database (no REDIS_URL); with Redis, Django's
``cached_db`` engine reads the cache first.
"""

from __future__ import annotations

from functools import lru_cache

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self):
        data = _session_data(self.get_model_class(), self.session_key)
        if data is None:
            self._session_key = None
            return {}
        return self.decode(data)


def _session_data(model, key: str) -> str | None:
    connection = connections[router.db_for_read(model)]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(_statement(model, connection.alias), [key, now])
        row = cursor.fetchone()
    return row[0] if row else None


@lru_cache(maxsize=8)
def _statement(model, alias: str) -> str:
    # Only the model's own table and column names, quoted, go into the text; the key and the
    # time are parameters.
    quote = connections[alias].ops.quote_name
    field = model._meta.get_field
    table, data = quote(model._meta.db_table), quote(field("session_data").column)
    return (
        f"SELECT {data} FROM {table} "  # noqa: S608
        f"WHERE {quote(field('session_key').column)} = %s "
        f"AND {quote(field('expire_date').column)} > %s"
    )
