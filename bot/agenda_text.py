"""An agenda as text, numbered, short enough for any message."""

from __future__ import annotations

from bot.i18n import Lang, t
from storage.models import AgendaItem

MAX_ITEMS = 25
MAX_ITEM_CHARS = 280


def agenda_lines(items: list[AgendaItem], lang: Lang) -> str:
    """`1. text` lines; done items marked, long items and long lists cut with a note."""
    lines = []
    for number, item in enumerate(items[:MAX_ITEMS], start=1):
        text = " ".join(item.text.split())
        if len(text) > MAX_ITEM_CHARS:
            text = text[: MAX_ITEM_CHARS - 1] + "…"
        mark = f" {t('agenda.done_mark', lang)}" if item.done else ""
        lines.append(f"{number}. {text}{mark}")
    if len(items) > MAX_ITEMS:
        lines.append(t("agenda.more", lang, count=len(items) - MAX_ITEMS))
    return "\n".join(lines)
