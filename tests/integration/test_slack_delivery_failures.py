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


def digest_after_refusal(
    running: RunningBot, fake: FakeSlack, clock: ManualClock, refused: str, error: str
) -> None:
    """A pair, the leads' channel subscribed, Slack refusing `refused`; the clock goes to
    Wednesday's reminders, then to Monday's digest, sending what is due at each."""
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    running.dispatch()
    fake.refuse(refused, error)
    for moment in (REMINDER_AT, DIGEST_AT):
        clock.set(moment)
        running.dispatch()


def test_a_refused_digest_channel_reaches_the_admins(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    digest_after_refusal(running, fake, clock, LEADS_CHANNEL, "is_archived")
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


PNG = b"\x89PNG\r\n\x1a\n"


def test_the_digest_carries_its_chart_and_names_who_cannot_be_reached(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    digest_after_refusal(running, fake, clock, MENTOR, "account_inactive")
    [digest] = [text_of(m) for m in fake.messages_to(LEADS_CHANNEL)]
    assert "1 member cannot be reached (last 4 weeks): claire." in digest
    [chart] = fake.files_to(LEADS_CHANNEL)
    assert chart["content"].startswith(PNG) and len(chart["content"]) > 2048
    assert chart["name"] == "mentoring-cadence.png"
    assert chart["title"] == "Sessions per week, last 12 weeks"
    assert chart["alt_txt"].startswith("Bar chart of sessions per week over the last 12 weeks")
    assert "held: 1; skipped: 0; without summary: 1" in chart["alt_txt"]
    # The chart came after its message, in the same channel; the text stands for screen readers.
    upload = fake.calls("files.completeUploadExternal")[-1]
    post = [c for c in fake.calls("chat.postMessage") if c.args["channel"] == LEADS_CHANNEL][-1]
    assert post.time < upload.time


def test_the_digest_lists_stalled_pairs_by_name_and_days_only(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "agenda add Conflict with my manager")
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    running.dispatch()
    clock.set(DIGEST_AT)
    running.dispatch()
    assert "stalled" not in text_of(fake.messages_to(LEADS_CHANNEL)[-1])
    # Three more weeks without a summary: the pair has stalled by the fourth Monday.
    for week in range(1, 4):
        clock.set(DIGEST_AT + timedelta(weeks=week))
        running.dispatch()
    digest = text_of(fake.messages_to(LEADS_CHANNEL)[-1])
    assert "1 pair has stalled" in digest, digest
    assert "*claire* → *thomas* (2" in digest and " days)" in digest
    assert "Conflict" not in digest
