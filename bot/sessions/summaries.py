"""Summaries: recording what a pair wrote after a session and sharing it with the other member."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.notice_keys import (
    KeptReply,
    MalformedKey,
    PersonRecipient,
    SessionAt,
    SummaryVersion,
    UnexpectedDm,
)
from bot.kernel.replies import Button, Reply, Section, say
from bot.people.actor import ActorContext
from bot.people.person import lang_of, mention, zone_of
from bot.planning.notice_kinds import (
    DM_NOT_EXPECTED,
    SUMMARY_NUDGE,
    SUMMARY_RECORDED,
    SUMMARY_REQUEST,
    SUMMARY_REQUEST_NEXT_DAY,
    SUMMARY_SHARED,
    SUMMARY_TWICE,
    SUMMARY_WHICH,
)
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR
from bot.rhythm.wording import format_when
from bot.sessions.action_items import NewAction, add_actions
from bot.sessions.summary_parts import free_text, summary_text
from storage.models import ActionItem, MeetingSession, Pair, PendingReply, Person
from storage.queries.actions import actions_of_sessions, drop_open_actions
from storage.queries.events import first_delivery
from storage.queries.notifications import Owed, drop_pending_of, owe, subjects_sent_or_due
from storage.queries.people import hold_person_id, people_by_ids
from storage.queries.replies import add_pending_reply, forget_reply, pending_reply
from storage.queries.sessions import (
    PLANNED,
    MemberSession,
    sessions_of_member,
    store_revision,
    store_summary,
    with_pairs,
)
from storage.summaries import SummaryDoc

MAX_SUMMARY = 3000
"""Longest summary `/mentor summary` takes; a DM reply is kept whole."""
AWAITED_FOR = timedelta(days=14)
"""A plain DM reply counts as the summary of a session that ended within this time."""
REQUEST_KINDS = (SUMMARY_REQUEST, SUMMARY_REQUEST_NEXT_DAY, SUMMARY_NUDGE)
"""What asks a person for a summary: a DM reply may answer one of these; once the summary is
written, those still owed are no longer useful."""
REPLY_KEPT_FOR = timedelta(days=7)
"""A reply that could answer several requests waits this long for its author's choice."""
MAX_CHOICES = 5
"""Sessions offered to choose from (Teams shows six buttons; the sixth deletes the reply)."""
REPLY_CHOOSE = "summary.choose"
REPLY_DISCARD = "summary.discard"
REPLY_BUTTONS = (REPLY_CHOOSE, REPLY_DISCARD)
REPLACE = "summary.replace"
APPEND = "summary.append"
KEEP_FIRST = "summary.keep"
TWICE_BUTTONS = (REPLACE, APPEND, KEEP_FIRST)
"""The answers to "this session already has a summary": replace it, add to it, or keep it."""
SHOWN_CHARS = 1400  # of each summary in that question: both fit one message


@dataclass(frozen=True)
class Draft:
    """A summary as written (its parts and the actions it creates), for one session."""

    session_id: int
    doc: SummaryDoc
    actions: tuple[NewAction, ...] = ()

    def dump(self) -> str:
        actions = [
            {"text": a.text, "owner": a.owner, "due": a.due.isoformat() if a.due else None}
            for a in self.actions
        ]
        doc = json.loads(self.doc.dump())
        return json.dumps({"draft_for": self.session_id, "summary": doc, "actions": actions})

    @classmethod
    def load(cls, text: str) -> Draft | None:
        """The draft a kept reply holds; None for a plain DM reply kept aside."""
        try:
            data = json.loads(text)
            return cls(
                session_id=int(data["draft_for"]),
                doc=SummaryDoc.load(json.dumps(data["summary"])),
                actions=tuple(
                    NewAction(
                        a["text"], a["owner"], date.fromisoformat(a["due"]) if a["due"] else None
                    )
                    for a in data["actions"]
                ),
            )
        except (ValueError, KeyError, TypeError):
            return None


