"""Shared fixtures: clean environment, manual clock, databases (SQLite; PostgreSQL if any)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from storage.db import Database, make_engine, migrate

ENV_PREFIXES = ("SLACK_", "DATABASE_URL", "MENTORBOT_", "PORT")
# The Teams SDK reads these itself (os.getenv), whatever the settings say.
TEAMS_VARIABLES = ("CLIENT_ID", "CLIENT_SECRET", "TENANT_ID", "SERVICE_URL", "DANGEROUSLY_ALLOW")


def clear_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove the developer's Slack tokens, database and Teams settings from os.environ."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIXES + TEAMS_VARIABLES):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never inherit the developer's Slack tokens or database."""
    clear_environment(monkeypatch)


@pytest.fixture
def clock() -> ManualClock:
    # A Monday morning in Paris, a few days before the first sessions of most tests.
    return ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'mentorbot.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    """SQLite, then PostgreSQL (skipped without a server)."""
    return sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the newest revision once for the whole run: replaying every
    revision costs about 0.3 s, copying the file a few milliseconds."""
    path = tmp_path_factory.mktemp("template") / "mentorbot.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def migrated_sqlite_url(sqlite_url: str, migrated_template: Path) -> str:
    """`sqlite_url` with the schema already in place (a copy of the template): for tests of
    anything but migrating. Whoever opens it still migrates, as `serve` does, and finds
    nothing to do."""
    shutil.copyfile(migrated_template, sqlite_url.removeprefix("sqlite:///"))
    return sqlite_url


@pytest.fixture
def core(migrated_sqlite_url: str, clock: ManualClock) -> Core:
    engine = make_engine(migrated_sqlite_url)
    migrate(engine)
    return Core(db=Database(engine), clock=clock, admins=frozenset({"UADMIN"}))


@pytest.fixture
def core_on_each_database(migrated_database_url: str, clock: ManualClock) -> Iterator[Core]:
    """The core on SQLite, then on PostgreSQL."""
    engine = make_engine(migrated_database_url)
    migrate(engine)
    yield Core(db=Database(engine), clock=clock)
    engine.dispose()


def _server() -> str:
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip("no PostgreSQL server: set TEST_DATABASE_URL (scripts/test finds a local one)")
    return server


@contextmanager
def _postgres_database(template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (a copy of `template`, if given), dropped afterwards."""
    server = _server()
    admin_url = server.replace("postgresql://", "postgresql+psycopg://", 1)
    copy = f' TEMPLATE "{template}"' if template else ""
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        name = f"mentorbot_test_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    except Exception as error:  # an unreachable server is a reason to skip, not to fail
        pytest.skip(f"PostgreSQL at TEST_DATABASE_URL is not usable: {error}")
    base, _, _ = server.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    with _postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A PostgreSQL database migrated once for the whole run (1 s a migration; a copy of it,
    0.1 s): its name."""
    with _postgres_database() as url:
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()  # a template is copied only while nobody is connected to it
        yield url.rpartition("/")[2]


@pytest.fixture
def migrated_postgres_url(postgres_template: str) -> Iterator[str]:
    """A PostgreSQL database with the schema in place, dropped afterwards."""
    with _postgres_database(postgres_template) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def migrated_database_url(request: pytest.FixtureRequest) -> str:
    """SQLite, then PostgreSQL (skipped without a server), each with the schema in place: for
    tests of anything but migrating."""
    name = "migrated_sqlite_url" if request.param == "sqlite" else "migrated_postgres_url"
    url: str = request.getfixturevalue(name)
    return url


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a worker of pytest-xdist: hand its count of forged requests to the controller."""
    from tests.integration.leaks import SENT

    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["forged"] = dict(SENT)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """In the controller of pytest-xdist: add up the workers' counts of forged requests."""
    from tests.integration.leaks import SENT

    SENT.update(getattr(node, "workeroutput", {}).get("forged", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many forged requests the adversarial suites sent (tests/integration/forgery.py)."""
    from tests.integration.leaks import SENT

    if SENT:
        sent = ", ".join(f"{count} {kind}" for kind, count in sorted(SENT.items()))
        terminalreporter.write_line(f"forged requests sent: {sent}")
