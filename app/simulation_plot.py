"""The picture of a `mentorbot simulate` run for a programme manager (matplotlib, an optional
dependency): what the bot sends each day, what became of the sessions each week, and how close
the busiest channel comes to Slack's pace."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from babel.dates import format_date
from babel.numbers import format_percent

from app.simulation import SimulationReport
from bot.kernel.i18n import Lang, locale_of, t

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SLACK_PACE_PER_MINUTE = 60  # about one message per second per channel
OFF_SCALE = 4  # a day above this many times the median day is drawn clipped
HEALTH = (  # fate of a session → (catalog key, colour)
    ("held", "simulate.plot.held", "#2e7d32"),
    ("none", "simulate.plot.no_summary", "#f9a825"),
    ("skip", "simulate.plot.skipped", "#9e9e9e"),
)


@dataclass(frozen=True)
class Load:
    """What the plot shows, counted from the report."""

    days: list[date]
    kinds: list[str]  # most sent first
    per_day: dict[str, Counter[date]]  # kind → messages per day
    health: list[Counter[str]]  # per week: held / none / skip → sessions
    channel_peak: dict[date, int]  # the busiest channel's busiest minute, per day


def kind_label(kind: str, lang: Lang) -> str:
    """A notification kind as a manager reads it."""
    return t(f"simulate.kind.{kind}", lang)


def load_of(report: SimulationReport) -> Load:
    days = [
        (report.start + timedelta(days=n)).date() for n in range((report.end - report.start).days)
    ]
    by_kind = report.by_kind()
    kinds = [kind for kind, _ in by_kind.most_common()]
    per_day: dict[str, Counter[date]] = {kind: Counter() for kind in kinds}
    channel_minutes: Counter[tuple[str, datetime]] = Counter()
    for message in report.sent:
        per_day[report.kinds[message.ref]][message.at.date()] += 1
        channel_minutes[(message.address, message.at.replace(second=0, microsecond=0))] += 1
    channel_peak = dict.fromkeys(days, 0)
    for (_, minute), count in channel_minutes.items():
        channel_peak[minute.date()] = max(channel_peak.get(minute.date(), 0), count)
    weeks = len(days) // 7 or 1
    health: list[Counter[str]] = [Counter() for _ in range(weeks)]
    for fate in report.fates.values():
        week = (fate.start - report.start) // timedelta(weeks=1)
        if 0 <= week < weeks and fate.end <= report.end:
            health[week]["held" if fate.fate in ("mentee", "mentor") else fate.fate] += 1
    return Load(days, kinds, per_day, health, channel_peak)


def plot_report(report: SimulationReport, path: Path, out: TextIO, lang: Lang) -> None:
    """Write the picture of `report` to `path` (a PNG), or say that matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print(t("simulate.plot_missing", lang), file=out)
        return
    figure = draw(report, lang)
    figure.savefig(path, dpi=100)
    plt.close(figure)
    print(t("simulate.plotted", lang, path=path), file=out)


def draw(report: SimulationReport, lang: Lang) -> Figure:
    """Three panels, one story each: messages per day by kind, sessions per week by what became
    of them, and the busiest channel against Slack's per-channel pace."""
    import matplotlib.pyplot as plt

    load = load_of(report)
    figure, (top, middle, bottom) = plt.subplots(
        3, 1, figsize=(13, 13), gridspec_kw={"height_ratios": [3, 2, 1.6]}
    )
    weeks = len(load.health)
    figure.suptitle(
        t(
            "simulate.plot.title",
            lang,
            count=len(report.rhythms),
            weeks=t("simulate.plot.weeks", lang, count=weeks),
            start=format_date(report.start.date(), "d MMMM y", locale=locale_of(lang)),
        ),
        fontsize="x-large",
        fontweight="bold",
    )
    _messages(top, load, lang)
    _health(middle, load, report, lang)
    _pace(bottom, load, lang)
    figure.tight_layout(rect=(0, 0, 1, 0.97))
    return figure


def _day_ticks(axes: Axes, days: list[date], lang: Lang) -> None:
    """A tick each Monday, the date written the reader's way."""
    mondays = [n for n, day in enumerate(days) if day.weekday() == 0] or [0]
    axes.set_xticks(mondays)
    axes.set_xticklabels(
        [format_date(days[n], "EEE d MMM", locale=locale_of(lang)) for n in mondays]
    )
    axes.set_xlim(-0.7, len(days) - 0.3)


