"""Reminders before a session, summary requests and the nudge after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.growth.goals import goals_glance
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section, escape_markup
from bot.notices.context import Composer, Gone, SessionContext, person_target, session_context
from bot.pairs.pauses import resume_day_start
from bot.people.person import lang_of, mention, zone_of
from bot.planning.planner import session_subject
from bot.rhythm.wording import format_duration, format_when
from bot.sessions.action_items import action_lines, done_command
from bot.sessions.agenda import agenda_lines
from bot.sessions.summaries import SUMMARY_WRITTEN
from storage.models import ActionItem, AgendaItem, Goal, Notification
from storage.queries.actions import done_since_of, open_actions_of
from storage.queries.agenda import agendas_of
from storage.queries.goals import goals_of_pairs
from storage.queries.journal import journal_sizes
from storage.queries.pairs import ACTIVE, PAUSED, current_pair_counts
from storage.queries.sessions import held_before

SKIPPED = "skipped"
OPEN_ACTIONS_SHOWN = 10


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


@dataclass(frozen=True)
class ReminderReads:
    """What reminders read beyond their session and people, for a batch of them at once."""

    agendas: dict[int, list[AgendaItem]]  # by session id
    open_actions: dict[int, list[ActionItem]]  # by pair id
    done: dict[int, list[ActionItem]]  # by pair id, done since its earliest `since`
    since: dict[int, datetime]  # by session id: the previous held session's start, or the pair's
    goals: dict[int, list[Goal]]  # by pair id
    journal_sizes: dict[int, int]  # by person id
    pair_counts: dict[int, int]  # by person id: current pairs, for the commands hints name

    @classmethod
    def load(cls, session: Session, contexts: list[SessionContext]) -> ReminderReads:
        """In a handful of queries whatever the number of reminders."""
        meetings = {ctx.meeting.id: ctx.meeting for ctx in contexts}
        pairs = {ctx.pair.id: ctx.pair for ctx in contexts}
        held = held_before(session=session, meetings=list(meetings.values()))
        since: dict[int, datetime] = {}
        earliest: dict[int, datetime] = {}
        for ctx in contexts:
            meeting_id, pair_id = ctx.meeting.id, ctx.pair.id
            assert meeting_id is not None and pair_id is not None
            since[meeting_id] = held[meeting_id] or ctx.pair.created_at
            earliest[pair_id] = min(since[meeting_id], earliest.get(pair_id, since[meeting_id]))
        pair_ids = {i for i in pairs if i is not None}
        readers = {c.reader.id for c in contexts if c.reader.id}
        return cls(
            agendas=agendas_of(session=session, session_ids={i for i in meetings if i}),
            open_actions=open_actions_of(session=session, pair_ids=pair_ids),
            done=done_since_of(session=session, since=earliest),
            since=since,
            goals=goals_of_pairs(session=session, pair_ids=pair_ids),
            journal_sizes=journal_sizes(session=session, author_ids=readers),
            pair_counts=current_pair_counts(session=session, person_ids=readers),
        )


def reminders(session: Session, rows: list[Notification]) -> Composer:
    """The reminder composer for these rows, their reads made for them all at once (and each
    row's session and people read once)."""
    contexts: dict[int, SessionContext] = {}
    for row in rows:
        try:
            contexts[id(row)] = _live_session(session, row)
        except Exception:  # composing that row raises it again, and it is reported there
            continue
    reads = ReminderReads.load(session, list(contexts.values()))
    return lambda session, row, now: _reminder(
        contexts.get(id(row)) or _live_session(session, row), reads, now
    )


def reminder(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    return reminders(session, [row])(session, row, now)


def _reminder(ctx: SessionContext, reads: ReminderReads, now: datetime) -> tuple[Target, Reply]:
    """Top-down: when and with whom, how; the agenda; open actions (overdue ones marked) with
    the command that marks one done; what was done since; how to prepare."""
    lang, reader, meeting = lang_of(ctx.reader), ctx.reader, ctx.meeting
    assert meeting.id is not None and ctx.pair.id is not None and reader.id is not None
    zone = zone_of(reader, ctx.pair.timezone)
    when = format_when(meeting.starts_at, zone, lang)
    items = reads.agendas.get(meeting.id, [])
    today = now.astimezone(ZoneInfo(zone)).date()
    sections = [
        Section(
            t(
                "reminder.when.link" if ctx.pair.link else "reminder.when",
                lang,
                other=mention(ctx.other),
                when=when,
                duration=format_duration(meeting.duration_minutes, lang),
                format=t(f"format.{ctx.pair.format}", lang),
                link=escape_markup(ctx.pair.link or ""),
            )
        ),
        Section(
            agenda_lines(items, lang) if items else t("reminder.agenda.empty", lang),
            heading=t("reminder.agenda", lang),
        ),
        *_action_sections(ctx, reads, lang, today),
        Section(
            t("reminder.prepare", lang, other=mention(ctx.other))
            if ctx.reader_is_mentee
            else t("reminder.prepare.mentor", lang)
        ),
    ]
    day = meeting.starts_at.astimezone(ZoneInfo(ctx.pair.timezone)).date()
    if goals := goals_glance(reads.goals.get(ctx.pair.id, []), day, lang):
        sections.append(goals)
    if entries := reads.journal_sizes.get(reader.id, 0):
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
        raise Gone(SUMMARY_WRITTEN)
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


def _action_sections(
    ctx: SessionContext, reads: ReminderReads, lang: Lang, today: date
) -> list[Section]:
    """Open actions after the agenda, overdue ones marked, numbered as `/mentor actions` numbers
    them, with the command marking one done; then the actions done since the previous session."""
    pair_id, meeting_id, reader_id = ctx.pair.id, ctx.meeting.id, ctx.reader.id
    assert pair_id is not None and meeting_id is not None and reader_id is not None
    people = {p.id: p for p in (ctx.reader, ctx.other) if p.id is not None}
    sections = []
    if open_items := reads.open_actions.get(pair_id, []):
        shown = open_items[:OPEN_ACTIONS_SHOWN]
        overdue = [n for n, a in enumerate(shown, 1) if a.due is not None and a.due < today]
        several_pairs = reads.pair_counts.get(reader_id, 1) > 1
        command = done_command(
            overdue[0] if overdue else 1, lang, ctx.other if several_pairs else None
        )
        key = "reminder.actions.hint.one" if len(open_items) == 1 else "reminder.actions.hint"
        lines = action_lines(shown, people, lang, today)
        heading = t("actions.open", lang)
        sections.append(Section(f"{lines}\n{t(key, lang, command=command)}", heading=heading))
    since = reads.since[meeting_id]
    if done := [a for a in reads.done.get(pair_id, []) if a.done_at and a.done_at > since]:
        heading = t("actions.done_since", lang)
        sections.append(Section(action_lines(done[:10], people, lang), heading=heading))
    return sections
