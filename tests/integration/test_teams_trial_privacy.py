"""On Teams too, a trial answer stays private: who asked for the change is never told.

Claire asks to adjust while Thomas continues, then the other way round: both hear a change of
terms may be proposed, and each one's chat reads the same in both cases (their own answer aside).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, buttons, text_of
from tests.integration.conftest import CLAIRE, THOMAS, start_teams
from tests.integration.harness import TEAMS_CLIENT_ID
from tests.integration.teams_harness import TeamsBot, TeamsUser

PAIR = "pair @claire @thomas monthly on the first thursday at 18:00 tz Europe/Paris"
STEPS = [
    datetime(2026, 12, 20, 8, 0, tzinfo=UTC),
    datetime(2027, 1, 20, 8, 0, tzinfo=UTC),
    datetime(2027, 2, 5, 18, 0, tzinfo=UTC),  # the question, a day after the third session
]


def seen(activity: dict) -> str:
    actions = sorted((b.get("action", ""), str(b.get("value", ""))) for b in buttons(activity))
    return f"{text_of(activity)}\n{actions}"


def play(tmp: Path, answers: dict[str, str]) -> dict[str, list[str]]:
    """Each member's chat after both answered `answers` (user id → choice), in any order:
    what one dispatcher run sends goes out concurrently."""
    clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    with FakeConnector(client_id=TEAMS_CLIENT_ID) as connector:
        bot = start_teams(connector, f"sqlite:///{tmp / 'bot.db'}", clock)
        try:
            for person in (CLAIRE, THOMAS):
                bot.install(person)
            bot.make_pair(THOMAS, PAIR)
            for step in STEPS:
                clock.set(step)
                bot.dispatch()
            for person in (CLAIRE, THOMAS):
                press_trial(bot, connector, person, answers[person.id])
            return {p.id: sorted(seen(a) for a in connector.sent(p.chat)) for p in (CLAIRE, THOMAS)}
        finally:
            bot.stop()


def press_trial(bot: TeamsBot, connector: FakeConnector, person: TeamsUser, choice: str) -> None:
    [question] = [
        a
        for a in connector.sent(person.chat)
        if any(b.get("action") == "trial.stop" for b in buttons(a))
    ]
    [pressed] = [b for b in buttons(question) if b.get("action") == f"trial.{choice}"]
    before = len(connector.sent(person.chat))
    assert bot.press(person, pressed, verb="button").status_code == 200
    connector.wait_for(lambda: connector.sent(person.chat)[before:])
    bot.settle()


def test_who_asked_to_adjust_is_never_told_on_teams(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    claire_adjusts = play(tmp_path / "a", {CLAIRE.id: "adjust", THOMAS.id: "continue"})
    thomas_adjusts = play(tmp_path / "b", {CLAIRE.id: "continue", THOMAS.id: "adjust"})

    for person, over in ((CLAIRE, "période d'essai avec"), (THOMAS, "trial period with")):
        for chat in (claire_adjusts[person.id], thomas_adjusts[person.id]):
            [outcome] = [m for m in chat if over in m]
            assert "agreement.change" in outcome
    # Each chat reads the same whoever asked, but for the note of one's own answer.
    noted = ("Noted: *", "C'est noté : *")
    for person in (CLAIRE, THOMAS):
        one, other = (
            [m for m in chat[person.id] if not m.startswith(noted)]
            for chat in (claire_adjusts, thomas_adjusts)
        )
        assert one == other
