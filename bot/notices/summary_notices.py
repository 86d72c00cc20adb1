"""Sharing a written summary, thanking its author, and answering unexpected DMs."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.i18n import t
from bot.notices.context import Gone, person_target, recipient_person, session_context
from bot.people import lang_of, mention, zone_of
from bot.ports import Target
from bot.replies import Reply, Section
from bot.rhythm_text import format_when
from storage.models import Notification, Person

MAX_SUMMARY_CHARS = 2800


def summary_shared(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = session_context(session, row.recipient, row.subject)
    meeting = ctx.meeting
    author = session.get(Person, meeting.summary_author_id) if meeting.summary_author_id else None
    if not meeting.summary or author is None:
        raise Gone("summary removed")
    lang = lang_of(ctx.reader)
    when = format_when(meeting.starts_at, zone_of(ctx.reader, ctx.pair.timezone), lang)
    text = meeting.summary
    if len(text) > MAX_SUMMARY_CHARS:
        text = text[: MAX_SUMMARY_CHARS - 1] + "…"
    return person_target(ctx.reader), Reply(
        title=t("summary.shared.title", lang),
        sections=(
            Section(t("summary.shared.body", lang, author=mention(author), when=when)),
            Section(text),
        ),
        note=t("confidential.note", lang),
    )


def summary_recorded(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = session_context(session, row.recipient, row.subject)
    lang = lang_of(ctx.reader)
    when = format_when(ctx.meeting.starts_at, zone_of(ctx.reader, ctx.pair.timezone), lang)
    text = t("summary.recorded", lang, when=when, other=mention(ctx.other))
    return person_target(ctx.reader), Reply(sections=(Section(text),))


def dm_not_expected(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    return person_target(reader), Reply(sections=(Section(t("dm.not_expected", lang_of(reader))),))
