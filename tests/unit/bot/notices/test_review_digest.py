"""The digest tells that reviews took place; an average satisfaction only from 5 pairs on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from bot.growth.reviews import Answer, record_answer
from bot.kernel.core import Core
from bot.notices.digest_notice import digest
from bot.planning.planner import digest_recipient
from storage.models import DigestSubscription, Notification, Person
from storage.queries.people import upsert_person
from tests.unit.bot.growth.test_reviews import new_pair

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
DIGEST_AT = NOW + timedelta(weeks=14)


@pytest.fixture
def core(core_on_each_database: Core) -> Core:
    """The core on SQLite and on PostgreSQL: the averages are computed by the database."""
    return core_on_each_database


def person(session: Session, external_id: str) -> Person:
    return upsert_person(
        session=session,
        platform="slack",
        external_id=external_id,
        name=external_id.lower(),
        timezone="Europe/Paris",
        locale=None,
        now=NOW,
    )


def subscribe(core: Core) -> None:
    with core.db.session() as session:
        admin = person(session, "UADMIN")
        session.flush()
        assert admin.id is not None
        session.add(
            DigestSubscription(
                platform="slack",
                channel_id="CLEADS",
                timezone="Europe/Paris",
                created_by_id=admin.id,
                created_at=NOW,
            )
        )


def review_pairs(core: Core, scores: list[tuple[int, int]]) -> None:
    """One pair per (mentor's, mentee's) satisfaction; the last pair answered this week, each
    other one a week before the next."""
    subscribe(core)
    with core.db.session() as session:
        for n, pair_scores in enumerate(scores):
            mentor, mentee = person(session, f"UMENTOR{n}"), person(session, f"UMENTEE{n}")
            pair = new_pair(session, mentor, mentee, NOW)
            for member, score in zip((mentor, mentee), pair_scores, strict=True):
                answer = Answer("keep", "yes", "keep", score, f"private words {n}")
                at = DIGEST_AT - timedelta(days=1 + 7 * (len(scores) - 1 - n))
                record_answer(session=session, pair=pair, author=member, answer=answer, now=at)


def digest_text(core: Core) -> str:
    subscription = DigestSubscription(platform="slack", channel_id="CLEADS", timezone="UTC")
    row = Notification(
        kind="digest",
        recipient=digest_recipient(subscription).key,
        subject="digest:2027-03-08",
        due_at=DIGEST_AT,
        created_at=DIGEST_AT,
    )
    with core.db.session() as session:
        _, reply = digest(session, row, DIGEST_AT)
    return reply.fallback_text


@pytest.mark.parametrize("pairs", [1, 4])
def test_fewer_than_five_reviewed_pairs_show_no_average(core: Core, pairs: int) -> None:
    review_pairs(core, [(1, 2)] * pairs)
    text = digest_text(core)
    held = "1 pair held its review" if pairs == 1 else f"{pairs} pairs held their review"
    assert f"{held} in the last 3 months" in text
    assert "shown once at least 5 pairs" in text and "Average" not in text
    assert "/5" not in text and "private words" not in text


def test_five_reviewed_pairs_show_the_average_over_pairs_only(core: Core) -> None:
    # Pair means 1.5, 3, 4, 4.5, 5 → 3.6; one pair's week-old review counts "this week".
    review_pairs(core, [(1, 2), (3, 3), (4, 4), (4, 5), (5, 5)])
    text = digest_text(core)
    assert "5 pairs held their review in the last 3 months (1 this week)" in text
    assert "Average satisfaction across these pairs: 3.6/5." in text
    assert "private words" not in text and "4.5" not in text and "1.5" not in text


def test_no_review_no_line(core: Core) -> None:
    subscribe(core)
    assert "review" not in digest_text(core)


def test_pairs_read_a_few_at_a_time_give_the_same_digest(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviews, stalls and rows gathered over batches of two pairs: the digest of one batch."""
    review_pairs(core, [(1, 2), (3, 3), (4, 4), (4, 5), (5, 5)])
    whole = digest_text(core)
    assert "Average satisfaction across these pairs: 3.6/5." in whole
    assert "5 pairs have stalled" in whole and whole.count("⚠️ at risk · ") == 5
    monkeypatch.setattr("bot.notices.digest_notice.HEALTH_BATCH", 2)
    assert digest_text(core) == whole
    # Only the first rows and the longest stalls are kept, the totals count every pair.
    monkeypatch.setattr("bot.notices.digest_notice.MAX_ROWS", 2)
    few = digest_text(core)
    monkeypatch.setattr("bot.notices.digest_notice.HEALTH_BATCH", 1000)
    assert digest_text(core) == few
    assert "5 active pairs." in few and "5 pairs at risk." in few
    assert "5 pairs have stalled" in few and "*umentor2*" not in few
    assert few.count("⚠️ at risk · ") == 2 and "…and 3 more pairs" in few
