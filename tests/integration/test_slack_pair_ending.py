"""Ending a pair over signed HTTP: nothing more is owed after the end, no session after it is
shown anywhere, and the digest still counts what the pair held in its window."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.sessions.summaries import SUMMARY_WRITTEN
from storage.models import Notification
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

# Weekly, Thursday 18:00 Paris (17:00 UTC): 3, 10, 17, 24 December 2026 …
PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
END = f"end <@{MENTOR}|claire> confirm"
AFTER_FIRST_SESSION = datetime(2026, 12, 3, 18, 5, tzinfo=UTC)
SUMMARY = "Thomas drafts the staffing plan before the holidays."


def at(month: int, day: int, hour: int = 8, minute: int = 0) -> datetime:
    year = 2026 if month == 12 else 2027
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def summary_by_form(running: RunningBot, fake: FakeSlack, user: str, action_due: str) -> None:
    """`/mentor summary` alone opens the form; submit decisions and one dated action."""
    before = len(fake.calls("views.open"))
    response, _ = running.command(user, "summary", trigger_id=f"trigger-summary-{user}")
    assert response.status_code == 200
    opened = fake.wait_for(lambda: fake.calls("views.open")[before:])[0]
    assert opened.response["ok"], opened.response
    answer = running.submit(
        user,
        opened.args["view"],
        {
            "decisions": {"decisions": signing.plain_text(SUMMARY)},
            "action_1": {"action_1": signing.plain_text("Book the staffing workshop")},
            "owner_1": {"owner_1": signing.static_select("mentee")},
            "due_1": {"due_1": signing.datepicker(action_due)},
            "notes": {"notes": signing.plain_text(None)},
        },
    )
    assert answer == {}, answer
    running.settle()


def summary_by_dm(running: RunningBot, fake: FakeSlack) -> None:
    """Thomas answers the summary request by DM; wait until it is shared with Claire (the DM is
    handled after its ack)."""
    before = len(fake.messages_to(MENTOR))
    response, _ = running.dm(MENTEE, SUMMARY)
    assert response.status_code == 200
    shared = fake.wait_for(lambda: fake.messages_to(MENTOR)[before:])
    assert SUMMARY in text_of(shared[-1])


def owed_about_the_pair(running: RunningBot) -> list[Notification]:
    """Every notification still pending, apart from the digests of the leads' channel."""
    assert running.bot is not None
    with running.bot.core.db.session() as session:
        rows = session.exec(select(Notification).where(Notification.status == "pending"))
        return [row for row in rows if not row.subject.startswith("digest:")]


def dropped(running: RunningBot, reason: str) -> list[Notification]:
    """The notifications dropped for `reason`."""
    assert running.bot is not None
    with running.bot.core.db.session() as session:
        return list(session.exec(select(Notification).where(Notification.outcome == reason)))


def exported(running: RunningBot, fake: FakeSlack, user: str) -> dict[str, Any]:
    before = len(fake.files_to(user))
    running.answer(user, "my-data")
    files = fake.wait_for(lambda: fake.files_to(user)[before:])
    return json.loads(files[-1]["content"])


