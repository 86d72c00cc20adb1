"""Telling the other member at once that a session was skipped or moved."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import t
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, Section
from bot.notices.context import person_target, session_context
from bot.people.person import lang_of, mention, zone_of
from bot.rhythm.wording import format_when
from storage.models import Notification
from storage.queries.sessions import next_session


def session_skipped(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = session_context(session, row.recipient, row.subject)
    lang, zone = lang_of(ctx.reader), zone_of(ctx.reader, ctx.pair.timezone)
    assert ctx.pair.id is not None
    following = next_session(session=session, pair_id=ctx.pair.id, now=now)
    text = t(
        "session.skipped",
        lang,
        actor=mention(ctx.other),
        when=format_when(ctx.meeting.starts_at, zone, lang),
        next=format_when(following.starts_at, zone, lang)
        if following
        else t("session.none_planned", lang),
    )
    return person_target(ctx.reader), Reply(sections=(Section(text),))


def session_moved(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = session_context(session, row.recipient, row.subject)
    lang, zone = lang_of(ctx.reader), zone_of(ctx.reader, ctx.pair.timezone)
    text = t(
        "session.moved",
        lang,
        actor=mention(ctx.other),
        old=format_when(ctx.meeting.occurrence, zone, lang),
        new=format_when(ctx.meeting.starts_at, zone, lang),
    )
    return person_target(ctx.reader), Reply(sections=(Section(text),))
