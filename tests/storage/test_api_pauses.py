"""A 429 one process received pauses the same scope in every process on the database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.ports import DeliveryError
from handlers.pacing import Pacer
from storage.db import Database, make_engine, migrate
from storage.models import ApiPause
from storage.queries.api_pauses import SharedPauses, Take, pause_scope, scope_key, take_scopes

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
SCOPE = "chat.postMessage:UCLAIRE"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, sqlite_url: str) -> Database:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    yield Database(engine)
    engine.dispose()


async def call(pacer: Pacer, scope: str) -> str:
    """A paced call, once the scope is given back (in the background) on the board."""
    async with pacer.turn(scope):
        pass
    await pacer.settle()
    return "called"


def test_a_pause_one_replica_received_holds_in_the_other(database: Database) -> None:
    clock = ManualClock(NOW)
    first, second = (Pacer(clock, shared=SharedPauses(database, "slack")) for _ in range(2))
    assert asyncio.run(call(second, SCOPE)) == "called"
    first.pause(SCOPE, 30)
    with pytest.raises(DeliveryError) as paused:
        asyncio.run(call(second, SCOPE))
    assert paused.value.retry_after == 30 and not paused.value.counts
    assert asyncio.run(call(second, "chat.postMessage:UTHOMAS")) == "called"
    teams = Pacer(clock, shared=SharedPauses(database, "teams"))
    assert asyncio.run(call(teams, SCOPE)) == "called"  # another platform's scope
    clock.advance(timedelta(seconds=10))
    second.pause(SCOPE, 5)  # a shorter pause after it does not shorten it
    with pytest.raises(DeliveryError) as still:
        asyncio.run(call(Pacer(clock, shared=SharedPauses(database, "slack")), SCOPE))
    assert still.value.retry_after == 20
    clock.advance(timedelta(seconds=20))
    assert (
        asyncio.run(call(Pacer(clock, shared=SharedPauses(database, "slack")), SCOPE)) == "called"
    )
    first.pause("chat.postMessage:UTHOMAS", 1)  # forgets the pauses that are over
    with database.session() as session:
        stored = list(session.exec(select(ApiPause.scope)))
    assert stored == [scope_key("slack", "chat.postMessage:UTHOMAS")]
    assert stored[0].startswith("slack:") and "UTHOMAS" not in stored[0]  # a digest of it


def test_a_pause_received_inside_the_event_loop_is_shared_in_the_background(
    database: Database,
) -> None:
    clock = ManualClock(NOW)
    first, second = (Pacer(clock, shared=SharedPauses(database, "slack")) for _ in range(2))

    async def limited_then_other() -> bool:
        first.pause(SCOPE, 30)
        with pytest.raises(DeliveryError):
            await call(first, SCOPE)  # at once here, without reading the database
        for _ in range(200):  # the write is in flight for a moment
            try:
                await call(second, SCOPE)
            except DeliveryError:
                return True
            await asyncio.sleep(0.05)
        return False

    assert asyncio.run(limited_then_other())


def test_one_process_calls_a_scope_at_a_time_and_gives_it_back_with_its_429(
    database: Database,
) -> None:
    clock = ManualClock(NOW)
    first, second = (Pacer(clock, shared=SharedPauses(database, "slack")) for _ in range(2))

    async def calls() -> tuple[float | None, float | None]:
        async with first.turn(SCOPE):
            with database.session() as session:  # taken while called, under a digest
                assert list(session.exec(select(ApiPause.scope))) == [scope_key("slack", SCOPE)]
            with pytest.raises(DeliveryError) as busy:
                await call(second, SCOPE)
            first.pause(SCOPE, 30)  # the 429 this call got
        await first.settle()  # given back in the background
        with pytest.raises(DeliveryError) as paused:
            await call(second, SCOPE)
        return busy.value.retry_after, paused.value.retry_after

    assert asyncio.run(calls()) == (1, 30)
    clock.advance(timedelta(seconds=30))
    assert asyncio.run(call(second, SCOPE)) == "called"
    with database.session() as session:
        assert list(session.exec(select(ApiPause.scope))) == []  # nothing paused or busy


def test_sends_in_flight_at_once_share_their_transactions_on_the_board(
    database: Database,
) -> None:
    """Thirty calls to thirty scopes at once: their takes and gives-back go in a few
    transactions, not two each; every scope is given back."""
    clock = ManualClock(NOW)
    pacer = Pacer(clock, shared=SharedPauses(database, "slack"))
    commits: list[int] = []
    event.listen(database.engine, "commit", lambda _: commits.append(1))

    async def thirty() -> list[str]:
        return await asyncio.gather(*(call(pacer, f"chat.postMessage:U{n}") for n in range(30)))

    assert asyncio.run(thirty()) == ["called"] * 30
    assert 2 <= len(commits) <= 10
    with database.session() as session:
        assert list(session.exec(select(ApiPause.scope))) == []


def test_takes_of_a_batch_are_one_statement_and_each_gets_its_answer(
    database: Database,
) -> None:
    """New, free again, paused, busy elsewhere, asked for twice: one INSERT for them all and
    one SELECT for those refused, each answered as if taken alone."""
    later = NOW + timedelta(seconds=20)
    with database.session() as session:
        pause_scope(session=session, scope="paused", until=later, now=NOW)
        pause_scope(session=session, scope="over", until=NOW, now=NOW)
        assert take_scopes(session=session, takes=[Take("busy", NOW)]) == [None]
    statements: list[str] = []
    event.listen(
        database.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_: statements.append(statement.split()[0]),
    )
    takes = [Take(scope, NOW) for scope in ("new", "over", "paused", "busy", "new")]
    with database.session() as session:
        answers = take_scopes(session=session, takes=takes)
    assert answers == [None, None, later, NOW + timedelta(seconds=1), NOW + timedelta(seconds=1)]
    assert statements == ["INSERT", "SELECT"]
    with database.session() as session:
        assert take_scopes(session=session, takes=[Take("other", NOW)]) == [None]
    assert statements[2:] == ["INSERT"]  # all taken: no SELECT


class BrokenGiveBack(SharedPauses):
    async def give_back(self, scope: str, paused_until: datetime | None, now: datetime) -> None:
        raise OSError("the database went away")


def test_a_scope_that_cannot_be_given_back_is_logged_and_the_call_stands(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """The call is over (its message may be sent): it must not look failed and be sent again;
    the scope frees itself after a while."""
    pacer = Pacer(ManualClock(NOW), shared=BrokenGiveBack(database, "slack"))
    assert asyncio.run(call(pacer, SCOPE)) == "called"
    assert "could not give back scope" in caplog.text
