"""Sharing a written summary, thanking its author, and answering unexpected DMs."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.notice_keys import KeptReply, MalformedKey, SessionSubject
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section
from bot.notices.context import (
    Composer,
    Gone,
    person_target,
    read,
    recipient_person,
    session_context,
)
from bot.people.person import lang_of, mention, zone_of
from bot.rhythm.wording import format_date, format_time, format_when
from bot.sessions.summaries import (
    REPLY_CHOOSE,
    REPLY_DISCARD,
    other_member,
    second_summary_question,
    which_choices,
)
from bot.sessions.summary_parts import summary_text
from storage.models import ActionItem, Notification, Person
from storage.queries.actions import actions_of_sessions
from storage.queries.replies import pending_reply
from storage.summaries import SummaryDoc

MAX_SUMMARY_CHARS = 2800
QUOTED_CHARS = 120


def summaries_shared(session: Session, rows: list[Notification]) -> Composer:
    """The composer of a batch's shared summaries, the actions of all their sessions read at
    once."""
    session_ids: set[int] = set()
    for row in rows:
        with suppress(MalformedKey):
            session_ids.add(SessionSubject.parse(row.subject).session_id)
    actions = actions_of_sessions(session=session, session_ids=session_ids)
    return lambda session, row, now: _summary_shared(session, row, actions)


def summary_shared(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    return _summary_shared(session, row, None)


def _summary_shared(
    session: Session, row: Notification, actions: dict[int, list[ActionItem]] | None
) -> tuple[Target, Reply]:
    """The summary of the row's session for its reader; `actions`: those of the batch's
    sessions, read for them all (None: read for this one)."""
    ctx = session_context(session, row.recipient, row.subject)
    meeting = ctx.meeting
    author = session.get(Person, meeting.summary_author_id) if meeting.summary_author_id else None
    if not meeting.summary or author is None:
        raise Gone("summary removed")
    lang = lang_of(ctx.reader)
    when = format_when(meeting.starts_at, zone_of(ctx.reader, ctx.pair.timezone), lang)
    assert meeting.id is not None
    if actions is None:
        actions = actions_of_sessions(session=session, session_ids={meeting.id})
    people = {p.id: p for p in (ctx.reader, ctx.other) if p.id is not None}
    doc = SummaryDoc.load(meeting.summary)
    text = summary_text(doc, actions.get(meeting.id, []), people, lang, limit=MAX_SUMMARY_CHARS)
    # Written by both (one added to the other's): the last writer added to it.
    key = "summary.shared.added" if len(doc.authors) > 1 else "summary.shared.body"
    return person_target(ctx.reader), Reply(
        title=t("summary.shared.title", lang),
        sections=(
            Section(t(key, lang, author=mention(author), when=when)),
            Section(text),
        ),
        note=t("confidential.note", lang),
    )


def summary_twice(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """A DM reply about a session that has a summary: replace it, add to it, or keep it?"""
    reader = recipient_person(session, row.recipient)
    kept = pending_reply(session=session, token=read(KeptReply, row.subject).token, now=now)
    if kept is None or kept.author_id != reader.id:
        raise Gone("reply filed, dropped or expired")
    try:
        return person_target(reader), second_summary_question(session, reader, kept, now)
    except UserError as gone:
        raise Gone("session gone") from gone


def summary_recorded(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = session_context(session, row.recipient, row.subject)
    lang = lang_of(ctx.reader)
    when = format_when(ctx.meeting.starts_at, zone_of(ctx.reader, ctx.pair.timezone), lang)
    text = t("summary.recorded", lang, when=when, other=mention(ctx.other))
    return person_target(ctx.reader), Reply(sections=(Section(text),))


def dm_not_expected(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    return person_target(reader), Reply(sections=(Section(t("dm.not_expected", lang_of(reader))),))


def summary_which(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """A reply that could answer several requests: which session is it about? One button per
    session, naming the other member and the date in the reader's zone and language."""
    reader = recipient_person(session, row.recipient)
    kept = pending_reply(session=session, token=read(KeptReply, row.subject).token, now=now)
    if kept is None or kept.author_id != reader.id:
        raise Gone("reply filed, deleted or expired")
    choices = which_choices(session=session, person=reader, now=now)
    if not choices:
        raise Gone("no session awaits a summary any more")
    lang = lang_of(reader)
    lines, buttons = [], []
    for pair, meeting in choices:
        other = other_member(session, pair, reader)
        zone = zone_of(reader, pair.timezone)
        local = meeting.starts_at.astimezone(ZoneInfo(zone))
        lines.append(f"• {mention(other)}: {format_when(meeting.starts_at, zone, lang)}")
        label = t(
            "reply.which.button",
            lang,
            name=other.name or t("reply.which.someone", lang),
            date=format_date(local.date(), lang),
            time=format_time(local.time(), lang),
        )
        buttons.append(Button(label, REPLY_CHOOSE, f"{kept.token}:{meeting.id}"))
    buttons.append(Button(t("reply.which.discard", lang), REPLY_DISCARD, kept.token, "danger"))
    quoted = kept.text if len(kept.text) <= QUOTED_CHARS else kept.text[: QUOTED_CHARS - 1] + "…"
    until = format_when(kept.expires_at, zone_of(reader), lang)
    return person_target(reader), Reply(
        title=t("reply.which.title", lang),
        sections=(
            Section(t("reply.which.quote", lang, text=quoted)),
            Section("\n".join(lines), heading=t("reply.which.body", lang)),
            Section(t("reply.which.until", lang, until=until)),
        ),
        buttons=tuple(buttons),
        note=t("confidential.note", lang),
    )
