"""Reminders before a session, summary requests and the nudge after it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.growth.goals import goals_glance
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section
from bot.notices.context import Gone, SessionContext, person_target, session_context
from bot.pairs.pauses import resume_day_start
from bot.people.person import lang_of, mention, zone_of
from bot.planning.planner import session_subject
from bot.rhythm.wording import format_duration, format_when
from bot.sessions.action_items import action_lines
from bot.sessions.agenda import agenda_lines
from storage.models import Notification
from storage.queries.actions import done_since, open_actions
from storage.queries.agenda import agenda_of
from storage.queries.journal import journal_size
from storage.queries.pairs import ACTIVE, PAUSED
from storage.queries.sessions import last_held_session

SKIPPED = "skipped"


def _live_session(session: Session, row: Notification) -> SessionContext:
    ctx = session_context(session, row.recipient, row.subject)
    pair = ctx.pair
    after_pause = (
        pair.status == PAUSED
        and pair.paused_until is not None
        and ctx.meeting.starts_at >= resume_day_start(pair, pair.paused_until)
    )
    if pair.status != ACTIVE and not after_pause:
        raise Gone(f"pair {pair.status}")
    if ctx.meeting.status == SKIPPED:
        raise Gone("session skipped")
    if session_subject(ctx.meeting).key != row.subject:
        raise Gone("session moved")
    return ctx


def session_buttons(meeting_id: int, lang: Lang) -> tuple[Button, ...]:
    value = str(meeting_id)
    return (
        Button(t("button.agenda_add", lang), "agenda.add", value, style="primary"),
        Button(t("button.move", lang), "session.move", value),
        Button(t("button.skip", lang), "session.skip", value, style="danger"),
    )


def reminder(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = _live_session(session, row)
    lang, reader, meeting = lang_of(ctx.reader), ctx.reader, ctx.meeting
    assert meeting.id is not None
    when = format_when(meeting.starts_at, zone_of(reader, ctx.pair.timezone), lang)
    items = agenda_of(session=session, session_id=meeting.id)
    sections = _action_sections(session, ctx, lang)
    sections += [
        Section(
            t(
                "reminder.when",
                lang,
                other=mention(ctx.other),
                when=when,
                duration=format_duration(meeting.duration_minutes, lang),
                format=t(f"format.{ctx.pair.format}", lang),
            )
        ),
        Section(
            agenda_lines(items, lang) if items else t("reminder.agenda.empty", lang),
            heading=t("reminder.agenda", lang),
        ),
        Section(
            t("reminder.prepare", lang, other=mention(ctx.other))
            if ctx.reader_is_mentee
            else t("reminder.prepare.mentor", lang)
        ),
    ]
    day = meeting.starts_at.astimezone(ZoneInfo(ctx.pair.timezone)).date()
    if goals := goals_glance(session, ctx.pair, day, lang):
        sections.append(goals)
    assert reader.id is not None
    if entries := journal_size(session=session, author_id=reader.id):
        sections.append(Section(t("journal.reread", lang, count=entries)))
    return person_target(reader), Reply(
        title=t("reminder.title", lang),
        sections=tuple(sections),
        buttons=session_buttons(meeting.id, lang),
        note=t("confidential.note", lang),
    )


def _awaiting_summary(session: Session, row: Notification) -> SessionContext:
    ctx = _live_session(session, row)
    if ctx.meeting.summary:
        raise Gone("summary already written")
    return ctx


def summary_request(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = _awaiting_summary(session, row)
    lang = lang_of(ctx.reader)
    when = format_when(ctx.meeting.starts_at, zone_of(ctx.reader, ctx.pair.timezone), lang)
    return person_target(ctx.reader), Reply(
        title=t("summary.request.title", lang),
        sections=(
            Section(t("summary.request.body", lang, other=mention(ctx.other), when=when)),
            Section(t("summary.request.or_command", lang)),
        ),
        buttons=(summary_button(ctx, lang),),
        note=t("confidential.note", lang),
    )


def summary_button(ctx: SessionContext, lang: Lang) -> Button:
    """Opens the summary form: decisions, actions with owners and dates, notes."""
    return Button(t("button.summary", lang), "summary.write", str(ctx.meeting.id), style="primary")


def summary_nudge(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    ctx = _awaiting_summary(session, row)
    lang = lang_of(ctx.reader)
    when = format_when(ctx.meeting.starts_at, zone_of(ctx.reader, ctx.pair.timezone), lang)
    return person_target(ctx.reader), Reply(
        title=t("summary.nudge.title", lang),
        sections=(Section(t("summary.nudge.body", lang, other=mention(ctx.other), when=when)),),
        buttons=(summary_button(ctx, lang),),
    )


def _action_sections(session: Session, ctx: SessionContext, lang: Lang) -> list[Section]:
    """Open actions first in the agenda; actions done since the previous session, as done."""
    pair = ctx.pair
    assert pair.id is not None
    people = {p.id: p for p in (ctx.reader, ctx.other) if p.id is not None}
    sections = []
    if open_items := open_actions(session=session, pair_id=pair.id):
        heading = t("actions.open", lang)
        sections.append(Section(action_lines(open_items[:10], people, lang), heading=heading))
    previous = last_held_session(session=session, pair_id=pair.id, now=ctx.meeting.starts_at)
    since = previous.starts_at if previous else pair.created_at
    if done := done_since(session=session, pair_id=pair.id, since=since):
        heading = t("actions.done_since", lang)
        sections.append(Section(action_lines(done[:10], people, lang), heading=heading))
    return sections
