"""An agenda as text, numbered, short enough for any message."""

from __future__ import annotations

from bot.kernel.i18n import Lang, t
from storage.models import AgendaItem

MAX_ITEMS = 25
MAX_ITEM_CHARS = 280
MAX_CHARS = 2500
"""Room for the lines in one Slack section (3,000 characters) with the note that follows."""


def agenda_lines(items: list[AgendaItem], lang: Lang) -> str:
    """`1. text` lines; done items marked, long items and long lists cut with a note."""
    lines: list[str] = []
    used = 0
    for number, item in enumerate(items[:MAX_ITEMS], start=1):
        text = " ".join(item.text.split())
        if len(text) > MAX_ITEM_CHARS:
            text = text[: MAX_ITEM_CHARS - 1] + "…"
        mark = f" {t('agenda.done_mark', lang)}" if item.done else ""
        line = f"{number}. {text}{mark}"
        if used + len(line) > MAX_CHARS:
            break
        lines.append(line)
        used += len(line) + 1
    if len(items) > len(lines):
        lines.append(t("agenda.more", lang, count=len(items) - len(lines)))
    return "\n".join(lines)
