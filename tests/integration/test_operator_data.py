"""`mentorbot data export|erase --person ID`: an operator answers a request that came through
HR or a data-protection officer, while the bot runs; every run is audited, without content."""

from __future__ import annotations

import getpass
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.cli import main
from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of
from tests.integration.test_erasure_files import THOMAS_IS, THOMAS_WROTE, left_behind
from tests.integration.test_erasure_files import thomas_writes_everywhere as thomas_writes
from tests.integration.test_slack_personal_data import exported


def query(sqlite_url: str, sql: str) -> list[tuple]:
    engine = create_engine(sqlite_url)
    with engine.connect() as connection:
        found = [tuple(row) for row in connection.execute(text(sql))]
    engine.dispose()
    return found


def audit(sqlite_url: str) -> list[tuple]:
    return query(
        sqlite_url, "SELECT operator, action, person_id, platform, external_id FROM operator_audit"
    )


def erased_id(sqlite_url: str) -> int:
    [(person_id,)] = query(sqlite_url, "SELECT id FROM person WHERE external_id LIKE 'erased:%'")
    return person_id


def same_but_the_moment(document: dict, other: dict) -> bool:
    """The same export, whatever the moment it was made at."""
    return {**document, "exported_at": None} == {**other, "exported_at": None}


@pytest.fixture
def database(sqlite_url: str, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> str:
    """The running bot's database, for the command; the command reads the bot's clock, as on a
    deployment where both read the real one (the scenario's days are fixed dates: on the real
    clock, what the command owes would fall due after the bot's last dispatch)."""
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setattr("bot.kernel.clock.SystemClock", lambda: clock)
    return sqlite_url


def test_an_operator_exports_then_erases_a_person_as_their_own_commands_would(
    running: RunningBot,
    fake: FakeSlack,
    clock: ManualClock,
    database: str,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    thomas_writes(running, fake, clock)
    running.answer(MENTEE, "my-data")
    own = exported(fake, MENTEE)

    out = tmp_path / "thomas.json"
    out.write_text("an older file, readable by all")
    out.chmod(0o644)
    assert main(["data", "export", "--person", f"slack:{MENTEE}", "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert same_but_the_moment(json.loads(out.read_bytes()), own)
    capsysbinary.readouterr()
    assert main(["data", "export", "--person", MENTEE, "--operator", "dpo-ana"]) == 0
    assert same_but_the_moment(json.loads(capsysbinary.readouterr().out), own)  # bare id, stdout

    assert main(["data", "erase", "--person", MENTEE, "--operator", "dpo-ana"]) == 0
    assert "erased UTHOMAS: 1 current pair ended" in capsysbinary.readouterr().out.decode()
    running.dispatch()  # the running bot tells Claire, as after a forget-me
    # (the calendar's cancellation follows it)
    assert any("a quitté le programme" in text_of(m) for m in fake.messages_to(MENTOR)[-2:])

    rows = audit(database)  # (operator, action, person, platform, platform id: cleared)
    thomas = erased_id(database)
    assert rows == [
        (getpass.getuser(), "export", thomas, "slack", None),
        ("dpo-ana", "export", thomas, "slack", None),
        ("dpo-ana", "erase", thomas, "slack", None),
    ]
    assert left_behind(database, THOMAS_WROTE + THOMAS_IS) == []
    assert "not in any" in text_of(running.answer(MENTEE, "pairs"))  # a blank page if he returns


def test_an_unknown_or_erased_person_is_a_clear_error(
    running: RunningBot, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    running.answer(MENTEE, "help")  # Thomas is known from now on
    for name in ("slack:UNOBODY", "teams:UTHOMAS", "UNOBODY"):
        assert main(["data", "export", "--person", name]) == 2
        assert f"nobody known as '{name}'" in capsys.readouterr().err
    assert main(["data", "erase", "--person", f"slack:{MENTEE}"]) == 0
    assert main(["data", "erase", "--person", f"slack:{MENTEE}"]) == 2
    assert main(["data", "export", "--person", f"erased:{erased_id(database)}"]) == 2
    assert [row[1] for row in audit(database)] == ["erase"]
