"""Reads by a list of keys, however long: one statement text whatever the list's length, and
slices of keys, since a programme's thousands of pairs, members or sessions are more than one
statement should carry."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy import BindParameter, ColumnElement, Integer, String, bindparam
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Boolean, TypeDecorator, TypeEngine

K = TypeVar("K", int, str)

IDS_PER_STATEMENT = 10_000
"""Keys one statement reads at most."""


def in_slices(keys: Iterable[K]) -> Iterator[list[K]]:
    """`keys` without repeats, in order, `IDS_PER_STATEMENT` at a time (none if empty): read
    slice after slice, the rows come in key order across slices too."""
    chosen = sorted(set(keys))
    for first in range(0, len(chosen), IDS_PER_STATEMENT):
        yield chosen[first : first + IDS_PER_STATEMENT]


class KeyList(TypeDecorator[list[Any]]):
    """A list of keys of type `of`, bound as one parameter: a JSON array on SQLite (read by
    `json_each`), an array on PostgreSQL."""

    impl = String()
    cache_ok = True

    def __init__(self, of: TypeEngine[Any]) -> None:
        super().__init__()
        self.of = of

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.ARRAY(self.of))
        return dialect.type_descriptor(String())

    def process_bind_param(self, value: Collection[Any] | None, dialect: Dialect) -> Any:
        if value is None:
            raise ValueError("a list of keys, not None")
        return list(value) if dialect.name == "postgresql" else json.dumps(list(value))


class Among(ColumnElement[bool]):
    """`column` is one of the keys bound to `keys` (a `KeyList` parameter). Unlike `IN (…)`
    with a parameter per key, its text is the same whatever the keys' number, so a database
    prepares it once (SQLite keeps it among its prepared statements, where each new length
    was one more, evicting another), and it is one parameter, far from PostgreSQL's 65,535."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it is, not `… = 1`
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration, read per class)
        ("column", InternalTraversal.dp_clauseelement),
        ("keys", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, keys: BindParameter[Any]) -> None:
        self.column = column
        self.keys = keys


def among(column: Any, keys: str | Collection[Any]) -> Among:
    """`column` is one of `keys`: a list, or the name of a parameter bound to a list at each
    execution (for statements built once). For lists whose length follows the data (ids,
    members, scopes); a caller's own short list (kinds, statuses) stays an `IN` list: it makes
    few texts, and SQLite's planner counts its terms, where it guesses a JSON array's size."""
    of = KeyList(Integer() if isinstance(column.type, Integer) else String())
    if isinstance(keys, str):
        return Among(column, bindparam(keys, type_=of))
    return Among(column, bindparam(None, list(keys), type_=of, unique=True))


@compiles(Among)
def _among_in_json(element: Among, compiler: SQLCompiler, **kw: Any) -> str:
    """SQLite (and any other): the keys as a JSON array, read as a table by `json_each`;
    SQLite seeks the column's index for each of them, as it does for an `IN` list."""
    column, keys = compiler.process(element.column, **kw), compiler.process(element.keys, **kw)
    return f"{column} IN (SELECT value FROM json_each({keys}))"


@compiles(Among, "postgresql")
def _among_array(element: Among, compiler: SQLCompiler, **kw: Any) -> str:
    """PostgreSQL: the keys as one array of the column's type."""
    column, keys = compiler.process(element.column, **kw), compiler.process(element.keys, **kw)
    return f"{column} = ANY({keys})"
