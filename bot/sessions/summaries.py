"""Summaries: recording what a pair wrote after a session and sharing it with the other member."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.notice_keys import KeptReply, SummaryVersion, UnexpectedDm
from bot.kernel.replies import Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention, recipient, zone_of
from bot.planning.notice_kinds import (
    DM_NOT_EXPECTED,
    SUMMARY_NUDGE,
    SUMMARY_RECORDED,
    SUMMARY_REQUEST,
    SUMMARY_SHARED,
    SUMMARY_WHICH,
)
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR, session_subject
from bot.rhythm.wording import format_when
from storage.models import MeetingSession, Pair, PendingReply, Person
from storage.queries.events import first_delivery
from storage.queries.notifications import Owed, owe, subjects_sent_or_due
from storage.queries.pairs import ACTIVE, PAUSED, pairs_of
from storage.queries.people import get_person
from storage.queries.replies import add_pending_reply, forget_reply, pending_reply
from storage.queries.sessions import PLANNED, past_sessions

MAX_SUMMARY = 3000
"""Longest summary `/mentor summary` takes; a DM reply is kept whole."""
AWAITED_FOR = timedelta(days=14)
"""A plain DM reply counts as the summary of a session that ended within this time."""
REQUEST_KINDS = (SUMMARY_REQUEST, SUMMARY_NUDGE)
"""What asks a person for a summary: a DM reply may answer one of these."""
OPEN_PAIRS = (ACTIVE, PAUSED)
REPLY_KEPT_FOR = timedelta(days=7)
"""A reply that could answer several requests waits this long for its author's choice."""
MAX_CHOICES = 5
"""Sessions offered to choose from (Teams shows six buttons; the sixth deletes the reply)."""
REPLY_CHOOSE = "summary.choose"
REPLY_DISCARD = "summary.discard"
REPLY_BUTTONS = (REPLY_CHOOSE, REPLY_DISCARD)


def record_summary(
    *,
    session: Session,
    meeting: MeetingSession,
    author: Person,
    other: Person,
    text: str,
    now: datetime,
    confirm_by_dm: bool,
) -> bool:
    """Store `text` as the summary of `meeting` and owe it to `other`; True if one is replaced."""
    replaced = bool(meeting.summary)
    meeting.summary = text
    meeting.summary_author_id = author.id
    meeting.summary_at = now
    meeting.summary_revision += 1
    session.add(meeting)
    assert meeting.id is not None
    subject = SummaryVersion(meeting.id, meeting.summary_revision).key
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = [Owed(SUMMARY_SHARED, recipient(other).key, subject, now, until)]
    if confirm_by_dm:
        owed.append(Owed(SUMMARY_RECORDED, recipient(author).key, subject, now, until))
    owe(session=session, owed=owed, now=now)
    return replaced


def open_requests(
    *, session: Session, person: Person, now: datetime
) -> list[tuple[Pair, MeetingSession]]:
    """The sessions whose summary the bot asked `person` for (a request or a nudge sent, or
    due and about to go) and that still have none, ended within AWAITED_FOR; oldest first.
    Only sessions of the person's own current pairs, as they stand now (not moved, not
    skipped)."""
    assert person.id is not None
    requested = set(
        subjects_sent_or_due(
            session=session,
            kinds=REQUEST_KINDS,
            recipient=recipient(person).key,
            since=now - AWAITED_FOR,
            now=now,
        )
    )
    found: list[tuple[Pair, MeetingSession]] = []
    for pair in pairs_of(session=session, person_id=person.id) if requested else []:
        if pair.status not in OPEN_PAIRS:
            continue
        assert pair.id is not None
        # No session lasts a day: this reads every session that may have ended in the window.
        since = now - AWAITED_FOR - timedelta(days=1)
        for meeting in past_sessions(session=session, pair_id=pair.id, now=now, since=since):
            end = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
            if (
                meeting.status == PLANNED
                and not meeting.summary
                and end >= now - AWAITED_FOR
                and session_subject(meeting).key in requested
            ):
                found.append((pair, meeting))
    return sorted(found, key=lambda pair_meeting: pair_meeting[1].starts_at)


