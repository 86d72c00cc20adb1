"""A pair's first session, end to end over signed HTTP and the fake Slack Web API."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR
from tests.integration.harness import RunningBot, action_ids, text_of

PAIR = (
    f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> "
    "every 2 weeks on thursday at 18:00 for 60m tz Europe/Paris"
)
SUMMARY = "We agreed that Thomas leads the Q1 roadmap review; actions: draft by 2026-12-10."
AGENDA = "Prepare my promotion file"


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def test_pair_agenda_reminders_summary_digest(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    created = text_of(running.make_pair(MENTEE, PAIR))
    # Thomas reads the first session in his own zone (Montreal) and language.
    assert "Thursday 3 December 2026, 12:00 (America/Montreal)" in created

    running.settle()
    claire = fake.wait_for(lambda: dms(fake, MENTOR))
    thomas = fake.wait_for(lambda: dms(fake, MENTEE))
    # Each got the agreement card, then (once Claire accepted) the start with the first session.
    assert "accord" in claire[0] and "jeudi à 18h00" in claire[0]
    assert "mentee" in thomas[0] and "You accepted these terms" in thomas[0]
    assert "jeudi 3 décembre 2026, 18h00 (Europe/Paris)" in claire[-1]
    assert "12:00 (America/Montreal)" in thomas[-1]

    assert AGENDA in text_of(running.answer(MENTEE, f"agenda add {AGENDA}"))
    assert "Partager" in text_of(
        running.answer(MENTOR, "ordre-du-jour ajouter Partager mon parcours")
    )
    listed = text_of(running.answer(MENTOR, "agenda"))
    assert AGENDA in listed and "Partager mon parcours" in listed

    # 24 h before the session: one reminder to each side, with the agenda and the buttons.
    fake.reset()
    clock.set(datetime(2026, 12, 2, 16, 59, tzinfo=UTC))
    running.dispatch()
    assert fake.messages_to(MENTOR) == [] and fake.messages_to(MENTEE) == []
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    [to_mentor] = fake.messages_to(MENTOR)
    [to_mentee] = fake.messages_to(MENTEE)
    assert "Séance de mentorat demain" in text_of(to_mentor)
    assert "Mentoring session tomorrow" in text_of(to_mentee)
    for reminder in (to_mentor, to_mentee):
        assert AGENDA in text_of(reminder) and "Partager mon parcours" in text_of(reminder)
        assert set(action_ids(reminder)) == {"agenda.add", "session.move", "session.skip"}
    assert "short update" in text_of(to_mentee)

    # At the end of the session the mentee is asked for the summary; the mentor is not, yet.
    fake.reset()
    clock.set(datetime(2026, 12, 3, 18, 0, tzinfo=UTC))
    running.dispatch()
    assert fake.messages_to(MENTOR) == []
    [request] = fake.messages_to(MENTEE)
    assert "How did it go?" in text_of(request)

    # A plain DM reply becomes the summary, confirmed to Thomas, shared with Claire — once,
    # even when Slack redelivers the event.
    fake.reset()
    response, body = running.dm(MENTEE, SUMMARY)
    assert response.status_code == 200
    shared = fake.wait_for(lambda: dms(fake, MENTOR))
    assert SUMMARY in shared[0] and "compte-rendu" in shared[0]
    confirmed = fake.wait_for(lambda: dms(fake, MENTEE))
    assert "Thank you" in confirmed[0]
    assert running.redeliver(body, retry=1).status_code == 200
    running.settle()
    assert len(fake.messages_to(MENTOR)) == 1 and len(fake.messages_to(MENTEE)) == 1

    # The mentor is not asked any more (the summary exists), and nobody is nudged.
    clock.set(datetime(2026, 12, 5, 19, 0, tzinfo=UTC))
    running.dispatch()
    assert len(fake.messages_to(MENTOR)) == 1 and len(fake.messages_to(MENTEE)) == 1

    # The programme manager subscribes a channel; Monday 09:00 Paris it gets the digest.
    subscribed = text_of(running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>"))
    assert LEADS_CHANNEL in subscribed
    fake.reset()
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    running.dispatch()
    [digest] = fake.messages_to(LEADS_CHANNEL)
    read = text_of(digest)
    assert "claire" in read or MENTOR in read
    assert "1 held" in read
    for secret in (SUMMARY, "Q1 roadmap", AGENDA, "Partager"):
        assert secret not in read


def test_restart_sends_nothing_twice(
    fake: FakeSlack, clock: ManualClock, migrated_database_url: str
) -> None:
    running = RunningBot(database_url=migrated_database_url, fake=fake, clock=clock).start()
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 2, 17, 30, tzinfo=UTC))
    running.dispatch()
    sent = len(fake.calls("chat.postMessage"))
    # The agreement card, the start of the pair, its calendar and the reminder.
    assert len(fake.messages_to(MENTOR)) == 4
    running.stop()

    # Down for a day: the summary request fell due meanwhile and is still useful.
    clock.set(datetime(2026, 12, 3, 18, 30, tzinfo=UTC))
    again = RunningBot(database_url=migrated_database_url, fake=fake, clock=clock).start()
    try:
        fake.wait_for(lambda: len(fake.calls("chat.postMessage")) == sent + 1)
        again.dispatch()
        again.dispatch()
        assert len(fake.calls("chat.postMessage")) == sent + 1
        assert "How did it go?" in text_of(fake.messages_to(MENTEE)[-1])
        assert len(fake.messages_to(MENTOR)) == 4
    finally:
        again.stop()
