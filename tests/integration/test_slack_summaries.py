"""Summaries and actions on Slack as each member reads them: a list in the reader's language,
a second summary that asks before replacing, reminders read top-down with exact commands."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import TEAM, RunningBot, action_ids, button_value, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
SESSION_END = datetime(2026, 12, 3, 18, 0, tzinfo=UTC)


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def open_summary_form(running: RunningBot, fake: FakeSlack, user: str) -> dict[str, Any]:
    """`user` presses "Write the summary" under the bot's request; the modal it opens."""
    request = [m for m in fake.messages_to(user) if "summary.write" in action_ids(m)][-1]
    opened = len(fake.calls("views.open"))
    body = signing.block_actions_body(
        user_id=user,
        team_id=TEAM,
        action_id="summary.write",
        value=button_value(request, "summary.write"),
        trigger_id=f"trigger-form-{opened}",
        response_url=fake.response_url(f"form-{opened}"),
        channel_id=f"D{user}",
        message_ts="1767000000.000300",
    )
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    call = fake.wait_for(lambda: fake.calls("views.open")[opened:])[0]
    assert call.response["ok"], call.response
    view: dict[str, Any] = call.args["view"]
    return view


def form_values(
    decisions: str | None, actions: list[tuple[str, str, str | None]], notes: str | None
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "decisions": {"decisions": signing.plain_text(decisions)},
        "notes": {"notes": signing.plain_text(notes)},
    }
    for n, (text, owner, due) in enumerate(actions, 1):
        values[f"action_{n}"] = {f"action_{n}": signing.plain_text(text)}
        values[f"owner_{n}"] = {f"owner_{n}": signing.static_select(owner)}
        values[f"due_{n}"] = {f"due_{n}": signing.datepicker(due)}
    return values


def test_reminders_read_top_down_with_overdue_actions_and_numbered_commands(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(SESSION_END)
    running.dispatch()
    view = open_summary_form(running, fake, MENTEE)
    actions = [("Send Ana the deck", "mentor", "2026-12-05"), ("Read the book", "mentee", None)]
    assert running.submit(MENTEE, view, form_values("Ship it.", actions, None)) == {}
    running.settle()
    # Claire (Paris, French) is told the day before her action is due, with its number.
    fake.reset()
    clock.set(datetime(2026, 12, 4, 8, 0, tzinfo=UTC))
    running.dispatch()
    [due] = [m for m in dms(fake, MENTOR) if "À faire pour demain" in m]
    assert "`/mentor actions fait 1`" in due and "samedi 5 décembre 2026" in due
    # The reminder of the next session, once that action is overdue.
    running.answer(MENTOR, "odj add Le plan de carrière")
    fake.reset()
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    running.dispatch()
    reminder = [m for m in dms(fake, MENTOR) if "Séance de mentorat demain" in m][-1]
    order = ["Avec <@UTHOMAS>", "Ordre du jour", "Le plan de carrière", "Actions en cours"]
    assert [reminder.index(part) for part in order] == sorted(reminder.index(p) for p in order)
    assert "1. Send Ana the deck — <@UCLAIRE>, pour le samedi 5 décembre 2026 *(en retard)*" in (
        reminder
    )
    assert "2. Read the book — <@UTHOMAS>\n" in reminder
    assert "`/mentor actions fait 1`" in reminder
    english = [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m][-1]
    assert "*(overdue)*" in english and "`/mentor actions done 1`" in english
    assert english.index("Agenda so far") < english.index("Open actions")
    # The command the hint names does what it says.
    assert "Fait : Send Ana the deck" in text_of(running.answer(MENTOR, "actions fait 1"))
