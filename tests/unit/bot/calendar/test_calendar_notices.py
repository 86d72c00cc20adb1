"""The calendar update a member is owed: the file on Slack, a pointer to `/mentor calendar`
on Teams, nothing once a later change supersedes it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlmodel import select

from bot.kernel.core import Core
from bot.notices import compose
from bot.notices.context import Gone
from bot.sessions.changes import skip_session
from storage.models import Notification, Person
from storage.queries.sessions import upcoming_sessions
from tests.unit.bot.calendar.test_ics import rhythm
from tests.unit.bot.planning.test_planner import agreed_pair, people


def updates(session) -> list[Notification]:
    query = select(Notification).where(Notification.kind == "calendar_update")
    return sorted(session.exec(query), key=lambda row: (row.subject, row.recipient))


def test_slack_gets_the_file_teams_the_link_and_old_versions_are_dropped(core: Core) -> None:
    now = core.clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        pair = agreed_pair(session, mentor, mentee, now, rhythm=rhythm("Europe/Paris"))
        first, _second = updates(session)  # one to each member, SEQUENCE 0
        target, reply = compose(session, first, now)
        assert target.kind == "dm" and reply.file is not None
        assert reply.file.name.endswith(".ics") and reply.file.mime == "text/calendar"
        (event,) = Calendar.from_ical(reply.file.content).walk("VEVENT")
        assert event["SEQUENCE"] == 0
        (meeting,) = upcoming_sessions(session=session, pair_id=pair.id, now=now)
        skip_session(session=session, pair=pair, meeting=meeting, other=mentee, now=now)
        with pytest.raises(Gone, match="superseded"):
            compose(session, first, now)
        member = session.get(Person, mentee.id)
        member.platform = "teams"
        session.add(member)
        session.flush()
        latest = [row for row in updates(session) if row.subject.endswith(":1")]
        to_teams = next(row for row in latest if row.recipient == f"p:{mentee.id}")
        _, reply = compose(session, to_teams, now + timedelta(minutes=1))
        assert reply.file is None and "/mentor calendar" in reply.fallback_text
