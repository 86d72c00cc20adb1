"""Start-up says what an operator needs and nothing else: one line of what runs, no warning
from a platform that is not configured, no library chatter."""

from __future__ import annotations

import asyncio
import logging
import warnings

import pytest

from app.logs import configure_logging
from app.web import build_mentorbot
from bot.kernel.settings import Settings


def test_a_slack_only_start_logs_one_line_and_no_warning(
    tmp_path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99aaa85a5bcd",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",  # nothing is sent: nothing is owed
        "DATABASE_URL": f"sqlite:///{tmp_path / 'start.db'}",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)  # Bolt reads SLACK_BOT_TOKEN itself
    configure_logging(logging.INFO)
    caplog.set_level(logging.INFO)

    async def start_and_stop() -> None:
        bot = build_mentorbot(Settings.from_env(env))
        await bot.start()
        await bot.stop()

    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        asyncio.run(start_and_stop())
    said = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert not [w for w in warned if "teams" in str(w.filename).lower() + str(w.message).lower()]
    assert [s for s in said if s[1] >= logging.WARNING] == []
    [started] = [message for _, _, message in said if message.startswith("Mentorbot started")]
    assert started.startswith("Mentorbot started: Slack; database sqlite:///")
    assert not [name for name, _, _ in said if name.startswith(("apscheduler", "slack_bolt"))]
