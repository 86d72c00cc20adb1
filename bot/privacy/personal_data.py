"""A person's right of access and erasure: their data as one JSON document, or erased."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlmodel import Session, col

from bot.calendar.feeds import revoke
from bot.kernel.core import Core
from bot.kernel.i18n import Number, t
from bot.kernel.notice_keys import PersonRefused, UnreachableWeek, UserRecipient
from bot.kernel.replies import DataFile
from bot.pairs.lifecycle import end_pair
from bot.people.actor import ActorContext
from bot.people.person import in_readers_language, is_erased, recipient
from storage.models import JournalEntry, MeetingSession, Pair, Person
from storage.queries.pairs import CURRENT, all_pairs_of
from storage.queries.people import hold_person, people_named
from storage.queries.personal_data import (
    erase_person,
    pair_records,
    record_operator_run,
    rows_where,
)
from storage.summaries import SummaryDoc

FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _row(row: Any, *fields: str, **extra: Any) -> dict[str, Any]:
    return {**{f: _plain(getattr(row, f)) for f in fields}, **extra}


def _pair(ctx: ActorContext, pair: Pair, records: dict[str, list[Any]]) -> dict[str, Any]:
    """One pair as the person reads it: both members' shared content, their own review
    answers, and the other's once the round is closed (as the bot shows them)."""
    me = ctx.actor.id
    other = ctx.other_member(pair)

    def who(person_id: int | None) -> str | None:
        if person_id is None:
            return None
        return "me" if person_id == me else "other"

    def mine(rows: list[Any], key: str = "pair_id") -> list[Any]:
        return [r for r in rows if getattr(r, key) == pair.id]

    sessions = mine(records["sessions"])

    def summary(meeting: MeetingSession) -> dict[str, Any] | None:
        """The summary as the bot shows it: decisions, the session's actions, notes."""
        if meeting.summary is None:
            return None
        doc = SummaryDoc.load(meeting.summary)
        return {
            "decisions": [{"text": i.text, "by": who(i.by)} for i in doc.decisions],
            "actions": [
                _row(a, "text", "due", "done_at", owner=who(a.owner_id))
                for a in records["actions"]
                if a.session_id == meeting.id
            ],
            "notes": [{"text": i.text, "by": who(i.by)} for i in doc.notes],
        }

    goals = mine(records["goals"])
    reviews = {r.id: r for r in mine(records["reviews"])}
    role = "mentor" if pair.mentor_id == me else "mentee"
    return {
        **_row(
            pair,
            "id",
            "status",
            "created_at",
            "frequency",
            "interval",
            "weekday",
            "month_week",
            "local_time",
            "duration_minutes",
            "timezone",
            "start",
            "format",
            "link",
            "reverse",
            "planned_end",
            "ended_at",
            "retain_until",
            "content_erased_at",
            "trial_sessions",
        ),
        "my_role": role,
        "other_member": {"id": other.external_id, "name": other.name},
        "my_trial_answer": getattr(pair, f"{role}_trial"),
        "sessions": [
            _row(s, "starts_at", "duration_minutes", "status", "summary_at")
            | {"summary": summary(s), "summary_by": who(s.summary_author_id)}
            for s in sessions
        ],
        "agenda": [
            _row(a, "text", "done", "created_at", by=who(a.author_id))
            for a in mine(records["agenda"])
        ],
        "actions": [
            _row(a, "text", "due", "done_at", "created_at", owner=who(a.owner_id))
            | {"by": who(a.author_id)}
            for a in mine(records["actions"])
        ],
        "goals": [
            _row(g, "text", "target", "done_at", "created_at", by=who(g.author_id))
            | {
                "milestones": [
                    _row(m, "text", "target", "done_at", by=who(m.author_id))
                    for m in records["milestones"]
                    if m.goal_id == g.id
                ]
            }
            for g in goals
        ],
        "thanks": [
            _row(t, "text", "created_at", by=who(t.author_id)) for t in mine(records["thanks"])
        ],
        "reviews": [
            _row(a, "rhythm", "priorities", "format", "satisfaction", "comment", "answered_at")
            | {"round": reviews[a.review_id].number, "by": who(a.author_id)}
            for a in records["answers"]
            if a.review_id in reviews
            and (a.author_id == me or reviews[a.review_id].closed_at is not None)
        ],
    }


