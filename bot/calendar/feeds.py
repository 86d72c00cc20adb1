"""Private calendar feeds: a person's subscription URL carries a random token; only its SHA-256
is stored, and a presented token is compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime

from sqlmodel import Session

from bot.calendar.ics import PairCalendar, calendar_bytes
from bot.people.person import lang_of
from storage.models import Person
from storage.queries.calendar import (
    feed_by_hash,
    pairs_with_calendar,
    revoke_feed,
    sessions_of_pairs,
    store_feed,
)
from storage.queries.pairs import ACTIVE, ENDED, PAUSED
from storage.queries.people import people_by_ids

TOKEN_BYTES = 32
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,128}")
FEED_STATUSES = (ACTIVE, PAUSED, ENDED)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/calendar/{token}.ics"


def issue_feed(*, session: Session, person: Person, now: datetime) -> str:
    """A new token for the person's feed; any former one stops working."""
    assert person.id is not None
    token = secrets.token_urlsafe(TOKEN_BYTES)
    store_feed(session=session, person_id=person.id, token_hash=hash_token(token), now=now)
    return token


def revoke(*, session: Session, person_id: int) -> int:
    return revoke_feed(session=session, person_id=person_id)


def person_for_token(*, session: Session, token: str) -> Person | None:
    """The person whose feed `token` opens, or None (unknown, revoked or malformed)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    digest = hash_token(token)
    feed = feed_by_hash(session=session, token_hash=digest)
    if feed is None or not hmac.compare_digest(feed.token_hash, digest):
        return None
    return session.get(Person, feed.person_id)


def person_calendar(*, session: Session, person: Person, now: datetime) -> bytes:
    """The person's feed: the series of every pair they are in that has started."""
    assert person.id is not None
    pairs = pairs_with_calendar(session=session, person_id=person.id, statuses=FEED_STATUSES)
    meetings = sessions_of_pairs(session=session, pair_ids=[p.id for p in pairs if p.id])
    others = {p.mentee_id if p.mentor_id == person.id else p.mentor_id for p in pairs}
    people = people_by_ids(session=session, ids=others)
    entries = [
        PairCalendar(
            pair,
            meetings.get(pair.id or 0, []),
            people.get(pair.mentee_id if pair.mentor_id == person.id else pair.mentor_id),
        )
        for pair in pairs
    ]
    return calendar_bytes(entries, lang_of(person), now=now)


def feed_for_token(*, session: Session, token: str, now: datetime) -> bytes | None:
    """The feed `token` opens, or None: the web route answers 404."""
    person = person_for_token(session=session, token=token)
    return None if person is None else person_calendar(session=session, person=person, now=now)
