"""Programme health over Slack, with a moved clock: a stalled pair asked, then the mediators
told once; a silent member asked about a pause once; `/mentor programme` for admins only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, MENTEE, MENTOR
from tests.integration.harness import RunningBot, action_ids, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
# Three weeks after the pair started (Monday 30 November), in both members' day.
STALLED_AT = datetime(2026, 12, 21, 14, 0, tzinfo=UTC)


def messages(fake: FakeSlack, user: str, words: str) -> list[dict]:
    return [m for m in fake.messages_to(user) if words in text_of(m)]


def test_a_pair_that_stops_meeting_is_asked_then_the_mediators_are_told_once(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(STALLED_AT - timedelta(days=1))
    running.settle()
    assert messages(fake, MENTEE, "plan the next session") == []
    clock.set(STALLED_AT)
    running.settle()
    [to_mentee] = fake.wait_for(lambda: messages(fake, MENTEE, "plan the next session"))
    [to_mentor] = fake.wait_for(lambda: messages(fake, MENTOR, "planifie la prochaine"))
    assert "in the 21 days since your pair started on Monday 30 November" in text_of(to_mentee)
    for message in (to_mentee, to_mentor):
        assert action_ids(message) == ["session.move", "pair.pause", "pair.help"]
    assert messages(fake, ADMIN, "stalled") == []
    clock.set(STALLED_AT + timedelta(days=6))
    running.settle()
    assert messages(fake, ADMIN, "stalled") == []
    clock.set(STALLED_AT + timedelta(days=7, minutes=1))
    running.settle()
    [alert] = fake.wait_for(lambda: messages(fake, ADMIN, "stalled"))
    text = text_of(alert)
    assert f"<@{MENTOR}>" in text and f"<@{MENTEE}>" in text and "28 days" in text
    assert "Last activity: none recorded" in text
    for later in (8, 15, 40):
        clock.set(STALLED_AT + timedelta(days=later))
        running.settle()
    assert len(messages(fake, ADMIN, "stalled")) == 1
    assert len(messages(fake, MENTEE, "plan the next session")) == 1
    # The question's pause button pauses the pair, as `/mentor pause` does.
    response, name = running.press(MENTOR, to_mentor, "pair.pause")
    assert response.status_code == 200
    [paused] = fake.wait_for(lambda: fake.responses(name))
    assert "en pause" in text_of(paused)
    assert "⏸" in text_of(running.answer(MENTEE, "pairs"))
