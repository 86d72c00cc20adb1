"""The weekly cadence digest of a channel: counts, dates and flags, never content."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.kernel.i18n import Lang, format_number, lang_from_locale, t
from bot.kernel.notice_keys import MalformedKey, PersonRefused, Subject, UnreachableWeek
from bot.kernel.ports import Target
from bot.kernel.replies import Chart, Reply, Section, escape_markup
from bot.kernel.workspaces import workspace_of
from bot.notices.cadence_health import (
    MIN_PAIRS_FOR_AVERAGE,
    REVIEW_WINDOW,
    WEEK,
    WEEKS_CHARTED,
    WINDOW,
    Health,
    WeekCounts,
    WeekTally,
    health,
    review_health,
)
from bot.notices.context import Gone, channel_target
from bot.pairs.stalled import stall_of
from bot.people.person import is_erased_id
from bot.planning.notice_kinds import ADMIN_KINDS
from bot.rhythm.wording import format_date, format_short_date, format_when
from storage.models import Notification, Pair, Person
from storage.queries.digests import subscription
from storage.queries.health import last_held_sessions
from storage.queries.notifications import subjects_owed_since
from storage.queries.pairs import ENDED, PAUSED, PENDING, digest_pairs, pairs_with_status
from storage.queries.people import names_by_ids, people_by_ids
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
    return _named(person.name, person.external_id, lang)


def _named(name: str, external_id: str, lang: Lang) -> str:
    """A name as the platform gave it, which its owner chose: escaped, so that in a channel
    it can never become a mention (`<!channel>`), a link or a user's tag."""
    return t("person.former", lang) if is_erased_id(external_id) else escape_markup(name)


HEALTH_BATCH = 1000
"""Pairs a digest reads at once: a few queries a batch, never one per pair, nor one whose
parameters grow with the programme; only counts and names are kept of a batch."""


class StallRow(NamedTuple):
    """A stalled pair as the digest lists it: since when, for how many days, who."""

    since: datetime
    pair_id: int
    days: int
    names: tuple[str, str]


def _listing_order(row: Row) -> tuple[bool, bool, tuple[str, str]]:
    """Active pairs first, those at risk first, then by names."""
    return row.ended_at is not None, not row.health.at_risk, row.names


@dataclass
class Survey:
    """What a digest reads of its pairs: the first `MAX_ROWS` rows it lists and the
    longest `MAX_ROWS` stalls (each in order), with totals over every pair; each pair's last
    review closed in the quarter; the chart's weekly counts."""

    chart: WeekTally
    rows: list[Row] = field(default_factory=list)
    stalls: list[StallRow] = field(default_factory=list)
    reviews: dict[int, tuple[datetime, float]] = field(default_factory=dict)
    listed: int = 0  # rows in all: active pairs, and those that ended in the window
    active: int = 0
    stalled: int = 0
    held: int = 0
    skipped: int = 0
    unsummarised: int = 0
    at_risk: int = 0

    def add(self, rows: list[Row], stalls: list[StallRow]) -> None:
        """A batch's rows and stalls, which come after those added before."""
        for row in rows:
            self.listed += 1
            self.active += row.ended_at is None
            self.held += row.health.held
            self.skipped += row.health.skipped
            self.unsummarised += row.health.unsummarised
            self.at_risk += row.health.at_risk
        self.stalled += len(stalls)
        # nsmallest is stable: rows of equal order keep the order they came in.
        self.rows = heapq.nsmallest(MAX_ROWS, self.rows + rows, key=_listing_order)
        self.stalls = heapq.nsmallest(MAX_ROWS, self.stalls + stalls)


