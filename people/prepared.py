"""ORM queries built once per process and run many times with other values.

The learner's pages ask the same few questions on every request ("this learner's attempts
at these scenarios", "this lesson's course and the learner's group"), each a query with
subqueries and annotations. Building such a query with the ORM (``filter``, ``annotate``,
resolving expressions, compiling to SQL) cost more than running it: on the lesson page about
two thirds of the time went into building four queries whose shape never changes.

``prepared`` keeps the ORM definition as the only definition of the query. The first call
builds the queryset with stand-in values, compiles it, and notes which SQL parameters are
the stand-ins; later calls put the real values in their place and run the SQL, turning rows
into model instances, tuples or dicts as the queryset would. Nothing is cached but the
query's shape: every call reads the database.

What a prepared query accepts, so a value cannot change the SQL's shape unseen:

- each argument is an ``int`` or a ``str`` that the query passes to the database unchanged
  (``field=value``, ``field__in=[...]``, ``Value(value)``; not ``startswith``, which
  rewrites the value), or a list or tuple of those;
- a list prepares one query per length (an ``IN`` with three ids is another SQL than one
  with four); the number of lengths a page sees is small;
- ``select_related`` works as in the ORM; ``prefetch_related`` is refused.

A stand-in that does not come out of the compiler unchanged (the query rewrote it, or
dropped it) fails on the first call with an error that names the argument, so a query that
cannot be prepared is found by the first test that uses it, never in production.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)

# Stand-ins: marked strings, and integers near the top of a 32-bit column (PostgreSQL's
# ``integer``): Django leaves out a lookup whose value lies outside the column's range, and
# positive integer columns start at 0. Only the compiler sees them; they are never run.
_FIRST_INT_STAND_IN = 2_147_000_000
_LAST_INT_STAND_IN = 2**31 - 1
# The string stand-in holds the characters LIKE-style lookups escape, so a lookup that
# escapes or wraps the value changes it, and that is seen.
_STR_MARK = "\u27e6prepared"
_STR_STAND_IN = _STR_MARK + " {name}#{number} %_\\\u27e7"
# What a 64-bit integer column holds; Django leaves out a lookup for a value beyond it.
_INT_RANGE = range(-(2**63), 2**63)


class PreparedQueryError(TypeError):
    """A query or an argument that ``prepared`` cannot handle."""


class _Compiled:
    """One compiled shape of a prepared query on one database."""

    def __init__(self, queryset: QuerySet, slots: dict[Any, tuple[str, int | None]]):
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet):
            raise PreparedQueryError(
                "prepared query: a stand-in value made a condition always true or false "
                "(a column too small for it?); this query cannot be prepared"
            ) from None
        self.sql = sql
        self.alias = queryset.db
        self.params = list(params)
        self.slot_positions = []
        found = set()
        for position, param in enumerate(self.params):
            slot = slots.get(param) if isinstance(param, int | str) else None
            if slot is not None:
                self.slot_positions.append((position, slot))
                found.add(slot)
            elif _looks_like_a_stand_in(param):
                name = param.split()[1].split("#")[0] if isinstance(param, str) else "a value"
                raise PreparedQueryError(
                    f"prepared query: the value of {name} is rewritten or computed on before "
                    "it reaches the database (a lookup that escapes it?); pass the value itself"
                )
        missing = sorted({name for name, _ in set(slots.values()) - found})
        if missing:
            raise PreparedQueryError(
                f"prepared query: the value of {', '.join(missing)} does not reach the "
                "database unchanged (a lookup rewrites it, or the query drops it)"
            )
        self.col_count = compiler.col_count
        self.trim = compiler.has_extra_select
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())
        self.kind = queryset._iterable_class
        if self.kind is ModelIterable:
            klass_info = compiler.klass_info
            self.model = klass_info["model"]
            start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
            self.model_slice = slice(start, end)
            self.init_list = [f[0].target.attname for f in compiler.select[start:end]]
            self.annotations = list(compiler.annotation_col_map.items())
            self.related = get_related_populators(klass_info, compiler.select, self.alias)
        elif self.kind is ValuesIterable:
            query = queryset.query
            self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        elif self.kind not in (ValuesListIterable, FlatValuesListIterable):
            raise PreparedQueryError(f"prepared query: {self.kind.__name__} is not supported")

    def run(self, values: dict[str, Any]) -> list:
        params = list(self.params)
        for position, (name, index) in self.slot_positions:
            params[position] = values[name] if index is None else values[name][index]
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.trim:
            rows = [row[: self.col_count] for row in rows]
        if self.converters:
            rows = [self._convert(row, connection) for row in rows]
        return self._shape(rows)

    def _convert(self, row, connection) -> list:
        row = list(row)
        for position, (converters, expression) in self.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, connection)
            row[position] = value
        return row

    def _shape(self, rows) -> list:
        if self.kind is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.kind is ValuesListIterable:
            return [tuple(row) for row in rows]
        if self.kind is ValuesIterable:
            return [dict(zip(self.names, row, strict=True)) for row in rows]
        objects = []
        for row in rows:
            obj = self.model.from_db(self.alias, self.init_list, row[self.model_slice])
            for populator in self.related:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


class PreparedQuery:
    """A queryset-building function, compiled once per database and shape of its arguments.

    Call it with the function's arguments (by name) for the list of results.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self.names = list(inspect.signature(build).parameters)
        self._compiled: dict[tuple, _Compiled] = {}
        self.__doc__ = build.__doc__
        self.__name__ = build.__name__

    def __call__(self, **values) -> list:
        if set(values) != set(self.names):
            raise PreparedQueryError(f"{self.__name__} takes {', '.join(self.names)}")
        in_range = {name: _within_range(value) for name, value in values.items()}
        if any(in_range[name] is None and values[name] is not None for name in values):
            return []  # an id no column can hold: nothing matches, as the ORM would answer
        values = in_range
        shape = tuple(_shape_of(name, values[name]) for name in self.names)
        compiled = self._compiled.get(shape)
        if compiled is None:
            compiled = self._compiled[shape] = self._compile(shape)
        return compiled.run(values)

    def _compile(self, shape: tuple) -> _Compiled:
        stand_ins: dict[str, Any] = {}
        slots: dict[Any, tuple[str, int | None]] = {}
        counter = iter(range(_FIRST_INT_STAND_IN, _LAST_INT_STAND_IN + 1))

        def stand_in(name: str, kind: type, index: int | None):
            if kind is int:
                value = next(counter)
            else:
                value = _STR_STAND_IN.format(name=name, number=len(slots))
            slots[value] = (name, index)
            return value

        for name, (kind, length) in zip(self.names, shape, strict=True):
            if length is None:
                stand_ins[name] = stand_in(name, kind, None)
            else:
                stand_ins[name] = [stand_in(name, kind, index) for index in range(length)]
        queryset = self.build(**stand_ins)
        if queryset._prefetch_related_lookups:
            raise PreparedQueryError("prepared query: prefetch_related is not supported")
        return _Compiled(queryset, slots)


