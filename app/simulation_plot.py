"""The picture of a `mentorbot simulate` run (matplotlib, an optional dependency)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from app.simulation import SimulationReport
from bot.kernel.i18n import Lang, t

SLACK_PACE_PER_MINUTE = 60  # about one message per second per channel


def plot_report(report: SimulationReport, path: Path, out: TextIO, lang: Lang) -> None:
    """Messages per day by kind, and the busiest minute of each day against Slack's pace."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print(t("simulate.plot_missing", lang), file=out)
        return
    days = [
        (report.start + timedelta(days=n)).date() for n in range((report.end - report.start).days)
    ]
    kinds = sorted(set(report.kinds.values()))
    per_day: dict[str, Counter[date]] = {kind: Counter() for kind in kinds}
    minutes: Counter[datetime] = Counter()
    channel_minutes: Counter[tuple[str, datetime]] = Counter()
    for message in report.sent:
        minute = message.at.replace(second=0, microsecond=0)
        per_day[report.kinds[message.ref]][message.at.date()] += 1
        minutes[minute] += 1
        channel_minutes[(message.address, minute)] += 1
    peak = {day: 0 for day in days}
    channel_peak = {day: 0 for day in days}
    for minute, count in minutes.items():
        peak[minute.date()] = max(peak.get(minute.date(), 0), count)
    for (_, minute), count in channel_minutes.items():
        channel_peak[minute.date()] = max(channel_peak.get(minute.date(), 0), count)
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(12, 8), sharex=True)
    bottoms = [0] * len(days)
    for kind in kinds:
        counts = [per_day[kind][day] for day in days]
        top.bar(days, counts, bottom=bottoms, label=kind)
        bottoms = [b + c for b, c in zip(bottoms, counts, strict=True)]
    top.set_ylabel("messages per day")
    top.legend(fontsize="small", ncol=3)
    bottom.plot(days, [peak[d] for d in days], marker="o", label="busiest minute, all channels")
    bottom.plot(
        days, [channel_peak[d] for d in days], marker="x", label="busiest minute, one channel"
    )
    bottom.axhline(
        SLACK_PACE_PER_MINUTE, color="red", linestyle="--", label="Slack: ~1/s per channel"
    )
    bottom.set_ylabel("messages in one minute")
    bottom.legend(fontsize="small")
    figure.suptitle(f"Mentorbot simulation from {report.start:%Y-%m-%d}")
    figure.autofmt_xdate()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    print(t("simulate.plotted", lang, path=path), file=out)
