"""The rhythm grammar, in English and French, its errors, and the defaults it completes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.rhythm.grammar import RhythmError, complete_rhythm, parse_rhythm
from bot.rhythm.model import LAST_WEEK, Frequency, MeetingFormat, RhythmDraft

WEEKLY, MONTHLY = Frequency.WEEKLY, Frequency.MONTHLY
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 09:00 in Paris


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "every 2 weeks on thursday at 18:00 for 60m tz Europe/Paris",
            RhythmDraft(WEEKLY, 2, 3, time(18), 60, "Europe/Paris"),
        ),
        (
            "toutes les 2 semaines le jeudi à 18h pendant 1h fuseau Europe/Paris",
            RhythmDraft(WEEKLY, 2, 3, time(18), 60, "Europe/Paris"),
        ),
        (
            "Weekly On Monday At 9:30 TZ america/montreal",
            RhythmDraft(WEEKLY, 1, 0, time(9, 30), timezone="America/Montreal"),
        ),
        (
            "hebdo lundi 9h30 pendant 1 h 30 par téléphone",
            RhythmDraft(WEEKLY, 1, 0, time(9, 30), 90, format=MeetingFormat.PHONE),
        ),
        ("every other week on tue at 6pm for 45 min", RhythmDraft(WEEKLY, 2, 1, time(18), 45)),
        ("une semaine sur deux le mardi à 12h", RhythmDraft(WEEKLY, 2, 1, time(12))),
        (
            "every thursday 7:15am via video",
            RhythmDraft(WEEKLY, 1, 3, time(7, 15), format=MeetingFormat.VIDEO),
        ),
        (
            "tous les jeudis à 18h en présentiel",
            RhythmDraft(WEEKLY, 1, 3, time(18), format=MeetingFormat.IN_PERSON),
        ),
        (
            "every 3 weeks on friday at 8:00 for 1.5h in person",
            RhythmDraft(WEEKLY, 3, 4, time(8), 90, format=MeetingFormat.IN_PERSON),
        ),
        ("mensuel le premier jeudi à 18h", RhythmDraft(MONTHLY, 1, 3, time(18), month_week=1)),
        (
            "monthly on the last friday at 9:30",
            RhythmDraft(MONTHLY, 1, 4, time(9, 30), month_week=LAST_WEEK),
        ),
        (
            "every 2 months on the 2nd wednesday at 12:00 for 2 hours",
            RhythmDraft(MONTHLY, 2, 2, time(12), 120, month_week=2),
        ),
        (
            "tous les 2 mois le dernier vendredi à 17h30 pendant 45 min",
            RhythmDraft(MONTHLY, 2, 4, time(17, 30), 45, month_week=LAST_WEEK),
        ),
        (
            "weekly at 10:00 from 2026-12-09",
            RhythmDraft(WEEKLY, 1, None, time(10), start=date(2026, 12, 9)),
        ),
        (
            "hebdo à 10h à partir du 09/12/2026",
            RhythmDraft(WEEKLY, 1, None, time(10), start=date(2026, 12, 9)),
        ),
        (
            "weekly on thursday at 18:00 Europe/Paris",
            RhythmDraft(WEEKLY, 1, 3, time(18), timezone="Europe/Paris"),
        ),
    ],
)
def test_grammar(text: str, expected: RhythmDraft) -> None:
    assert parse_rhythm(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "rhythm.empty", {}),
        ("every blue moon", "rhythm.unknown_word", {"word": "every blue"}),
        ("weekly on thursday at 18:00 with cake", "rhythm.unknown_word", {"word": "cake"}),
        ("weekly on friday at 25:00", "rhythm.bad_time", {"value": "25:00"}),
        ("weekly on friday at 13pm", "rhythm.bad_time", {"value": "13pm"}),
        ("weekly on friday at 9:00 for 5m", "rhythm.bad_duration", {"value": "for 5m"}),
        ("weekly on friday at 9:00 for 9h", "rhythm.bad_duration", {"value": "for 9h"}),
        ("weekly on friday at 9:00 for ever", "rhythm.bad_duration", {"value": "for ever"}),
        ("weekly on friday at 9:00 from 2026-02-30", "rhythm.bad_date", {"value": "2026-02-30"}),
        ("every 20 weeks on friday at 9:00", "rhythm.bad_interval", {"value": "every 20 weeks"}),
        (
            "weekly on monday on friday at 9:00",
            "rhythm.conflict",
            {"first": "monday", "second": "friday"},
        ),
        (
            "weekly on friday at 9:00 tz Mars/Olympus",
            "rhythm.unknown_zone",
            {"zone": "Mars/Olympus"},
        ),
    ],
)
def test_errors_name_what_was_wrong(text: str, code: str, params: dict[str, str]) -> None:
    with pytest.raises(RhythmError) as raised:
        parse_rhythm(text)
    assert (raised.value.code, raised.value.params) == (code, params)


def complete(text: str, zone: str = "Europe/Paris", now: datetime = NOW):
    return complete_rhythm(parse_rhythm(text), default_timezone=zone, now=now)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("on monday at 9:00", "rhythm.missing_frequency"),
        ("weekly at 9:00", "rhythm.missing_weekday"),
        ("weekly on monday", "rhythm.missing_time"),
        ("weekly on monday at 9:00 from 2020-01-06", "rhythm.start_in_past"),
        ("weekly on monday at 9:00 from 2026-12-09", "rhythm.start_not_weekday"),
        ("monthly on the first monday at 9:00 from 2026-12-14", "rhythm.start_not_ordinal"),
    ],
)
def test_incomplete_rhythms(text: str, code: str) -> None:
    with pytest.raises(RhythmError) as raised:
        complete(text)
    assert raised.value.code == code


def test_defaults_zone_duration_format_and_next_matching_day() -> None:
    rhythm = complete("every 2 weeks on thursday at 18:00", zone="America/Montreal")
    assert rhythm.timezone == "America/Montreal"
    assert (rhythm.duration_minutes, rhythm.format) == (60, MeetingFormat.VIDEO)
    assert rhythm.start == date(2026, 12, 3)


def test_today_counts_when_its_session_is_still_ahead() -> None:
    assert complete("weekly on monday at 18:00").start == date(2026, 11, 30)
    assert complete("weekly on monday at 9:00").start == date(2026, 12, 7)  # 09:00 has passed


def test_today_is_read_in_the_rhythm_zone() -> None:
    # 03:00 in Montreal on Monday 30 November: still Monday morning there.
    assert complete("weekly on monday at 8:00", zone="America/Montreal").start == date(2026, 11, 30)
    # Already Monday 21:00 in Tokyo: the Monday 8:00 session there is next week's.
    late = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert complete("weekly on monday at 8:00", zone="Asia/Tokyo", now=late).start == date(
        2026, 12, 7
    )


def test_monthly_ordinal_finds_the_next_month_when_this_one_is_past() -> None:
    rhythm = complete("monthly on the first monday at 9:00")
    assert (rhythm.start, rhythm.month_week) == (date(2026, 12, 7), 1)
    assert complete("monthly on the last monday at 18:00").start == date(2026, 11, 30)


def test_monthly_ordinal_is_derived_from_the_start_day() -> None:
    assert complete("monthly at 10:00 from 2026-12-17").month_week == 3
    fifth = complete("monthly at 10:00 from 2026-12-31")
    assert (fifth.weekday, fifth.month_week) == (3, LAST_WEEK)


def test_monthly_without_ordinal_or_start_uses_the_next_matching_day() -> None:
    rhythm = complete("mensuel le jeudi à 18h")
    assert (rhythm.start, rhythm.month_week) == (date(2026, 12, 3), 1)
