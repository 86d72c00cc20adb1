"""Loading the rows a batch of work reads by id, in a few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement
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
        column = col(key)
        rows = session.exec(
            select(model).where(column.in_(keys), *conditions).order_by(col(model.id))  # type: ignore[attr-defined]
        )
        for row in rows:
            found[getattr(row, key.key)].append(row)
    return found


def load_by_ids(
    *, session: Session, session_ids: set[int], pair_ids: set[int], person_ids: set[int]
) -> list[SQLModel]:
    """Load these sessions, pairs and people, the pairs of the sessions and the members of the
    pairs, into `session`: its `get` then finds them without a query while the caller keeps
    the returned list (the session holds loaded rows weakly)."""
    meetings = (
        list(session.exec(select(MeetingSession).where(col(MeetingSession.id).in_(session_ids))))
        if session_ids
        else []
    )
    pair_ids = pair_ids | {meeting.pair_id for meeting in meetings}
    pairs = list(session.exec(select(Pair).where(col(Pair.id).in_(pair_ids)))) if pair_ids else []
    person_ids = person_ids | {p.mentor_id for p in pairs} | {p.mentee_id for p in pairs}
    people = (
        list(session.exec(select(Person).where(col(Person.id).in_(person_ids))))
        if person_ids
        else []
    )
    return [*meetings, *pairs, *people]
