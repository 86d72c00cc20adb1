"""The terms of a started pair change only when both accept; one session stays one person's."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, OUTSIDER
from tests.integration.form_states import terms_state
from tests.integration.harness import RunningBot, action_ids, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
PROPOSED_AT = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)  # the day after the first session


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def latest_with(fake: FakeSlack, user: str, action_id: str) -> dict[str, Any]:
    return fake.wait_for(lambda: [m for m in fake.messages_to(user) if action_id in action_ids(m)])[
        -1
    ]


def press(running: RunningBot, user: str, message: dict[str, Any], action_id: str) -> str:
    """`user` presses a button of `message`; the ephemeral answer, once its work is done."""
    response, name = running.press(user, message, action_id)
    assert response.status_code == 200, response.text
    answered = running.fake.wait_for(lambda: running.fake.responses(name))[-1]
    running.settle()
    return text_of(answered)


EVERY_2_WEEKS_ON_TUESDAY = terms_state(
    frequency="2w", weekday="1", at="08:30", meeting_format="phone", end="2027-06-30"
)


def propose(running: RunningBot, user: str, message: dict[str, Any], values) -> None:
    """`user` opens the terms form from `message` and submits `values`."""
    fake = running.fake
    opened = len(fake.calls("views.open"))
    response, _ = running.press(user, message, "agreement.change")
    assert response.status_code == 200
    [call] = fake.wait_for(lambda: fake.calls("views.open")[opened:])
    assert call.response["ok"], call.response
    assert running.submit(user, call.args["view"], values) == {}
    running.settle()


def started_pair(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> dict[str, Any]:
    """A working pair; Claire's agreement card (its *Propose a change* opens the terms form)."""
    running.make_pair(MENTEE, PAIR)
    clock.set(PROPOSED_AT)
    running.dispatch()
    return latest_with(fake, MENTOR, "agreement.change")


