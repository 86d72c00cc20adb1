"""Delivery failures are never silent: a person or a channel Slack refuses is told to the admins,
once a week at most; a deactivated account pauses its pairs and the other member is told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.kernel.clock import ManualClock
from storage.models import Pair
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)  # a Wednesday, 18:00 in Paris
DIGEST_AT = datetime(2026, 12, 7, 8, 1, tzinfo=UTC)  # a Monday, just after 09:00 in Paris


def refusal_notices(fake: FakeSlack) -> list[str]:
    return [t for t in map(text_of, fake.messages_to(ADMIN)) if "refuses" in t]


def test_a_refused_dm_reaches_the_admins_once_a_week(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.answer(ADMIN, "help")  # the admin is known to the bot
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    fake.refuse(MENTOR, "account_inactive")
    clock.set(REMINDER_AT)
    outcomes = running.dispatch()
    assert outcomes["failed"] == 1, outcomes
    [notice] = refusal_notices(fake)
    assert "claire" in notice and "the account is deactivated" in notice
    assert "Slack" in notice
    # Three days on, the summary request after Thursday's session is refused too: no second
    # notice within the week.
    clock.set(REMINDER_AT + timedelta(days=3))
    assert running.dispatch()["failed"] >= 1
    assert len(refusal_notices(fake)) == 1
    # A week after the first notice, the next reminder is refused: the admins hear again.
    clock.set(REMINDER_AT + timedelta(days=7))
    assert running.dispatch()["failed"] >= 1
    assert len(refusal_notices(fake)) == 2


def test_a_refused_digest_channel_reaches_the_admins(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    running.dispatch()
    fake.refuse(LEADS_CHANNEL, "is_archived")
    clock.set(DIGEST_AT)
    running.dispatch()
    [notice] = refusal_notices(fake)
    assert LEADS_CHANNEL in notice and "the channel is archived" in notice
    assert not fake.messages_to(LEADS_CHANNEL)


def test_a_deactivated_account_pauses_its_pairs_and_tells_the_other_and_the_admins(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.answer(ADMIN, "help")
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    fake.reset()
    answer, body = running.user_change(MENTOR, "claire", deleted=True)
    assert answer.status_code == 200
    running.settle()
    running.dispatch()
    [told] = [text_of(m) for m in fake.messages_to(MENTEE)]
    assert "claire" in told and "paused" in told and "Thank you" in told
    [admins] = [text_of(m) for m in fake.messages_to(ADMIN)]
    assert "claire" in admins and "left the workspace" in admins
    assert not fake.messages_to(MENTOR)
    with running.bot.core.db.session() as session:
        assert [p.status for p in session.exec(select(Pair))] == ["paused"]
    # Slack's retry of the event, and a later profile change, change nothing more.
    running.redeliver(body, 1)
    running.user_change(MENTOR, "claire", deleted=True)
    running.user_change(MENTEE, "thomas", deleted=False)
    running.settle()
    running.dispatch()
    assert len(fake.messages_to(MENTEE)) == 1 and len(fake.messages_to(ADMIN)) == 1
    # No reminder for the paused pair.
    clock.set(REMINDER_AT)
    running.dispatch()
    assert len(fake.messages_to(MENTEE)) == 1 and not fake.messages_to(MENTOR)