def _messages(axes: Axes, load: Load, lang: Lang) -> None:
    """Stacked bars per day; a day far above the others (the first day's welcomes) is clipped,
    its true height written next to it, so that the ordinary days stay readable."""
    totals = [sum(load.per_day[kind][day] for kind in load.kinds) for day in load.days]
    typical = statistics.median([total for total in totals if total] or [1])
    clipped = [n for n, total in enumerate(totals) if total > OFF_SCALE * typical]
    ordinary = max((total for n, total in enumerate(totals) if n not in clipped), default=1)
    ceiling = max(ordinary * 1.8, 10)  # room above the ordinary days for the note and legend
    colours = _colours(len(load.kinds))
    bottoms = [0] * len(load.days)
    x = range(len(load.days))
    for kind, colour in zip(load.kinds, colours, strict=True):
        counts = [load.per_day[kind][day] for day in load.days]
        axes.bar(x, counts, bottom=bottoms, label=kind_label(kind, lang), color=colour, width=0.8)
        bottoms = [b + c for b, c in zip(bottoms, counts, strict=True)]
    if clipped:
        axes.set_ylim(0, ceiling)
        for n in clipped:
            day = load.days[n]
            kinds = Counter({kind: load.per_day[kind][day] for kind in load.kinds}).most_common(2)
            text = t(
                "simulate.plot.off_scale",
                lang,
                count=totals[n],
                day=format_date(day, "d MMM", locale=locale_of(lang)),
                kinds=", ".join(f"{kind_label(k, lang).lower()} ({c})" for k, c in kinds if c),
            )
            # The clipped bar is broken near its top, as a hand-drawn chart would be.
            axes.plot(
                [n - 0.45, n + 0.45],
                [ceiling * 0.55, ceiling * 0.58],
                color="white",
                linewidth=3,
            )
            axes.annotate(
                text,
                xy=(n + 0.4, ceiling * 0.68),
                xytext=(n + 1.5, ceiling * 0.68),
                arrowprops={"arrowstyle": "->", "color": "black"},
                fontsize="small",
                va="center",
                bbox={"boxstyle": "round", "fc": "white", "ec": "grey"},
            )
    axes.set_title(t("simulate.plot.messages", lang), loc="left", fontweight="bold")
    axes.set_ylabel(t("simulate.plot.messages_axis", lang))
    _day_ticks(axes, load.days, lang)
    axes.legend(fontsize="small", ncol=3, loc="upper right", framealpha=0.95)
    axes.grid(axis="y", alpha=0.3)


def _health(axes: Axes, load: Load, report: SimulationReport, lang: Lang) -> None:
    """Sessions planned per week, stacked by what became of them."""
    x = range(len(load.health))
    bottoms = [0] * len(load.health)
    for fate, key, colour in HEALTH:
        counts = [week[fate] for week in load.health]
        bars = axes.bar(x, counts, bottom=bottoms, label=t(key, lang), color=colour, width=0.6)
        axes.bar_label(bars, labels=[str(c) if c else "" for c in counts], label_type="center")
        bottoms = [b + c for b, c in zip(bottoms, counts, strict=True)]
    labels = [
        t(
            "simulate.plot.week",
            lang,
            week=n + 1,
            start=format_date(
                (report.start + timedelta(weeks=n)).date(), "d MMM", locale=locale_of(lang)
            ),
        )
        for n in x
    ]
    axes.set_xticks(list(x))
    axes.set_xticklabels(labels)
    axes.set_title(t("simulate.plot.health", lang), loc="left", fontweight="bold")
    axes.set_ylabel(t("simulate.plot.health_axis", lang))
    axes.legend(fontsize="small", loc="upper left", ncol=3)
    axes.set_ylim(0, max(bottoms or [1]) * 1.25)
    axes.grid(axis="y", alpha=0.3)


def _pace(axes: Axes, load: Load, lang: Lang) -> None:
    """The busiest channel of each day, in its busiest minute, under Slack's pace."""
    x = range(len(load.days))
    peaks = [load.channel_peak[day] for day in load.days]
    axes.bar(x, peaks, color="#1565c0", label=t("simulate.plot.busiest", lang), width=0.8)
    axes.axhline(
        SLACK_PACE_PER_MINUTE,
        color="#c62828",
        linestyle="--",
        label=t("simulate.plot.slack_limit", lang),
    )
    axes.set_ylim(0, SLACK_PACE_PER_MINUTE * 1.3)
    busiest = max(peaks, default=0)
    axes.text(
        0.01,
        0.62,
        t(
            "simulate.plot.pace_peak",
            lang,
            count=busiest,
            share=format_percent(busiest / SLACK_PACE_PER_MINUTE, locale=locale_of(lang)),
        ),
        transform=axes.transAxes,
        fontsize="medium",
        bbox={"boxstyle": "round", "fc": "white", "ec": "grey"},
    )
    axes.set_title(t("simulate.plot.pace", lang), loc="left", fontweight="bold")
    axes.set_ylabel(t("simulate.plot.pace_axis", lang))
    _day_ticks(axes, load.days, lang)
    axes.legend(fontsize="small", loc="center right")
    axes.grid(axis="y", alpha=0.3)


def _colours(n: int) -> list[Any]:
    import matplotlib

    palette = matplotlib.colormaps["tab20"]
    return [palette(k % 20) for k in range(n)]
