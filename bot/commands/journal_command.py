"""`/mentor journal <text>`: a private learning-journal entry; alone, my latest entries."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import Number, t
from bot.kernel.replies import Reply, Section, say
from bot.people.person import zone_of
from bot.rhythm.wording import format_date
from storage.models import JournalEntry
from storage.queries.journal import journal_of, journal_size

MAX_TEXT = 3000
SHOWN = 10


def run(ctx: CommandContext) -> Reply:
    """Entries are the author's alone: no command reads anyone else's, admins included."""
    assert ctx.actor.id is not None
    text = ctx.command.rest.strip()
    if text:
        if len(text) > MAX_TEXT:
            raise UserError("journal.too_long", length=Number(len(text)), count=MAX_TEXT)
        ctx.session.add(JournalEntry(author_id=ctx.actor.id, text=text, created_at=ctx.now))
        ctx.session.flush()
        count = journal_size(session=ctx.session, author_id=ctx.actor.id)
        return say(t("journal.saved", ctx.lang, count=count))
    entries = journal_of(session=ctx.session, author_id=ctx.actor.id, limit=SHOWN)
    if not entries:
        return say(t("journal.empty", ctx.lang))
    zone = zone_of(ctx.actor)
    rows = "\n".join(
        t(
            "journal.row",
            ctx.lang,
            date=format_date(entry.created_at.astimezone(ZoneInfo(zone)).date(), ctx.lang),
            text=" ".join(entry.text.split())[:280],
        )
        for entry in entries
    )
    count = journal_size(session=ctx.session, author_id=ctx.actor.id)
    note = t("journal.more", ctx.lang, count=len(entries), total=count) if count > SHOWN else None
    return Reply(title=t("journal.title", ctx.lang), sections=(Section(rows),), note=note)