def export_document(ctx: ActorContext) -> dict[str, Any]:
    """Everything Mentorbot keeps that the actor may read, ended pairs included."""
    me = ctx.actor
    assert me.id is not None
    pairs = all_pairs_of(session=ctx.session, person_id=me.id)
    records = pair_records(session=ctx.session, pair_ids=[p.id for p in pairs if p.id is not None])
    journal = rows_where(
        session=ctx.session, model=JournalEntry, where=(col(JournalEntry.author_id) == me.id,)
    )
    return {
        "format": f"mentorbot-personal-data/{FORMAT_VERSION}",
        "exported_at": ctx.now.isoformat(),
        "person": _row(me, "platform", "name", "timezone", "locale") | {"id": me.external_id},
        "pairs": [_pair(ctx, pair, records) for pair in pairs],
        "journal": [_row(e, "text", "created_at") for e in journal],
    }


def export_file(ctx: ActorContext) -> DataFile:
    # An erased person named in what the other member wrote reads "a former member".
    document = in_readers_language(export_document(ctx), ctx.lang)
    content = json.dumps(document, ensure_ascii=False, indent=2).encode()
    size = max(1, math.ceil(len(content) / 1024))
    return DataFile(
        name=f"mentorbot-data-{ctx.now:%Y-%m-%d}.json",
        content=content,
        offer=t("data.file_offer", ctx.lang, size=Number(size)),
    )


def erase(ctx: ActorContext) -> int:
    """End the actor's current pairs (the other member is told) and erase what they wrote and
    who they are; how many pairs were ended."""
    me = ctx.actor
    assert me.id is not None
    # First, so that nothing they write can commit in the middle of the erasure and stay.
    if not hold_person(session=ctx.session, person=me):
        return 0  # erased meanwhile by another request
    pairs = all_pairs_of(session=ctx.session, person_id=me.id)
    ended = 0
    for pair in pairs:
        if pair.status in CURRENT:
            end_pair(
                session=ctx.session,
                pair=pair,
                actor=me,
                now=ctx.now,
                retention=ctx.core.retention,
            )
            ended += 1
    revoke(session=ctx.session, person_id=me.id)  # the calendar link stops working
    erase_person(
        session=ctx.session,
        person=me,
        pair_ids=[p.id for p in pairs if p.id is not None],
        recipients=[recipient(me).key, UserRecipient(me.platform, me.external_id).key],
        subject_prefixes=[
            UnreachableWeek.prefix(person_id=me.id),
            PersonRefused.prefix(person_id=me.id),
        ],
    )
    ctx.owes_now = True
    return ended


class UnknownPerson(ValueError):
    """An operator named nobody Mentorbot knows (or someone on several platforms)."""


R = TypeVar("R")


def the_person(session: Session, name: str) -> Person:
    """The one person an operator means by `name` (`slack:U123`, `teams:29:…` or a bare id)."""
    found = [p for p in people_named(session=session, name=name) if not is_erased(p)]
    if not found:
        raise UnknownPerson(f"nobody known as {name!r} (on Slack or Teams, not yet erased)")
    if len(found) > 1:
        known = ", ".join(f"{p.platform}:{p.external_id}" for p in found)
        raise UnknownPerson(f"{name!r} is known on several platforms: say which ({known})")
    return found[0]


def on_request(
    core: Core, *, name: str, operator: str, action: str, work: Callable[[ActorContext], R]
) -> R:
    """Do `work` as the person named, for a request that came through HR or a data-protection
    officer; the run is audited (ids, no content) in the same transaction."""
    with core.db.session() as session:
        person = the_person(session, name)
        now = core.clock.now()
        record_operator_run(
            session=session, operator=operator, action=action, person=person, now=now
        )
        return work(ActorContext.of(core, session, person, now))
