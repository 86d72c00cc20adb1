"""A new pair's first session waits 48 h unless `from` asks; odd hours warn the proposer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.pairs.meeting_hours import FIRST_SESSION_NOTICE, odd_hours, odd_hours_warning
from bot.rhythm.grammar import complete_rhythm, parse_rhythm
from bot.rhythm.model import Rhythm
from storage.models import Person

WEDNESDAY_8 = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)  # Wednesday 08:00 in Paris


def new_pair_rhythm(text: str, now: datetime = WEDNESDAY_8) -> Rhythm:
    return complete_rhythm(
        parse_rhythm(text),
        default_timezone="Europe/Paris",
        now=now,
        not_before=now + FIRST_SESSION_NOTICE,
    )


def person(external_id: str, zone: str | None) -> Person:
    return Person(id=1, platform="slack", external_id=external_id, timezone=zone)


def test_the_first_session_comes_at_least_48_hours_after_the_proposal() -> None:
    # Wednesday 16:00 the same day, and Friday 07:59 (47 h 59 after): both too soon.
    assert new_pair_rhythm("weekly on wednesday at 16:00").start == date(2026, 12, 9)
    assert new_pair_rhythm("weekly on friday at 7:59").start == date(2026, 12, 11)
    # Friday 08:15 is more than 48 h after: it may be the first.
    assert new_pair_rhythm("weekly on friday at 8:15").start == date(2026, 12, 4)
    # Monthly: the first Thursday of December (tomorrow) is too soon, January's comes.
    assert new_pair_rhythm("monthly on the first thursday at 9:00").start == date(2027, 1, 7)


def test_from_asks_for_a_sooner_first_session() -> None:
    assert new_pair_rhythm("weekly on wednesday at 16:00 from 2026-12-02").start == date(
        2026, 12, 2
    )
    # Without the 48 h (terms of a started pair, the rhythm grammar alone): the next day fits.
    plain = complete_rhythm(
        parse_rhythm("weekly on wednesday at 16:00"),
        default_timezone="Europe/Paris",
        now=WEDNESDAY_8,
    )
    assert plain.start == date(2026, 12, 2)


def test_a_session_outside_seven_to_ten_names_the_member_and_their_time() -> None:
    claire = person("UCLAIRE", "Europe/Paris")
    thomas = person("UTHOMAS", "America/Montreal")
    # 01:00 in Paris is 19:00 the day before in Montreal: only Claire's night.
    night = new_pair_rhythm("weekly on thursday at 1:00 tz Europe/Paris")
    [odd] = odd_hours(night, (claire, thomas), WEDNESDAY_8)
    assert (odd.person.external_id, odd.starts_at) == (
        "UCLAIRE",
        datetime(2026, 12, 10, 0, 0, tzinfo=UTC),
    )
    french = odd_hours_warning([odd], "fr")
    assert "<@UCLAIRE>" in french and "1h00 (Europe/Paris)" in french
    assert "jeudi 10 décembre 2026" in french and "7h00–22h00" in french
    # 11:00 in Paris is 05:00 in Montreal: Thomas's.
    dawn = new_pair_rhythm("weekly on friday at 11:00 tz Europe/Paris")
    [odd] = odd_hours(dawn, (claire, thomas), WEDNESDAY_8)
    english = odd_hours_warning([odd], "en")
    assert "<@UTHOMAS>" in english and "05:00 (America/Montreal)" in english
    assert "Friday 4 December 2026" in english and "07:00–22:00" in english


def test_daytime_for_both_warns_nobody_and_unknown_zones_are_skipped() -> None:
    rhythm = new_pair_rhythm("weekly on thursday at 18:00 tz Europe/Paris")  # 12:00 Montreal
    members = (person("UCLAIRE", "Europe/Paris"), person("UTHOMAS", "America/Montreal"))
    assert odd_hours(rhythm, members, WEDNESDAY_8) == []
    assert odd_hours_warning([], "en") == ""
    late = new_pair_rhythm("weekly on thursday at 23:00 tz Europe/Paris")
    assert odd_hours(late, (person("UX", None), person("UY", "Mars/Olympus")), WEDNESDAY_8) == []


def test_a_session_ending_after_ten_or_crossing_a_change_of_offset_is_seen() -> None:
    # 21:30 for 1 h in Paris ends at 22:30.
    late = new_pair_rhythm("weekly on thursday at 21:30 for 1h tz Europe/Paris")
    assert odd_hours(late, (person("UCLAIRE", "Europe/Paris"),), WEDNESDAY_8)
    # 03:00 in Paris is 21:00 the day before in Montreal, the session ending at 22:00; but
    # for the weeks of March when Montreal has changed its clocks and Paris has not yet, it
    # runs 22:00–23:00 there.
    dawn = new_pair_rhythm("weekly on monday at 3:00 for 1h tz Europe/Paris")
    [odd] = odd_hours(dawn, (person("UTHOMAS", "America/Montreal"),), WEDNESDAY_8)
    assert odd.starts_at == datetime(2027, 3, 15, 2, 0, tzinfo=UTC)
    assert odd.starts_at - WEDNESDAY_8 > timedelta(days=100)
