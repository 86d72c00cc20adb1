"""Changing a pair's rhythm: future sessions re-planned, agenda kept, old reminders dropped."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

from sqlmodel import select

from bot.kernel.core import Core
from bot.kernel.notice_keys import SessionAt
from bot.pairs.creation import create_pair
from bot.pairs.rhythm_change import change_rhythm
from bot.people.profiles import record_profile
from bot.rhythm.model import MeetingFormat
from storage.models import AgendaItem, MeetingSession, Notification, Pair
from storage.queries.people import get_person
from storage.queries.sessions import next_session, upcoming_sessions
from tests.unit.bot.planning.test_planner import RHYTHM

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
WEEKLY_THURSDAY = replace(RHYTHM, interval=1, format=MeetingFormat.VIDEO)


def test_a_new_rhythm_replaces_the_sessions_ahead_and_keeps_the_agenda(core: Core) -> None:
    for user in ("UA", "UB"):
        record_profile(
            core, platform="slack", external_id=user, name=user, timezone=None, locale=None
        )
    with core.db.session() as session:
        mentor = get_person(session=session, platform="slack", external_id="UA")
        mentee = get_person(session=session, platform="slack", external_id="UB")
        assert mentor and mentee
        pair, _ = create_pair(
            session=session,
            platform="slack",
            actor=mentee,
            mentor=mentor,
            mentee=mentee,
            rhythm=WEEKLY_THURSDAY,
            now=NOW,
            agreed=True,
        )
        first = next_session(session=session, pair_id=pair.id, now=NOW)
        assert first is not None and first.id is not None
        session.add(
            AgendaItem(
                pair_id=pair.id,
                session_id=first.id,
                author_id=mentee.id,
                text="Budget",
                created_at=NOW,
            )
        )
        fortnightly_tuesday = replace(
            WEEKLY_THURSDAY, interval=2, weekday=1, start=date(2026, 12, 8), local_time=time(9, 30)
        )
        change_rhythm(session=session, pair=pair, rhythm=fortnightly_tuesday, now=NOW)
        session.commit()
        stored = session.get(Pair, pair.id)
        assert stored and (stored.interval, stored.weekday) == (2, 1)
        ahead = upcoming_sessions(session=session, pair_id=pair.id, now=NOW, limit=10)
        assert [m.starts_at for m in ahead[:2]] == [
            datetime(2026, 12, 8, 8, 30, tzinfo=UTC),
            datetime(2026, 12, 22, 8, 30, tzinfo=UTC),
        ]
        [item] = session.exec(select(AgendaItem)).all()
        assert item.session_id == ahead[0].id
        starts = session.exec(select(MeetingSession.starts_at)).all()
        assert datetime(2026, 12, 3, 17, 0, tzinfo=UTC) not in starts
        pending = session.exec(select(Notification).where(Notification.status == "pending")).all()
        subjects = {n.subject for n in pending if n.kind == "reminder"}
        assert subjects and all("20261203" not in s for s in subjects)
        assert SessionAt(ahead[0].id, datetime(2026, 12, 8, 8, 30, tzinfo=UTC)).key in subjects
