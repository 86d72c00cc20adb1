"""The SQLite files are readable by their owner only, whatever the umask, new or inherited."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import make_engine, migrate


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the usual default: new files world-readable
    yield
    os.umask(previous)


def modes(database: Path) -> dict[str, int]:
    return {
        path.name: stat.S_IMODE(path.stat().st_mode)
        for path in database.parent.iterdir()
        if path.name.startswith(database.name)
    }


def test_a_new_database_and_its_wal_and_shm_are_owner_only(
    tmp_path: Path, permissive_umask: None
) -> None:
    database = tmp_path / "bot.db"
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    with engine.connect() as connection:  # the -wal and -shm exist while a connection is open
        connection.execute(text("SELECT 1"))
        assert modes(database) == {"bot.db": 0o600, "bot.db-wal": 0o600, "bot.db-shm": 0o600}
    engine.dispose()


def test_files_left_world_readable_by_an_older_version_are_tightened(
    tmp_path: Path, permissive_umask: None
) -> None:
    database = tmp_path / "bot.db"
    for name in ("bot.db", "bot.db-wal", "bot.db-shm"):
        (tmp_path / name).touch(mode=0o644)
    assert set(modes(database).values()) == {0o644}
    engine = make_engine(f"sqlite:///{database}")
    assert set(modes(database).values()) == {0o600}
    engine.dispose()
