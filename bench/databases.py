"""Throwaway databases for the benchmarks: a SQLite file in a work folder, or a new database
on a PostgreSQL server, dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
"""A server with trust auth on loopback, as the test machines have it (a database on it to
connect to while creating the throwaway ones)."""
KINDS = ("sqlite", "postgresql")


@contextmanager
def postgres_database(server: str = POSTGRES_SERVER) -> Iterator[str]:
    """The URL of a new, empty database on `server`, dropped afterwards (its connections too)."""
    admin = create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"mentorbot_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server.rpartition('/')[0]}/{name}"
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database(kind: str, workdir: Path, *, server: str = POSTGRES_SERVER) -> Iterator[str]:
    """A fresh, empty database URL of `kind` (one of KINDS): a file in `workdir` for SQLite."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
    elif kind == "postgresql":
        with postgres_database(server) as url:
            yield url
    else:
        raise ValueError(f"no such database kind: {kind}")
