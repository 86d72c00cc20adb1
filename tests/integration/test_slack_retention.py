"""Retention over signed HTTP: an ended pair's content is erased MENTORBOT_RETENTION_DAYS after
its end — both members told the date in their own words — while its counts stay."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import String, select
from sqlmodel import SQLModel

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of
from tests.integration.test_erasure_files import left_behind
from tests.integration.test_slack_pair_ending import (
    END,
    PAIR,
    counts,
    digest_row,
    exported,
    summary_by_form,
)
from tests.integration.test_slack_reviews import answers, open_by_command

RETENTION_DAYS = 3
ENDED_AT = datetime(2026, 12, 11, 10, 0, tzinfo=UTC)  # retained until 14 December, 10:00 UTC
# Every text the pair holds, one distinctive word each (the journal is not the pair's).
PAIR_TEXTS = {
    "agenda": "Quetzal",
    "agenda of the other": "Xylophone",
    "goal": "Zeppelin",
    "milestone": "Kumquat",
    "review comment": "Marzipan",
    "summary": "staffing plan",
    "action": "staffing workshop",
    "thanks": "Gondola",
}
JOURNAL = "Journal: Lighthouse"


@pytest.fixture
def running(fake: FakeSlack, sqlite_url: str, clock: ManualClock) -> Iterator[RunningBot]:
    bot = RunningBot(
        database_url=sqlite_url, fake=fake, clock=clock, retention_days=RETENTION_DAYS
    ).start()
    yield bot
    bot.stop()


def texts_in_database(running: RunningBot) -> str:
    """Every value of every text column of every table, as one string."""
    assert running.bot is not None
    values = []
    with running.bot.core.db.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, String):
                    values += [v for v in connection.execute(select(column)).scalars() if v]
    return "\n".join(values)


def lived_and_ended(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> None:
    """A pair with every kind of content, two sessions held (one summarised), then ended."""
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    running.answer(MENTEE, f"agenda add {PAIR_TEXTS['agenda']}")
    running.answer(MENTOR, f"agenda add {PAIR_TEXTS['agenda of the other']}")
    running.answer(MENTEE, f"goals add {PAIR_TEXTS['goal']} by 2027-03-01")
    running.answer(MENTOR, f"goals milestone 1 {PAIR_TEXTS['milestone']}")
    running.answer(MENTEE, f"journal {JOURNAL}")
    view = open_by_command(running, fake, MENTEE)
    comment = f"Going well. {PAIR_TEXTS['review comment']}"
    assert running.submit(MENTEE, view, answers("keep", "yes", "keep", "4", comment)) == {}
    clock.set(datetime(2026, 12, 3, 18, 5, tzinfo=UTC))
    running.dispatch()
    summary_by_form(running, fake, MENTEE, "2026-12-20")
    clock.set(datetime(2026, 12, 10, 18, 5, tzinfo=UTC))  # held, left without summary
    running.dispatch()
    clock.set(ENDED_AT)
    fake.reset()
    running.answer(MENTEE, END)
    running.settle()
    thanked = running.answer(MENTEE, f"thanks <@{MENTOR}|claire> {PAIR_TEXTS['thanks']}")
    assert "Delivered" in text_of(thanked)
    running.settle()


def test_the_end_notice_tells_each_member_the_date_in_their_language(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    lived_and_ended(running, fake, clock)
    [to_mentee, *_] = [text_of(m) for m in fake.messages_to(MENTEE)]
    [to_mentor, *_] = [text_of(m) for m in fake.messages_to(MENTOR)]
    # Thomas reads en-US in Montreal (05:00 on the 14th), Claire fr-FR in Paris.
    assert "until Monday, December 14, 2026" in to_mentee
    assert "Your journal is not part of it" in to_mentee
    assert "jusqu'au lundi 14 décembre 2026" in to_mentor and "effacé" in to_mentor
    kept = text_of(running.answer(MENTEE, "history 1"))
    assert "until Monday, December 14, 2026" in kept


def pair_of(data: dict[str, Any]) -> dict[str, Any]:
    [pair] = data["pairs"]
    return pair


def test_content_is_erased_after_the_retention_period_and_counts_stay(
    running: RunningBot, fake: FakeSlack, clock: ManualClock, sqlite_url: str
) -> None:
    lived_and_ended(running, fake, clock)
    # Kept until the date: every text is still there, readable and exportable.
    clock.set(datetime(2026, 12, 14, 8, 0, tzinfo=UTC))  # Monday 09:00 Paris: the digest
    running.dispatch()
    stored = texts_in_database(running)
    for kind, text in PAIR_TEXTS.items():
        assert text in stored, kind
    assert len(left_behind(sqlite_url, tuple(PAIR_TEXTS.values()))) >= len(PAIR_TEXTS)
    before = pair_of(exported(running, fake, MENTEE))
    assert before["retain_until"] == "2026-12-14T10:00:00+00:00"
    assert before["content_erased_at"] is None and before["agenda"] and before["thanks"]
    _, row = digest_row(fake)
    assert counts(row) == (2, 0, 1)

    clock.set(datetime(2026, 12, 14, 10, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()  # a second tick finds nothing more to do
    stored = texts_in_database(running)
    for kind, text in PAIR_TEXTS.items():
        assert text not in stored, kind
    assert JOURNAL in stored  # the journal is its author's, not the pair's
    assert left_behind(sqlite_url, tuple(PAIR_TEXTS.values())) == []  # nor in the files' bytes

    after = pair_of(exported(running, fake, MENTEE))
    assert after["status"] == "ended" and after["content_erased_at"] == "2026-12-14T10:00:00+00:00"
    assert [s["starts_at"] for s in after["sessions"]] == [
        "2026-12-03T17:00:00+00:00",
        "2026-12-10T17:00:00+00:00",
    ]
    assert [s["summary_at"] is not None for s in after["sessions"]] == [True, False]
    assert all(s["summary"] is None for s in after["sessions"])
    for content in ("agenda", "actions", "goals", "thanks", "reviews"):
        assert after[content] == [], content
    for text in PAIR_TEXTS.values():
        assert text not in json.dumps(after)

    # The digest of the next Monday counts the same sessions as before the erasure.
    clock.set(datetime(2026, 12, 21, 8, 0, tzinfo=UTC))
    running.dispatch()
    _, row = digest_row(fake)
    assert counts(row) == (2, 0, 1)
    history = text_of(running.answer(MENTEE, "history 1"))
    assert "erased on Monday, December 14, 2026" in history and "(summary erased)" in history
    assert "2 sessions held, 1 summary" in text_of(running.answer(MENTEE, "history"))
    refused = text_of(running.answer(MENTEE, f"thanks <@{MENTOR}|claire> Thanks again!"))
    assert "no longer pass on thank-yous" in refused
