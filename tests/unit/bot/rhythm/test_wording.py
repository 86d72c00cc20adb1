"""Rhythms, dates, times and durations as people read them, from CLDR."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.kernel.i18n import capitalized
from bot.rhythm.model import LAST_WEEK, Frequency, MeetingFormat, Rhythm
from bot.rhythm.wording import (
    describe_rhythm,
    format_date,
    format_day_of,
    format_duration,
    format_reader_date,
    format_time,
    format_weekday_time,
    format_when,
    weekday_name,
)

FORTNIGHTLY = Rhythm(Frequency.WEEKLY, 2, 3, time(18), 60, "Europe/Paris", date(2026, 12, 3))
LAST_FRIDAY = Rhythm(
    Frequency.MONTHLY, 1, 4, time(9, 30), 45, "America/Montreal", date(2026, 12, 25),
    MeetingFormat.IN_PERSON, LAST_WEEK,
)  # fmt: skip


def test_describe_rhythm_in_both_languages() -> None:
    assert describe_rhythm(FORTNIGHTLY, "en") == (
        "every 2 weeks on Thursday at 18:00 (Europe/Paris), 1 h, by video"
    )
    assert describe_rhythm(FORTNIGHTLY, "fr") == (
        "toutes les 2 semaines le jeudi à 18h00 (Europe/Paris), 1 h, en visio"
    )
    assert describe_rhythm(LAST_FRIDAY, "en") == (
        "every month on the last Friday at 09:30 (America/Montreal), 45 min, in person"
    )
    assert describe_rhythm(LAST_FRIDAY, "fr") == (
        "chaque mois le dernier vendredi à 9h30 (America/Montreal), 45 min, en présentiel"
    )


def test_when_is_read_in_the_reader_zone() -> None:
    start = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert (
        format_when(start, "Europe/Paris", "en") == "Thursday 3 December 2026, 18:00 (Europe/Paris)"
    )
    assert format_when(start, "Europe/Paris", "fr") == "jeudi 3 décembre 2026, 18h00 (Europe/Paris)"
    assert format_when(start, "America/Montreal", "en") == (
        "Thursday 3 December 2026, 12:00 (America/Montreal)"
    )
    assert format_when(start, "Asia/Tokyo", "fr") == "vendredi 4 décembre 2026, 2h00 (Asia/Tokyo)"


def test_dates_and_durations() -> None:
    assert format_date(date(2026, 11, 30), "en") == "Monday 30 November 2026"
    assert format_date(date(2027, 2, 1), "fr") == "lundi 1er février 2027"
    assert [format_duration(m, "en") for m in (30, 60, 90, 125)] == [
        "30 min",
        "1 h",
        "1 h 30",
        "2 h 05",
    ]


def test_the_first_of_the_month_is_1er_in_french_only() -> None:
    assert format_date(date(2026, 12, 1), "fr") == "mardi 1er décembre 2026"
    assert format_date(date(2026, 12, 1), "en") == "Tuesday 1 December 2026"
    assert format_date(date(2026, 12, 11), "fr") == "vendredi 11 décembre 2026"
    assert format_date(date(2026, 12, 21), "fr") == "lundi 21 décembre 2026"
    assert format_reader_date(date(2026, 12, 1), "fr", "fr-CH") == "mardi, 1er décembre 2026"
    assert format_reader_date(date(2026, 12, 1), "fr", "fr-FR") == "mardi 1er décembre 2026"
    assert format_reader_date(date(2026, 12, 1), "en", "en-US") == "Tuesday, December 1, 2026"
    assert format_reader_date(date(2026, 12, 10), "fr", "en-US") == "jeudi 10 décembre 2026"


def test_a_date_opening_a_sentence_takes_a_capital() -> None:
    assert capitalized(format_date(date(2026, 12, 1), "fr")) == "Mardi 1er décembre 2026"
    assert capitalized(format_date(date(2026, 12, 1), "en")) == "Tuesday 1 December 2026"
    assert capitalized("") == ""


def test_words_come_from_cldr_in_both_languages() -> None:
    assert [weekday_name(d, "fr") for d in (0, 6)] == ["lundi", "dimanche"]
    assert [weekday_name(d, "en") for d in (0, 6)] == ["Monday", "Sunday"]
    months = [format_date(date(2027, m, 15), "fr").split()[2] for m in range(1, 13)]
    assert months[1] == "février" and months[7] == "août" and months[11] == "décembre"
    assert format_time(time(9, 5), "fr") == "9h05" and format_time(time(9, 5), "en") == "09:05"


def test_dates_and_times_keep_the_wall_clock_across_dst() -> None:
    """Paris is UTC+2 in summer and UTC+1 in winter: 18:00 reads 18:00 either side."""
    summer = datetime(2027, 4, 1, 16, 0, tzinfo=UTC)
    winter = datetime(2027, 3, 18, 17, 0, tzinfo=UTC)
    assert format_when(summer, "Europe/Paris", "fr") == "jeudi 1er avril 2027, 18h00 (Europe/Paris)"
    assert format_when(winter, "Europe/Paris", "fr") == "jeudi 18 mars 2027, 18h00 (Europe/Paris)"
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert format_day_of(late, "Europe/Paris", "fr") == "mardi 1er décembre 2026"
    assert format_day_of(late, "America/Montreal", "en") == "Monday 30 November 2026"


def test_rhythms_take_the_plural_of_their_interval() -> None:
    weekly = Rhythm(Frequency.WEEKLY, 1, 0, time(9), 30, "Europe/Paris", date(2026, 12, 7))
    assert describe_rhythm(weekly, "fr").startswith("chaque semaine le lundi à 9h00")
    assert describe_rhythm(weekly, "en").startswith("every week on Monday at 09:00")


def test_a_weekday_and_time_read_in_each_language() -> None:
    monday = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
    assert format_weekday_time(monday, "en") == "Monday 08:00"
    assert format_weekday_time(monday, "fr") == "lundi 8h00"
