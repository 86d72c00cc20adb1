"""The `simulate` picture speaks to a programme manager: readable kinds in their language, the
launch day kept from crushing the scale, sessions per week, and Slack's pace per channel."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import matplotlib
import pytest

from app.simulation import SentLog, SessionFate, SimulationReport
from app.simulation_plot import SLACK_PACE_PER_MINUTE, draw, load_of, plot_report
from bot.catalog.terminal import KINDS
from bot.planning import notice_kinds

matplotlib.use("Agg")

START = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)


def report(pairs: int = 200) -> SimulationReport:
    """Two weeks: every pair announced on the first morning, then 20 reminders a day (three of
    them to one member in the same minute), and four sessions a week: two held with a summary,
    one without, one skipped."""
    kinds: dict[str, str] = {}
    sent = SentLog()

    def send(kind: str, address: str, at: datetime) -> None:
        kinds[sent.append(address, at)] = kind

    for n in range(2 * pairs):
        send("pair_started", f"member{n}", START)
    for day in range(1, 14):
        at = START + timedelta(days=day, hours=9)
        for n in range(20):
            send("reminder", f"member{n if n > 2 else 0}", at)
        send("summary_recorded", "member5", at + timedelta(hours=1))
    fates = {}
    for week in range(2):
        for n, fate in enumerate(("mentee", "mentor", "none", "skip")):
            start = START + timedelta(weeks=week, days=n, hours=10)
            fates[len(fates) + 1] = SessionFate(fate, start, start + timedelta(hours=1))
    return SimulationReport(
        START, START + timedelta(weeks=2), kinds, sent, fates, rhythms=[None] * pairs
    )


def texts(figure) -> list[str]:
    return [text.get_text() for text in figure.findobj(matplotlib.text.Text)]


def test_every_kind_the_bot_sends_has_a_label() -> None:
    sent = {v for k, v in vars(notice_kinds).items() if k.isupper() and isinstance(v, str)}
    assert sent == set(KINDS)


@pytest.mark.parametrize(
    ("lang", "title", "kind", "held", "limit"),
    [
        (
            "en",
            "Mentorbot simulation: 200 pairs over 2 weeks from 4 January 2027",
            "Session reminders",
            "held, summary written",
            "Slack: about 1 message per second per channel (60 a minute)",
        ),
        (
            "fr",
            "Simulation de Mentorbot : 200 binômes sur 2 semaines à partir du 4 janvier 2027",
            "Rappels de séance",
            "tenues, compte-rendu écrit",
            "Slack : environ 1 message par seconde et par canal (60 par minute)",
        ),
    ],
)
def test_the_picture_reads_as_a_manager_would(lang, title, kind, held, limit) -> None:
    figure = draw(report(), lang)
    messages, health, pace = figure.axes
    assert figure._suptitle.get_text() == title
    legend = [text.get_text() for text in messages.get_legend().get_texts()]
    assert kind in legend and not any("_" in label for label in legend)
    assert all(axes.get_title(loc="left") and axes.get_ylabel() for axes in figure.axes)

    # The launch day is drawn clipped, its true size written beside it.
    assert messages.get_ylim()[1] < 400
    [note] = [text for text in texts(figure) if "400" in text]
    assert ("off the scale" if lang == "en" else "hors échelle") in note

    # Sessions per week, by what became of them.
    assert held in [text.get_text() for text in health.get_legend().get_texts()]
    assert [patch.get_height() for patch in health.patches] == [2, 2, 1, 1, 1, 1]

    # The busiest channel (three reminders to one member in a minute) under Slack's pace.
    assert limit in [text.get_text() for text in pace.get_legend().get_texts()]
    assert [line.get_ydata()[0] for line in pace.get_lines()] == [SLACK_PACE_PER_MINUTE]
    assert max(patch.get_height() for patch in pace.patches) == 3
    matplotlib.pyplot.close(figure)


def test_the_busiest_channel_is_counted_per_channel_not_for_the_workspace() -> None:
    load = load_of(report())
    first = START.date()
    assert load.channel_peak[first] == 1  # 400 members got one message each at 08:00
    assert load.channel_peak[first + timedelta(days=1)] == 3  # member0's three reminders


def test_the_png_is_written(tmp_path) -> None:
    out = io.StringIO()
    plot_report(report(pairs=3), tmp_path / "load.png", out, "en")
    assert (tmp_path / "load.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Plot written to" in out.getvalue()
