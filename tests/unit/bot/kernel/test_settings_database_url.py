"""DATABASE_URL is checked with the other settings: a URL this app cannot open stops start-up
in one line naming the variable, and never shows the password it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kernel.settings import DEFAULT_DATABASE_URL, Settings, SettingsError


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (
            "garbage",
            "DATABASE_URL must be a SQLite or PostgreSQL URL (sqlite:///mentorbot.db, "
            "postgresql://user:password@host/db), not 'garbage'.",
        ),
        (
            "mysql://x/y",
            "DATABASE_URL must be a SQLite or PostgreSQL URL (sqlite:///mentorbot.db, "
            "postgresql://user:password@host/db), not 'mysql://x/y'.",
        ),
        (
            "postgresql+psycopg2://u:s3cret@db/mentorbot",
            "DATABASE_URL must be a SQLite or PostgreSQL URL (sqlite:///mentorbot.db, "
            "postgresql://user:password@host/db), not 'postgresql+psycopg2://u:***@db/mentorbot'.",
        ),
        (
            "postgresql://u:s3cret@db:port/mentorbot",
            "DATABASE_URL must be a SQLite or PostgreSQL URL (sqlite:///mentorbot.db, "
            "postgresql://user:password@host/db), not 'postgresql://u:***@db:port/mentorbot'.",
        ),
        (
            "sqlite:////nonexistent/dir/x.db",
            "DATABASE_URL names a SQLite file in /nonexistent/dir, a directory that does not "
            "exist.",
        ),
    ],
)
def test_a_database_url_that_cannot_be_opened_is_named(value: str, named: str) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env({"DATABASE_URL": value})
    assert str(error.value) == named


@pytest.mark.parametrize(
    "value",
    [
        "",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///relative.db",
        "sqlite+pysqlite:///relative.db",
        "postgres://u:p@db/mentorbot",
        "postgresql://u:p@db:5432/mentorbot",
        "postgresql+psycopg://u:p@db/mentorbot?sslmode=require",
    ],
)
def test_the_urls_the_database_layer_opens_are_taken(value: str) -> None:
    assert Settings.from_env({"DATABASE_URL": value}).database_url == (
        value or DEFAULT_DATABASE_URL
    )


def test_a_sqlite_file_in_a_directory_that_exists_is_taken(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert Settings.from_env({"DATABASE_URL": url}).database_url == url
