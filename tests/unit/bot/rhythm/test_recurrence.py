"""Session instants: wall-clock rhythms across DST, fifth weekdays, month ends, zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz
from hypothesis import given
from hypothesis import strategies as st

from bot.rhythm.model import LAST_WEEK, Frequency, Rhythm
from bot.rhythm.recurrence import local_instant, session_starts


def weekly(start: date, at: time, zone: str, interval: int = 1) -> Rhythm:
    return Rhythm(
        frequency=Frequency.WEEKLY,
        interval=interval,
        weekday=start.weekday(),
        local_time=at,
        duration_minutes=60,
        timezone=zone,
        start=start,
    )


def monthly(start: date, month_week: int, at: time = time(18, 0)) -> Rhythm:
    return Rhythm(
        frequency=Frequency.MONTHLY,
        interval=1,
        weekday=start.weekday(),
        local_time=at,
        duration_minutes=60,
        timezone="Europe/Paris",
        start=start,
        month_week=month_week,
    )


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_paris_evening_stays_at_18_across_both_dst_changes() -> None:
    rhythm = weekly(date(2026, 10, 15), time(18, 0), "Europe/Paris")
    autumn = session_starts(rhythm, after=utc(2026, 10, 1), count=3)
    # Summer time ends on 25 October 2026: 16:00 UTC becomes 17:00 UTC.
    assert autumn == [utc(2026, 10, 15, 16), utc(2026, 10, 22, 16), utc(2026, 10, 29, 17)]
    spring = session_starts(rhythm, after=utc(2027, 3, 20), count=2)
    # Summer time starts on 28 March 2027.
    assert spring == [utc(2027, 3, 25, 17), utc(2027, 4, 1, 16)]


def test_montreal_stays_at_local_time_across_its_own_dst_dates() -> None:
    rhythm = weekly(date(2026, 10, 26), time(12, 0), "America/Montreal")
    # Montreal leaves summer time on 1 November 2026 (a week after Paris).
    assert session_starts(rhythm, after=utc(2026, 10, 25), count=2) == [
        utc(2026, 10, 26, 16),
        utc(2026, 11, 2, 17),
    ]
    # … and starts it again on 14 March 2027.
    assert session_starts(rhythm, after=utc(2027, 3, 7), count=2) == [
        utc(2027, 3, 8, 17),
        utc(2027, 3, 15, 16),
    ]


def test_a_time_in_the_spring_gap_moves_past_the_gap() -> None:
    assert local_instant(date(2027, 3, 28), time(2, 30), "Europe/Paris") == utc(2027, 3, 28, 1, 30)
    rhythm = weekly(date(2027, 3, 21), time(2, 30), "Europe/Paris")
    assert session_starts(rhythm, after=utc(2027, 3, 20), count=3) == [
        utc(2027, 3, 21, 1, 30),  # 02:30 CET
        utc(2027, 3, 28, 1, 30),  # 02:30 does not exist: 03:30 CEST
        utc(2027, 4, 4, 0, 30),  # 02:30 CEST
    ]


def test_an_ambiguous_autumn_time_is_the_first_one() -> None:
    assert local_instant(date(2026, 10, 25), time(2, 30), "Europe/Paris") == utc(
        2026, 10, 25, 0, 30
    )


def test_a_time_given_as_the_second_of_two_is_still_the_first_one() -> None:
    second = time(2, 30, fold=1)
    assert local_instant(date(2026, 10, 25), second, "Europe/Paris") == utc(2026, 10, 25, 0, 30)


ZONES = (
    "Europe/Paris", "America/Montreal", "America/Sao_Paulo", "Australia/Lord_Howe",
    "Pacific/Chatham", "America/St_Johns", "Africa/Casablanca", "Pacific/Apia",
)  # fmt: skip


def changing_days(zone: str, first: int = 1990, last: int = 2040) -> list[tuple[str, date]]:
    """The days around each change of the zone's offset, from `first` to `last` (the offset
    at noon differs from the day before's: the change came since)."""
    tzinfo, days = ZoneInfo(zone), []
    day = date(first, 1, 1)
    before = datetime.combine(day, time(12), tzinfo).utcoffset()
    while day.year <= last:
        day += timedelta(days=1)
        offset = datetime.combine(day, time(12), tzinfo).utcoffset()
        if offset != before:
            days += [(zone, day - timedelta(days=1)), (zone, day)]
        before = offset
    return days


