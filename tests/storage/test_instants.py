"""Instants in the database: SQLite's text written and read in one step, the same text and the
same instants as SQLAlchemy's own conversion; aware on every backend, naive ones refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, insert, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite.base import DATETIME

from storage.db import make_engine
from storage.types import UTCDateTime, from_sqlite, instant, to_sqlite

ZONES = [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=45))] + [
    ZoneInfo(name) for name in ("Europe/Paris", "America/Sao_Paulo", "Pacific/Chatham")
]
SQLALCHEMY_TEXT = DATETIME(timezone=True).bind_processor(sqlite.dialect())
SQLALCHEMY_READ = UTCDateTime().dialect_impl(sqlite.dialect())


def sqlalchemy_reads(text: str) -> datetime | None:
    """What SQLAlchemy's conversion and then the type's own made of a text (the general way)."""
    general = super(UTCDateTime, SQLALCHEMY_READ).result_processor(sqlite.dialect(), None)
    assert general is not None
    result: datetime | None = general(text)
    return result


aware = st.datetimes(
    min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.sampled_from(ZONES)
)


@given(aware)
def test_an_instant_becomes_the_text_sqlalchemy_writes_and_reads_back_the_same(
    moment: datetime,
) -> None:
    text = to_sqlite(moment)
    assert text == SQLALCHEMY_TEXT(moment.astimezone(UTC))
    back = from_sqlite(text, sqlalchemy_reads)
    assert back is not None and back.tzinfo is UTC
    assert back.timestamp() == moment.timestamp()
    assert back == sqlalchemy_reads(text or "")


@pytest.mark.parametrize(
    "text",
    [
        "2027-01-11 08:00:00",  # written by SQL, not by SQLAlchemy
        "2027-01-11 08:00:00.5",
        "2027-01-11 08:00:00.000000",
        "2027-01-11T08:00:00.000000",
    ],
)
def test_texts_written_otherwise_read_as_sqlalchemy_reads_them(text: str) -> None:
    read = from_sqlite(text, sqlalchemy_reads)
    assert read == sqlalchemy_reads(text) and read is not None and read.tzinfo is UTC


def test_naive_instants_are_refused() -> None:
    assert to_sqlite(datetime(2027, 1, 11, 8, tzinfo=UTC)) == "2027-01-11 08:00:00.000000"
    with pytest.raises(ValueError):  # though the same wall time, aware, was written just before
        to_sqlite(datetime(2027, 1, 11, 8))


@given(aware)
def test_one_instant_in_every_zone_is_written_once_as_the_same_text(moment: datetime) -> None:
    texts = {to_sqlite(moment.astimezone(zone)) for zone in ZONES for _ in range(2)}
    assert texts == {SQLALCHEMY_TEXT(moment.astimezone(UTC))}


def test_instants_stored_compare_and_read_back_aware(migrated_database_url: str) -> None:
    """Through a real database (SQLite, PostgreSQL): what is compared in SQL is the instant."""
    engine = make_engine(migrated_database_url)
    table = Table(
        "instants_test",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("at", UTCDateTime()),
    )
    paris = ZoneInfo("Europe/Paris")
    moments = [
        datetime(2027, 10, 31, 2, 30, fold=fold, tzinfo=paris)
        for fold in (0, 1)  # same wall time
    ] + [datetime(2027, 1, 11, 8, 0, 0, 1, tzinfo=UTC), datetime(2027, 1, 11, 3, tzinfo=ZONES[1])]
    try:
        table.create(engine)
        with engine.begin() as connection:
            connection.execute(insert(table), [{"at": at} for at in moments])
            by_id = dict(connection.execute(select(table.c.id, table.c.at)).all())
            before = connection.execute(
                select(table.c.id).where(table.c.at < instant("cut")),
                {"cut": datetime(2027, 10, 31, 1, 0, tzinfo=UTC)},  # between the two 2:30s
            )
            assert sorted(before.scalars()) == [1, 3, 4]
        assert [by_id[n].timestamp() for n in (1, 2, 3, 4)] == [m.timestamp() for m in moments]
        assert all(
            at.tzinfo is not None and at.utcoffset() == timedelta(0) for at in by_id.values()
        )
        with pytest.raises(Exception, match="naive"), engine.begin() as connection:
            connection.execute(insert(table), {"at": datetime(2027, 1, 11, 8)})
    finally:
        table.drop(engine, checkfirst=True)
        engine.dispose()
