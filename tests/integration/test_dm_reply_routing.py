"""A plain DM reply is filed on the session whose summary request it answers, and nowhere else.

Claire mentors Thomas (Thursday 18:00 Paris) and Léa (Thursday 19:30 Paris). Each test scans
every call the fake Slack received for the reply's text: it reaches its pair and no one else.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import RunningBot, action_ids, text_of

LEA = "ULEA"
THOMAS_PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
LEA_PAIR = f"pair <@{MENTOR}|claire> <@{LEA}|lea> weekly on thursday at 19:30 tz Europe/Paris"
# Thursday 3 December: Thomas's session ends 18:00 UTC, Léa's 19:30 UTC; Claire, the mentor, is
# asked a day after each one ends.
THOMAS_ASKED = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
BOTH_ASKED = datetime(2026, 12, 4, 19, 30, tzinfo=UTC)
SECRET = "Thomas wants to leave his team before the reorganisation"


@pytest.fixture
def two_pairs(running: RunningBot, fake: FakeSlack) -> RunningBot:
    fake.add_user(LEA, name="lea", tz="Europe/Paris", locale="fr-FR")
    running.make_pair(MENTOR, THOMAS_PAIR)
    running.make_pair(MENTOR, LEA_PAIR)
    return running


def channel_of(call) -> str:
    """Where a call's text went: the posted channel, or the response_url it answered at."""
    return str(call.response.get("channel") or call.args.get("channel") or call.method)


def reached(fake: FakeSlack, text: str) -> set[str]:
    """Every channel or response_url of every call whose arguments carry `text`."""
    return {channel_of(c) for c in fake.calls() if text in json.dumps(c.args, ensure_ascii=False)}


def summary_of(running: RunningBot, user: str) -> str:
    return text_of(running.answer(user, "history 1"))


def dm_and_settle(running: RunningBot, user: str, text: str) -> None:
    response, _ = running.dm(user, text)
    assert response.status_code == 200
    running.settle()


def recorded(fake: FakeSlack, user: str) -> list[str]:
    """The bot's confirmations that a reply of `user`'s was filed as a summary."""
    return [text_of(m) for m in fake.messages_to(user) if "enregistré comme compte-rendu" in text_of(m)]


def choice_prompt(fake: FakeSlack, user: str) -> dict:
    [prompt] = [m for m in fake.messages_to(user) if "summary.choose" in " ".join(action_ids(m))]
    return prompt


def test_a_reply_to_the_only_request_goes_to_that_pair_only(
    two_pairs: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    clock.set(THOMAS_ASKED)
    two_pairs.dispatch()
    asked = [text_of(m) for m in fake.messages_to(MENTOR)]
    assert any("Comment s'est passée la séance" in t and f"<@{MENTEE}>" in t for t in asked)
    assert not any(f"<@{LEA}>" in t and "Comment s'est passée" in t for t in asked)

    dm_and_settle(two_pairs, MENTOR, SECRET)

    fake.wait_for(lambda: recorded(fake, MENTOR))
    two_pairs.settle()
    assert f"<@{MENTEE}>" in recorded(fake, MENTOR)[-1]
    assert reached(fake, SECRET) == {f"D{MENTEE}"}
    assert SECRET in summary_of(two_pairs, MENTEE)
    assert SECRET not in summary_of(two_pairs, LEA)