CHANGING_DAYS = [zone_day for zone in ZONES for zone_day in changing_days(zone)]


@given(st.sampled_from(CHANGING_DAYS), st.integers(0, 24 * 60 - 1))
def test_local_instants_are_dateutils_resolution_of_skipped_and_repeated_times(
    zone_day: tuple[str, date], minute: int
) -> None:
    """On the days a zone's offset changes, skipped times move forward by the gap and repeated
    ones are the first: what dateutil's `resolve_imaginary` gives, which planning used before."""
    zone, day = zone_day
    at = time(minute // 60, minute % 60)
    naive = datetime.combine(day, at)
    expected = tz.resolve_imaginary(naive.replace(tzinfo=ZoneInfo(zone))).astimezone(UTC)
    assert local_instant(day, at, zone) == expected


def test_monthly_on_the_last_thursday_covers_months_with_four_and_five() -> None:
    rhythm = monthly(date(2026, 10, 29), LAST_WEEK)
    days = [s.date() for s in session_starts(rhythm, after=utc(2026, 10, 1), count=5)]
    # October 2026 and December 2026 have five Thursdays; November and February 2027 four.
    assert days == [date(2026, 10, 29), date(2026, 11, 26), date(2026, 12, 31),
                    date(2027, 1, 28), date(2027, 2, 25)]  # fmt: skip


def test_monthly_on_the_first_monday_across_year_end() -> None:
    rhythm = monthly(date(2026, 11, 2), 1, time(9, 0))
    days = [s.date() for s in session_starts(rhythm, after=utc(2026, 11, 1), count=3)]
    assert days == [date(2026, 11, 2), date(2026, 12, 7), date(2027, 1, 4)]


def test_monthly_last_friday_in_a_short_february() -> None:
    rhythm = monthly(date(2027, 1, 29), LAST_WEEK)
    days = [s.date() for s in session_starts(rhythm, after=utc(2027, 1, 1), count=3)]
    assert days == [date(2027, 1, 29), date(2027, 2, 26), date(2027, 3, 26)]


def test_every_two_weeks_keeps_its_phase_from_the_start_day() -> None:
    rhythm = weekly(date(2026, 12, 3), time(18, 0), "Europe/Paris", interval=2)
    days = [s.date() for s in session_starts(rhythm, after=utc(2026, 12, 10), count=3)]
    assert days == [date(2026, 12, 17), date(2026, 12, 31), date(2027, 1, 14)]


def test_next_session_is_read_in_the_pair_zone_not_the_reader_zone() -> None:
    # Thursday 17:00 in Montreal is already Thursday 23:00 in Paris: the 18:00 Montreal
    # session of that Thursday is still to come.
    rhythm = weekly(date(2026, 12, 3), time(18, 0), "America/Montreal")
    now = utc(2026, 12, 10, 22)
    assert session_starts(rhythm, after=now, count=1) == [utc(2026, 12, 10, 23)]
    # One minute after it started, the next one is a week later.
    assert session_starts(rhythm, after=utc(2026, 12, 10, 23, 1), count=1) == [
        utc(2026, 12, 17, 23)
    ]


def test_after_is_exclusive_and_until_inclusive() -> None:
    rhythm = weekly(date(2026, 12, 3), time(18, 0), "Europe/Paris")
    first = utc(2026, 12, 3, 17)
    assert session_starts(rhythm, after=first, count=1) == [utc(2026, 12, 10, 17)]
    assert session_starts(rhythm, after=utc(2026, 12, 1), until=utc(2026, 12, 10, 17)) == [
        first,
        utc(2026, 12, 10, 17),
    ]
    assert session_starts(rhythm, after=utc(2026, 11, 1), until=utc(2026, 12, 3)) == []


def test_nothing_before_the_start_day() -> None:
    rhythm = weekly(date(2026, 12, 3), time(18, 0), "Europe/Paris")
    assert session_starts(rhythm, after=utc(2026, 11, 1), count=1) == [utc(2026, 12, 3, 17)]


def test_a_count_or_an_until_is_required() -> None:
    with pytest.raises(ValueError):
        session_starts(weekly(date(2026, 12, 3), time(18), "UTC"), after=utc(2026, 12, 1))