def _within_range(value):
    """The value as the ORM would send it: an integer no column can hold matches nothing
    (None), and is left out of a list (None when nothing is left)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value in _INT_RANGE else None
    if isinstance(value, list | tuple) and value:
        kept = [
            v for v in value if not isinstance(v, int) or isinstance(v, bool) or v in _INT_RANGE
        ]
        return kept or None
    return value


def _looks_like_a_stand_in(param) -> bool:
    if isinstance(param, str):
        return _STR_MARK in param
    if isinstance(param, int) and not isinstance(param, bool):
        return _FIRST_INT_STAND_IN <= param <= _LAST_INT_STAND_IN
    return False


def _shape_of(name: str, value) -> tuple[type, int | None]:
    if isinstance(value, bool):
        raise PreparedQueryError(f"prepared query: {name} is a bool; build it into the query")
    if isinstance(value, int | str):
        return (type(value), None)
    if isinstance(value, list | tuple) and value:
        kinds = {type(each) for each in value}
        if len(kinds) == 1 and kinds <= {int, str}:
            return (kinds.pop(), len(value))
    raise PreparedQueryError(
        f"prepared query: {name} must be an int, a str or a non-empty list of one of them"
    )


def prepared(build: Callable[..., QuerySet]) -> PreparedQuery:
    """Decorate a function that builds a queryset from its arguments (see the module)."""
    return PreparedQuery(build)