def write_summary(
    *,
    session: Session,
    pair: Pair,
    meeting: MeetingSession,
    author: Person,
    draft: Draft,
    now: datetime,
    confirm_by_dm: bool,
) -> PendingReply | None:
    """File `draft` as the summary of `meeting`, its actions created, shared with the other
    member. When the session has a summary already, nothing is replaced: the draft is kept
    aside, unshared, and returned, for its author to say whether to replace or append."""
    if meeting.summary is None:
        apply_draft(
            session=session,
            pair=pair,
            meeting=meeting,
            author=author,
            draft=draft,
            now=now,
            confirm_by_dm=confirm_by_dm,
            replace=False,
        )
        return None
    assert author.id is not None
    return keep_draft(session=session, author_id=author.id, draft=draft, now=now)


def keep_draft(*, session: Session, author_id: int, draft: Draft, now: datetime) -> PendingReply:
    """Keep `draft` aside, unshared, for its author to say whether to replace or append."""
    return add_pending_reply(
        session=session,
        token=secrets.token_hex(16),
        author_id=author_id,
        text=draft.dump(),
        now=now,
        until=now + REPLY_KEPT_FOR,
    )


def apply_draft(
    *,
    session: Session,
    pair: Pair,
    meeting: MeetingSession,
    author: Person,
    draft: Draft,
    now: datetime,
    confirm_by_dm: bool,
    replace: bool,
) -> None:
    """The summary of `meeting` becomes `draft` (`replace`: the open actions of the earlier one
    go) or the earlier one followed by `draft`; shared again with the other member."""
    assert meeting.id is not None
    doc = draft.doc
    if replace:
        drop_open_actions(session=session, session_id=meeting.id)
    elif meeting.summary is not None:
        doc = SummaryDoc.load(meeting.summary).plus(draft.doc)
    if draft.actions:
        people = people_by_ids(session=session, ids={pair.mentor_id, pair.mentee_id})
        add_actions(
            session=session,
            pair=pair,
            meeting=meeting,
            actions=list(draft.actions),
            author=author,
            people=people,
            now=now,
        )
    record_summary(
        session=session,
        meeting=meeting,
        author=author,
        other_id=pair.mentee_id if pair.mentor_id == author.id else pair.mentor_id,
        doc=doc,
        now=now,
        confirm_by_dm=confirm_by_dm,
    )


SUMMARY_WRITTEN = "summary already written"


def drop_summary_asks(*, session: Session, session_id: int, starts_at: datetime) -> None:
    """A session's summary is written: the requests and nudges still owed about it, to either
    member, are dropped now (their composer drops any it is handed later), rather than each
    claimed, composed and dropped as it falls due — a fifth of the rows a programme claimed."""
    subject = SessionAt(session_id, starts_at).key
    drop_pending_of(session=session, subject=subject, kinds=REQUEST_KINDS, reason=SUMMARY_WRITTEN)


def record_summary(
    *,
    session: Session,
    meeting: MeetingSession,
    author: Person,
    other_id: int,
    doc: SummaryDoc,
    now: datetime,
    confirm_by_dm: bool,
) -> None:
    """Store `doc` as the summary of `meeting` and owe it to the other member, `other_id`."""
    assert meeting.id is not None and author.id is not None
    store_summary(session=session, meeting=meeting, summary=doc.dump(), author_id=author.id, at=now)
    drop_summary_asks(session=session, session_id=meeting.id, starts_at=meeting.starts_at)
    version = SummaryVersion(meeting.id, meeting.summary_revision)
    share_summary(
        session=session,
        version=version,
        author_id=author.id,
        other_id=other_id,
        now=now,
        confirm_by_dm=confirm_by_dm,
    )


