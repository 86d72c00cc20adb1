"""Bad input to the `mentorbot` command, run as an operator runs it: a DATABASE_URL it cannot
use, a database it cannot open, a file it cannot read or write, a simulation too large. Each
is one line naming what is wrong and exit 2, before any work is done (or audited): never a
traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.kernel.core import Core
from storage.models import Person

MENTORBOT = Path(sys.executable).with_name("mentorbot")
SLACK = {"SLACK_BOT_TOKEN": "xoxb-1-2-abc", "SLACK_SIGNING_SECRET": "abc", "PORT": "0"}
UNREACHABLE = "postgresql://mentorbot:s3cret@127.0.0.1:1/mentorbot"  # nothing listens on 1


def mentorbot(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command, in `cwd`, with only `env` of the settings."""
    settings = ("DATABASE_URL", "PORT", "SLACK_", "CLIENT_", "MENTORBOT_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(settings)}
    return subprocess.run(
        [str(MENTORBOT), *args],
        cwd=cwd,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
    )


def refused(result: subprocess.CompletedProcess[str], *named: str) -> str:
    """The one line the command stopped with, after checking how it stopped."""
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("mentorbot: ")
    for name in named:
        assert name in line
    return line


def not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 200)
    path.chmod(0o600)  # else opening it says first that it is now readable by its owner only
    return path


@pytest.mark.parametrize(
    "url",
    ["garbage", "mysql://x/y", "sqlite:////nonexistent/dir/x.db", UNREACHABLE, "not-a-db"],
)
@pytest.mark.parametrize("command", [("serve",), ("data", "export", "--person", "slack:UX")])
def test_a_database_url_that_cannot_be_used_stops_the_command_naming_it(
    tmp_path: Path, url: str, command: tuple[str, ...]
) -> None:
    if url == "not-a-db":
        url = f"sqlite:///{not_a_database(tmp_path)}"
    result = mentorbot(*command, cwd=tmp_path, env={**SLACK, "DATABASE_URL": url})
    line = refused(result, "DATABASE_URL")
    assert "s3cret" not in line


def test_an_unreachable_server_is_said_in_the_drivers_words(tmp_path: Path) -> None:
    line = refused(
        mentorbot(
            "data", "erase", "--person", "UX", cwd=tmp_path, env={"DATABASE_URL": UNREACHABLE}
        )
    )
    assert line.startswith("mentorbot: DATABASE_URL postgresql://mentorbot:***@127.0.0.1:1/")
    assert "Connection refused" in line


@pytest.fixture
def thomas(core: Core, migrated_sqlite_url: str) -> dict[str, str]:
    """A database where slack:UTHOMAS is known, as the command's environment."""
    with core.db.session() as session:
        session.add(Person(platform="slack", external_id="UTHOMAS", name="Thomas"))
    core.db.engine.dispose()
    return {"DATABASE_URL": migrated_sqlite_url}


def audited(env: dict[str, str]) -> list[str]:
    engine = create_engine(env["DATABASE_URL"])
    with engine.connect() as connection:
        actions = [row[0] for row in connection.execute(text("SELECT action FROM operator_audit"))]
    engine.dispose()
    return actions


@pytest.mark.parametrize("out", ["/nonexistent/dir/x.json", "a-directory", "/proc/version"])
def test_an_export_to_a_file_that_cannot_be_written_is_refused_and_not_audited(
    tmp_path: Path, thomas: dict[str, str], out: str
) -> None:
    (tmp_path / "a-directory").mkdir()
    export = ("data", "export", "--person", "slack:UTHOMAS", "--out", out)
    refused(mentorbot(*export, cwd=tmp_path, env=thomas), "--out", out)
    assert audited(thomas) == []

    written = mentorbot(*export[:-1], "thomas.json", cwd=tmp_path, env=thomas)
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "thomas.json").read_bytes().startswith(b"{")
    assert audited(thomas) == ["export"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--plot", "/nonexistent/dir/p.png"), "--plot"),
        (("--plot", "load.txt"), "--plot"),
        (("--plot", "."), "--plot"),
        (("--weeks", "99999999999"), "--weeks"),
        (("--weeks", "521"), "--weeks"),
        (("--pairs", str(10**20)), "--pairs"),
        (("--pairs", "100001"), "--pairs"),
        (("--start", "9999-01-01"), "--start"),
        (("--start", "0001-01-01"), "--start"),
    ],
)
def test_a_simulation_that_could_not_finish_is_refused_before_it_runs(
    tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    result = mentorbot("simulate", "--pairs", "2", "--weeks", "1", *args, cwd=tmp_path)
    refused(result, named)  # one line: no progress bar was drawn
    assert result.stdout == ""


def test_the_simulation_bounds_are_in_its_help(tmp_path: Path) -> None:
    said = " ".join(mentorbot("simulate", "--help", cwd=tmp_path).stdout.split())
    assert "1 to 100,000" in said
    assert "1 to 520" in said
    assert "2000-01-01 to 2999-12-31" in said


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--script", "/nonexistent"), "--script /nonexistent"),
        (("--script", "."), "--script ."),
        (("--script", "/dev/null", "--db", "/nonexistent/dir/t.db"), "--db /nonexistent/dir/t.db"),
        (("--script", "/dev/null", "--db", "not-a-db"), "--db"),
    ],
)
def test_a_try_session_with_a_file_it_cannot_use_is_refused(
    tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    if "not-a-db" in args:
        args = tuple(str(not_a_database(tmp_path)) if a == "not-a-db" else a for a in args)
    refused(mentorbot("try", *args, cwd=tmp_path), named)
