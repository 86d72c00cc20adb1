"""The queries behind /metrics' gauges, on SQLite and PostgreSQL: what is owed by kind and
platform, and pairs by status."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.kernel.notice_keys import ChannelRecipient, PersonRecipient, UserRecipient
from storage.db import Database, make_engine, migrate
from storage.queries.notifications import (
    SENT,
    Owed,
    claim_due,
    finish,
    owe,
    owed_by_kind_and_platform,
)
from storage.queries.people import upsert_person

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[Database]:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    yield Database(engine)
    engine.dispose()


def test_owed_counts_due_unsent_rows_by_kind_and_platform(database: Database) -> None:
    with database.session() as session:
        ids = {}
        for platform, external in (("slack", "U1"), ("slack", "U2"), ("teams", "29:1x")):
            person = upsert_person(
                session=session,
                platform=platform,
                external_id=external,
                name=external,
                timezone="UTC",
                locale="en-GB",
                now=NOW,
            )
            ids[external] = person.id
        due, later = NOW - timedelta(minutes=5), NOW + timedelta(hours=1)
        owe(
            session=session,
            owed=[
                Owed("reminder", PersonRecipient(ids["U1"]).key, "s:1", due),
                Owed("reminder", PersonRecipient(ids["U2"]).key, "s:1", due),
                Owed("reminder", PersonRecipient(ids["29:1x"]).key, "s:1", due),
                Owed("reminder", PersonRecipient(ids["U1"]).key, "s:2", later),  # not due
                Owed("nudge", PersonRecipient(ids["U2"]).key, "s:3", due),  # sent below
                Owed("digest", ChannelRecipient("slack", "C1").key, "w:1", due),
                Owed("mediation", UserRecipient("teams", "29:9m").key, "p:1", due),
            ],
            now=NOW,
        )
    with database.session() as session:
        [nudge] = [
            row
            for row in claim_due(
                session=session, now=NOW, owner="me", lease=timedelta(minutes=1), limit=10
            )
            if row.kind == "nudge"
        ]
        assert nudge.id is not None
        finish(
            session=session,
            notification_id=nudge.id,
            owner="me",
            status=SENT,
            now=NOW,
            outcome="ts",
        )
    with database.session() as session:
        owed = owed_by_kind_and_platform(session=session, now=NOW)
    # Rows claimed but not yet sent are still owed.
    assert owed == {
        ("reminder", "slack"): 2,
        ("reminder", "teams"): 1,
        ("digest", "slack"): 1,
        ("mediation", "teams"): 1,
    }
