"""A summary's parts (decisions, actions, notes) from what people typed, and laid out as a list
in the reader's language."""

from __future__ import annotations

import re
from datetime import date

from bot.kernel.i18n import Lang, t
from bot.sessions.action_items import action_lines
from storage.models import ActionItem, Person
from storage.summaries import Item, SummaryDoc

BULLET = re.compile(r"^\s*(?:[-*•·–]\s+)")
ITEM_CHARS = 1000


def items(text: str | None, by: int) -> tuple[Item, ...]:
    """One item per non-empty line, without the bullet the writer may have typed."""
    lines = (BULLET.sub("", line).strip() for line in (text or "").splitlines())
    return tuple(Item(line[:ITEM_CHARS], by) for line in lines if line)


def free_text(text: str, by: int) -> SummaryDoc:
    """A plain summary (a DM reply, `/mentor summary …`): kept as notes."""
    return SummaryDoc(notes=items(text, by))


def form_doc(decisions: str | None, notes: str | None, by: int) -> SummaryDoc:
    return SummaryDoc(decisions=items(decisions, by), notes=items(notes, by))


def summary_text(
    doc: SummaryDoc,
    actions: list[ActionItem],
    people: dict[int, Person],
    lang: Lang,
    *,
    limit: int,
    today: date | None = None,
) -> str:
    """`*Decisions*` bullets, `*Actions*` numbered with owner and date, `*Notes*` bullets, in
    `lang`; cut at `limit` characters."""
    parts = []
    if doc.decisions:
        lines = "\n".join(f"• {item.text}" for item in doc.decisions)
        parts.append(f"*{t('summary.text.decisions', lang)}*\n{lines}")
    if actions:
        lines = action_lines(actions, people, lang, today)
        parts.append(f"*{t('summary.text.actions', lang)}*\n{lines}")
    if doc.notes:
        lines = "\n".join(f"• {item.text}" for item in doc.notes)
        parts.append(f"*{t('summary.text.notes', lang)}*\n{lines}")
    text = "\n".join(parts) or t("summary.text.empty", lang)
    return text if len(text) <= limit else text[: limit - 1] + "…"
