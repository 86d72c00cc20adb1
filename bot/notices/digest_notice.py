"""The weekly cadence digest of a channel: counts, dates and flags, never content."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.kernel.i18n import Lang, format_number, lang_from_locale, t
from bot.kernel.notice_keys import MalformedKey, PersonRefused, Subject, UnreachableWeek
from bot.kernel.ports import Target
from bot.kernel.replies import Chart, Reply, Section
from bot.kernel.workspaces import workspace_of
from bot.notices.cadence_health import (
    MIN_PAIRS_FOR_AVERAGE,
    REVIEW_WINDOW,
    WEEK,
    WEEKS_CHARTED,
    WINDOW,
    Health,
    WeekCounts,
    health,
    review_health,
    weekly_counts,
)
from bot.notices.context import Gone, channel_target
from bot.pairs.stalled import stall_of
from bot.people.person import is_erased
from bot.planning.notice_kinds import ADMIN_KINDS
from bot.rhythm.wording import format_date, format_short_date, format_when
from storage.models import MeetingSession, Notification, Pair, Person
from storage.queries.digests import subscription
from storage.queries.health import last_held_sessions
from storage.queries.notifications import subjects_owed_since
from storage.queries.pairs import (
    ENDED,
    PAUSED,
    PENDING,
    active_pairs,
    pairs_ended_since,
    pairs_with_status,
)
from storage.queries.people import people_by_ids
from storage.queries.reviews import closed_reviews_since
from storage.queries.sessions import sessions_around

MAX_ROWS = 40
ROWS_PER_SECTION = 8


def _since(last: datetime | None, now: datetime, lang: Lang) -> str:
    if last is None:
        return t("digest.since.never", lang)
    days = (now - last).days
    return t("digest.since.today", lang) if days == 0 else t("digest.since.days", lang, count=days)


@dataclass(frozen=True)
class Row:
    names: tuple[str, str]
    health: Health
    ended_at: datetime | None  # None: an active pair


def _row(row: Row, now: datetime, zone: str, lang: Lang) -> str:
    h = row.health
    counts = {
        "mentor": row.names[0],
        "mentee": row.names[1],
        "held": t("count.held", lang, count=h.held),
        "skipped": t("count.sessions.skipped", lang, count=h.skipped),
        "unsummarised": h.unsummarised,
    }
    if row.ended_at is not None:
        ended = format_date(row.ended_at.astimezone(ZoneInfo(zone)).date(), lang)
        return t("digest.row.ended", lang, **counts, ended=ended)
    return t(
        "digest.row",
        lang,
        **counts,
        flag=t("digest.at_risk", lang) if h.at_risk else "",
        since=_since(h.last_held, now, lang),
        next=format_when(h.next_start, zone, lang) if h.next_start else t("digest.next.none", lang),
    )


def shown_name(person: Person, lang: Lang) -> str:
    """A member's name in a digest row; "a former member" for someone erased (a pair they
    left)."""
    return t("person.former", lang) if is_erased(person) else person.name


HEALTH_BATCH = 1000
"""Pairs whose sessions a digest reads at once (two queries a batch, never one per pair)."""


def pairs_health(
    session: Session, pairs: list[Pair], now: datetime, charted: list[MeetingSession] | None = None
) -> dict[int, Health]:
    """Each pair's health (by id): an active pair's, or what an ended one held in the window
    (nothing comes next: its sessions after the end were removed when it ended). The pairs'
    past sessions are added to `charted` when given (the chart's weekly counts)."""
    found: dict[int, Health] = {}
    for first in range(0, len(pairs), HEALTH_BATCH):
        batch = pairs[first : first + HEALTH_BATCH]
        ids = [pair.id for pair in batch if pair.id is not None]
        past, coming = sessions_around(session=session, pair_ids=ids, now=now)
        for pair in batch:
            assert pair.id is not None
            if charted is not None:
                charted.extend(past[pair.id])
            if pair.status == ENDED:
                found[pair.id] = health(past[pair.id], None, now, ended=True)
            else:
                found[pair.id] = health(past[pair.id], coming.get(pair.id), now)
    return found


def not_started_or_paused(
    session: Session, platform: str, now: datetime, lang: Lang, workspace: str = ""
) -> str:
    """Pairs still waiting for their agreement (and for how long), and pairs on pause."""
    pending = pairs_with_status(
        session=session, platform=platform, status=PENDING, workspace=workspace
    )
    paused = pairs_with_status(
        session=session, platform=platform, status=PAUSED, workspace=workspace
    )
    parts = []
    if pending:
        oldest = max((now - p.created_at).days for p in pending)
        parts.append(
            t("digest.pending", lang, count=len(pending), days=t("count.days", lang, count=oldest))
        )
    if paused:
        parts.append(t("digest.paused", lang, count=len(paused)))
    return " ".join(parts)


def reviews_section(
    session: Session, pairs: list[Pair], now: datetime, lang: Lang
) -> Section | None:
    """That reviews took place, and the average satisfaction of enough pairs; never a score
    of one pair, never what anyone wrote."""
    ids = [pair.id for pair in pairs if pair.id is not None]
    reviews = review_health(
        closed_reviews_since(session=session, pair_ids=ids, since=now - REVIEW_WINDOW), now
    )
    if not reviews.reviewed:
        return None
    lines = [t("digest.reviews", lang, count=reviews.reviewed, this_week=reviews.this_week)]
    if reviews.average is None:
        lines.append(t("digest.reviews.average_hidden", lang, count=MIN_PAIRS_FOR_AVERAGE))
    else:
        average = format_number(reviews.average, lang, decimals=1)
        lines.append(t("digest.reviews.average", lang, average=average))
    return Section(" ".join(lines))


def weekly_chart(weeks: tuple[WeekCounts, ...], zone: str, lang: Lang) -> Chart:
    """The chart of the weekly counts, with its words for screen readers."""
    days = [week.start.astimezone(ZoneInfo(zone)).date() for week in weeks]
    busiest = max(range(len(weeks)), key=lambda i: (weeks[i].held + weeks[i].skipped, i))
    span = {"first": format_date(days[0], lang), "last": format_date(days[-1], lang)}
    held, skipped = sum(w.held for w in weeks), sum(w.skipped for w in weeks)
    if held + skipped == 0:
        alt = t("chart.alt_empty", lang, **span)
    else:
        alt = t(
            "chart.alt",
            lang,
            **span,
            held=held,
            skipped=skipped,
            unsummarised=sum(w.unsummarised for w in weeks),
            busiest=format_date(days[busiest], lang),
        )
    return Chart(
        title=t("chart.title", lang),
        alt=alt,
        labels=tuple(format_short_date(day, lang) for day in days),
        series=(
            (t("chart.held", lang), tuple(w.held for w in weeks)),
            (t("chart.skipped", lang), tuple(w.skipped for w in weeks)),
            (t("chart.unsummarised", lang), tuple(w.unsummarised for w in weeks)),
        ),
    )


def unreachable_members(
    session: Session, platform: str, now: datetime, lang: Lang, workspace: str = ""
) -> str:
    """Who the bot could not reach in the window (the admins were told): names and a count."""
    ids = set()
    for subject in subjects_owed_since(
        session=session, kinds=tuple(ADMIN_KINDS), since=now - WINDOW
    ):
        with suppress(MalformedKey):
            about = Subject.parse(subject)
            if isinstance(about, PersonRefused | UnreachableWeek):
                ids.add(about.person_id)
    people = [
        p
        for p in people_by_ids(session=session, ids=ids).values()
        if p.platform == platform and workspace_of(p.external_id) == workspace
    ]
    if not people:
        return ""
    names = sorted(shown_name(person, lang) for person in people)
    return t("digest.unreachable", lang, count=len(names), names=", ".join(names))


def stalled_line(
    session: Session, pairs: list[Pair], people: dict[int, Person], now: datetime, lang: Lang
) -> str:
    """The active pairs that stalled, longest first: names and days only. The rule is
    `stall_of`, over the pairs already read (one query more, for their last held sessions)."""
    held = last_held_sessions(
        session=session, pair_ids=[p.id for p in pairs if p.id is not None], now=now
    )
    found = (stall_of(pair, held.get(pair.id or 0), now) for pair in pairs)
    stalls = sorted((s for s in found if s), key=lambda s: (s.since, s.pair.id or 0))
    if not stalls:
        return ""
    shown = [
        t(
            "digest.stalled.pair",
            lang,
            mentor=shown_name(people[s.pair.mentor_id], lang),
            mentee=shown_name(people[s.pair.mentee_id], lang),
            days=t("count.days", lang, count=s.days),
        )
        for s in stalls[:MAX_ROWS]
    ]
    return t("digest.stalled", lang, count=len(stalls), pairs=", ".join(shown))


def digest(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    target = channel_target(row.recipient)
    sub = subscription(session=session, platform=target.platform, channel_id=target.address)
    if sub is None or not sub.active:
        raise Gone("channel unsubscribed")
    lang = lang_from_locale(sub.lang)
    workspace = workspace_of(sub.channel_id)  # a channel sees its own workspace's pairs only
    pairs = active_pairs(session=session, platform=sub.platform, workspace=workspace)
    # Pairs that ended in the window held sessions in it: they are counted too (in the chart,
    # those that ended in its twelve weeks).
    charted_ended = pairs_ended_since(
        session=session,
        platform=sub.platform,
        since=now - WEEKS_CHARTED * WEEK,
        workspace=workspace,
    )
    ended = [p for p in charted_ended if p.ended_at is not None and p.ended_at >= now - WINDOW]
    people = people_by_ids(
        session=session,
        ids={p.mentor_id for p in pairs + ended} | {p.mentee_id for p in pairs + ended},
    )
    charted: list[MeetingSession] = []
    healths = pairs_health(session, pairs + charted_ended, now, charted)
    rows = [
        Row(
            (shown_name(people[pair.mentor_id], lang), shown_name(people[pair.mentee_id], lang)),
            healths[pair.id or 0],
            pair.ended_at if pair.status == ENDED else None,
        )
        for pair in pairs + ended
    ]
    rows.sort(key=lambda r: (r.ended_at is not None, not r.health.at_risk, r.names))
    totals = {
        "pairs": t("count.pairs.active", lang, count=len(pairs)),
        "held": t("count.sessions.held", lang, count=sum(r.health.held for r in rows)),
        "skipped": t("count.sessions.skipped", lang, count=sum(r.health.skipped for r in rows)),
        "unsummarised": sum(r.health.unsummarised for r in rows),
        "at_risk": t("count.pairs.at_risk", lang, count=sum(r.health.at_risk for r in rows)),
    }
    sections = [Section(t("digest.intro", lang, **totals))]
    waiting = not_started_or_paused(session, sub.platform, now, lang, workspace)
    if waiting:
        sections.append(Section(waiting))
    stalled = stalled_line(session, pairs, people, now, lang)
    if stalled:
        sections.append(Section(stalled))
    unreachable = unreachable_members(session, sub.platform, now, lang, workspace)
    if unreachable:
        sections.append(Section(unreachable))
    reviews = reviews_section(session, pairs, now, lang)
    if reviews is not None:
        sections.append(reviews)
    lines = [_row(row, now, sub.timezone, lang) for row in rows[:MAX_ROWS]]
    for start in range(0, len(lines), ROWS_PER_SECTION):
        sections.append(Section("\n".join(lines[start : start + ROWS_PER_SECTION])))
    if not rows:
        sections.append(Section(t("digest.empty", lang)))
    if len(rows) > MAX_ROWS:
        sections.append(Section(t("digest.more", lang, count=len(rows) - MAX_ROWS)))
    week_of = format_date(now.astimezone(ZoneInfo(sub.timezone)).date(), lang)
    return target, Reply(
        title=t("digest.title", lang, date=week_of),
        sections=tuple(sections),
        note=t("digest.note", lang),
        chart=weekly_chart(weekly_counts(charted, now), sub.timezone, lang),
    )
