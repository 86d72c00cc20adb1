"""A reply's chart drawn as a PNG with matplotlib, for the platforms that show images.

matplotlib is optional (the `plot` extra): without it, `chart_png` gives None and the message
goes as text only (its words say what the chart shows). It is imported on the first chart
only, and drawn without pyplot (no global state: safe in worker threads)."""

from __future__ import annotations

import io
import logging

from bot.kernel.replies import Chart

log = logging.getLogger(__name__)

COLORS = ("#2e7d32", "#ef6c00", "#6a1b9a")  # held, skipped, without summary: apart in greyscale
HATCHES = ("", "//", "..")  # and told apart without colour


def chart_png(
    chart: Chart, *, width: float = 7.0, height: float = 3.2, dpi: int = 100
) -> bytes | None:
    """The chart as a PNG of `width` × `height` inches at `dpi`; None without matplotlib (or if
    drawing fails: the message still goes, as text)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        return None
    try:
        figure = Figure(figsize=(width, height), dpi=dpi)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        groups = len(chart.labels)
        bar = 0.8 / max(len(chart.series), 1)
        for index, (name, values) in enumerate(chart.series):
            axes.bar(
                [x + (index - (len(chart.series) - 1) / 2) * bar for x in range(groups)],
                values,
                width=bar,
                label=name,
                color=COLORS[index % len(COLORS)],
                hatch=HATCHES[index % len(HATCHES)],
                edgecolor="white",
                linewidth=0.5,
            )
        axes.set_title(chart.title, fontsize=11)
        axes.set_xticks(range(groups), chart.labels, fontsize=7, rotation=45, ha="right")
        axes.tick_params(axis="y", labelsize=8)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(fontsize=8, frameon=False, ncols=len(chart.series), loc="upper left")
        axes.margins(y=0.25)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png", metadata={"Software": None})
        return out.getvalue()
    except Exception:  # a chart never stops its message
        log.exception("could not draw a chart")
        return None
