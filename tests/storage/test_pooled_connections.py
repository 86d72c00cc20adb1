"""PostgreSQL's pooled connections: checked on checkout once they sat unused for a while (the
server may have dropped them), handed out at once when used a moment ago."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import OperationalError

from storage.db import IDLE_BEFORE_PING, make_engine

pytestmark = pytest.mark.postgres


def backend_pid(engine: Engine) -> int:
    with engine.connect() as connection:
        pid: int = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    return pid


def terminate(url: str, pid: int) -> None:
    """The server drops that connection, as a restart or an idle timeout would."""
    admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.connect() as connection:
        assert connection.execute(text(f"SELECT pg_terminate_backend({pid})")).scalar_one()
    admin.dispose()


def test_a_connection_dropped_while_idle_is_replaced_before_use(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    dropped = backend_pid(engine)
    terminate(postgres_url, dropped)
    time.sleep(IDLE_BEFORE_PING + 0.1)
    assert backend_pid(engine) != dropped  # no error: checked, then replaced
    engine.dispose()


def test_a_connection_used_a_moment_ago_is_not_pinged(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(postgres_url)
    pings: list[object] = []
    ping = engine.dialect.do_ping

    def counted(connection: DBAPIConnection) -> bool:
        pings.append(connection)
        return ping(connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    first = backend_pid(engine)
    for _ in range(20):
        assert backend_pid(engine) == first
    assert pings == []
    terminate(postgres_url, dropped := first)
    # Not checked: its one use fails, the pool is dropped, and the next use reconnects.
    with pytest.raises(OperationalError, match="terminating connection"):
        backend_pid(engine)
    assert backend_pid(engine) != dropped
    engine.dispose()
