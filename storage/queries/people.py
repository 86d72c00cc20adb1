"""People."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from storage.db import execute_core
from storage.models import Person
from storage.queries.inserts import insert_ignoring_conflicts
from storage.queries.slices import among, in_slices
from storage.types import instant


def get_person(*, session: Session, platform: str, external_id: str) -> Person | None:
    return session.exec(
        _PERSON_BY_PLATFORM_ID, params={"platform": platform, "external_id": external_id}
    ).first()


# Built once, with parameters: every request and event reads its person.
_PERSON_BY_PLATFORM_ID = select(Person).where(
    Person.platform == bindparam("platform"), Person.external_id == bindparam("external_id")
)


def hold_person(*, session: Session, person: Person, active_at: datetime | None = None) -> bool:
    """Lock `person`'s row for the rest of the transaction if they are still who they were
    read as; False when they were erased since (renamed `erased:<id>`). `active_at`: their
    last activity, stored on the way.

    Every transaction that stores what a person writes holds them first, and so does their
    erasure: the two never interleave. What was written before an erasure is erased with it;
    what comes after it is refused, never left behind under the erased row. On SQLite this
    first write takes the database's write lock; on PostgreSQL, the row's.

    One Core statement built once (every action and DM holds its author, and building the
    ORM's UPDATE cost several times running it), after what the session holds is flushed, as
    the ORM's UPDATE did."""
    params = {"person_id": person.id, "read_as": person.external_id}
    if active_at is None:
        held = execute_core(session, _HOLD, params)
    else:
        held = execute_core(session, _HOLD_ACTIVE, params | {"active_at": active_at})
        set_committed_value(person, "last_active_at", active_at)
    return bool(held.rowcount)


_people = Person.__table__  # type: ignore[attr-defined]
_HELD = update(_people).where(
    _people.c.id == bindparam("person_id"), _people.c.external_id == bindparam("read_as")
)
_HOLD = _HELD.values(external_id=bindparam("read_as"))  # a write, to take the lock
_HOLD_ACTIVE = _HELD.values(last_active_at=instant("active_at"))


def hold_person_id(
    *, session: Session, platform: str, external_id: str, active_at: datetime
) -> int | None:
    """The id of the person `external_id` on `platform`, held as `hold_person` holds them,
    `active_at` stored as their last activity; None when nobody is stored under that id: never
    recorded, or erased (renamed), even by an erasure the hold waited for. For a caller that
    needs the id alone (a DM): one statement where `get_person` then `hold_person` took two,
    and no ORM row (a `Person` the session holds does not read the new `last_active_at`)."""
    params = {"on_platform": platform, "platform_id": external_id, "active_at": active_at}
    held: int | None = execute_core(session, _HOLD_NAMED, params).scalar_one_or_none()
    return held


_HOLD_NAMED = (
    update(_people)
    .where(
        _people.c.platform == bindparam("on_platform"),
        _people.c.external_id == bindparam("platform_id"),
    )
    .values(last_active_at=instant("active_at"))
    .returning(_people.c.id)
)


def person_by_id(*, session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise LookupError(f"no person {person_id}")
    return person


def upsert_person(
    *,
    session: Session,
    platform: str,
    external_id: str,
    name: str,
    timezone: str | None,
    locale: str | None,
    now: datetime,
) -> Person:
    """Create or refresh a person's profile.

    Inserted with ON CONFLICT DO NOTHING, then read: requests racing to record the same new
    person all find the one row (a plain INSERT would fail all but one of them).
    """
    (person,) = upsert_people(
        session=session,
        platform=platform,
        profiles=[Profile(external_id, name, timezone, locale)],
        now=now,
    )
    return person


NAME_AT_MOST = 255  # `Person.name`'s length: Teams names run to 256 characters
LOCALE_AT_MOST = 32  # `Person.locale`'s length: the longest locale tag is far shorter
ZONE_AT_MOST = 64  # `Person.timezone`'s length: the longest IANA zone name is 32


@dataclass(frozen=True)
class Profile:
    """What a platform says of a person, as the database keeps it: a name longer than its
    column is cut, a "locale" or "zone" longer than any is none (PostgreSQL refused the row
    before, and every request of that person failed)."""

    external_id: str
    name: str
    timezone: str | None
    locale: str | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", self.name[:NAME_AT_MOST])
        if self.locale is not None and len(self.locale) > LOCALE_AT_MOST:
            object.__setattr__(self, "locale", None)
        if self.timezone is not None and len(self.timezone) > ZONE_AT_MOST:
            object.__setattr__(self, "timezone", None)


def upsert_people(
    *, session: Session, platform: str, profiles: list[Profile], now: datetime
) -> list[Person]:
    """`upsert_person` for each of `profiles` (a batch: the caller bounds its size), in a few
    statements for them all; the people in the order of `profiles`."""
    if not profiles:
        return []
    session.execute(
        insert_ignoring_conflicts(session, Person, "platform", "external_id"),
        [{"platform": platform, "external_id": p.external_id, "name": p.name} for p in profiles],
    )
    found = {
        person.external_id: person
        for person in session.exec(
            select(Person).where(
                Person.platform == platform,
                among(col(Person.external_id), [p.external_id for p in profiles]),
            )
        )
    }
    people = [found[p.external_id] for p in profiles]
    for person, profile in zip(people, profiles, strict=True):
        person.name = profile.name
        person.timezone = profile.timezone or person.timezone
        person.locale = profile.locale or person.locale
        person.profile_at = now
        session.add(person)
    session.flush()
    return people


def people_by_ids(*, session: Session, ids: set[int]) -> dict[int, Person]:
    """The people of `ids` that exist, by id (a statement a slice of ids: `in_slices`)."""
    return {
        p.id: p
        for some in in_slices(ids)
        for p in session.exec(_PEOPLE_BY_IDS, params={"ids": some})
        if p.id
    }


_PEOPLE_BY_IDS = select(Person).where(among(col(Person.id), "ids"))


def names_by_ids(*, session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    """Each person's name and platform id (which tells an erased person), by id: two columns,
    not a whole person, for the thousands a digest names."""
    return {
        person_id: (name, external_id)
        for some in in_slices(ids)
        for person_id, name, external_id in session.execute(_NAMES_BY_IDS, {"ids": some})
    }


_NAMES_BY_IDS = select(col(Person.id), col(Person.name), col(Person.external_id)).where(
    among(col(Person.id), "ids")
)


def people_named(*, session: Session, name: str) -> list[Person]:
    """Whoever `name` may be: `platform:id` (`slack:U1`, `teams:29:…`) or a bare platform id,
    on any platform."""
    platform, _, external_id = name.partition(":")
    found = people_with_external_ids(session=session, external_ids=frozenset({name}))
    prefixed = get_person(session=session, platform=platform, external_id=external_id)
    return found + ([prefixed] if prefixed is not None and prefixed not in found else [])


def people_with_external_ids(*, session: Session, external_ids: frozenset[str]) -> list[Person]:
    """Everyone, on any platform, whose platform user id is one of `external_ids`."""
    if not external_ids:
        return []
    return list(
        session.exec(
            select(Person).where(col(Person.external_id).in_(external_ids)).order_by(col(Person.id))
        )
    )


def people_on(*, session: Session, platform: str, limit: int) -> list[Person]:
    """People known on `platform`, by name (for pickers)."""
    return list(
        session.exec(
            select(Person).where(Person.platform == platform).order_by(Person.name).limit(limit)
        )
    )