def share_summary(
    *,
    session: Session,
    version: SummaryVersion,
    author_id: int,
    other_id: int,
    now: datetime,
    confirm_by_dm: bool,
) -> None:
    """Owe the summary as stored in `version` to the other member, `other_id`, and
    (`confirm_by_dm`) its confirmation to its author."""
    subject = version.key
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = [Owed(SUMMARY_SHARED, PersonRecipient(other_id).key, subject, now, until)]
    if confirm_by_dm:
        owed.append(Owed(SUMMARY_RECORDED, PersonRecipient(author_id).key, subject, now, until))
    owe(session=session, owed=owed, now=now)


def open_requests(
    *, session: Session, person_id: int, now: datetime, written_too: bool = False
) -> list[MemberSession]:
    """The sessions whose summary the bot asked person `person_id` for (a request or a nudge
    sent, or due and about to go) and that still have none (`written_too`: or have one), ended
    within AWAITED_FOR; oldest first. Only sessions of the person's own current pairs, as they
    stand now (not moved, not skipped). At most two statements: the requests, then the
    sessions they name, as the few columns a DM reply needs."""
    requested = set(
        subjects_sent_or_due(
            session=session,
            kinds=REQUEST_KINDS,
            recipient=PersonRecipient(person_id).key,
            since=now - AWAITED_FOR,
            now=now,
        )
    )
    # No session lasts a day: this reads every session that may have ended in the window.
    asked = sessions_of_member(
        session=session,
        session_ids={subject.session_id for subject in map(_session_at, requested) if subject},
        person_id=person_id,
        since=now - AWAITED_FOR - timedelta(days=1),
        now=now,
    )
    found = [
        one
        for one in asked
        if one.status == PLANNED
        and (written_too or not one.summary)
        and one.end >= now - AWAITED_FOR
        # `session_subject`'s key: the request was about the session as it stands now.
        and SessionAt(one.session_id, one.starts_at).key in requested
    ]
    return sorted(found, key=lambda one: one.starts_at)


def _session_at(subject: str) -> SessionAt | None:
    """The session a request is about (a summary request's subject), if `subject` names one."""
    try:
        return SessionAt.parse(subject)
    except MalformedKey:
        return None


def record_dm_reply(
    *, session: Session, person_id: int, text: str, message_ref: str, now: datetime
) -> bool:
    """A plain DM of person `person_id`: the summary (as notes) of the one session it can
    answer (True); when it could answer several, kept aside unshared and its author asked
    which; when the session it answers has a summary already (none waits for one), kept aside
    and its author asked whether to replace or append; else a polite explanation."""
    text = text.strip()
    # Read once: the sessions still without a summary, else the latest one with one.
    asked = (
        open_requests(session=session, person_id=person_id, now=now, written_too=True)
        if text
        else []
    )
    requests = [one for one in asked if not one.summary] or asked[-1:]
    to_author = PersonRecipient(person_id).key
    if len(requests) == 1:
        [one] = requests
        draft = Draft(one.session_id, free_text(text, person_id))
        if one.summary is None:
            # `write_summary` on the columns read: a reply has no actions to create.
            revision = one.summary_revision + 1
            store_revision(
                session=session,
                session_id=one.session_id,
                revision=revision,
                summary=draft.doc.dump(),
                author_id=person_id,
                at=now,
            )
            drop_summary_asks(session=session, session_id=one.session_id, starts_at=one.starts_at)
            share_summary(
                session=session,
                version=SummaryVersion(one.session_id, revision),
                author_id=person_id,
                other_id=one.other_member(person_id),
                now=now,
                confirm_by_dm=True,
            )
            return True
        kept = keep_draft(session=session, author_id=person_id, draft=draft, now=now)
        owed = Owed(SUMMARY_TWICE, to_author, KeptReply(kept.token).key, now, kept.expires_at)
    elif requests:
        kept = add_pending_reply(
            session=session,
            token=secrets.token_hex(16),
            author_id=person_id,
            text=text,
            now=now,
            until=now + REPLY_KEPT_FOR,
        )
        owed = Owed(SUMMARY_WHICH, to_author, KeptReply(kept.token).key, now, kept.expires_at)
    else:
        about = UnexpectedDm(message_ref).key
        owed = Owed(DM_NOT_EXPECTED, to_author, about, now, now + ANNOUNCEMENT_USEFUL_FOR)
    owe(session=session, owed=[owed], now=now)
    return False


