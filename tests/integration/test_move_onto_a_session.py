"""Moving a session onto a time the pair already has a session at (or overlapping it) is refused:
nothing changes and nobody is told, by the command and the move form alike."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from bot.commands import move_command
from bot.kernel.clock import ManualClock
from storage.db import make_engine
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of
from tests.integration.races import at_once, meet_after_reading

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
SECOND = "2026-12-10 17:00"  # the second session (UTC): 18:00 in Paris, 12:00 in Montreal
REMINDER_AT = datetime(2026, 12, 2, 17, 5, tzinfo=UTC)


def rows(url: str, sql: str) -> list[Any]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql)))
    finally:
        engine.dispose()


def planned_starts(url: str) -> list[str]:
    """The starts of the pair's planned sessions (UTC, minutes), soonest first."""
    found = rows(url, "SELECT starts_at FROM meeting_session WHERE status = 'planned'")
    return sorted(
        (s if isinstance(s, datetime) else datetime.fromisoformat(s)).strftime("%Y-%m-%d %H:%M")
        for (s,) in found
    )


def moves_owed(url: str) -> int:
    return len(rows(url, "SELECT id FROM notification WHERE kind = 'session_moved'"))


def test_a_move_onto_or_across_the_next_session_is_refused_in_each_language(
    served: RunningBot, fake: FakeSlack, migrated_database_url: str
) -> None:
    served.make_pair(MENTEE, PAIR)
    before = planned_starts(migrated_database_url)
    assert before[:2] == ["2026-12-03 17:00", SECOND]
    told = len(fake.messages_to(MENTEE))

    # Claire (French, Paris) names the exact start of the next session.
    refused = text_of(served.answer(MENTOR, "deplacer 2026-12-10 18:00"))
    assert "Vous avez déjà une séance ensemble le jeudi 10 décembre 2026, 18h00" in refused
    assert "(Europe/Paris), pour 1 h." in refused and "rien n'a été déplacé." in refused
    # Thomas (English, Montreal) asks for half an hour into it, or half an hour before it.
    for asked in ("move 2026-12-10 12:30", "move 2026-12-10 11:30"):
        refused = text_of(served.answer(MENTEE, asked))
        assert "You already have a session together on Thursday 10 December 2026, 12:00" in refused
        assert "(America/Montreal), for 1 h." in refused and "nothing was moved." in refused

    served.settle()
    assert planned_starts(migrated_database_url) == before
    assert moves_owed(migrated_database_url) == 0
    assert len(fake.messages_to(MENTEE)) == told

    # Back to back with it is fine.
    moved = text_of(served.answer(MENTOR, "deplacer 2026-12-10 19:00"))
    assert "déplacée au *jeudi 10 décembre 2026, 19h00" in moved
    assert planned_starts(migrated_database_url)[:2] == [SECOND, "2026-12-10 18:00"]
    assert moves_owed(migrated_database_url) == 1


def test_the_move_form_refuses_the_time_of_another_session_in_the_field(
    served: RunningBot, fake: FakeSlack, clock: ManualClock, migrated_database_url: str
) -> None:
    served.make_pair(MENTEE, PAIR)
    clock.set(REMINDER_AT)
    served.settle()
    view = served.open_form(MENTEE, "session.move")
    before = planned_starts(migrated_database_url)

    answer = served.submit(
        MENTEE,
        view,
        {
            "date": {"date": signing.datepicker("2026-12-10")},
            "time": {"time": signing.timepicker("12:00")},
        },
    )

    assert answer["response_action"] == "errors"
    assert (
        "You already have a session together on Thursday 10 December 2026, 12:00"
        in (answer["errors"]["date"])
    )
    served.settle()
    assert planned_starts(migrated_database_url) == before
    assert moves_owed(migrated_database_url) == 0


def test_a_session_moved_past_the_planned_weeks_is_not_planned_twice_later(
    served: RunningBot, clock: ManualClock, migrated_database_url: str
) -> None:
    """Sessions are stored six weeks ahead; a move may go a year ahead, onto a Thursday 18:00
    the rhythm has not reached yet. When the planner reaches it, it plans nothing there."""
    served.make_pair(MENTEE, PAIR)
    moved = text_of(served.answer(MENTOR, "deplacer 2027-02-04 18:00"))
    assert "déplacée au *jeudi 4 février 2027, 18h00" in moved
    for day in (10, 20, 30):  # the planner extends the pair as the weeks go by
        clock.set(datetime(2027, 1, day, 9, 0, tzinfo=UTC))
        served.settle()
    starts = planned_starts(migrated_database_url)
    assert "2027-02-11 17:00" in starts  # planned up to the week after
    assert starts.count("2027-02-04 17:00") == 1


def test_two_sessions_moved_onto_one_time_at_once_make_one_move(
    served: RunningBot,
    fake: FakeSlack,
    clock: ManualClock,
    migrated_database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thomas moves the session of his reminder with its form while Claire moves the next
    session with the command, both onto Wednesday 16 December, 18:00 in Paris."""
    served.make_pair(MENTEE, PAIR)
    clock.set(REMINDER_AT)
    served.settle()
    form = served.open_form(MENTEE, "session.move")  # for the session of 3 December
    assert "déplacée" in text_of(served.answer(MENTOR, "deplacer 2026-12-11 18:00"))
    served.settle()
    # From here, each move reads the pair's planned times, then waits for the other to have
    # read them too: both read before either writes, unless a pair's moves take turns.
    meet_after_reading(monkeypatch, move_command, "planned_spans")
    wednesday = {
        "date": {"date": signing.datepicker("2026-12-16")},
        "time": {"time": signing.timepicker("12:00")},  # Montreal
    }

    def submitted() -> tuple[dict[str, Any], str]:
        return served.submit(MENTEE, form, wednesday), ""

    def commanded() -> tuple[dict[str, Any], str]:
        response, name = served.command(MENTOR, "deplacer 2026-12-16 18:00")
        return {"status": response.status_code}, name

    (form_answer, _), (command, name) = at_once([submitted, commanded])
    served.settle()

    assert command == {"status": 200}
    starts = planned_starts(migrated_database_url)
    assert starts.count("2026-12-16 17:00") == 1
    assert moves_owed(migrated_database_url) == 2  # the move to the 11th, and one of these
    refused = form_answer.get("response_action") == "errors"
    said = text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    assert refused != ("Vous avez déjà une séance ensemble" in said)  # exactly one refused
