"""A pair's life beyond its rhythm: journal, mediation, reverse mentoring, the end, thanks."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import TEAM, RunningBot, action_ids, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def test_the_journal_is_readable_by_its_author_only(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    saved = text_of(
        running.answer(MENTEE, "journal Negotiating the Lisbon budget taught me patience.")
    )
    assert "(1 entry)" in saved, saved
    assert "Lisbon budget" in text_of(running.answer(MENTEE, "journal"))
    for reader in (MENTOR, ADMIN, OUTSIDER):
        assert "Lisbon budget" not in text_of(running.answer(reader, "journal"))
    clock.set(REMINDER_AT)
    running.dispatch()
    assert (
        "1 entry in your private journal: reread it with `/mentor journal`" in dms(fake, MENTEE)[-1]
    )
    assert "journal" not in dms(fake, MENTOR)[-1].lower()


def test_help_me_tells_the_mediators_without_content(running: RunningBot, fake: FakeSlack) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "agenda add Conflict with my manager")
    answer = text_of(running.answer(MENTEE, "help-me"))
    assert "mediators" in answer and "/mentor end" in answer
    [alert] = fake.wait_for(lambda: dms(fake, ADMIN))
    assert f"<@{MENTEE}>" in alert and f"<@{MENTOR}>" in alert
    assert "Conflict" not in alert


def test_reverse_mentoring_is_labelled(running: RunningBot, fake: FakeSlack) -> None:
    answer = text_of(running.make_pair(MENTEE, PAIR + " reverse"))
    assert "(reverse mentoring)" in answer
    announced = fake.wait_for(lambda: dms(fake, MENTOR))
    assert "(mentorat inversé)" in announced[0]


def test_ending_needs_confirmation_then_stops_reminders_and_invites_thanks(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    asked = running.answer(MENTEE, "end")
    assert "confirm" in text_of(asked) and action_ids(asked) == ["pair.end"]
    assert "Thursday" in text_of(running.answer(MENTEE, "next"))  # nothing ended yet
    fake.reset()
    done = text_of(running.answer(MENTEE, f"end <@{MENTOR}|claire> confirm"))
    assert "has ended" in done
    to_mentor = fake.wait_for(lambda: dms(fake, MENTOR))
    to_mentee = fake.wait_for(lambda: dms(fake, MENTEE))
    assert "a mis fin" in to_mentor[0] and "/mentor merci" in to_mentor[0]
    assert "mentor someone now" in to_mentee[0] and "retrospective" in to_mentee[0]
    assert "become" not in to_mentor[0]
    running.settle()  # the calendar's cancellation, too
    clock.set(REMINDER_AT)
    fake.reset()
    running.dispatch()
    assert fake.calls("chat.postMessage") == []
    thanked = text_of(
        running.answer(MENTEE, f"thanks <@{MENTOR}|claire> Thank you for your patience.")
    )
    assert "Delivered" in thanked
    assert "Thank you for your patience." in fake.wait_for(lambda: dms(fake, MENTOR))[0]
    # The same two people may start a new relationship later.
    assert "Done:" in text_of(running.make_pair(MENTEE, PAIR))


def test_thanks_and_end_refuse_strangers(running: RunningBot) -> None:
    running.make_pair(MENTEE, PAIR)
    assert "never been" in text_of(running.answer(OUTSIDER, f"thanks <@{MENTOR}|claire> Hi"))
    assert "/mentor pair" in text_of(running.answer(OUTSIDER, "end confirm"))
    assert "/mentor thanks @claire" in text_of(running.answer(MENTEE, "thanks"))


def test_pause_until_a_date_then_the_rhythm_resumes_by_itself(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "agenda add Career plan")
    running.dispatch()
    fake.reset()
    answer = text_of(running.answer(MENTEE, "pause until 2026-12-15"))
    assert "paused until Tuesday 15 December 2026" in answer
    assert "jusqu'au mardi 15 décembre 2026" in fake.wait_for(lambda: dms(fake, MENTOR))[0]
    assert "déjà en pause" in text_of(running.answer(MENTOR, "pause"))
    # No reminder for the sessions of 3 and 10 December.
    for day in (2, 9):
        clock.set(datetime(2026, 12, day, 17, 0, tzinfo=UTC))
        running.dispatch()
    assert [m for m in dms(fake, MENTOR) if "Séance de mentorat demain" in m] == []
    # On the 15th (Paris) the rhythm resumes; both are told; the agenda waits for the next one.
    clock.set(datetime(2026, 12, 14, 23, 0, tzinfo=UTC))
    running.dispatch()
    # (each also gets the calendar's update: the last two messages)
    assert any("Votre binôme reprend" in m for m in dms(fake, MENTOR)[-2:])
    assert any("Thursday 17 December 2026" in m for m in dms(fake, MENTEE)[-2:])
    assert "Career plan" in text_of(running.answer(MENTOR, "agenda"))
    clock.set(datetime(2026, 12, 16, 17, 0, tzinfo=UTC))
    running.dispatch()
    assert "Career plan" in dms(fake, MENTOR)[-1] and "demain" in dms(fake, MENTOR)[-1]


def test_pause_then_resume_by_hand(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    assert "no reminders until" in text_of(running.answer(MENTEE, "pause"))
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m]
    fake.reset()
    resumed = text_of(running.answer(MENTOR, "reprendre"))
    assert "jeudi 3 décembre 2026" in resumed
    fake.wait_for(lambda: [m for m in dms(fake, MENTEE) if "back on rhythm" in m])
    assert "is not paused" in text_of(running.answer(MENTEE, "resume"))
    assert "/mentor pause" in text_of(running.answer(MENTEE, "pause until someday"))


def _button_value(message: dict, action_id: str) -> str:
    return next(
        element["value"]
        for block in message["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == action_id
    )


def test_summary_form_creates_actions_with_owners_and_due_reminders(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 3, 18, 0, tzinfo=UTC))
    running.dispatch()
    request = fake.messages_to(MENTEE)[-1]
    assert "summary.write" in action_ids(request)
    body = signing.block_actions_body(
        user_id=MENTEE,
        team_id=TEAM,
        action_id="summary.write",
        value=_button_value(request, "summary.write"),
        trigger_id="trigger-summary",
        response_url=fake.response_url("summary"),
        channel_id=f"D{MENTEE}",
        message_ts="1767000000.000300",
    )
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.response["ok"], opened.response
    view = opened.args["view"]

    def submit(values: dict) -> dict:
        return running.submit(MENTEE, view, values)

    bad = submit(
        {
            "action_1": {"action_1": signing.plain_text("Draft the roadmap")},
            "owner_1": {"owner_1": signing.static_select(None)},
            "due_1": {"due_1": signing.datepicker("2026-11-01")},
        }
    )
    assert bad["response_action"] == "errors" and {"owner_1", "due_1"} <= set(bad["errors"])
    assert (
        submit({"decisions": {"decisions": signing.plain_text(None)}})["response_action"]
        == "errors"
    )

    fake.reset()
    good = submit(
        {
            "decisions": {"decisions": signing.plain_text("Thomas leads the Q1 review.")},
            "action_1": {"action_1": signing.plain_text("Draft the roadmap")},
            "owner_1": {"owner_1": signing.static_select("mentee")},
            "due_1": {"due_1": signing.datepicker("2026-12-08")},
            "action_2": {"action_2": signing.plain_text("Introduce Thomas to Ana")},
            "owner_2": {"owner_2": signing.static_select("mentor")},
            "due_2": {"due_2": signing.datepicker(None)},
            "notes": {"notes": signing.plain_text(None)},
        }
    )
    assert good == {}
    shared = fake.wait_for(lambda: dms(fake, MENTOR))
    assert "Thomas leads the Q1 review." in shared[0] and "Draft the roadmap" in shared[0]
    listed = text_of(running.answer(MENTOR, "actions"))
    assert "1. Draft the roadmap" in listed and "2. Introduce Thomas to Ana" in listed

    # The day before it is due, 09:00 in Thomas's zone (Montreal), once.
    fake.reset()
    clock.set(datetime(2026, 12, 7, 13, 59, tzinfo=UTC))
    running.dispatch()
    assert fake.messages_to(MENTEE) == []
    clock.set(datetime(2026, 12, 7, 14, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    due = [m for m in dms(fake, MENTEE) if "Due tomorrow" in m]
    assert len(due) == 1 and "Draft the roadmap" in due[0]
    assert "`/mentor actions done 1`" in due[0]  # its number in `/mentor actions`
    assert fake.messages_to(MENTOR) == []

    # Done actions show as done in the next reminder; open ones come after the agenda.
    assert "Done: Draft the roadmap" in text_of(running.answer(MENTEE, "actions done 1"))
    assert "/mentor actions done 1" in text_of(running.answer(MENTEE, "actions done 7"))
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    running.dispatch()
    reminder = dms(fake, MENTEE)[-1]
    assert reminder.index("Agenda so far") < reminder.index("Open actions")
    still_open = reminder[reminder.index("Open actions") : reminder.index("Done since last time")]
    assert "Introduce Thomas to Ana" in still_open and "Draft the roadmap" not in still_open
    assert "Draft the roadmap" in reminder[reminder.index("Done since last time") :]


def test_summary_command_alone_opens_the_form(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 3, 18, 0, tzinfo=UTC))
    response, _ = running.command(MENTOR, "compte-rendu", trigger_id="trigger-cr")
    assert response.status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.response["ok"] and opened.args["view"]["callback_id"] == "summary"
    assert "Décisions prises" in text_of(opened.args["view"])
