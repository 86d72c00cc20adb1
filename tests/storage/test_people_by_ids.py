"""People read by id, on SQLite and PostgreSQL: any number of ids, however many a programme
has (PostgreSQL takes at most 65,535 parameters a statement)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session

from storage.db import make_engine, migrate
from storage.queries.people import Profile, names_by_ids, people_by_ids, upsert_people

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_more_ids_than_a_statement_takes_find_every_person(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with Session(engine) as session:
        people = upsert_people(
            session=session,
            platform="slack",
            profiles=[Profile(f"U{n}", f"name {n}", "Europe/Paris", "fr-FR") for n in range(3)],
            now=NOW,
        )
        session.commit()
        known = {person.id: person.external_id for person in people if person.id}
        asked = set(known) | set(range(1_000_000, 1_070_000))  # 70,003 ids, 3 of them people
        found = people_by_ids(session=session, ids=asked)
        assert {pid: person.external_id for pid, person in found.items()} == known
        names = names_by_ids(session=session, ids=asked)
        assert names == {pid: (f"name {ext[1:]}", ext) for pid, ext in known.items()}
        assert (
            people_by_ids(session=session, ids=set())
            == {}
            == names_by_ids(session=session, ids=set())
        )
    engine.dispose()
