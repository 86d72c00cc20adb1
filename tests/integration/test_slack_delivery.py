"""Delivery under pressure: Slack's 429, long agendas, health, and a clear start-up failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.cli import main
from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def test_a_429_is_retried_after_retry_after_and_sent_once(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    fake.reset()
    clock.set(REMINDER_AT)
    fake.fail_next("chat.postMessage", status=429, retry_after=30, times=2)
    first = running.dispatch()
    assert first["retried"] == 2 and first["sent"] == 0
    assert len(fake.rejections()) == 2
    clock.advance(timedelta(seconds=29))
    assert running.dispatch()["sent"] == 0
    clock.advance(timedelta(seconds=1))
    assert running.dispatch()["sent"] == 2
    assert len(fake.messages_to(MENTOR)) == 1 and len(fake.messages_to(MENTEE)) == 1


def test_each_reminder_is_one_call_posted_to_the_user_id(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    fake.reset()
    clock.set(REMINDER_AT)
    assert running.dispatch()["sent"] == 2
    calls = fake.calls()
    assert sorted(c.args["channel"] for c in calls) == sorted([MENTOR, MENTEE])
    assert {c.method for c in calls} == {"chat.postMessage"}
    assert len(fake.messages_to(MENTOR)) == 1 and len(fake.messages_to(MENTEE)) == 1


def test_a_member_who_cannot_be_written_to_is_a_permanent_failure(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    fake.add_user(MENTOR, name="claire", tz="Europe/Paris", locale="fr-FR", deleted=True)
    clock.set(REMINDER_AT)
    outcomes = running.dispatch()
    assert outcomes["failed"] == 1 and outcomes["sent"] == 1
    refused = [c for c in fake.calls("chat.postMessage") if c.args["channel"] == MENTOR][-1]
    assert refused.response == {"ok": False, "error": "user_disabled"}


def test_a_permanent_error_is_recorded_and_not_retried(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    clock.set(REMINDER_AT)
    fake.fail_next("chat.postMessage", "account_inactive", status=200, times=1)
    outcomes = running.dispatch()
    assert outcomes["failed"] == 1 and outcomes["sent"] == 1
    clock.advance(timedelta(hours=1))
    assert running.dispatch()["failed"] == 0


def test_a_long_agenda_is_cut_with_a_note_not_rejected(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    for n in range(40):
        running.answer(MENTEE, f"agenda add Topic {n}: " + "x" * 900)
    listed = running.answer(MENTOR, "ordre-du-jour")
    assert "autres sujets" in text_of(listed)
    clock.set(REMINDER_AT)
    running.dispatch()
    assert fake.rejections() == []
    reminder = text_of(fake.messages_to(MENTEE)[-1])
    assert "Topic 0" in reminder and "more" in reminder


def test_health_reports_the_database_and_the_backlog(
    running: RunningBot, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    idle = {"due": 0, "oldest_due_age_seconds": None}
    answer = httpx.get(f"{running.url}/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"ok": True, "database": True, "platforms": ["slack"], "backlog": idle}
    clock.set(REMINDER_AT + timedelta(minutes=5))  # both reminders due, not yet sent
    backlog = httpx.get(f"{running.url}/healthz").json()["backlog"]
    assert backlog == {"due": 2, "oldest_due_age_seconds": 300}
    running.dispatch()
    assert httpx.get(f"{running.url}/healthz").json()["backlog"] == idle


def test_a_missing_token_stops_start_up_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    assert main(["serve"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("mentorbot: Missing SLACK_BOT_TOKEN")
    assert "\n" not in error and "Traceback" not in error