def which_choices(
    *, session: Session, person: Person, now: datetime
) -> list[tuple[Pair, MeetingSession]]:
    """The sessions a kept reply may be filed on, as many as a message has room for."""
    assert person.id is not None
    asked = open_requests(session=session, person_id=person.id, now=now)[-MAX_CHOICES:]
    whole = with_pairs(session=session, session_ids=[one.session_id for one in asked])
    return [whole[one.session_id] for one in asked if one.session_id in whole]


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
    assert kept.id is not None and ctx.actor.id is not None
    if Draft.load(kept.text) is not None:  # a second summary waits for another answer
        raise UserError("reply.gone")
    if action == REPLY_DISCARD:
        if not forget_reply(session=ctx.session, reply_id=kept.id, erased=True):
            raise UserError("reply.gone")
        return say(t("reply.discarded", ctx.lang))
    # Only a session asked of the actor, of the actor's own pairs: membership is checked.
    asked = open_requests(
        session=ctx.session, person_id=ctx.actor.id, now=ctx.now, written_too=True
    )
    valid = session_id.isascii() and session_id.isdigit()
    ids = [one.session_id for one in asked if valid and one.session_id == int(session_id)]
    chosen = next(iter(with_pairs(session=ctx.session, session_ids=ids).values()), None)
    if chosen is None:
        raise UserError("reply.session_closed")
    # Taken before it is filed: of two clicks at once, the second finds nothing to file.
    if not forget_reply(session=ctx.session, reply_id=kept.id, erased=False):
        raise UserError("reply.gone")
    pair, meeting = chosen
    assert meeting.id is not None
    return write_or_ask(ctx, pair, meeting, Draft(meeting.id, free_text(kept.text, ctx.actor.id)))


def write_or_ask(ctx: ActorContext, pair: Pair, meeting: MeetingSession, draft: Draft) -> Reply:
    """Save and share the actor's summary; when the session has one, ask replace or append."""
    kept = write_summary(
        session=ctx.session,
        pair=pair,
        meeting=meeting,
        author=ctx.actor,
        draft=draft,
        now=ctx.now,
        confirm_by_dm=False,
    )
    if kept is not None:
        return second_summary_question(ctx.session, ctx.actor, kept, ctx.now)
    ctx.owes_now = True
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    return say(t("summary.saved", ctx.lang, when=when, other=mention(ctx.other_member(pair))))


