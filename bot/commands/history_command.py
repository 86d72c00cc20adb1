"""`/mentor history [n]`: every pair I was in, and what one of them wrote down — for its two
members only, ended pairs included."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import capitalized, t
from bot.kernel.replies import Reply, Section
from bot.pairs.lifecycle import reader_day
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_date, format_when
from bot.sessions.action_items import action_lines
from bot.sessions.summary_parts import summary_text
from storage.models import ActionItem, MeetingSession, Pair, Person
from storage.queries.actions import actions_of_pair
from storage.queries.pairs import ENDED, all_pairs_of
from storage.queries.people import people_by_ids
from storage.queries.sessions import PLANNED, past_sessions
from storage.summaries import SummaryDoc

SESSIONS_SHOWN = 10
SUMMARY_SHOWN = 800  # ten summaries and their headings stay well within one message
PAIRS_SHOWN = 20


def run(ctx: CommandContext) -> Reply:
    assert ctx.actor.id is not None
    pairs = all_pairs_of(session=ctx.session, person_id=ctx.actor.id)[:PAIRS_SHOWN]
    if not pairs:
        raise UserError("pairs.none")
    words = ctx.command.words
    if not words:
        return listing(ctx, pairs)
    if len(words) != 1 or not words[0].isdigit() or not 1 <= int(words[0]) <= len(pairs):
        raise UserError("history.bad_number", last=len(pairs))
    return pair_history(ctx, pairs[int(words[0]) - 1])


def _day(ctx: CommandContext, pair: Pair, instant: datetime) -> str:
    zone = ZoneInfo(zone_of(ctx.actor, pair.timezone))
    return format_date(instant.astimezone(zone).date(), ctx.lang)


def _other(ctx: CommandContext, pair: Pair) -> str:
    """The other member's mention ("a former member" once they erased themselves)."""
    return mention(ctx.other_member(pair))


def listing(ctx: CommandContext, pairs: list[Pair]) -> Reply:
    """My pairs, newest first, with their dates and how many sessions were held."""
    rows = []
    for number, pair in enumerate(pairs, start=1):
        assert pair.id is not None
        held = [
            m
            for m in past_sessions(session=ctx.session, pair_id=pair.id, now=ctx.now)
            if m.status == PLANNED
        ]
        role = "role.mentor.cap" if pair.mentor_id == ctx.actor.id else "role.mentee.cap"
        until = (
            _day(ctx, pair, pair.ended_at)
            if pair.status == ENDED and pair.ended_at
            else t("history.ongoing", ctx.lang)
        )
        rows.append(
            t(
                "history.row",
                ctx.lang,
                n=number,
                role=t(role, ctx.lang),
                other=_other(ctx, pair),
                since=_day(ctx, pair, pair.created_at),
                until=until,
                held=t("count.sessions.held", ctx.lang, count=len(held)),
                summaries=t(
                    "count.summaries",
                    ctx.lang,
                    count=sum(1 for m in held if m.summary_at is not None),
                ),
            )
        )
    return Reply(
        title=t("history.title", ctx.lang),
        sections=(Section("\n".join(rows)),),
        note=t("history.hint", ctx.lang),
    )


def pair_history(ctx: CommandContext, pair: Pair) -> Reply:
    """The summaries and actions of one of my pairs, latest session first."""
    assert pair.id is not None
    held = [
        m
        for m in past_sessions(session=ctx.session, pair_id=pair.id, now=ctx.now)
        if m.status == PLANNED
    ]
    zone = zone_of(ctx.actor, pair.timezone)
    retention = retention_line(ctx, pair)
    sections = [Section(retention)] if retention else []
    shown = held[:SESSIONS_SHOWN]
    actions = actions_of_pair(session=ctx.session, pair_id=pair.id)
    people = people_by_ids(session=ctx.session, ids={pair.mentor_id, pair.mentee_id})
    of_session: dict[int | None, list[ActionItem]] = defaultdict(list)
    for action in actions:
        of_session[action.session_id].append(action)
    sections += [
        Section(
            summary_of(ctx, m, of_session.pop(m.id, []), people),
            heading=capitalized(format_when(m.starts_at, zone, ctx.lang)),
        )
        for m in shown
    ]
    # Actions agreed at no session shown (or whose session went), in the order written.
    others = sorted((a for rest in of_session.values() for a in rest), key=lambda a: a.id or 0)
    if others:
        lines = action_lines(others[-SESSIONS_SHOWN:], people, ctx.lang)
        sections.append(Section(lines, heading=t("summary.text.actions", ctx.lang)))
    if not held and not actions:
        sections.append(Section(t("history.nothing", ctx.lang)))
    note = (
        t("history.more", ctx.lang, count=SESSIONS_SHOWN, total=len(held))
        if len(held) > SESSIONS_SHOWN
        else t("confidential.note", ctx.lang)
    )
    title = t("history.pair_title", ctx.lang, other=_other(ctx, pair))
    return Reply(title=title, sections=tuple(sections), note=note)


def summary_of(
    ctx: CommandContext,
    meeting: MeetingSession,
    actions: list[ActionItem],
    people: dict[int, Person],
) -> str:
    """The session's summary laid out as a list in the reader's language."""
    if meeting.summary:
        doc = SummaryDoc.load(meeting.summary)
        return summary_text(doc, actions, people, ctx.lang, limit=SUMMARY_SHOWN)
    key = "history.summary_erased" if meeting.summary_at else "history.no_summary"
    return t(key, ctx.lang)


def retention_line(ctx: CommandContext, pair: Pair) -> str | None:
    """For an ended pair: until when its content is kept, or since when it is erased."""
    if pair.content_erased_at is not None:
        day = reader_day(ctx.actor, pair, pair.content_erased_at, ctx.lang)
        return t("history.erased", ctx.lang, date=day)
    if pair.retain_until is not None:
        day = reader_day(ctx.actor, pair, pair.retain_until, ctx.lang)
        return t("history.kept_until", ctx.lang, date=day)
    return None