def record_dm_reply(
    *, session: Session, person: Person, text: str, message_ref: str, now: datetime
) -> bool:
    """A plain DM: the summary of the one session it can answer (True); when it could answer
    several, kept aside unshared and its author asked which; else a polite explanation."""
    assert person.id is not None
    text = text.strip()
    requests = open_requests(session=session, person=person, now=now) if text else []
    if len(requests) == 1:
        [(pair, meeting)] = requests
        record_summary(
            session=session,
            meeting=meeting,
            author=person,
            other=other_member(session, pair, person),
            text=text,
            now=now,
            confirm_by_dm=True,
        )
        return True
    until = now + ANNOUNCEMENT_USEFUL_FOR
    if requests:
        kept = add_pending_reply(
            session=session,
            token=secrets.token_hex(16),
            author_id=person.id,
            text=text,
            now=now,
            until=now + REPLY_KEPT_FOR,
        )
        about = KeptReply(kept.token).key
        owed = Owed(SUMMARY_WHICH, recipient(person).key, about, now, kept.expires_at)
    else:
        about = UnexpectedDm(message_ref).key
        owed = Owed(DM_NOT_EXPECTED, recipient(person).key, about, now, until)
    owe(session=session, owed=[owed], now=now)
    return False


def which_choices(
    *, session: Session, person: Person, now: datetime
) -> list[tuple[Pair, MeetingSession]]:
    """The sessions a kept reply may be filed on, as many as a message has room for."""
    return open_requests(session=session, person=person, now=now)[-MAX_CHOICES:]


def kept_reply(ctx: ActorContext, token: str) -> PendingReply:
    """The actor's own kept reply; anyone else's, a filed, expired or made-up one: polite no."""
    kept = pending_reply(session=ctx.session, token=token, now=ctx.now) if token else None
    if kept is None or kept.author_id != ctx.actor.id:
        raise UserError("reply.gone")
    return kept


def press_reply_choice(ctx: ActorContext, action: str, value: str) -> Reply:
    """A button under "which session is your message about?": file it there, or delete it."""
    token, _, session_id = value.partition(":")
    kept = kept_reply(ctx, token)
    assert kept.id is not None
    if action == REPLY_DISCARD:
        if not forget_reply(session=ctx.session, reply_id=kept.id, erased=True):
            raise UserError("reply.gone")
        return say(t("reply.discarded", ctx.lang))
    # Only a session still awaiting a summary of the actor's own pairs: membership is checked.
    choices = {
        m.id: (p, m) for p, m in open_requests(session=ctx.session, person=ctx.actor, now=ctx.now)
    }
    valid = session_id.isascii() and session_id.isdigit()
    chosen = choices.get(int(session_id)) if valid else None
    if chosen is None:
        raise UserError("reply.session_closed")
    # Taken before it is filed: of two clicks at once, the second finds nothing to file.
    if not forget_reply(session=ctx.session, reply_id=kept.id, erased=False):
        raise UserError("reply.gone")
    pair, meeting = chosen
    other = ctx.other_member(pair)
    record_summary(
        session=ctx.session,
        meeting=meeting,
        author=ctx.actor,
        other=other,
        text=kept.text,
        now=ctx.now,
        confirm_by_dm=False,
    )
    ctx.owes_now = True
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    return say(t("summary.saved", ctx.lang, when=when, other=mention(other)))


def other_member(session: Session, pair: Pair, person: Person) -> Person:
    other = session.get(Person, pair.mentee_id if pair.mentor_id == person.id else pair.mentor_id)
    assert other is not None
    return other


def handle_direct_message(
    core: Core, *, platform: str, event_id: str, author_id: str, text: str, message_ref: str
) -> bool:
    """Record a plain DM once per platform event, even when the platform delivers it again.

    The event id is stored in the same transaction as its effect, so a delivery that failed
    half-way leaves nothing behind and its retry is handled.
    """
    with core.db.session() as session:
        now = core.clock.now()
        if not first_delivery(session=session, event_id=f"{platform}:{event_id}", now=now):
            return False
        person = get_person(session=session, platform=platform, external_id=author_id)
        if person is None:
            raise LookupError(f"no profile stored for {platform}:{author_id}")
        record_dm_reply(session=session, person=person, text=text, message_ref=message_ref, now=now)
    core.owed_now()
    return True