def second_summary_question(
    session: Session, reader: Person, kept: PendingReply, now: datetime
) -> Reply:
    """The session's summary as it stands and the one just written, in the reader's language,
    and three buttons: replace it, add to it, keep it (drop mine). Raises UserError when the
    kept draft or the session is gone."""
    draft = Draft.load(kept.text)
    meeting = session.get(MeetingSession, draft.session_id) if draft else None
    pair = session.get(Pair, meeting.pair_id) if meeting else None
    if (
        draft is None
        or meeting is None
        or pair is None
        or reader.id
        not in (
            pair.mentor_id,
            pair.mentee_id,
        )
    ):
        raise UserError("reply.gone")
    lang = lang_of(reader)
    people = people_by_ids(session=session, ids={pair.mentor_id, pair.mentee_id})
    assert meeting.id is not None and pair.id is not None
    first = SummaryDoc.load(meeting.summary) if meeting.summary else SummaryDoc()
    first_actions = actions_of_sessions(session=session, session_ids={meeting.id})[meeting.id]
    new_actions = [
        ActionItem(
            pair_id=pair.id,
            owner_id=pair.mentor_id if a.owner == "mentor" else pair.mentee_id,
            author_id=reader.id,
            text=a.text,
            due=a.due,
            created_at=now,
        )
        for a in draft.actions
    ]
    author = people.get(meeting.summary_author_id or 0)
    when = format_when(meeting.starts_at, zone_of(reader, pair.timezone), lang)
    until = format_when(kept.expires_at, zone_of(reader), lang)
    value = kept.token
    return Reply(
        title=t("summary.twice.title", lang),
        sections=(
            Section(
                t("summary.twice.own", lang, when=when)
                if author is not None and author.id == reader.id
                else t(
                    "summary.twice.body",
                    lang,
                    author=mention(author) if author else t("reply.which.someone", lang),
                    when=when,
                )
            ),
            Section(
                summary_text(first, first_actions, people, lang, limit=SHOWN_CHARS),
                heading=t("summary.twice.first", lang),
            ),
            Section(
                summary_text(draft.doc, new_actions, people, lang, limit=SHOWN_CHARS),
                heading=t("summary.twice.yours", lang),
            ),
            Section(t("summary.twice.ask", lang, until=until)),
        ),
        buttons=(
            Button(t("summary.twice.append", lang), APPEND, value, "primary"),
            Button(t("summary.twice.replace", lang), REPLACE, value, "danger"),
            Button(t("summary.twice.keep", lang), KEEP_FIRST, value),
        ),
        note=t("confidential.note", lang),
    )


def press_second_summary(ctx: ActorContext, action: str, token: str) -> Reply:
    """A button under "this session already has a summary": replace, append, or keep it."""
    kept = kept_reply(ctx, token)
    draft = Draft.load(kept.text)
    if draft is None or kept.id is None:
        raise UserError("reply.gone")
    pair, meeting = ctx.own_ended_session(draft.session_id)
    # Taken before it is filed: of two clicks at once, the second finds nothing to file.
    if not forget_reply(session=ctx.session, reply_id=kept.id, erased=action == KEEP_FIRST):
        raise UserError("reply.gone")
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    other = mention(ctx.other_member(pair))
    if action == KEEP_FIRST:
        return say(t("summary.kept_first", ctx.lang, when=when))
    apply_draft(
        session=ctx.session,
        pair=pair,
        meeting=meeting,
        author=ctx.actor,
        draft=draft,
        now=ctx.now,
        confirm_by_dm=False,
        replace=action == REPLACE,
    )
    ctx.owes_now = True
    key = "summary.replaced" if action == REPLACE else "summary.appended"
    return say(t(key, ctx.lang, when=when, other=other))


def other_member(session: Session, pair: Pair, person: Person) -> Person:
    other = session.get(Person, pair.mentee_id if pair.mentor_id == person.id else pair.mentor_id)
    assert other is not None
    return other


def handle_direct_message(
    core: Core, *, platform: str, event_id: str, author_id: str, text: str, message_ref: str
) -> bool:
    """Record a plain DM once per platform event, even when the platform delivers it again
    (False: delivered before). UserError (`forget.meanwhile`) when no profile is stored for
    its author: the platforms' adapters store it first, so they were erased (at their request)
    while their message was on its way, even while it waited for the hold: what they wrote
    goes too, and they are told so.

    The event id is stored in the same transaction as its effect, so a delivery that failed
    half-way leaves nothing behind and its retry is handled.
    """
    with core.db.session() as session:
        now = core.clock.now()
        if not first_delivery(session=session, event_id=f"{platform}:{event_id}", now=now):
            return False
        person_id = hold_person_id(
            session=session, platform=platform, external_id=author_id, active_at=now
        )
        if person_id is None:
            raise UserError("forget.meanwhile")
        record_dm_reply(
            session=session, person_id=person_id, text=text, message_ref=message_ref, now=now
        )
    core.tell_owed_now()
    return True
