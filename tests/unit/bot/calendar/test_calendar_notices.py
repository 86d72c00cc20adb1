"""The calendar update a member is owed: the file attached on Slack, offered on Teams (with a
pointer to `/mentor calendar`), nothing once a later change supersedes it; made again for a
member who accepts the offer, and for nobody else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlmodel import select

from bot.calendar.files import member_pair_file
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


def test_slack_gets_the_file_teams_the_offer_and_old_versions_are_dropped(core: Core) -> None:
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
        assert "accept the file below" in reply.fallback_text
        assert "/mentor calendar" in reply.fallback_text
        assert reply.file is not None and reply.file.pair_calendar == pair.id
        assert reply.file.offer is not None and reply.file.offer.startswith("Mentoring with")
        (event,) = Calendar.from_ical(reply.file.content).walk("VEVENT")
        assert event["SEQUENCE"] == 1


def test_the_offered_file_is_made_again_for_a_member_only(core: Core) -> None:
    now = core.clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        pair = agreed_pair(session, mentor, mentee, now, rhythm=rhythm("Europe/Paris"))
        pair_id = pair.id
        member = (mentee.platform, mentee.external_id)
        session.commit()
    file = member_pair_file(core, platform=member[0], external_id=member[1], pair_id=pair_id)
    assert file is not None and file.pair_calendar == pair_id
    (event,) = Calendar.from_ical(file.content).walk("VEVENT")
    assert "FREQ=WEEKLY" in event["RRULE"].to_ical().decode()
    assert (
        member_pair_file(core, platform=member[0], external_id="UNOBODY", pair_id=pair_id) is None
    )
    assert member_pair_file(core, platform=member[0], external_id=member[1], pair_id=999) is None
