"""Loading the rows a batch of work reads by id, in a few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from storage.models import MeetingSession, Pair, Person
from storage.queries.slices import among

M = TypeVar("M", bound=SQLModel)


def rows_by(
    session: Session, model: type[M], key: Any, keys: Iterable[int], statement: Any = None
) -> dict[int, list[M]]:
    """The rows of `model` whose `key` column is one of `keys`, in one query, grouped by that
    key, each group in id order; absent keys: empty lists. `statement`: a narrower one built
    once by the caller, with the same `keys` parameter and order."""
    found: dict[int, list[M]] = defaultdict(list)
    if keys := set(keys):
        statement = _rows_by(model, key) if statement is None else statement
        rows = session.exec(statement, params={"keys": list(keys)})
        for row in rows:
            found[getattr(row, key.key)].append(row)
    return found


def keyed_by(model: type[M], key: Any) -> Any:
    """`select(model)` where `key` is one of the parameter `keys` (a list), in id order: what
    `rows_by` runs, to narrow with `.where` into a statement built once."""
    return select(model).where(among(col(key), "keys")).order_by(col(model.id))  # type: ignore[attr-defined]


def _by_id(model: type[M]) -> Any:
    return select(model).where(among(col(model.id), "ids"))  # type: ignore[attr-defined]


# Built once (building a statement costs more than running it): a batch's reads by id.
_MEETINGS, _PAIRS, _PEOPLE = _by_id(MeetingSession), _by_id(Pair), _by_id(Person)


@cache
def _rows_by(model: type[M], key: Any) -> Any:
    """`rows_by`'s statement, built once per model and key."""
    return keyed_by(model, key)


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
