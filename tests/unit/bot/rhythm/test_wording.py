"""Rhythms, dates and durations as people read them; the catalog's two languages agree."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from string import Formatter

import pytest

from bot.catalog import MESSAGES
from bot.rhythm.model import LAST_WEEK, Frequency, MeetingFormat, Rhythm
from bot.rhythm.wording import describe_rhythm, format_date, format_duration, format_when

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
    assert format_date(date(2027, 2, 1), "fr") == "lundi 1 février 2027"
    assert [format_duration(m, "en") for m in (30, 60, 90, 125)] == [
        "30 min",
        "1 h",
        "1 h 30",
        "2 h 05",
    ]


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"en", "fr"}
    names = [
        {field for _, field, _, _ in Formatter().parse(entry[lang]) if field}
        for lang in ("en", "fr")
    ]
    assert names[0] == names[1]
    assert entry["en"].strip() and entry["fr"].strip()
