"""One person acting inside one transaction: what every command, button and form receives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang
from bot.people.person import lang_of, mention
from storage.models import MeetingSession, Pair, Person
from storage.queries.people import get_person, people_by_ids


@dataclass(kw_only=True)
class ActorContext:
    """One person acting, inside one database transaction."""

    core: Core
    session: Session
    platform: str
    actor: Person
    now: datetime
    lang: Lang
    owes_now: bool = False  # set when the action owes messages to send at once

    @classmethod
    def of(
        cls, core: Core, session: Session, person: Person, now: datetime | None = None
    ) -> ActorContext:
        """`person` acting in `session`, in their own language, at `now` (default: now)."""
        return cls(
            core=core,
            session=session,
            platform=person.platform,
            actor=person,
            now=core.clock.now() if now is None else now,
            lang=lang_of(person),
        )

    def person(self, external_id: str) -> Person:
        """A mentioned person, known from their platform profile."""
        found = get_person(session=self.session, platform=self.platform, external_id=external_id)
        if found is None:
            raise UserError("error.unknown_person", who=f"<@{external_id}>")
        return found

    def other_member(self, pair: Pair) -> Person:
        other_id = pair.mentee_id if pair.mentor_id == self.actor.id else pair.mentor_id
        return people_by_ids(session=self.session, ids={other_id})[other_id]

    def own_pair(self, pair_id: int, statuses: tuple[str, ...] = ("active",)) -> Pair:
        """One of the actor's pairs in one of `statuses` (buttons name pairs by id)."""
        pair = self.session.get(Pair, pair_id)
        if (
            pair is None
            or pair.status not in statuses
            or self.actor.id not in (pair.mentor_id, pair.mentee_id)
        ):
            raise UserError("pair.not_yours")
        return pair

    def own_ended_session(self, session_id: int) -> tuple[Pair, MeetingSession]:
        """An ended, held session of one of the actor's current pairs (to write its summary)."""
        meeting = self.session.get(MeetingSession, session_id)
        pair = self.session.get(Pair, meeting.pair_id) if meeting else None
        if (
            meeting is None
            or pair is None
            or pair.status not in ("active", "paused")
            or self.actor.id not in (pair.mentor_id, pair.mentee_id)
        ):
            raise UserError("session.not_yours")
        if meeting.status != "planned" or meeting.starts_at > self.now:
            raise UserError("summary.no_session", other=mention(self.other_member(pair)))
        return pair, meeting

    def own_session(self, session_id: int) -> tuple[Pair, MeetingSession]:
        """A session of one of the actor's active pairs (buttons name sessions by id)."""
        meeting = self.session.get(MeetingSession, session_id)
        pair = self.session.get(Pair, meeting.pair_id) if meeting else None
        if (
            meeting is None
            or pair is None
            or pair.status != "active"
            or self.actor.id not in (pair.mentor_id, pair.mentee_id)
        ):
            raise UserError("session.not_yours")
        if meeting.status != "planned" or meeting.starts_at <= self.now:
            raise UserError("session.not_upcoming")
        return pair, meeting
