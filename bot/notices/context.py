"""What a notification is about, read back from its recipient and subject keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session

from bot.kernel.notice_keys import (
    ChannelRecipient,
    MalformedKey,
    NotificationKey,
    PairSubject,
    PersonRecipient,
    Recipient,
    ReviewQuarter,
    SessionSubject,
    Subject,
)
from bot.kernel.ports import Target
from bot.kernel.replies import Reply
from storage.models import MeetingSession, Notification, Pair, Person

Composer = Callable[[Session, Notification, datetime], tuple[Target, Reply]]
"""A kind's composer: a row's target and message at an instant; raises Gone to drop it."""


class Gone(Exception):
    """The notification's subject no longer exists or no longer matches: drop it."""


@dataclass(frozen=True)
class SessionContext:
    meeting: MeetingSession
    pair: Pair
    reader: Person
    other: Person

    @property
    def reader_is_mentee(self) -> bool:
        return self.pair.mentee_id == self.reader.id


def person_target(person: Person) -> Target:
    return Target(platform=person.platform, kind="dm", address=person.external_id)


K = TypeVar("K", bound=NotificationKey)


def read(kind: type[K], text: str) -> K:
    """The stored key `text` as a `kind`; Gone (drop the row) if it is not one."""
    try:
        return kind.parse(text)
    except MalformedKey as error:
        raise Gone(str(error)) from error


def recipient_person(session: Session, recipient: str) -> Person:
    person = session.get(Person, read(PersonRecipient, recipient).person_id)
    if person is None:
        raise Gone("recipient unknown")
    return person


def channel_target(recipient: str) -> Target:
    channel = read(ChannelRecipient, recipient)
    return Target(platform=channel.platform, kind="channel", address=channel.channel)


def ids_of(rows: Sequence[Notification]) -> tuple[set[int], set[int], set[int]]:
    """The ids of the sessions, pairs and people that the rows' recipients and subjects name."""
    sessions: set[int] = set()
    pairs: set[int] = set()
    people: set[int] = set()
    for row in rows:
        with suppress(MalformedKey):
            to = Recipient.parse(row.recipient)
            if isinstance(to, PersonRecipient):
                people.add(to.person_id)
        with suppress(MalformedKey):
            about = Subject.parse(row.subject)
            if isinstance(about, SessionSubject):
                sessions.add(about.session_id)
            elif isinstance(about, PairSubject | ReviewQuarter):
                pairs.add(about.pair_id)
    return sessions, pairs, people


def session_context(session: Session, recipient: str, subject: str) -> SessionContext:
    reader = recipient_person(session, recipient)
    meeting = session.get(MeetingSession, read(SessionSubject, subject).session_id)
    if meeting is None:
        raise Gone("session deleted")
    pair = session.get(Pair, meeting.pair_id)
    if pair is None or reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("reader not in pair")
    other_id = pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id
    other = session.get(Person, other_id)
    if other is None:
        raise Gone("other member unknown")
    return SessionContext(meeting=meeting, pair=pair, reader=reader, other=other)
