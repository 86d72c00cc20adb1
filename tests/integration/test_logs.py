"""No message content or personal data reaches a log line, at DEBUG, even when a write fails."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes import teams_connector
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector
from tests.integration.conftest import CLAIRE, MENTEE, MENTOR, THOMAS
from tests.integration.harness import RunningBot, text_of
from tests.integration.teams_harness import TeamsBot

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
WRITTEN = (
    "Prepare the negotiation about my relocation",  # agenda
    "Become the tech lead of the payments squad",  # goal
    "Shadow the incident commander twice",  # milestone
    "I froze when the director asked about the budget.",  # journal
    "We agreed he talks to his manager about burnout first.",  # summary (a DM reply)
    "Nobody must know I am interviewing at Globex.",  # journal, whose write fails
)
PROFILES = ("America/Montreal", "en-US", "fr-FR")  # zones and locales the platforms give
AFTER_THE_SESSION = datetime(2026, 12, 3, 18, 5, tzinfo=UTC)


@pytest.fixture
def logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQL echo, as an operator may
    caplog.set_level(logging.DEBUG)  # last: the capturing handler takes this level
    return caplog


def refuse_journal_entries(sqlite_url: str) -> None:
    """The database refuses the next journal entry, as a full disk or a broken file would."""
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON journal_entry "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )


def assert_no_content(caplog: pytest.LogCaptureFixture) -> None:
    logged = caplog.text
    assert "database or disk is full" in logged  # the failure itself is logged, as it should
    assert "journal_entry" in logged and "parameters hidden" in logged
    debug = {r.name.split(".")[0] for r in caplog.records if r.levelno == logging.DEBUG}
    assert "asyncio" in debug or "httpcore" in debug  # the libraries' DEBUG lines are captured
    leaked = [needle for needle in WRITTEN + PROFILES if needle in logged]
    assert leaked == []


def test_a_whole_slack_scenario_logs_no_content_at_debug(
    running: RunningBot,
    fake: FakeSlack,
    clock: ManualClock,
    sqlite_url: str,
    logged: pytest.LogCaptureFixture,
) -> None:
    agenda, goal, milestone, journal, summary, failing = WRITTEN
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, f"agenda add {agenda}")
    running.answer(MENTOR, f"goals add {goal}")
    running.answer(MENTEE, f"goals milestone 1 {milestone}")
    running.answer(MENTEE, f"journal {journal}")
    clock.set(AFTER_THE_SESSION)
    running.dispatch()
    before = len(fake.messages_to(MENTOR))
    assert running.dm(MENTEE, summary)[0].status_code == 200
    fake.wait_for(lambda: fake.messages_to(MENTOR)[before:])
    refuse_journal_entries(sqlite_url)
    assert "went wrong" in text_of(running.answer(MENTEE, f"journal {failing}"))
    running.settle()
    assert_no_content(logged)


def test_a_whole_teams_scenario_logs_no_content_at_debug(
    teams: TeamsBot,
    connector: FakeConnector,
    clock: ManualClock,
    sqlite_url: str,
    logged: pytest.LogCaptureFixture,
) -> None:
    agenda, goal, milestone, journal, summary, failing = WRITTEN
    for person in (CLAIRE, THOMAS):
        assert teams.install(person).status_code == 200
    teams.make_pair(THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris")
    teams.answer(THOMAS, f"agenda add {agenda}")
    teams.answer(CLAIRE, f"goals add {goal}")
    teams.answer(THOMAS, f"goals milestone 1 {milestone}")
    teams.answer(THOMAS, f"journal {journal}")
    clock.set(AFTER_THE_SESSION)
    teams.dispatch()
    connector.reset()
    assert teams.say(THOMAS, summary).status_code == 200
    connector.wait_for(lambda: connector.sent(CLAIRE.chat))
    refuse_journal_entries(sqlite_url)
    answer = teams.answer(THOMAS, f"journal {failing}")
    assert "went wrong" in teams_connector.text_of(answer)
    teams.settle()
    assert_no_content(logged)