def test_a_proposal_shows_both_terms_and_the_old_ones_hold_until_it_lapses(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    card = started_pair(running, fake, clock)
    propose(running, MENTOR, card, EVERY_2_WEEKS_ON_TUESDAY)

    # Thomas gets the proposal: who made it, the terms now and the ones proposed, side by side.
    proposal = latest_with(fake, MENTEE, "terms.accept")
    read = text_of(proposal)
    assert f"<@{MENTOR}> proposes" in read
    assert "every week on Thursday at 18:00" in read and "every 2 weeks on Tuesday at 08:30" in read
    assert "by video" in read and "by phone" in read
    assert "3 December 2027" in read and "30 June 2027" in read
    assert "Next session" in read and "Thursday 10 December 2026" in read
    assert {"terms.accept", "terms.decline", "agreement.change"} <= set(action_ids(proposal))
    sent = dms(fake, MENTOR)[-1]
    assert "Votre proposition est envoyée" in sent and "lundi 14 décembre 2026" in sent
    # 08:30 in Paris is 02:30 in Montreal: Claire, who proposes it, is told (in French).
    assert f"Pour <@{MENTEE}>, une séance tombe hors de 7h00–22h00" in sent
    assert "(America/Montreal)" in sent
    # Nobody else can answer it, not even the one who proposed it.
    assert "not one of your" in press(running, OUTSIDER, proposal, "terms.accept")
    assert "vous-même" in press(running, MENTOR, proposal, "terms.accept")

    # The old terms hold: the reminder of Thursday's session comes at the old time.
    assert "Thursday 10 December 2026" in text_of(running.answer(MENTEE, "next"))
    clock.set(datetime(2026, 12, 7, 9, 59, tzinfo=UTC))
    running.dispatch()
    assert len([m for m in dms(fake, MENTEE) if "still waiting for your answer" in m]) == 0
    # Unanswered for 3 days: reminded once — when the morning comes in Montreal (05:00 there
    # at 10:00 UTC: the reminder waits for 08:00).
    clock.set(datetime(2026, 12, 7, 10, 0, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "still waiting for your answer" in m]
    clock.set(datetime(2026, 12, 7, 13, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    reminded = [m for m in dms(fake, MENTEE) if "still waiting for your answer" in m]
    assert len(reminded) == 1 and "every 2 weeks on Tuesday at 08:30" in reminded[0]
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    running.dispatch()
    assert [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m]
    assert [m for m in dms(fake, MENTOR) if "Séance de mentorat demain" in m]

    # 7 more days without an answer: it lapses, both are told, and nothing changed.
    clock.set(datetime(2026, 12, 14, 9, 59, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "lapsed" in m]
    clock.set(datetime(2026, 12, 14, 10, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    assert len([m for m in dms(fake, MENTOR) if "la proposition est caduque" in m]) == 1
    assert not [m for m in dms(fake, MENTEE) if "lapsed" in m]  # 05:00 in Montreal
    clock.set(datetime(2026, 12, 14, 13, 0, tzinfo=UTC))
    running.dispatch()
    assert len([m for m in dms(fake, MENTEE) if "lapsed" in m]) == 1
    assert "lapsed" in press(running, MENTEE, proposal, "terms.accept")
    assert "Thursday 17 December 2026" in text_of(running.answer(MENTEE, "next"))
    assert len(reminded) == len([m for m in dms(fake, MENTEE) if "still waiting" in m])


def test_accepting_applies_the_terms_and_declining_keeps_the_old_ones(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    card = started_pair(running, fake, clock)
    propose(running, MENTOR, card, EVERY_2_WEEKS_ON_TUESDAY)
    declined = press(running, MENTEE, latest_with(fake, MENTEE, "terms.decline"), "terms.decline")
    assert "stay as they were" in declined
    assert "a refusé" in dms(fake, MENTOR)[-1]
    assert "Thursday 10 December 2026" in text_of(running.answer(MENTEE, "next"))
    # A declined proposal cannot be accepted later.
    proposal = latest_with(fake, MENTEE, "terms.accept")
    assert "already answered" in press(running, MENTEE, proposal, "terms.accept")

    # Weeks later (session 3 held), Claire proposes again and Thomas accepts.
    clock.set(datetime(2026, 12, 18, 10, 0, tzinfo=UTC))
    running.dispatch()
    propose(running, MENTOR, card, EVERY_2_WEEKS_ON_TUESDAY)
    accepted = press(running, MENTEE, latest_with(fake, MENTEE, "terms.accept"), "terms.accept")
    assert "every 2 weeks on Tuesday at 08:30" in accepted
    told = dms(fake, MENTOR)[-1]
    assert "a accepté" in told and "toutes les 2 semaines le mardi à 8h30" in told
    assert "Prochaine séance" in told and "Première séance" not in told
    assert "mardi 22 décembre 2026" in told
    # The new terms hold from now on: reminders at the new times, none for Thursdays. A day
    # before 08:30 in Paris is 02:30 in Montreal: Thomas's reminder waits for his morning.
    clock.set(datetime(2026, 12, 21, 7, 30, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "Tuesday 22 December 2026" in m]
    clock.set(datetime(2026, 12, 21, 13, 0, tzinfo=UTC))
    running.dispatch()
    reminded = [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m]
    assert "Tuesday 22 December 2026" in reminded[-1]
    assert "Tuesday 22 December 2026" in text_of(running.answer(MENTEE, "next"))
    clock.set(datetime(2026, 12, 23, 17, 0, tzinfo=UTC))
    fake.reset()
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "Thursday 24 December" in m]


def test_a_counter_proposal_replaces_the_first_one(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    card = started_pair(running, fake, clock)
    propose(running, MENTOR, card, EVERY_2_WEEKS_ON_TUESDAY)
    first = latest_with(fake, MENTEE, "terms.accept")
    weekly_on_wednesday = terms_state(
        weekday="2", at="12:00", meeting_format="in_person", end="2027-12-03"
    )
    propose(running, MENTEE, first, weekly_on_wednesday)
    counter = latest_with(fake, MENTOR, "terms.accept")
    read = text_of(counter)
    assert f"<@{MENTEE}> propose" in read and "le mercredi à 12h00" in read
    assert "en présentiel" in read and "en visio" in read
    assert "replaced" in press(running, MENTEE, first, "terms.accept")
    # Claire answers it from her Home, where it waits for her (Thomas has nothing to answer).
    assert "propose de nouvelles conditions" in text_of(running.home(MENTOR))
    assert "proposes new terms" not in text_of(running.home(MENTEE))
    published = len(running.home_publishes(MENTOR))
    running.press_home(MENTOR, "home:terms.accept:2")
    refreshed = text_of(running.wait_home(MENTOR, published))
    assert "mercredi" in refreshed and "propose de nouvelles conditions" not in refreshed
    running.settle()
    assert "Wednesday 9 December 2026" in text_of(running.answer(MENTEE, "next"))


def test_one_session_is_still_moved_or_skipped_by_one_person(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    card = started_pair(running, fake, clock)
    propose(running, MENTOR, card, EVERY_2_WEEKS_ON_TUESDAY)
    assert "skipped" in text_of(running.answer(MENTEE, "skip")).lower()
    running.settle()
    assert "Thursday 17 December 2026" in text_of(running.answer(MENTEE, "next"))
    moved = text_of(running.answer(MENTOR, "deplacer 2026-12-18 09:00"))
    assert "18" in moved
    running.settle()
    assert "Friday 18 December 2026" in text_of(running.answer(MENTEE, "next"))
    assert [m for m in dms(fake, MENTEE) if "moved" in m]