def test_ending_mid_rhythm_cancels_everything_the_pair_still_owed(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    # Before the end, the reminders do reach both members (so the silence below means something).
    clock.set(at(12, 2, 17))
    running.dispatch()
    assert [m for m in fake.messages_to(MENTEE) if "tomorrow" in text_of(m)]
    assert [m for m in fake.messages_to(MENTOR) if "demain" in text_of(m)]
    clock.set(AFTER_FIRST_SESSION)
    running.dispatch()
    summary_by_form(running, fake, MENTEE, "2026-12-15")  # its reminder is owed on the 14th
    # The session's summary written, its requests and nudges still owed are dropped at once.
    assert {row.kind for row in dropped(running, SUMMARY_WRITTEN)} == {
        "summary_request_next_day",
        "summary_nudge",
    }
    assert owed_about_the_pair(running)  # the next sessions' reminders and requests, the action

    clock.set(at(12, 4, 10))
    assert "has ended" in text_of(running.answer(MENTEE, END))
    running.settle()
    assert owed_about_the_pair(running) == []  # cancelled at once, not left to the dispatcher
    fake.reset()
    # Every moment something was due: the mentor's summary request and the nudges, the next
    # reminders and summary requests, the action's reminder, the weeks after, the first review.
    for moment in (
        at(12, 4, 18),
        at(12, 5, 18),
        at(12, 9, 17),
        at(12, 10, 18),
        at(12, 14, 14),
        at(12, 16, 17),
        at(12, 23, 17),
        at(1, 20, 17),
        at(3, 1, 16),
    ):
        clock.set(moment)
        running.dispatch()
        assert fake.calls("chat.postMessage") == [], moment
    assert {row.kind for row in dropped(running, "pair ended")} >= {"action_due"}


def test_history_and_export_show_no_session_after_the_end(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(AFTER_FIRST_SESSION)
    running.dispatch()
    summary_by_dm(running, fake)
    clock.set(at(12, 9, 10))  # a Wednesday: the next sessions were planned weeks ahead
    running.answer(MENTEE, END)
    running.settle()

    clock.set(at(1, 20, 12))  # weeks after the sessions that would have followed
    running.dispatch()
    listing = text_of(running.answer(MENTEE, "history"))
    assert "1 session held, 1 summary" in listing
    sessions = text_of(running.answer(MENTEE, "history 1"))
    assert "Thursday 3 December 2026" in sessions and SUMMARY in sessions
    for later in ("10 December", "17 December", "24 December", "31 December", "January"):
        assert later not in sessions
    [pair] = exported(running, fake, MENTEE)["pairs"]
    assert pair["status"] == "ended"
    assert [s["starts_at"] for s in pair["sessions"]] == ["2026-12-03T17:00:00+00:00"]


def digest_row(fake: FakeSlack) -> tuple[str, str]:
    """The intro and the row of Claire and Thomas in the latest digest of the leads' channel."""
    text = text_of(fake.messages_to(LEADS_CHANNEL)[-1])
    [row, *_] = [line for line in text.splitlines() if "*claire* → *thomas*" in line]
    [intro, *_] = [line for line in text.splitlines() if "Last 4 weeks" in line]
    return intro, row


def counts(line: str) -> tuple[int, ...]:
    found = re.search(r"(\d+) (?:sessions? )?held, (\d+) skipped, (\d+) without summary", line)
    assert found, line
    return tuple(int(n) for n in found.groups())


def first_session_summarised(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> None:
    """The leads subscribe the digest; the pair holds 3 December and Thomas summarises it."""
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    clock.set(AFTER_FIRST_SESSION)
    running.dispatch()
    summary_by_dm(running, fake)


def test_the_digest_keeps_counting_what_an_ended_pair_held_in_its_window(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    first_session_summarised(running, fake, clock)
    clock.set(at(12, 11, 9))  # 10 December: held, no summary; 17 December: skipped
    running.dispatch()
    assert "Skipped the session of Thursday 17 December" in text_of(running.answer(MENTEE, "skip"))
    clock.set(at(12, 18, 10))
    running.answer(MENTEE, END)
    running.settle()

    # Monday 21 and 28 December, 09:00 Paris: the pair ended but held sessions in the window.
    for monday in (at(12, 21), at(12, 28)):
        clock.set(monday)
        running.dispatch()
        intro, row = digest_row(fake)
        assert counts(row) == (2, 1, 1) and counts(intro) == (2, 1, 1), (intro, row)
        assert "ended Friday 18 December 2026" in row and "at risk" not in row
        assert "0 active pairs" in intro and "0 pairs at risk" in intro
    # Once the end is older than the window, the pair is not in the digest any more.
    for moment in (at(1, 24), at(1, 25)):  # the digest of the 25th is planned the day before
        clock.set(moment)
        running.dispatch()
    text = text_of(fake.messages_to(LEADS_CHANNEL)[-1])
    assert "claire" not in text and "No active pairs yet." in text


def test_a_pair_ended_by_forget_me_keeps_its_counts_without_naming_the_erased(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    first_session_summarised(running, fake, clock)
    clock.set(at(12, 9, 10))
    asked = running.answer(MENTEE, "forget-me")
    response, name = running.press(MENTEE, asked, "person.forget")
    assert response.status_code == 200
    fake.wait_for(lambda: fake.responses(name))
    running.settle()
    assert owed_about_the_pair(running) == []
    clock.set(at(12, 14))
    running.dispatch()
    text = text_of(fake.messages_to(LEADS_CHANNEL)[-1])
    [row, *_] = [line for line in text.splitlines() if "*claire* → *a former member*" in line]
    assert counts(row) == (1, 0, 0) and "ended Wednesday 9 December 2026" in row
    [pair] = exported(running, fake, MENTOR)["pairs"]
    assert [s["starts_at"] for s in pair["sessions"]] == ["2026-12-03T17:00:00+00:00"]
