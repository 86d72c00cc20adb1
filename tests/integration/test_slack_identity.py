"""Requests are served while Slack cannot say who the bot is (`auth.test` failing), and the
question is asked again later, not at every request.

Bolt asks on the first request; before, a 5xx of Slack's answered that request "Please
install this app into the workspace", and a connection error lost it."""

from __future__ import annotations

import pytest

from handlers.slack import identity
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

INTRO = "I keep the rhythm of mentoring pairs"
PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"


def auth_tests(fake: FakeSlack) -> list[int]:
    return [call.status for call in fake.calls("auth.test")]


def test_commands_are_answered_while_slack_cannot_say_who_the_bot_is(
    running: RunningBot, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.fail_next("auth.test", "internal_error", status=500, times=2)
    assert INTRO in text_of(running.answer(MENTEE, "help"))  # served, waiting 1 s at most
    # The client tries once more after a 5xx; the question then ends, failed.
    fake.wait_for(lambda: auth_tests(fake) == [500, 500])
    running.make_pair(MENTEE, PAIR)  # real work: profiles read, a pair stored, cards sent
    assert auth_tests(fake) == [500, 500]  # not asked again at each request
    assert not any("install this app" in text_of(m) for m in fake.messages_to(MENTEE))

    monkeypatch.setattr(identity, "ASK_AGAIN_AFTER", 0.0)
    assert INTRO in text_of(running.answer(MENTEE, "help"))
    fake.wait_for(lambda: auth_tests(fake) == [500, 500, 200])
    assert INTRO in text_of(running.answer(MENTEE, "help"))
    assert auth_tests(fake) == [500, 500, 200]  # once known, kept
