"""`/mentor programme` (admins): the programme at a glance — pairs by status, agreements
waiting for more than 3 days, stalled pairs, people the bot cannot reach, reviews due. Counts,
names and dates only, never anything a pair wrote. The same parts on an admin's Home."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, t
from bot.kernel.notice_keys import MalformedKey, PersonRefused, Subject, UnreachableWeek
from bot.kernel.replies import Reply, Section
from bot.kernel.workspaces import workspace_of
from bot.pairs.agreement import waiting_for
from bot.pairs.stalled import stalled_pairs
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.planning.notice_kinds import DELIVERY_REFUSED, MEMBER_UNREACHABLE
from bot.planning.planner import review_days
from bot.rhythm.wording import format_date, format_day_of
from storage.models import Pair, Person
from storage.queries.notifications import subjects_owed_since
from storage.queries.pairs import ACTIVE, ENDED, PAUSED, PENDING, pairs_by_status, pairs_with_status
from storage.queries.people import people_by_ids

PENDING_FOR = timedelta(days=3)
UNREACHABLE_SINCE = timedelta(days=30)
REVIEWS_AROUND = timedelta(days=14)
"""Reviews due from two weeks ago to two weeks ahead."""
STATUSES = (ACTIVE, PENDING, PAUSED, ENDED)


@dataclass(frozen=True)
class Part:
    """One titled part of the overview: its rows (names and dates), what it says when empty."""

    heading: str
    rows: tuple[str, ...]
    empty: str


def run(ctx: CommandContext) -> Reply:
    if not ctx.core.is_admin(ctx.actor.external_id):
        raise UserError("programme.admins_only")
    return Reply(
        title=t("programme.title", ctx.lang),
        sections=tuple(
            Section("\n".join(part.rows) or part.empty, heading=part.heading)
            for part in overview(ctx)
        ),
        note=t("programme.privacy", ctx.lang),
    )


def overview(ctx: ActorContext) -> tuple[Part, ...]:
    """The programme on the actor's platform, as its admin reads it."""
    lang, session = ctx.lang, ctx.session
    workspace = workspace_of(ctx.actor.external_id)
    counts = {
        status: n
        for (platform, status), n in pairs_by_status(session=session, workspace=workspace).items()
        if platform == ctx.platform
    }
    by_status = " · ".join(
        t(f"programme.status.{status}", lang, count=counts.get(status, 0)) for status in STATUSES
    )
    pending = [
        pair
        for pair in pairs_with_status(
            session=session, platform=ctx.platform, status=PENDING, workspace=workspace
        )
        if pair.created_at <= ctx.now - PENDING_FOR
    ]
    stalls = [
        s
        for s in stalled_pairs(session=session, now=ctx.now)
        if s.pair.platform == ctx.platform and s.pair.workspace == workspace
    ]
    active = pairs_with_status(
        session=session, platform=ctx.platform, status=ACTIVE, workspace=workspace
    )
    reviews = _reviews_due(ctx, active)
    unreachable = _unreachable(ctx)
    people = people_by_ids(
        session=session,
        ids={
            m
            for p in [*pending, *(s.pair for s in stalls), *(p for p, _, _ in reviews)]
            for m in (p.mentor_id, p.mentee_id)
        },
    )
    zone = zone_of(ctx.actor)

    def names(pair: Pair) -> str:
        return t(
            "programme.pair",
            lang,
            mentor=_name(people.get(pair.mentor_id), lang),
            mentee=_name(people.get(pair.mentee_id), lang),
        )

    return (
        Part(t("programme.by_status", lang), (by_status,), ""),
        Part(
            t("programme.pending", lang, count=len(pending)),
            tuple(
                t(
                    "programme.pending_row",
                    lang,
                    pair=names(pair),
                    date=format_day_of(pair.created_at, zone, lang),
                    waiting=", ".join(_name(people.get(m), lang) for m in waiting_for(pair)),
                )
                for pair in pending
            ),
            t("programme.pending.none", lang),
        ),
        Part(
            t("programme.stalled", lang, count=len(stalls)),
            tuple(
                t(
                    "programme.stalled_row",
                    lang,
                    pair=names(stall.pair),
                    count=stall.days,
                    since=format_day_of(stall.since, zone, lang),
                    activity=format_day_of(stall.last_activity, zone, lang)
                    if stall.last_activity
                    else t("stall.no_activity", lang),
                )
                for stall in stalls
            ),
            t("programme.stalled.none", lang),
        ),
        Part(
            t("programme.unreachable", lang, count=len(unreachable)),
            tuple(
                t(
                    "programme.unreachable_row",
                    lang,
                    person=_name(person, lang),
                    date=format_date(day, lang),
                )
                for person, day in unreachable
            ),
            t("programme.unreachable.none", lang),
        ),
        Part(
            t("programme.reviews", lang, count=len(reviews)),
            tuple(
                t(
                    "programme.review_row",
                    lang,
                    pair=names(pair),
                    number=n,
                    date=format_date(day, lang),
                )
                for pair, n, day in reviews
            ),
            t("programme.reviews.none", lang),
        ),
    )


def _name(person: Person | None, lang: Lang) -> str:
    return mention(person) if person is not None else t("person.former", lang)


def _reviews_due(ctx: ActorContext, pairs: Iterable[Pair]) -> list[tuple[Pair, int, date]]:
    """(pair, number, day) of the active pairs' reviews due around today, soonest first."""
    found: list[tuple[Pair, int, date]] = []
    for pair in pairs:
        today = ctx.now.astimezone(ZoneInfo(pair.timezone)).date()
        for n, day in review_days(pair, today - REVIEWS_AROUND, today + REVIEWS_AROUND):
            found.append((pair, n, day))
    return sorted(found, key=lambda row: (row[2], row[0].id or 0))


def _unreachable(ctx: ActorContext) -> list[tuple[Person, date]]:
    """The people of this platform the admins were told about (cannot be reached, refused by
    the platform, left it) in the last 30 days, with the latest day."""
    latest: dict[int, date] = {}
    subjects = subjects_owed_since(
        session=ctx.session,
        kinds=(MEMBER_UNREACHABLE, DELIVERY_REFUSED),
        since=ctx.now - UNREACHABLE_SINCE,
    )
    for text in subjects:
        try:
            about = Subject.parse(text)
        except MalformedKey:
            continue
        if isinstance(about, PersonRefused):
            person_id, day = about.person_id, about.day
        elif isinstance(about, UnreachableWeek):
            person_id = about.person_id
            day = datetime.fromisocalendar(about.year, about.week, 1).date()
        else:
            continue
        if person_id not in latest or day > latest[person_id]:
            latest[person_id] = day
    people = people_by_ids(session=ctx.session, ids=set(latest))
    return sorted(
        (
            (person, latest[pid])
            for pid, person in people.items()
            if person.platform == ctx.platform
            and workspace_of(person.external_id) == workspace_of(ctx.actor.external_id)
        ),
        key=lambda row: (row[1], row[0].id or 0),
    )
