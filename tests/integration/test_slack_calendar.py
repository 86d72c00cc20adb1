"""Calendars over Slack: both accept → each member gets the series as an .ics file in their DM;
a move → an update with a higher SEQUENCE; `/mentor calendar` → a private link whose feed is
served; reset → the old link is a 404; forget-me → 404 too. HEAD (calendar clients, load balancers'
checks on `/healthz`) answers as GET does, without the body: it was 405."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC

import pytest
from icalendar import Calendar

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"


@pytest.fixture
def served(fake: FakeSlack, sqlite_url: str, clock: ManualClock) -> Iterator[RunningBot]:
    bot = RunningBot(database_url=sqlite_url, fake=fake, clock=clock)
    bot.settings = dataclasses.replace(bot.settings, public_url=bot.url + "/")
    bot.start()
    yield bot
    bot.stop()


def ics_files(fake: FakeSlack, user: str) -> list[Calendar]:
    return [
        Calendar.from_ical(f["content"])
        for f in fake.files_to(user)
        if str(f.get("title", "")).endswith(".ics")
    ]


def link_in(text: str, base: str) -> str:
    found = re.search(re.escape(base) + r"/calendar/[A-Za-z0-9_-]+\.ics", text)
    assert found, text
    return found[0]


def test_files_on_start_and_move_and_a_private_feed(served: RunningBot, fake: FakeSlack) -> None:
    served.make_pair(MENTEE, PAIR)
    served.settle()
    for user, title in ((MENTOR, "Mentorat avec thomas"), (MENTEE, "Mentoring with claire")):
        (calendar,) = ics_files(fake, user)
        (event,) = calendar.walk("VEVENT")
        assert event["SUMMARY"] == title and event["SEQUENCE"] == 0
        assert event["RRULE"]["BYDAY"] == ["TH"]
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    uid = str(event["UID"])

    answer = text_of(served.answer(MENTEE, "move 2026-12-04 12:30"))
    assert "12:30" in answer or "12h30" in answer, answer
    served.settle()
    for user in (MENTOR, MENTEE):
        *_, update = ics_files(fake, user)
        master, moved = update.walk("VEVENT")
        assert master["UID"] == moved["UID"] == uid
        assert master["SEQUENCE"] == moved["SEQUENCE"] == 1
        assert moved["RECURRENCE-ID"].dt.astimezone(UTC).day == 3  # Thursday's session
        assert moved["DTSTART"].dt.astimezone(UTC).day == 4

    link = link_in(text_of(served.answer(MENTOR, "calendrier")), served.url)
    response = served.http.get(link)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    (event, moved) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["UID"] == uid and event["SUMMARY"] == "Mentorat avec thomas"

    new = link_in(text_of(served.answer(MENTOR, "calendar reset")), served.url)
    assert served.http.get(link).status_code == 404
    assert served.http.get(new).status_code == 200
    assert served.http.get(served.url + "/calendar/nothing-of-the-sort.ics").status_code == 404
    assert served.http.get(new.removesuffix(".ics") + ".json").status_code == 404

    served.answer(MENTOR, "forget-me confirm")
    served.settle()
    assert served.http.get(new).status_code == 404


SAME_HEADERS = ("content-type", "content-length", "cache-control", "x-robots-tag")


def assert_head_like_get(running: RunningBot, path: str, status: int) -> None:
    got, head = running.http.get(path), running.http.head(path)
    assert got.status_code == head.status_code == status
    assert head.content == b""
    for name in SAME_HEADERS:
        assert head.headers.get(name) == got.headers.get(name), name


def test_head_on_a_calendar_feed_a_wrong_token_and_the_health_check(served: RunningBot) -> None:
    served.make_pair(MENTEE, PAIR)
    link = link_in(text_of(served.answer(MENTOR, "calendar")), served.url)
    path = link.removeprefix(served.url)
    assert_head_like_get(served, path, 200)
    assert served.http.head(path).headers["content-type"].startswith("text/calendar")
    assert_head_like_get(served, "/calendar/nothing-of-the-sort.ics", 404)
    assert_head_like_get(served, path.removesuffix(".ics") + ".json", 404)
    assert_head_like_get(served, "/healthz", 200)
