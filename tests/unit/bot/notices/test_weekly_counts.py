"""The digest chart's weekly series: sessions held, skipped and held without summary per week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from bot.kernel.i18n import t
from bot.notices.cadence_health import WEEKS_CHARTED, WeekCounts, WeekTally
from bot.notices.digest_notice import weekly_chart
from storage.models import MeetingSession
from storage.queries.sessions import PastSession

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Paris


def meeting(ago: timedelta, status: str = "planned", summarised: bool = True) -> MeetingSession:
    starts = NOW - ago
    return MeetingSession(
        pair_id=1,
        occurrence=starts,
        starts_at=starts,
        duration_minutes=60,
        status=status,
        summary_at=starts + timedelta(hours=2) if summarised else None,
    )


def weekly_counts(
    past: list[MeetingSession], now: datetime, weeks: int = WEEKS_CHARTED
) -> tuple[WeekCounts, ...]:
    tally = WeekTally(now, weeks)
    tally.add(past)
    return tally.weeks()


def test_twelve_weeks_oldest_first_each_starting_seven_days_after_the_last() -> None:
    weeks = weekly_counts([], NOW)
    assert len(weeks) == 12
    assert weeks[0].start == NOW - timedelta(weeks=12)
    assert weeks[-1].start == NOW - timedelta(weeks=1)
    assert all(b.start - a.start == timedelta(weeks=1) for a, b in pairwise(weeks))
    assert all((w.held, w.skipped, w.unsummarised) == (0, 0, 0) for w in weeks)


def test_each_session_counts_in_its_week_by_what_became_of_it() -> None:
    past = [
        meeting(timedelta(days=1)),  # this week, held with a summary
        meeting(timedelta(days=2), summarised=False),  # this week, held without
        meeting(timedelta(days=6, hours=23), status="skipped"),  # still this week
        meeting(timedelta(days=7)),  # last week: the boundary belongs to the older week
        meeting(timedelta(weeks=11, days=6), summarised=False),  # the oldest week
        meeting(timedelta(weeks=12)),  # too old
        meeting(timedelta(weeks=40), status="skipped"),  # far too old
        meeting(-timedelta(hours=1)),  # not yet (never given, counted nowhere)
    ]
    weeks = weekly_counts(past, NOW)
    assert weeks[-1] == WeekCounts(NOW - timedelta(weeks=1), held=2, skipped=1, unsummarised=1)
    assert weeks[-2] == WeekCounts(NOW - timedelta(weeks=2), held=1)
    assert weeks[0] == WeekCounts(NOW - timedelta(weeks=12), held=1, unsummarised=1)
    assert sum(w.held for w in weeks) == 4 and sum(w.skipped for w in weeks) == 1


def test_sessions_added_a_pair_at_a_time_count_as_all_at_once() -> None:
    first = [meeting(timedelta(days=1)), meeting(timedelta(days=9), "skipped")]
    second = [meeting(timedelta(days=3), summarised=False), meeting(timedelta(weeks=5))]
    tally = WeekTally(NOW)
    tally.add(first)
    tally.add(PastSession(m.starts_at, m.status, m.summary_at) for m in second)
    assert tally.weeks() == weekly_counts(first + second, NOW)
    assert tally.weeks()[-1] == WeekCounts(NOW - timedelta(weeks=1), held=2, unsummarised=1)


def test_a_skipped_session_is_never_counted_as_without_summary() -> None:
    [week] = weekly_counts([meeting(timedelta(days=1), "skipped", summarised=False)], NOW, 1)
    assert (week.held, week.skipped, week.unsummarised) == (0, 1, 0)


def test_the_chart_says_in_words_what_it_shows_in_both_languages() -> None:
    weeks = weekly_counts([meeting(timedelta(days=1)), meeting(timedelta(days=8), "skipped")], NOW)
    english = weekly_chart(weeks, "Europe/Paris", "en")
    assert english.title == t("chart.title", "en")
    assert english.labels[0] == "Sep 14" and english.labels[-1] == "Nov 30"
    assert [name for name, _ in english.series] == ["held", "skipped", "without summary"]
    assert english.series[0][1][-1] == 1 and english.series[1][1][-2] == 1
    assert "held: 1; skipped: 1; without summary: 0" in english.alt
    assert "Monday 14 September 2026" in english.alt
    french = weekly_chart(weeks, "Europe/Paris", "fr")
    assert french.labels[-1] == "30 nov." and "tenues : 1 ; annulées : 1" in french.alt


def test_a_chart_of_no_session_says_so() -> None:
    chart = weekly_chart(weekly_counts([], NOW), "Europe/Paris", "en")
    assert chart.alt.endswith("no session took place in these weeks.")
    assert "Busiest" not in chart.alt
