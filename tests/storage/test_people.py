"""Recording people's profiles on SQLite and PostgreSQL: racing first records make one row."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import select

from bot.kernel.core import Core
from bot.people.profiles import record_profile
from storage.models import Person

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
