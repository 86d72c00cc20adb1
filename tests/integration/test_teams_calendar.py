"""Calendars over Teams: a bot's file reaches a 1:1 chat only through a file consent card. When
both have accepted, each member is offered the series (.ics) after a message that also points to
`/mentor calendar`; accepted, the file is made again for that member (the latest version),
PUT to the upload session Teams gives and shown as a file card; declined, a polite word. The
consent card names only the pair: anyone else who presents it gets nothing. Activity shapes as
in Microsoft's "Send and receive files using bot" (Teams bot APIs, personal scope)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from datetime import time as clock_time
from typing import Any
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar

from tests.fakes.teams_connector import FakeConnector, text_of
from tests.integration.conftest import ADA, CLAIRE, THOMAS
from tests.integration.teams_harness import CONSENT_UNIQUE_ID as UNIQUE_ID
from tests.integration.teams_harness import TeamsBot, TeamsUser, attachments_of, consent

PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
CONSENT = "application/vnd.microsoft.teams.card.file.consent"
INFO = "application/vnd.microsoft.teams.card.file.info"
PARIS = ZoneInfo("Europe/Paris")


def offers(connector: FakeConnector, user: TeamsUser, kind: str = CONSENT) -> list[dict[str, Any]]:
    return attachments_of(connector, user, kind)


def before_offer(connector: FakeConnector, user: TeamsUser) -> str:
    """The text of the message just before the user's first consent card."""
    sent = connector.sent(user.chat)
    at = next(
        n
        for n, activity in enumerate(sent)
        if any(a.get("contentType") == CONSENT for a in activity.get("attachments") or [])
    )
    return text_of(sent[at - 1])


def paired(teams: TeamsBot) -> None:
    for user in (CLAIRE, THOMAS, ADA):
        teams.install(user)
    teams.make_pair(THOMAS, PAIR)
    teams.settle()


def test_each_member_is_offered_the_series_and_an_accepted_file_is_uploaded(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    paired(teams)
    [card] = offers(connector, THOMAS)
    [french] = offers(connector, CLAIRE)
    pair_id = card["content"]["acceptContext"]["calendar"]
    assert card["content"]["acceptContext"] == card["content"]["declineContext"]
    assert french["content"]["acceptContext"] == {"calendar": pair_id}
    assert card["name"] == f"mentoring-{pair_id}.ics"
    assert french["name"] == f"mentorat-{pair_id}.ics"
    assert card["content"]["description"].startswith("Mentoring with Claire: your sessions")
    assert french["content"]["description"].startswith("Mentorat avec Thomas : vos séances")
    assert card["content"]["sizeInBytes"] > 0
    # The message before the card says what to do with it, and where the feed is.
    before = before_offer(connector, THOMAS)
    assert "accept the file below" in before and "`/mentor calendar`" in before
    assert "`/mentor calendrier`" in before_offer(connector, CLAIRE)

    url = connector.upload_url(card["name"])
    assert consent(teams, THOMAS, card, "accept", upload_url=url).status_code == 200
    [upload] = connector.uploads
    size = len(upload.body)
    assert upload.status == 201 and upload.name == card["name"]
    assert upload.headers["content-range"] == f"bytes 0-{size - 1}/{size}"
    assert "authorization" not in upload.headers

    calendar = Calendar.from_ical(upload.body)
    [event] = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Mentoring with Claire" and event["SEQUENCE"] == 0
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["TH"]
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    # Twelve months, across both DST changes: every session Thursday 18:00 in Paris.
    start, end = datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 12, 1, tzinfo=UTC)
    instants = [e["DTSTART"].dt for e in recurring_ical_events.of(calendar).between(start, end)]
    assert len(instants) == 52
    assert {(i.astimezone(PARIS).weekday(), i.astimezone(PARIS).time()) for i in instants} == {
        (3, clock_time(18, 0))
    }

    [shown] = offers(connector, THOMAS, INFO)
    assert shown["name"] == card["name"] and shown["contentUrl"].endswith(card["name"])
    assert shown["content"] == {"uniqueId": UNIQUE_ID, "fileType": "ics"}
    assert offers(connector, CLAIRE, INFO) == []
    assert connector.rejected() == []


def test_the_answer_to_a_move_comes_before_the_files_the_move_causes(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    """Thomas's answer and his updated file go to the same chat: the answer first, however
    long its post takes. The dispatcher is told of the files once the answer is sent: while
    the answer is held at the connector, no updated file goes to either member."""
    paired(teams)
    claire_before, thomas_before = len(offers(connector, CLAIRE)), len(connector.sent(THOMAS.chat))
    held = connector.hold_next(THOMAS.chat)
    moving = threading.Thread(target=teams.say, args=(THOMAS, "move 2026-12-04 12:30"))
    moving.start()
    assert held.reached.wait(10)
    # Told at once, the dispatcher would send Claire's file within milliseconds: three
    # seconds leave it every chance before the answer is let through.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and len(offers(connector, CLAIRE)) == claire_before:
        time.sleep(0.02)
    assert len(offers(connector, CLAIRE)) == claire_before
    held.release()
    moving.join(10)
    teams.settle()
    answer, *after = connector.sent(THOMAS.chat)[thomas_before:]
    assert "12:30" in text_of(answer)
    assert len(offers(connector, CLAIRE)) == claire_before + 1
    assert any(a.get("contentType") == CONSENT for m in after for a in m.get("attachments") or [])


def test_an_old_offer_accepted_after_a_move_brings_the_latest_version(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    paired(teams)
    [first] = offers(connector, CLAIRE)
    assert "12:30" in text_of(teams.answer(THOMAS, "move 2026-12-04 12:30"))
    teams.settle()
    assert len(offers(connector, CLAIRE)) == 2  # the update is offered too
    url = connector.upload_url(first["name"])
    assert consent(teams, CLAIRE, first, "accept", upload_url=url).status_code == 200
    master, moved = Calendar.from_ical(connector.uploads[-1].body).walk("VEVENT")
    assert master["SUMMARY"] == "Mentorat avec Thomas"
    assert master["SEQUENCE"] == moved["SEQUENCE"] == 1
    assert moved["RECURRENCE-ID"].dt.astimezone(UTC).date().isoformat() == "2026-12-03"
    assert moved["DTSTART"].dt.astimezone(UTC).date().isoformat() == "2026-12-04"


def test_a_declined_calendar_is_answered_politely_with_the_feed(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    paired(teams)
    [card] = offers(connector, CLAIRE)
    assert consent(teams, CLAIRE, card, "decline").status_code == 200
    answer = text_of(connector.sent(CLAIRE.chat)[-1])
    assert "Aucun fichier envoyé" in answer and "`/mentor calendrier`" in answer
    assert connector.uploads == [] and offers(connector, CLAIRE, INFO) == []


def test_a_calendar_offer_presented_by_anyone_else_uploads_nothing(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    paired(teams)
    [card] = offers(connector, THOMAS)
    pair_id = card["content"]["acceptContext"]["calendar"]
    url = connector.upload_url(card["name"])
    assert consent(teams, ADA, card, "accept", upload_url=url).status_code == 200
    assert "could not send you the file" in text_of(connector.sent(ADA.chat)[-1])
    for forged in ({"calendar": str(pair_id)}, {"calendar": pair_id + 1}, {"calendar": -1}, []):
        response = consent(teams, THOMAS, card, "accept", upload_url=url, context=forged)
        assert response.status_code == 200
        assert "could not send you the file" in text_of(connector.sent(THOMAS.chat)[-1])
    assert connector.uploads == []
    assert offers(connector, ADA, INFO) == offers(connector, THOMAS, INFO) == []
