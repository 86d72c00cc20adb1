"""One scenario table, row by row, on Slack and on Teams: the same core, the same behaviour.

Each row is something a member does (a command, or the clock moving) and what must follow:
words in the answer, and words in what each member then receives. Claire (mentor) reads
French and lives in Paris, Thomas (mentee) reads English and lives in Montreal, on both.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes import teams_connector
from tests.integration import harness
from tests.integration.conftest import CLAIRE, MENTEE, MENTOR, THOMAS


class Platform(Protocol):
    people: ClassVar[dict[str, str]]  # how each member is mentioned in typed text

    def make_pair(self, who: str, text: str) -> str: ...
    def answer(self, who: str, text: str) -> str: ...
    def inbox(self, who: str) -> list[str]: ...
    def dispatch(self) -> None: ...


@dataclass
class Slack:
    running: harness.RunningBot
    ids: ClassVar[dict[str, str]] = {"mentor": MENTOR, "mentee": MENTEE}
    people: ClassVar[dict[str, str]] = {
        "mentor": f"<@{MENTOR}|claire>",
        "mentee": f"<@{MENTEE}|thomas>",
    }

    def make_pair(self, who: str, text: str) -> str:
        return harness.text_of(self.running.make_pair(self.ids[who], text))

    def answer(self, who: str, text: str) -> str:
        return harness.text_of(self.running.answer(self.ids[who], text))

    def inbox(self, who: str) -> list[str]:
        return [harness.text_of(m) for m in self.running.fake.messages_to(self.ids[who])]

    def dispatch(self) -> None:
        self.running.dispatch()


@dataclass
class Teams:
    teams: Any
    ids: ClassVar[dict[str, Any]] = {"mentor": CLAIRE, "mentee": THOMAS}
    people: ClassVar[dict[str, str]] = {"mentor": "@claire", "mentee": "@thomas"}

    def make_pair(self, who: str, text: str) -> str:
        return teams_connector.text_of(self.teams.make_pair(self.ids[who], text))

    def answer(self, who: str, text: str) -> str:
        return teams_connector.text_of(self.teams.answer(self.ids[who], text))

    def inbox(self, who: str) -> list[str]:
        return [teams_connector.text_of(a) for a in self.teams.teams.sent(self.ids[who].chat)]

    def dispatch(self) -> None:
        self.teams.dispatch()


@dataclass(frozen=True)
class Row:
    """`who` types `text` (or, with `at`, the clock moves there); then `answer` is in the
    answer and each `gets[member]` is in the messages that member received since the row."""

    who: str = ""
    text: str = ""
    answer: tuple[str, ...] = ()
    gets: tuple[tuple[str, str], ...] = ()
    never: tuple[tuple[str, str], ...] = ()  # (member, words) that must not be received
    at: datetime | None = None


PAIR = "pair {mentor} {mentee} every 2 weeks on thursday at 18:00 for 60m tz Europe/Paris"
SCENARIO = [
    Row("mentee", "pairs", answer=("not in any",)),
    Row("mentee", "dance", answer=("help",)),
    Row("mentee", "agenda add Too early", answer=("pair",)),
    Row("mentee", "__pair__", answer=("Thursday 3 December 2026, 12:00 (America/Montreal)",)),
    Row("mentee", "pairs", answer=("mentee", "Claire")),
    Row("mentor", "prochaine", answer=("jeudi 3 décembre 2026, 18h00",)),
    Row("mentee", "agenda add Prepare my promotion file", answer=("Prepare my promotion file",)),
    Row("mentor", "ordre-du-jour ajouter Partager mon parcours", answer=("Partager",)),
    Row("mentee", "agenda", answer=("Prepare my promotion file", "Partager mon parcours")),
    Row("mentee", "goals add Lead the Q1 review by 2027-03-01", answer=("Lead the Q1 review",)),
    Row("mentor", "objectifs", answer=("Lead the Q1 review",)),
    Row("mentee", "journal The board wants the ask first.", answer=("journal",)),
    Row("mentor", "journal", answer=("vide",)),  # Thomas's journal is his alone
    Row("mentee", "move 2026-13-40 10:00", answer=("/mentor move",)),
    Row(
        at=datetime(2026, 12, 2, 17, 0, tzinfo=UTC),
        gets=(
            ("mentor", "Séance de mentorat demain"),
            ("mentor", "Prepare my promotion file"),
            ("mentee", "Mentoring session tomorrow"),
            ("mentee", "Partager mon parcours"),
        ),
    ),
    Row(
        at=datetime(2026, 12, 3, 18, 0, tzinfo=UTC),
        gets=(("mentee", "How did it go?"),),
        never=(("mentor", "compte-rendu"),),  # the mentor is asked a day later
    ),
    Row(
        "mentee",
        "summary We agreed that Thomas leads the Q1 review.",
        gets=(("mentor", "We agreed that Thomas leads the Q1 review."),),
    ),
    Row("mentee", "pause", answer=("no reminders until",), gets=(("mentor", "pause"),)),
    Row(at=datetime(2026, 12, 16, 17, 0, tzinfo=UTC), never=(("mentee", "Mentoring session"),)),
    Row("mentor", "reprendre", gets=(("mentee", "back on rhythm"),)),
    Row("mentee", "end", answer=("confirm",)),
    Row("mentee", "end confirm", answer=("has ended",), gets=(("mentor", "a mis fin"),)),
    Row(at=datetime(2027, 1, 13, 17, 0, tzinfo=UTC), never=(("mentee", "Mentoring session"),)),
    Row("mentee", "history", answer=("Claire",)),
]


def wait_until(condition: Callable[[], bool], message: str, timeout: float = 5.0) -> None:
    """Messages sent at once go out after the answer: poll for them a little."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.02)


@pytest.fixture(params=["slack", "teams"])
def platform(request: pytest.FixtureRequest) -> Platform:
    if request.param == "slack":
        return Slack(request.getfixturevalue("running"))
    teams = request.getfixturevalue("teams")
    for person in (CLAIRE, THOMAS):
        teams.install(person)
    teams.teams.reset()
    return Teams(teams)


def test_the_same_scenario_row_by_row(platform: Platform, clock: ManualClock) -> None:
    people = platform.people
    for number, row in enumerate(SCENARIO, 1):
        seen = {who: len(platform.inbox(who)) for who in ("mentor", "mentee")}
        if row.at is not None:
            clock.set(row.at)
            platform.dispatch()
            answer = ""
        elif row.text == "__pair__":
            answer = platform.make_pair(row.who, PAIR.format(**people))
        else:
            answer = platform.answer(row.who, row.text.format(**people))
        platform.dispatch()
        for words in row.answer:
            assert words.lower() in answer.lower(), f"row {number}: {words!r} not in {answer!r}"
        for who, words in row.gets:
            wait_until(
                lambda who=who, words=words, since=seen[who]: any(
                    words in text for text in platform.inbox(who)[since:]
                ),
                f"row {number}: {who} did not get {words!r}",
            )
        for who, words in row.never:
            got = platform.inbox(who)[seen[who] :]
            assert not any(words in text for text in got), f"row {number}: {who} got {words!r}"
