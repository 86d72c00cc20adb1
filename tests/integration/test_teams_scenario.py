"""A Teams pair's first session, end to end: activities to /api/messages, cards to the fake."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, buttons, text_of
from tests.integration.conftest import ADA, CLAIRE, LEADS, THOMAS
from tests.integration.teams_harness import TeamsBot

PAIR = "pair @claire @thomas every 2 weeks on thursday at 18:00 for 60m tz Europe/Paris"
SUMMARY = "We agreed that Thomas leads the Q1 roadmap review; actions: draft by 2026-12-10."
AGENDA = "Prepare my promotion file"


def chat(connector: FakeConnector, user) -> list[str]:
    return [text_of(a) for a in connector.sent(user.chat)]


def test_pair_agenda_reminders_summary_digest(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    for person in (CLAIRE, THOMAS, ADA):
        assert teams.install(person).status_code == 200
    assert "pair" in chat(connector, THOMAS)[0]  # the welcome is the help
    connector.reset()
    created = text_of(teams.make_pair(THOMAS, PAIR))
    assert "Thursday 3 December 2026, 12:00 (America/Montreal)" in created

    teams.settle()
    claire = connector.wait_for(lambda: chat(connector, CLAIRE))
    assert "Votre accord de mentorat" in claire[0] and "Accepter" in claire[0]
    # Both accepted (the calendar's message may come after it or not yet).
    assert [m for m in claire[1:] if "jeudi 3 décembre 2026, 18h00 (Europe/Paris)" in m]
    assert AGENDA in text_of(teams.answer(THOMAS, f"agenda add {AGENDA}"))
    assert "Partager" in text_of(
        teams.answer(CLAIRE, "ordre-du-jour ajouter Partager mon parcours")
    )

    connector.reset()
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    teams.dispatch()
    [to_mentor] = connector.sent(CLAIRE.chat)
    [to_mentee] = connector.sent(THOMAS.chat)
    assert "Séance de mentorat demain" in text_of(to_mentor)
    assert "Mentoring session tomorrow" in text_of(to_mentee)
    for reminder in (to_mentor, to_mentee):
        assert AGENDA in text_of(reminder) and "Partager mon parcours" in text_of(reminder)
        assert {b["action"] for b in buttons(reminder)} == {
            "agenda.add",
            "session.move",
            "session.skip",
        }
    assert connector.rejected() == []

    connector.reset()
    clock.set(datetime(2026, 12, 3, 18, 0, tzinfo=UTC))
    teams.dispatch()
    assert connector.sent(CLAIRE.chat) == []
    [request] = connector.sent(THOMAS.chat)
    assert "How did it go?" in text_of(request)

    connector.reset()
    assert teams.say(THOMAS, SUMMARY).status_code == 200
    shared = connector.wait_for(lambda: chat(connector, CLAIRE))
    assert SUMMARY in shared[0] and "compte-rendu" in shared[0]
    assert "Thank you" in connector.wait_for(lambda: chat(connector, THOMAS))[0]

    assert teams.in_channel(ADA, "digest", channel=LEADS, name="Leads").status_code == 200
    subscribed = connector.wait_for(lambda: connector.sent(f"{LEADS};messageid=1764490000000"))
    assert "Leads" in text_of(subscribed[0])
    connector.reset()
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    teams.dispatch()
    [digest] = connector.sent(LEADS)
    read = text_of(digest)
    assert "1 held" in read
    # Its chart, inside the card as an image with words for screen readers.
    [image] = [e for e in digest["attachments"][0]["content"]["body"] if e["type"] == "Image"]
    png = base64.b64decode(image["url"].removeprefix("data:image/png;base64,"))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2048
    assert "held: 1; skipped: 0" in image["altText"]
    for secret in (SUMMARY, "Q1 roadmap", AGENDA, "Partager"):
        assert secret not in read
