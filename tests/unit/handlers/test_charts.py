"""The digest's chart drawn as a PNG, and the message without it when matplotlib is missing."""

from __future__ import annotations

import base64
import sys

import pytest

from bot.kernel.replies import Chart, Reply, Section
from handlers.charts import chart_png
from handlers.teams.cards import IMAGE_BUDGET, reply_card
from handlers.teams.messenger import small_chart

PNG = b"\x89PNG\r\n\x1a\n"
CHART = Chart(
    title="Sessions per week, last 12 weeks",
    alt="Bar chart of sessions per week",
    labels=tuple(f"Dec {n}" for n in range(1, 13)),
    series=(
        ("held", (3, 4, 0, 5, 6, 2, 3, 4, 5, 6, 7, 1)),
        ("skipped", (1, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0, 1)),
        ("without summary", (0, 1, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0)),
    ),
)


def test_the_chart_is_a_png_of_plausible_size() -> None:
    png = chart_png(CHART)
    assert png is not None and png.startswith(PNG)
    assert 2048 < len(png) < 200_000


def test_without_matplotlib_there_is_no_chart_and_no_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)  # import fails
    assert chart_png(CHART) is None
    card = reply_card(Reply(sections=(Section("12 held"),), chart=CHART), {})
    assert [e["type"] for e in card["body"]] == ["TextBlock"]


def test_the_teams_card_carries_the_small_chart_after_its_text_with_alt_text() -> None:
    reply = Reply(title="Digest", sections=(Section("12 held"),), chart=CHART)
    png = small_chart(reply)
    assert png is not None and png.startswith(PNG)
    card = reply_card(reply, {}, png)
    *texts, image = card["body"]
    assert [e["type"] for e in texts] == ["TextBlock", "TextBlock"]
    assert image["altText"] == CHART.alt
    assert base64.b64decode(image["url"].removeprefix("data:image/png;base64,")) == png
    assert len(image["url"]) <= IMAGE_BUDGET


def test_a_chart_too_large_for_a_card_is_left_out() -> None:
    big = chart_png(CHART, width=12, height=8, dpi=150)
    assert big is not None and len(big) * 4 / 3 > IMAGE_BUDGET
    card = reply_card(Reply(sections=(Section("12 held"),), chart=CHART), {}, big)
    assert all(e["type"] != "Image" for e in card["body"])
