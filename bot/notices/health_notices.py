"""Programme health: a stalled pair asked to plan a session, the mediators told a week later,
a silent member asked about a pause. Dates and names, never content."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import Lang, t
from bot.kernel.notice_keys import MalformedKey, MemberSilent, PairStalled, UserRecipient
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section
from bot.notices.context import Composer, Gone, person_target, read, recipient_person
from bot.pairs.silences import KEEP_BUTTON, still_silent
from bot.pairs.stalled import MEDIATOR_BUTTON, PAUSE_BUTTON, Stall, stalled_pairs
from bot.people.person import lang_of, mention, zone_of
from bot.planning.notice_kinds import PAIR_STALLED, STALL_ALERT
from bot.rhythm.wording import format_day_of
from storage.models import MeetingSession, Notification, Pair, Person
from storage.queries.people import get_person
from storage.queries.sessions import next_sessions

PLAN_BUTTON = "session.move"


@dataclass
class StallReads:
    """What the stall notices of a batch read, read once for all their pairs at the first
    row's `now`: the pairs still stalled, and each one's next planned session."""

    pair_ids: list[int]
    stalls: dict[int, Stall] | None = None
    following: dict[int, MeetingSession] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: list[Notification]) -> StallReads:
        ids: set[int] = set()
        for row in rows:
            with suppress(MalformedKey):
                ids.add(PairStalled.parse(row.subject).pair_id)
        return cls(sorted(ids))

    def stall(self, session: Session, row: Notification, now: datetime) -> Stall:
        """The stall the row is about, if it still goes on (no session held, no resumption)."""
        about = read(PairStalled, row.subject)
        if self.stalls is None or about.pair_id not in self.pair_ids:
            ids = self.pair_ids if about.pair_id in self.pair_ids else [about.pair_id]
            found = stalled_pairs(session=session, now=now, pair_ids=ids)
            self.stalls = {s.subject.pair_id: s for s in found}
            self.following = next_sessions(session=session, pair_ids=ids, now=now)
            self.pair_ids = ids
        stall = self.stalls.get(about.pair_id)
        if stall is None or stall.subject != about:
            raise Gone("the stall is over")
        return stall


def _member_of(session: Session, pair: Pair, member_id: int) -> Person:
    person = session.get(Person, member_id)
    if person is None:
        raise Gone("member unknown")
    return person


def plan_buttons(pair: Pair, following: MeetingSession | None, lang: Lang) -> tuple[Button, ...]:
    """Plan one (move the next session, if there is one), pause, ask a mediator."""
    plan = (
        (Button(t("stall.plan", lang), PLAN_BUTTON, str(following.id), "primary"),)
        if following is not None and following.id is not None
        else ()
    )
    return (
        *plan,
        Button(t("stall.pause", lang), PAUSE_BUTTON, str(pair.id)),
        Button(t("stall.mediator", lang), MEDIATOR_BUTTON, str(pair.id)),
    )


def stall_notices(session: Session, rows: list[Notification]) -> Composer:
    """The composer of the stall notices and alerts of a batch, their reads made at once."""
    reads = StallReads.of(rows)
    composers = {PAIR_STALLED: _pair_stalled, STALL_ALERT: _stall_alert}
    return lambda session, row, now: composers[row.kind](session, row, now, reads)


def pair_stalled(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To each member: no session held for a while — shall we plan the next one?"""
    return _pair_stalled(session, row, now, StallReads.of([row]))


def stall_alert(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To a mediator, a week after the members were asked: which pair, how long, the last
    activity's date — dropped if the stall is over or the pair did something since."""
    return _stall_alert(session, row, now, StallReads.of([row]))


def _pair_stalled(
    session: Session, row: Notification, now: datetime, reads: StallReads
) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    stall = reads.stall(session, row, now)
    pair = stall.pair
    if reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("reader not in pair")
    other = _member_of(
        session, pair, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id
    )
    lang = lang_of(reader)
    since = format_day_of(stall.since, zone_of(reader, pair.timezone), lang)
    key = "stall.body" if stall.last_held else "stall.body_never"
    body = t(key, lang, other=mention(other), count=stall.days, since=since)
    return person_target(reader), Reply(
        title=t("stall.title", lang),
        sections=(Section(body), Section(t("stall.options", lang))),
        buttons=plan_buttons(pair, reads.following.get(pair.id or 0), lang),
    )


def _stall_alert(
    session: Session, row: Notification, now: datetime, reads: StallReads
) -> tuple[Target, Reply]:
    mediator = read(UserRecipient, row.recipient)
    stall = reads.stall(session, row, now)
    if stall.last_activity is not None and stall.last_activity > row.created_at:
        raise Gone("the pair did something since it was asked")
    pair = stall.pair
    mentor = _member_of(session, pair, pair.mentor_id)
    mentee = _member_of(session, pair, pair.mentee_id)
    reader = get_person(session=session, platform=mediator.platform, external_id=mediator.user_id)
    lang = lang_of(reader) if reader else "en"
    zone = zone_of(reader, pair.timezone) if reader else pair.timezone
    activity = (
        format_day_of(stall.last_activity, zone, lang)
        if stall.last_activity
        else t("stall.no_activity", lang)
    )
    body = t(
        "stall.alert_body",
        lang,
        mentor=mention(mentor),
        mentee=mention(mentee),
        count=stall.days,
        since=format_day_of(stall.since, zone, lang),
        activity=activity,
    )
    target = Target(platform=mediator.platform, kind="dm", address=mediator.user_id)
    return target, Reply(
        title=t("stall.alert_title", lang),
        sections=(Section(body), Section(t("stall.alert_privacy", lang))),
    )


def member_silent(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To a member who left three sessions' requests unanswered, and to them alone: shall we
    pause? Dropped if they answered meanwhile."""
    reader = recipient_person(session, row.recipient)
    about = read(MemberSilent, row.subject)
    pair = session.get(Pair, about.pair_id)
    if (
        pair is None
        or reader.id != about.person_id
        or not still_silent(session, pair, reader, about)
    ):
        raise Gone("answered since, or the pair is no longer active")
    other = _member_of(
        session, pair, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id
    )
    lang = lang_of(reader)
    return person_target(reader), Reply(
        title=t("silent.title", lang),
        sections=(
            Section(t("silent.body", lang, other=mention(other))),
            Section(t("silent.private", lang, other=mention(other))),
        ),
        buttons=(
            Button(t("silent.keep", lang), KEEP_BUTTON, str(pair.id), "primary"),
            Button(t("stall.pause", lang), PAUSE_BUTTON, str(pair.id)),
        ),
    )
