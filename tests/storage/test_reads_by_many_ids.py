"""Every read by a list of ids (or keys) takes any number of them, on SQLite and on PostgreSQL
(65,535 parameters a statement at most): the programme-wide checks and `/mentor programme`
name tens of thousands of pairs, members and sessions at 100,000 pairs. Read slice by slice,
the answer is the one a single statement would give."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session

from bot.growth.reviews import Answer, record_answer
from storage.db import make_engine, migrate
from storage.models import MeetingSession
from storage.queries import slices
from storage.queries.adoption import clashing_people
from storage.queries.health import last_activities, last_held_sessions, pairs_of_sessions
from storage.queries.pairs import pairs_by_ids
from storage.queries.people import names_by_ids, people_by_ids
from storage.queries.reviews import closed_reviews_since
from storage.queries.sessions import next_sessions, sessions_around
from tests.unit.bot.growth.test_reviews import new_pair
from tests.unit.bot.notices.test_review_digest import person

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
CREATED = NOW - timedelta(weeks=10)
ABSENT = 70_000  # ids that name nothing, more than one statement takes


class Programme:
    """Three pairs, each with a held session, a coming one and a closed review."""

    def __init__(self, session: Session) -> None:
        self.pair_ids: list[int] = []
        self.session_ids: list[int] = []
        self.person_ids: list[int] = []
        for n in range(3):
            mentor, mentee = (person(session, f"U{role}{n}") for role in ("MENTOR", "MENTEE"))
            pair = new_pair(session, mentor, mentee, CREATED)
            assert pair.id is not None
            self.pair_ids.append(pair.id)
            self._meeting(session, pair.id, NOW - timedelta(days=7 + n), summarised=True)
            self._meeting(session, pair.id, NOW + timedelta(days=7 + n), summarised=False)
            for member in (mentor, mentee):
                assert member.id is not None
                answer = Answer("keep", "yes", "keep", 4, f"words {n}")
                record_answer(
                    session=session,
                    pair=pair,
                    author=member,
                    answer=answer,
                    now=NOW - timedelta(days=n + 1),
                )
                self.person_ids.append(member.id)
        session.flush()

    def _meeting(
        self, session: Session, pair_id: int, starts_at: datetime, *, summarised: bool
    ) -> MeetingSession:
        meeting = MeetingSession(
            pair_id=pair_id,
            occurrence=starts_at,
            starts_at=starts_at,
            duration_minutes=60,
            summary_at=starts_at + timedelta(hours=2) if summarised else None,
        )
        session.add(meeting)
        session.flush()
        assert meeting.id is not None
        self.session_ids.append(meeting.id)
        return meeting


def _plain(found: Any) -> Any:
    """What a read found, comparable: models by id, and no key for an id that found none
    (`sessions_around` gives each pair asked for a list)."""
    if isinstance(found, dict):
        return {key: _plain(value) for key, value in found.items() if value != []}
    if isinstance(found, list | tuple) and not hasattr(found, "_fields"):
        return type(found)(_plain(value) for value in found)
    return getattr(found, "id", found)


READS: dict[str, Callable[[Session, Programme, Callable[[list[Any]], list[Any]]], Any]] = {
    "people_by_ids": lambda s, p, more: people_by_ids(session=s, ids=set(more(p.person_ids))),
    "names_by_ids": lambda s, p, more: names_by_ids(session=s, ids=set(more(p.person_ids))),
    "pairs_by_ids": lambda s, p, more: pairs_by_ids(session=s, ids=more(p.pair_ids)),
    "last_held_sessions": lambda s, p, more: last_held_sessions(
        session=s, pair_ids=more(p.pair_ids), now=NOW
    ),
    "last_activities": lambda s, p, more: last_activities(session=s, pair_ids=more(p.pair_ids)),
    "closed_reviews_since": lambda s, p, more: closed_reviews_since(
        session=s, pair_ids=more(p.pair_ids), since=CREATED
    ),
    "sessions_around": lambda s, p, more: sessions_around(
        session=s, pair_ids=more(p.pair_ids), now=NOW
    ),
    "next_sessions": lambda s, p, more: next_sessions(
        session=s, pair_ids=more(p.pair_ids), now=NOW
    ),
    "pairs_of_sessions": lambda s, p, more: pairs_of_sessions(
        session=s, session_ids=more(p.session_ids)
    ),
}


def _with_absent(keys: list[Any]) -> list[Any]:
    """`keys` among `ABSENT` ids that name nothing."""
    return list(range(1_000_000, 1_000_000 + ABSENT)) + keys


@pytest.fixture
def programme(migrated_database_url: str) -> Iterator[tuple[Session, Programme]]:
    engine = make_engine(migrated_database_url)
    migrate(engine)
    with Session(engine) as session:
        built = Programme(session)
        session.commit()
        yield session, built
    engine.dispose()


@pytest.mark.parametrize("read", READS)
def test_a_read_by_more_ids_than_a_statement_takes_finds_the_same(
    programme: tuple[Session, Programme], read: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, built = programme
    exact = _plain(READS[read](session, built, list))
    assert exact and all(exact), f"{read} found nothing to compare"
    assert _plain(READS[read](session, built, _with_absent)) == exact
    # One id a statement: each pair, session or member in a slice of its own.
    monkeypatch.setattr(slices, "IDS_PER_STATEMENT", 1)
    assert _plain(READS[read](session, built, list)) == exact
    assert _plain(READS[read](session, built, lambda keys: [])) in ({}, [], ({}, {}))


def test_slices_are_sorted_without_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "IDS_PER_STATEMENT", 2)
    assert list(slices.in_slices([5, 1, 3, 1, 4])) == [[1, 3], [4, 5]]
    assert list(slices.in_slices([])) == []
    assert list(slices.in_slices(iter(["b", "a"]))) == [["a", "b"]]


def test_adopting_a_workspace_counts_its_clashes_slice_by_slice(
    programme: tuple[Session, Programme], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bare Slack ids that also exist qualified by the workspace: every member of a large
    workspace is one key of the read."""
    session, _ = programme  # six bare members: UMENTOR0…UMENTEE2
    for member in ("UMENTOR0", "UMENTEE2"):
        person(session, f"T1:{member}")
    session.commit()
    assert clashing_people(session=session, workspace="T1") == 2
    monkeypatch.setattr(slices, "IDS_PER_STATEMENT", 1)
    assert clashing_people(session=session, workspace="T1") == 2
    assert clashing_people(session=session, workspace="T2") == 0
