"""Retention of ended pairs: what is erased, when, how many per tick — and nothing twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from bot.kernel.core import Core
from bot.pairs import lifecycle
from bot.pairs.lifecycle import end_pair, erase_expired_content
from storage.models import AgendaItem, Pair, Person, Thanks
from tests.unit.bot.growth.test_reviews import new_pair
from tests.unit.bot.planning.test_planner import people

CREATED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
KEPT = timedelta(days=30)


def ended_pair(session: Session, members: tuple[Person, Person], at: datetime) -> Pair:
    """A pair of these two with an agenda point, a thank-you and trial answers, ended at `at`."""
    pair = new_pair(session, *members, at - timedelta(days=1))
    assert pair.id is not None and members[0].id is not None
    pair.mentor_trial = pair.mentee_trial = "continue"
    session.add(AgendaItem(pair_id=pair.id, author_id=members[0].id, text="x", created_at=at))
    session.add(Thanks(pair_id=pair.id, author_id=members[0].id, text="y", created_at=at))
    end_pair(session=session, pair=pair, actor=None, now=at, retention=KEPT)
    session.flush()
    return pair


def erased(session: Session, pairs: list[Pair]) -> list[bool]:
    for pair in pairs:
        session.refresh(pair)
    return [pair.content_erased_at is not None for pair in pairs]


def test_erasure_is_bounded_per_tick_idempotent_and_waits_for_the_date(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lifecycle, "RETENTION_BATCH", 2)
    members = people(core, CREATED)
    with core.db.session() as session:
        pairs = [ended_pair(session, members, CREATED + timedelta(days=n)) for n in range(4)]
        # Ended before retention dates were recorded: the configured period applies, from
        # each one's end (the first is due, the last not yet).
        for legacy in (pairs[0], pairs[3]):
            legacy.retain_until = None
            session.add(legacy)
        due = CREATED + timedelta(days=2) + KEPT  # the first three are due, not the fourth
        active = new_pair(session, *members, CREATED)
        active.mentor_trial = "continue"
        session.add(
            AgendaItem(pair_id=active.id, author_id=members[0].id, text="z", created_at=due)
        )
        assert erase_expired_content(session=session, now=due, retention=KEPT) == 2
        assert erased(session, pairs) == [True, True, False, False]
        assert erase_expired_content(session=session, now=due, retention=KEPT) == 1
        assert erase_expired_content(session=session, now=due, retention=KEPT) == 0
        assert erased(session, pairs) == [True, True, True, False]
        first_erasure = pairs[0].content_erased_at
        later = due + timedelta(days=1)
        assert erase_expired_content(session=session, now=later, retention=KEPT) == 1
        assert erased(session, pairs) == [True] * 4
        assert pairs[0].content_erased_at == first_erasure  # never erased twice
        assert all(p.mentor_trial is None and p.mentee_trial is None for p in pairs)
        session.refresh(active)
        assert active.content_erased_at is None and active.mentor_trial is not None
        left = set(session.exec(select(AgendaItem.pair_id))) | set(
            session.exec(select(Thanks.pair_id))
        )
    assert left == {active.id}
