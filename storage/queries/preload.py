"""Loading the rows a batch of work reads by id, in a few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, bindparam
from sqlmodel import Session, SQLModel, col, select

from storage.models import MeetingSession, Pair, Person

M = TypeVar("M", bound=SQLModel)


def rows_by(
    session: Session,
    model: type[M],
    key: Any,
    keys: Iterable[int],
    *conditions: ColumnElement[bool],
) -> dict[int, list[M]]:
    """The rows of `model` whose `key` column is one of `keys` (and meeting `conditions`), in
    one query, grouped by that key, each group in id order; absent keys: empty lists."""
    found: dict[int, list[M]] = defaultdict(list)
    if keys := set(keys):
        if conditions:
            column = col(key)
            rows = session.exec(
                select(model).where(column.in_(keys), *conditions).order_by(col(model.id))  # type: ignore[attr-defined]
            )
        else:
            rows = session.exec(_rows_by(model, key), params={"keys": list(keys)})
        for row in rows:
            found[getattr(row, key.key)].append(row)
    return found


def _by_id(model: type[M]) -> Any:
    return select(model).where(col(model.id).in_(bindparam("ids", expanding=True)))  # type: ignore[attr-defined]


# Built once (building a statement costs more than running it): a batch's reads by id.
_MEETINGS, _PAIRS, _PEOPLE = _by_id(MeetingSession), _by_id(Pair), _by_id(Person)


@cache
def _rows_by(model: type[M], key: Any) -> Any:
    """`rows_by`'s statement without conditions, built once per model and key."""
    keys: Any = bindparam("keys", expanding=True)
    return select(model).where(col(key).in_(keys)).order_by(col(model.id))  # type: ignore[attr-defined]


def load_by_ids(
    *, session: Session, session_ids: set[int], pair_ids: set[int], person_ids: set[int]
) -> list[SQLModel]:
    """Load these sessions, pairs and people, the pairs of the sessions and the members of the
    pairs, into `session`: its `get` then finds them without a query while the caller keeps
    the returned list (the session holds loaded rows weakly)."""
    meetings: list[MeetingSession] = (
        list(session.exec(_MEETINGS, params={"ids": list(session_ids)})) if session_ids else []
    )
    pair_ids = pair_ids | {meeting.pair_id for meeting in meetings}
    pairs: list[Pair] = (
        list(session.exec(_PAIRS, params={"ids": list(pair_ids)})) if pair_ids else []
    )
    person_ids = person_ids | {p.mentor_id for p in pairs} | {p.mentee_id for p in pairs}
    people: list[Person] = (
        list(session.exec(_PEOPLE, params={"ids": list(person_ids)})) if person_ids else []
    )
    return [*meetings, *pairs, *people]
