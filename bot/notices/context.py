"""What a notification is about, read back from its recipient and subject keys."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from bot.kernel.ports import Target
from storage.models import MeetingSession, Notification, Pair, Person


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


def recipient_person(session: Session, recipient: str) -> Person:
    kind, _, person_id = recipient.partition(":")
    person = session.get(Person, int(person_id)) if kind == "p" and person_id.isdigit() else None
    if person is None:
        raise Gone("recipient unknown")
    return person


def channel_target(recipient: str) -> Target:
    kind, platform, channel = ([*recipient.split(":", 2), "", ""])[:3]
    if kind != "c" or not channel:
        raise Gone("recipient is not a channel")
    return Target(platform=platform, kind="channel", address=channel)


def subject_id(subject: str, prefix: str) -> int:
    """The id in `prefix:ID…` subjects (`session:12@…`, `pair:3`, `session:12#2`)."""
    head, _, rest = subject.partition(":")
    digits = "".join(c for c in rest.split("@")[0].split("#")[0].split(":")[0] if c.isdigit())
    if head != prefix or not digits:
        raise Gone(f"subject {subject!r} is not a {prefix}")
    return int(digits)


def ids_of(rows: list[Notification]) -> tuple[set[int], set[int], set[int]]:
    """The ids of the sessions, pairs and people that the rows' recipients and subjects name."""
    sessions: set[int] = set()
    pairs: set[int] = set()
    people: set[int] = set()
    for row in rows:
        kind, _, person_id = row.recipient.partition(":")
        if kind == "p" and person_id.isdigit():
            people.add(int(person_id))
        head = row.subject.partition(":")[0]
        try:
            if head == "session":
                sessions.add(subject_id(row.subject, head))
            elif head in ("pair", "review"):  # `review:<pair id>:q<n>`
                pairs.add(subject_id(row.subject, head))
        except Gone:
            continue
    return sessions, pairs, people


def session_context(session: Session, recipient: str, subject: str) -> SessionContext:
    reader = recipient_person(session, recipient)
    meeting = session.get(MeetingSession, subject_id(subject, "session"))
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
