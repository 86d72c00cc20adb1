"""No message content or personal data reaches a log line, at DEBUG, even when a write fails."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime

import pytest

from bot.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
WRITTEN = (
    "Prepare the negotiation about my relocation",  # agenda
    "Become the tech lead of the payments squad",  # goal
    "Shadow the incident commander twice",  # milestone
    "I froze when the director asked about the budget.",  # journal
    "We agreed he talks to his manager about burnout first.",  # summary (a DM reply)
    "Nobody must know I am interviewing at Globex.",  # journal, whose write fails
)
PROFILES = ("America/Montreal", "en-US", "fr-FR")  # zones and locales from users.info


def test_a_whole_scenario_logs_no_content_at_debug(
    running: RunningBot,
    fake: FakeSlack,
    clock: ManualClock,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQL echo, as an operator may
    agenda, goal, milestone, journal, summary, failing = WRITTEN
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, f"agenda add {agenda}")
    running.answer(MENTOR, f"goals add {goal}")
    running.answer(MENTEE, f"goals milestone 1 {milestone}")
    running.answer(MENTEE, f"journal {journal}")
    clock.set(datetime(2026, 12, 3, 18, 5, tzinfo=UTC))
    running.dispatch()
    before = len(fake.messages_to(MENTOR))
    assert running.dm(MENTEE, summary)[0].status_code == 200
    fake.wait_for(lambda: fake.messages_to(MENTOR)[before:])

    # The database refuses the next journal entry, as a full disk or a broken file would.
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON journal_entry "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    assert "went wrong" in text_of(running.answer(MENTEE, f"journal {failing}"))
    running.settle()

    logged = caplog.text
    assert "database or disk is full" in logged  # the failure itself is logged, as it should
    assert "journal_entry" in logged
    assert len(caplog.records) > 50  # DEBUG lines of the libraries were captured too
    assert "parameters hidden" in logged
    leaked = [needle for needle in WRITTEN + PROFILES if needle in logged]
    assert leaked == []
