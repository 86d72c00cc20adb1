"""`among`: a column is one of a list of keys, bound as one parameter, on SQLite and PostgreSQL.
It finds what `IN (…)` finds for any list (empty, repeated keys, keys absent, integers or
text), and its statement's text is the same whatever the list's length: a database prepares
it once, instead of once per length (each of which evicted another of SQLite's prepared
statements)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.db import make_engine, migrate
from storage.models import Notification, Person
from storage.queries.slices import among

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
PEOPLE = 40
KINDS = ("reminder", "digest", "summary_request", "l'été", "a,b", '"quoted"', "")


@pytest.fixture
def engine(migrated_database_url: str) -> Iterator[Engine]:
    engine = make_engine(migrated_database_url)
    migrate(engine)
    with Session(engine) as session:
        session.add_all(
            Person(platform="slack", external_id=f"U{n}", name=f"P{n}") for n in range(PEOPLE)
        )
        session.add_all(
            Notification(kind=kind, recipient="u:1", subject=f"s{n}", due_at=NOW, created_at=NOW)
            for n, kind in enumerate(KINDS)
        )
        session.commit()
    yield engine
    engine.dispose()


def _people_ids(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return sorted(p.id for p in session.exec(select(Person)) if p.id)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(min_value=-3, max_value=PEOPLE + 3), max_size=60))
def test_finds_what_an_in_list_finds_for_any_list_of_ids(engine: Engine, picks: list[int]) -> None:
    ids = _people_ids(engine)
    wanted = [ids[p] if 0 <= p < len(ids) else 10_000 + p for p in picks]
    named = select(Person.id).where(among(col(Person.id), "ids")).order_by(col(Person.id))
    with Session(engine) as session:
        by_value = session.exec(
            select(Person.id).where(among(col(Person.id), wanted)).order_by(col(Person.id))
        ).all()
        by_name = session.exec(named, params={"ids": wanted}).all()
        by_in = (
            session.exec(
                select(Person.id).where(col(Person.id).in_(wanted)).order_by(col(Person.id))
            ).all()
            if wanted
            else []
        )
    assert by_value == by_name == by_in == sorted(set(wanted) & set(ids))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.sampled_from((*KINDS, "absent", "REMINDER", "reminder ")), max_size=12))
def test_finds_text_keys_exactly(engine: Engine, picks: list[str]) -> None:
    with Session(engine) as session:
        found = session.exec(
            select(Notification.kind).where(among(col(Notification.kind), picks))
        ).all()
    assert sorted(found) == sorted(set(picks) & set(KINDS))


def test_one_statement_text_whatever_the_number_of_keys(engine: Engine) -> None:
    texts: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        texts.append(statement)

    ids = _people_ids(engine)
    named = select(Person).where(among(col(Person.id), "ids"))
    event.listen(engine, "before_cursor_execute", record)
    try:
        with Session(engine) as session:
            counts = [
                len(session.exec(named, params={"ids": ids[:n]}).all())
                for n in (0, 1, 2, 7, PEOPLE)
            ]
            by_value = [
                len(session.exec(select(Person).where(among(col(Person.id), ids[:n]))).all())
                for n in (1, 3, PEOPLE)
            ]
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert counts == [0, 1, 2, 7, PEOPLE]
    assert by_value == [1, 3, PEOPLE]
    assert len(texts) == 8
    assert len(set(texts[:5])) == 1  # the statement built once: one text for five lengths
    assert len(set(texts[5:])) == 1  # built at each call: one text too


def test_more_keys_than_a_statement_may_have_parameters(engine: Engine) -> None:
    """PostgreSQL refuses a statement of more than 65,535 parameters; the keys are one."""
    ids = _people_ids(engine)
    many = [*range(100_000, 170_000), *ids]
    with Session(engine) as session:
        found = session.exec(select(Person.id).where(among(col(Person.id), many))).all()
    assert len(found) == len(ids) and set(found) == set(ids)
