"""Recording people's profiles on SQLite and PostgreSQL: racing first records make one row."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.people.profiles import record_profile
from storage.db import Database, make_engine
from storage.models import Person
from storage.queries.people import get_person, hold_person, hold_person_id, upsert_person

RACERS = 12


@pytest.mark.parametrize("person", ["UNEW1", "UNEW2", "UNEW3"])
def test_racing_first_records_of_a_person_all_succeed(
    core_on_each_database: Core, person: str
) -> None:
    core = core_on_each_database
    start = threading.Barrier(RACERS)

    def record(n: int) -> None:
        start.wait()
        record_profile(
            core,
            platform="slack",
            external_id=person,
            name=f"name {n}",
            timezone="Europe/Paris",
            locale="fr-FR",
        )

    with ThreadPoolExecutor(RACERS) as pool:
        list(pool.map(record, range(RACERS)))  # re-raises the first failure, if any
    with core.db.session() as session:
        [stored] = session.exec(select(Person).where(Person.external_id == person)).all()
    assert stored.name.startswith("name ") and stored.timezone == "Europe/Paris"
    assert stored.profile_at == core.clock.now()


def first_record(core: Core) -> Person:
    """The person `UHELD`, recorded now."""
    with core.db.session() as session:
        return upsert_person(
            session=session,
            platform="slack",
            external_id="UHELD",
            name="held",
            timezone=None,
            locale=None,
            now=core.clock.now(),
        )


def test_holding_a_person_stores_their_activity_unless_they_were_erased_since(
    core_on_each_database: Core,
) -> None:
    core = core_on_each_database
    person = first_record(core)
    later = core.clock.now() + timedelta(hours=1)
    with core.db.session() as session:
        read = get_person(session=session, platform="slack", external_id="UHELD")
        assert read is not None
        assert hold_person(session=session, person=read)  # a lock, nothing stored
        assert read.last_active_at is None
        assert hold_person(session=session, person=read, active_at=later)
        assert read.last_active_at == later and read not in session.dirty
    with core.db.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None and stored.last_active_at == later
        # Erased meanwhile (renamed), by another transaction: the person read before is refused.
        rename_as_erased(session, person)
    with core.db.session() as session:
        assert not hold_person(session=session, person=read, active_at=later + timedelta(hours=1))
        assert not hold_person(session=session, person=read)
    with core.db.session() as session:
        erased = session.get(Person, person.id)
        assert erased is not None and erased.last_active_at == later


def rename_as_erased(session: Session, person: Person) -> None:
    """What an erasure does to a person's platform id, in `session`."""
    session.execute(
        update(Person).where(col(Person.id) == person.id).values(external_id="erased:1")
    )


def test_holding_a_person_by_their_platform_id_reads_and_holds_them_at_once(
    core_on_each_database: Core,
) -> None:
    core = core_on_each_database
    person = first_record(core)
    later = core.clock.now() + timedelta(hours=1)

    def hold(
        session: Session, external_id: str = "UHELD", platform: str = "slack", at: datetime = later
    ) -> int | None:
        return hold_person_id(
            session=session, platform=platform, external_id=external_id, active_at=at
        )

    with core.db.session() as session:
        assert hold(session) == person.id
        # Nobody under that id, on that platform: nothing held, nothing stored.
        assert hold(session, platform="teams") is None and hold(session, "UNONE") is None
    with core.db.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None and stored.last_active_at == later
        # Erased (renamed) by another transaction: no longer found under their platform id.
        rename_as_erased(session, person)
    with core.db.session() as session:
        assert hold(session, at=later + timedelta(hours=1)) is None
    with core.db.session() as session:
        erased = session.get(Person, person.id)
        assert erased is not None and erased.last_active_at == later


@pytest.fixture
def postgres_core(migrated_postgres_url: str, clock: ManualClock) -> Iterator[Core]:
    engine = make_engine(migrated_postgres_url)
    yield Core(db=Database(engine), clock=clock)
    engine.dispose()


@pytest.mark.postgres
def test_a_held_person_is_locked_until_the_holder_commits(
    postgres_core: Core, clock: ManualClock
) -> None:
    core = postgres_core
    first_record(core)
    with core.db.session() as holder, core.db.session() as other:
        first = get_person(session=holder, platform="slack", external_id="UHELD")
        second = get_person(session=other, platform="slack", external_id="UHELD")
        assert first is not None and second is not None
        assert hold_person(session=holder, person=first)
        other.execute(text("SET LOCAL lock_timeout = '200ms'"))
        with pytest.raises(OperationalError):
            hold_person(session=other, person=second, active_at=clock.now())
        other.rollback()


@pytest.mark.postgres
def test_a_person_held_by_platform_id_is_locked_until_the_holder_commits(
    postgres_core: Core, clock: ManualClock
) -> None:
    """Two DMs of one person take turns: the second waits for the first's commit."""
    core = postgres_core
    person = first_record(core)

    def hold(session: Session) -> int | None:
        return hold_person_id(
            session=session, platform="slack", external_id="UHELD", active_at=clock.now()
        )

    with core.db.session() as holder, core.db.session() as other:
        assert hold(holder) == person.id
        other.execute(text("SET LOCAL lock_timeout = '200ms'"))
        with pytest.raises(OperationalError):
            hold(other)
        other.rollback()
        holder.commit()
        assert hold(other) == person.id
