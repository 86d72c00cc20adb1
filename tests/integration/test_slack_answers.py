"""A person's answer survives Slack's passing failures: the work it reports is done.

A command's or a button's answer goes to the request's response_url, tried again after a 5xx or
a 429; when the response_url cannot take it, by DM. A form's answer is a DM, tried again the
same way. When no way gets through, nobody is told "nothing was changed": it was.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.form_states import pair_state
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
NEXT = "Thursday 3 December 2026"
NOTHING_CHANGED = "nothing was changed"


def statuses(fake: FakeSlack, prefix: str) -> list[int]:
    return [call.status for call in fake.calls() if call.method.startswith(prefix)]


@pytest.fixture
def paired(running: RunningBot, fake: FakeSlack) -> RunningBot:
    """Thomas and Claire paired, everything that caused sent, the fake's record empty."""
    running.make_pair(MENTEE, PAIR)
    running.settle()
    fake.reset()
    return running


def test_a_commands_answer_is_posted_again_after_a_5xx_or_a_429(
    paired: RunningBot, fake: FakeSlack
) -> None:
    running = paired
    fake.fail_next("response_url", "internal_error", status=500)
    assert NEXT in text_of(running.answer(MENTEE, "next"))
    fake.fail_next("response_url", status=429, retry_after=1)
    assert NEXT in text_of(running.answer(MENTEE, "next"))
    assert statuses(fake, "response_url:") == [500, 200, 429, 200]


def test_an_answer_the_response_url_refuses_comes_by_dm(
    paired: RunningBot, fake: FakeSlack
) -> None:
    """An expired response_url (Slack answers 404) is not tried again: the answer is a DM."""
    running = paired
    fake.fail_next("response_url", "expired_url", status=404)
    response, _ = running.command(MENTEE, "next")
    assert response.status_code == 200
    running.quiesce()
    assert statuses(fake, "response_url:") == [404]
    assert [NEXT in text_of(m) for m in fake.messages_to(MENTEE)] == [True]


def test_a_forms_answer_is_sent_again_and_never_says_nothing_changed(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.command(MENTEE, "pair", trigger_id="trigger-form")
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    running.settle()
    fake.reset()
    fake.fail_next("chat.postMessage", "internal_error", status=500)
    assert running.submit(MENTEE, opened.args["view"], pair_state(MENTOR, MENTEE)) == {}
    running.settle()
    [failed, answer, *_] = fake.calls("chat.postMessage")
    assert (failed.status, failed.args["channel"]) == (500, MENTEE)
    assert answer.args["channel"] == MENTEE and NEXT in text_of(answer.args)
    assert not any(NOTHING_CHANGED in text_of(m) for m in fake.messages_to(MENTEE))


def test_an_answer_no_way_gets_through_is_given_up_without_a_false_apology(
    paired: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    """Thomas skips his session; the response_url and his DM answer 500 three times each. The
    skip stands, and no apology saying nothing was changed is tried."""
    running = paired
    fake.fail_next("response_url", "internal_error", status=500, times=3)
    fake.fail_next("chat.postMessage", "internal_error", status=500, times=3)
    response, _ = running.command(MENTEE, "skip")
    assert response.status_code == 200
    running.quiesce()
    assert statuses(fake, "response_url:") == [500, 500, 500]
    to_thomas = [c.status for c in fake.calls("chat.postMessage") if c.args["channel"] == MENTEE]
    assert to_thomas[:3] == [500, 500, 500]
    running.settle()  # what the skip owes goes out once the answer is given up: Claire is told
    assert any("3 décembre" in text_of(m) for m in fake.messages_to(MENTOR))
    assert not any(NOTHING_CHANGED in text_of(c.args) for c in fake.calls())  # by no way at all
    clock.set(datetime(2026, 12, 3, 12, 0, tzinfo=UTC))
    assert "10 December 2026" in text_of(running.answer(MENTEE, "next"))