def survey(session: Session, batches: Iterable[list[Pair]], now: datetime, lang: Lang) -> Survey:
    """Active pairs, and ended ones (charted; listed when they ended in the window), a batch
    at a time. An active pair's health comes from its ended sessions and its next one; an
    ended pair's from what it held (nothing comes next: its sessions after the end were
    removed when it ended)."""
    found = Survey(WeekTally(now))
    for batch in batches:
        ids = [pair.id for pair in batch if pair.id is not None]
        active = [pair.id for pair in batch if pair.id is not None and pair.status != ENDED]
        past, coming = sessions_around(session=session, pair_ids=ids, now=now)
        names = names_by_ids(
            session=session, ids={p.mentor_id for p in batch} | {p.mentee_id for p in batch}
        )
        held = last_held_sessions(session=session, pair_ids=active, now=now)
        found.reviews.update(
            closed_reviews_since(session=session, pair_ids=active, since=now - REVIEW_WINDOW)
        )
        rows: list[Row] = []
        stalls: list[StallRow] = []
        for pair in batch:
            assert pair.id is not None
            found.chart.add(past[pair.id])
            ended = pair.status == ENDED
            if ended and (pair.ended_at is None or pair.ended_at < now - WINDOW):
                continue  # charted only
            members = (
                _named(*names[pair.mentor_id], lang),
                _named(*names[pair.mentee_id], lang),
            )
            if ended:
                rows.append(
                    Row(members, health(past[pair.id], None, now, ended=True), pair.ended_at)
                )
                continue
            rows.append(Row(members, health(past[pair.id], coming.get(pair.id), now), None))
            if stall := stall_of(pair, held.get(pair.id), now):
                stalls.append(StallRow(stall.since, pair.id, stall.days, members))
        found.add(rows, stalls)
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
    reviewed: dict[int, tuple[datetime, float]], now: datetime, lang: Lang
) -> Section | None:
    """That reviews took place, and the average satisfaction of enough pairs; never a score
    of one pair, never what anyone wrote."""
    reviews = review_health(reviewed, now)
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


def stalled_line(found: Survey, lang: Lang) -> str:
    """The active pairs that stalled (by `stall_of`), longest first: names and days only."""
    if not found.stalled:
        return ""
    shown = [
        t(
            "digest.stalled.pair",
            lang,
            mentor=stall.names[0],
            mentee=stall.names[1],
            days=t("count.days", lang, count=stall.days),
        )
        for stall in found.stalls
    ]
    return t("digest.stalled", lang, count=found.stalled, pairs=", ".join(shown))


def digest(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    target = channel_target(row.recipient)
    sub = subscription(session=session, platform=target.platform, channel_id=target.address)
    if sub is None or not sub.active:
        raise Gone("channel unsubscribed")
    lang = lang_from_locale(sub.lang)
    workspace = workspace_of(sub.channel_id)  # a channel sees its own workspace's pairs only
    # Pairs that ended in the window held sessions in it: they are counted too (in the chart,
    # those that ended in its twelve weeks).
    batches = digest_pairs(
        session=session,
        platform=sub.platform,
        workspace=workspace,
        ended_since=now - WEEKS_CHARTED * WEEK,
        size=HEALTH_BATCH,
    )
    found = survey(session, batches, now, lang)
    totals = {
        "pairs": t("count.pairs.active", lang, count=found.active),
        "held": t("count.sessions.held", lang, count=found.held),
        "skipped": t("count.sessions.skipped", lang, count=found.skipped),
        "unsummarised": found.unsummarised,
        "at_risk": t("count.pairs.at_risk", lang, count=found.at_risk),
    }
    sections = [Section(t("digest.intro", lang, **totals))]
    waiting = not_started_or_paused(session, sub.platform, now, lang, workspace)
    if waiting:
        sections.append(Section(waiting))
    stalled = stalled_line(found, lang)
    if stalled:
        sections.append(Section(stalled))
    unreachable = unreachable_members(session, sub.platform, now, lang, workspace)
    if unreachable:
        sections.append(Section(unreachable))
    reviews = reviews_section(found.reviews, now, lang)
    if reviews is not None:
        sections.append(reviews)
    lines = [_row(row, now, sub.timezone, lang) for row in found.rows]
    for start in range(0, len(lines), ROWS_PER_SECTION):
        sections.append(Section("\n".join(lines[start : start + ROWS_PER_SECTION])))
    if not found.listed:
        sections.append(Section(t("digest.empty", lang)))
    if found.listed > MAX_ROWS:
        sections.append(Section(t("digest.more", lang, count=found.listed - MAX_ROWS)))
    week_of = format_date(now.astimezone(ZoneInfo(sub.timezone)).date(), lang)
    return target, Reply(
        title=t("digest.title", lang, date=week_of),
        sections=tuple(sections),
        note=t("digest.note", lang),
        chart=weekly_chart(found.chart.weeks(), sub.timezone, lang),
    )
