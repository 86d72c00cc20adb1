"""Silent members: someone who leaves the requests of three sessions in a row unanswered is
asked, once, whether to pause the pair.

The requests are the reminders, summary requests and summary nudges the bot sent the member
about one pair's sessions; a session's requests count once (one missed session is not a
silence). Answered means the member did anything with the bot after it was sent: a command, a
button pressed, a form submitted (a summary, the agenda…), a DM — what `Person.last_active_at`
records (bot/people/acting.py, the DM handler). The question goes to the silent member alone;
the other member and the admins are never told who was silent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Protocol

from sqlmodel import Session

from bot.kernel.notice_keys import (
    MalformedKey,
    MemberSilent,
    PersonRecipient,
    SessionSubject,
)
from bot.planning.notice_kinds import MEMBER_SILENT, REMINDER, SUMMARY_NUDGE, SUMMARY_REQUEST
from storage.models import Pair, Person
from storage.queries.health import pairs_of_sessions, unanswered_requests
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import ACTIVE

REQUESTS = (REMINDER, SUMMARY_REQUEST, SUMMARY_NUDGE)
"""The requests a silence is counted from: `storage.models.SENT_REQUEST_KINDS` names them for
their index (a test checks that the two agree)."""
IN_A_ROW = 3
LOOKBACK = timedelta(days=100)
"""How far back requests are read: three sessions of a monthly pair fit in it."""
ASKED_FOR = timedelta(days=7)
RECENT = timedelta(days=1)
"""The members looked at by a check after start-up: those sent a request this long ago at most;
later checks look at those sent one since the previous check."""
HELD = timedelta(days=1)
"""How long before it was sent a request may have been due (held for the night, retried)."""
KEEP_BUTTON = "pair.keep"
"""The question's "carry on" button (its pause button is the stall question's)."""


@dataclass(frozen=True)
class Silence:
    """A member's unanswered requests about one pair: the sessions, since the first of them."""

    pair_id: int
    person_id: int
    since: datetime  # the member's last answer (or the pair's resumption, or its creation)
    sessions: int

    @property
    def subject(self) -> MemberSilent:
        return MemberSilent(self.pair_id, self.person_id, self.since)


def unanswered(sent: list[tuple[int, int, datetime]], last_active: datetime | None) -> int | None:
    """From one member's requests about one pair — (session id, pair id, sent at) — how many
    sessions in a row went unanswered since `last_active`; None below IN_A_ROW. The rule
    itself, without storage."""
    after = [
        (session_id, at) for session_id, _, at in sent if last_active is None or at > last_active
    ]
    sessions = {session_id for session_id, _ in after}
    if len(sessions) < IN_A_ROW:
        return None
    return len(sessions)


def silent_members(
    *, session: Session, now: datetime, sent_since: datetime | None = None
) -> list[Silence]:
    """The members of active pairs silent at `now`, among those sent a request since
    `sent_since` (by default, in the last RECENT): a silence grows only when a request is
    sent, so a check looks at those sent one since the last check."""
    since = sent_since if sent_since is not None else now - RECENT
    by_person: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
    last_active: dict[int, datetime | None] = {}
    # Only the requests sent after the member's last answer, and only of those with requests
    # about IN_A_ROW subjects at least (a subject names one session): the candidates.
    for recipient, subject, at, active in unanswered_requests(
        session=session,
        sent_since=since,
        due_since=since - HELD,
        since=now - LOOKBACK,
        subjects=IN_A_ROW,
    ):
        ids = _ids_of(recipient, subject)
        if ids is None:
            continue
        person_id, session_id = ids
        by_person[person_id].append((session_id, at))
        last_active[person_id] = active
    candidates = {p: sent for p, sent in by_person.items() if len({s for s, _ in sent}) >= IN_A_ROW}
    pair_of = pairs_of_sessions(
        session=session, session_ids={s for sent in candidates.values() for s, _ in sent}
    )
    silences = []
    for person_id, sent in candidates.items():
        by_pair: dict[int, list[tuple[int, int, datetime]]] = defaultdict(list)
        for session_id, at in sent:
            if session_id in pair_of:
                pair_id = pair_of[session_id].id
                by_pair[pair_id].append((session_id, pair_id, at))
        for rows in by_pair.values():
            pair = pair_of[rows[0][0]]
            if not _counts(pair, person_id):
                continue
            found = unanswered(rows, _since_resumed(pair, last_active[person_id]))
            if found is not None:
                since = _mark(pair, last_active[person_id])
                silences.append(Silence(pair.id, person_id, since, found))
    return silences


@lru_cache(maxsize=4096)
def _ids_of(recipient: str, subject: str) -> tuple[int, int] | None:
    """The person and the session a request names; None if either key is malformed. Kept
    here: each hour reads back the requests of the members still silent, and by then the
    hour's other notifications have pushed their keys out of the keys' own cache."""
    try:
        return PersonRecipient.parse(recipient).person_id, SessionSubject.parse(subject).session_id
    except MalformedKey:
        return None


class _Dates(Protocol):
    """What a silence is judged from, of a pair: a `Pair`, or a session's `PairOfSession`."""

    @property
    def status(self) -> str: ...
    @property
    def mentor_id(self) -> int: ...
    @property
    def mentee_id(self) -> int: ...
    @property
    def resumed_at(self) -> datetime | None: ...
    @property
    def created_at(self) -> datetime: ...


def _counts(pair: _Dates, person_id: int) -> bool:
    return pair.status == ACTIVE and person_id in (pair.mentor_id, pair.mentee_id)


def _since_resumed(pair: _Dates, last_active: datetime | None) -> datetime | None:
    """What answers count from: the member's last activity, or the pair's resumption."""
    marks = [at for at in (last_active, pair.resumed_at) if at is not None]
    return max(marks) if marks else None


def _mark(pair: _Dates, last_active: datetime | None) -> datetime:
    return _since_resumed(pair, last_active) or pair.created_at


def ask_silent_members(
    *, session: Session, now: datetime, sent_since: datetime | None = None
) -> int:
    """Owe each silent member the question, once per silence; how many are silent."""
    silences = silent_members(session=session, now=now, sent_since=sent_since)
    owe(
        session=session,
        owed=[
            Owed(
                MEMBER_SILENT,
                PersonRecipient(silence.person_id).key,
                silence.subject.key,
                now,
                now + ASKED_FOR,
            )
            for silence in silences
        ],
        now=now,
    )
    return len(silences)


def silence_mark(pair: Pair, person: Person) -> datetime:
    """What a silence is counted from, stable until the member answers: their last activity,
    the pair's resumption, or else its creation. One question per mark."""
    return _mark(pair, person.last_active_at)


def still_silent(session: Session, pair: Pair, person: Person, subject: MemberSilent) -> bool:
    """Whether the silence `subject` names goes on: the pair active, no answer since."""
    assert person.id is not None and pair.id is not None
    current = MemberSilent(pair.id, person.id, silence_mark(pair, person))
    return _counts(pair, person.id) and current == subject
