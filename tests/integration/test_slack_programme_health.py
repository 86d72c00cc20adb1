"""Programme health over Slack, with a moved clock: a stalled pair asked, then the mediators
told once; a silent member asked about a pause once; `/mentor programme` for admins only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, MENTEE, MENTOR, OUTSIDER
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
    running.answer(MENTEE, "agenda add PAPAYA-7731: my manager")  # content, never shown
    # A pair Oscar never accepts: pending, then waiting for more than 3 days.
    proposed = running.answer(
        MENTOR, f"pair <@{MENTOR}|claire> <@{OUTSIDER}|oscar> monthly on the first tuesday at 10:00"
    )
    assert "oscar" in text_of(proposed).lower() or OUTSIDER in text_of(proposed)
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
    assert "Last activity: Monday 30 November 2026" in text and "PAPAYA" not in text
    for later in (8, 15, 40):
        clock.set(STALLED_AT + timedelta(days=later))
        running.settle()
    assert len(messages(fake, ADMIN, "stalled")) == 1
    assert len(messages(fake, MENTEE, "plan the next session")) == 1
    overview = text_of(running.answer(ADMIN, "programme"))
    assert "1 stalled pair" in overview and "1 pair waiting for agreement" in overview
    assert f"<@{MENTOR}> → <@{MENTEE}>: no session held for 61 days" in overview
    assert f"<@{MENTOR}> → <@{OUTSIDER}>: proposed on Monday 30 November 2026" in overview
    assert f"waiting for <@{OUTSIDER}>" in overview
    assert "PAPAYA" not in overview and "manager" not in overview
    # The question's pause button pauses the pair, as `/mentor pause` does.
    response, name = running.press(MENTOR, to_mentor, "pair.pause")
    assert response.status_code == 200
    [paused] = fake.wait_for(lambda: fake.responses(name))
    assert "en pause" in text_of(paused)
    assert "⏸" in text_of(running.answer(MENTEE, "pairs"))


SECRET = "PAPAYA-7731 wants to leave her team"
# The Thursday sessions (18:00 Paris = 17:00 UTC) of December: Thomas leaves everything
# unanswered, Claire writes each summary when she is asked, a day after.
THURSDAYS = [datetime(2026, 12, day, 17, 0, tzinfo=UTC) for day in (3, 10, 17, 24, 31)]


def live_through(running: RunningBot, clock: ManualClock, thursday: datetime, text: str) -> None:
    """One session week: the reminders, the session, Thomas asked, Claire asked and answering."""
    for at in (thursday - timedelta(days=1), thursday + timedelta(hours=1, minutes=1)):
        clock.set(at + timedelta(minutes=1))
        running.settle()
    clock.set(thursday + timedelta(days=1, hours=1, minutes=2))
    running.settle()
    before = len(running.fake.messages_to(MENTOR))
    response, _ = running.dm(MENTOR, text)
    assert response.status_code == 200
    running.fake.wait_for(lambda: running.fake.messages_to(MENTOR)[before:])
    running.settle()


def test_a_silent_member_is_asked_once_alone_and_the_programme_shows_no_content(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    for n, thursday in enumerate(THURSDAYS[:2]):
        live_through(running, clock, thursday, f"Session {n}: {SECRET}")
    assert messages(fake, MENTEE, "pause for a while") == []
    for n, thursday in enumerate(THURSDAYS[2:], start=2):
        live_through(running, clock, thursday, f"Session {n}: {SECRET}")
    [asked] = messages(fake, MENTEE, "Shall we pause for a while?")
    assert "three sessions with <@UCLAIRE>" in text_of(asked)
    assert action_ids(asked) == ["pair.keep", "pair.pause"]
    # Claire, who answered, is asked nothing and told nothing; nor are the admins.
    everything_else = [text_of(m) for user in (MENTOR, ADMIN) for m in fake.messages_to(user)]
    assert not any("pause" in text.lower() and "Thomas" in text for text in everything_else)
    assert not any("On fait une pause" in text for text in everything_else)
    assert messages(fake, ADMIN, "stalled") == []  # Claire's summaries: sessions were held

    # The programme, for an admin: counts, names and dates, never what the pair wrote.
    overview = text_of(running.answer(ADMIN, "programme"))
    assert "1 active pair" in overview and "0 paused pairs" in overview
    assert "0 stalled pairs" in overview
    assert "PAPAYA" not in overview and "team" not in overview
    home = running.home(ADMIN)
    assert "PAPAYA" not in json.dumps(home)
    assert "Pairs by status" in text_of(home) and "1 active pair" in text_of(home)
    # Thomas answers (a button): the silence is over; carrying on, he is not asked again.
    response, name = running.press(MENTEE, asked, "pair.keep")
    assert response.status_code == 200
    assert "reminders go on" in text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    for later in (7, 14):
        clock.set(THURSDAYS[-1] + timedelta(days=later))
        running.settle()
    assert len(messages(fake, MENTEE, "Shall we pause for a while?")) == 1


def test_the_programme_is_refused_to_someone_who_is_not_an_admin(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.make_pair(MENTEE, PAIR)
    for user in (MENTEE, MENTOR):
        answer = text_of(running.answer(user, "programme"))
        assert "programme's admins" in answer or "réservée à ses administrateurs" in answer
        assert "active pair" not in answer and "binôme actif" not in answer
    assert "Pairs by status" not in text_of(running.home(MENTEE))
