"""Calendar links: a random token, only its SHA-256 stored, replaced by `reset`, revoked by
forget-me; `/mentor calendar` without a public URL answers politely."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from icalendar import Calendar
from sqlmodel import select

from bot.calendar.feeds import feed_for_token, hash_token, person_for_token
from bot.commands import handle_command
from bot.kernel.core import Core
from bot.kernel.replies import Reply
from storage.models import CalendarFeed
from tests.unit.bot.calendar.test_ics import rhythm
from tests.unit.bot.planning.test_planner import agreed_pair, people

URL = "https://mentor.example.org"
LINK = re.compile(re.escape(URL) + r"/calendar/([A-Za-z0-9_-]+)\.ics")


def command(core: Core, who: str, text: str) -> str:
    result = handle_command(core, platform="slack", actor_id=who, text=text)
    assert isinstance(result, Reply) and not result.is_error
    return result.fallback_text


def token_in(text: str) -> str:
    found = LINK.search(text)
    assert found, text
    return found[1]


def feed(core: Core, token: str) -> bytes | None:
    with core.db.session() as session:
        return feed_for_token(session=session, token=token, now=core.clock.now())


def test_without_a_public_url_the_operator_is_named(core: Core) -> None:
    people(core, core.clock.now())
    assert "MENTORBOT_PUBLIC_URL" in command(core, "UCLAIRE", "calendar")
    assert "MENTORBOT_PUBLIC_URL" in command(core, "UCLAIRE", "calendrier")


def test_a_link_opens_the_feed_of_all_pairs_until_reset_or_forget_me(core: Core) -> None:
    core = replace(core, public_url=URL)
    now = core.clock.now()
    mentor, mentee = people(core, now)
    with core.db.session() as session:
        agreed_pair(session, mentor, mentee, now, rhythm=rhythm("Europe/Paris"))
    token = token_in(command(core, "UCLAIRE", "calendar"))
    with core.db.session() as session:
        (row,) = session.exec(select(CalendarFeed))
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
        assert person_for_token(session=session, token=token).external_id == "UCLAIRE"
    content = feed(core, token)
    assert content is not None
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert event["SUMMARY"] == "Mentoring with uthomas"
    # Shown once: asked again, the link is not shown (only its hash is kept).
    assert LINK.search(command(core, "UCLAIRE", "calendar")) is None
    new = token_in(command(core, "UCLAIRE", "calendar reset"))
    assert new != token and feed(core, token) is None and feed(core, new) is not None
    # Unknown, malformed, or another's hash as the token: nothing.
    assert feed(core, "x" * 43) is None and feed(core, "../etc") is None
    assert feed(core, hash_token(new)) is None
    command(core, "UCLAIRE", "forget-me confirm")
    assert feed(core, new) is None
