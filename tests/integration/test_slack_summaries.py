"""Summaries and actions on Slack as each member reads them: a list in the reader's language,
a second summary that asks before replacing, reminders read top-down with exact commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, OUTSIDER
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


def first_session_form(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> dict[str, Any]:
    """Claire and Thomas's first session has ended; the form Thomas opens from its request."""
    running.make_pair(MENTEE, PAIR)
    clock.set(SESSION_END)
    running.dispatch()
    return open_summary_form(running, fake, MENTEE)


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
    view = first_session_form(running, fake, clock)
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
    listed = text_of(running.answer(MENTOR, "actions"))
    assert "1. Send Ana the deck" in listed and "par ex. `/mentor actions fait 1`" in listed
    assert "`/mentor actions fait 1`" in text_of(running.answer(MENTOR, "actions fait 9"))
    # The command the hint names does what it says.
    assert "Fait : Send Ana the deck" in text_of(running.answer(MENTOR, "actions fait 1"))


def my_data(running: RunningBot, fake: FakeSlack, user: str) -> dict[str, Any]:
    before = len(fake.files_to(user))
    running.answer(user, "my-data")
    files = fake.wait_for(lambda: fake.files_to(user)[before:])
    data: dict[str, Any] = json.loads(files[-1]["content"])
    return data


def test_a_form_summary_reads_as_a_list_in_french_in_the_dm_the_history_and_the_export(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    view = first_session_form(running, fake, clock)
    fake.reset()
    values = form_values(
        "Thomas leads the Q1 review.\n- Monthly sessions from January",
        [
            ("Draft the roadmap", "mentee", "2026-12-15"),
            ("Introduce Thomas to Ana", "mentor", None),
        ],
        "Good energy.",
    )
    assert running.submit(MENTEE, view, values) == {}
    expected = (
        "*Décisions*\n"
        "• Thomas leads the Q1 review.\n"
        "• Monthly sessions from January\n"
        "*Actions*\n"
        "1. Draft the roadmap — <@UTHOMAS>, pour le mardi 15 décembre 2026\n"
        "2. Introduce Thomas to Ana — <@UCLAIRE>\n"
        "*Notes*\n"
        "• Good energy."
    )
    [shared] = fake.wait_for(lambda: dms(fake, MENTOR))
    assert expected in shared and "Tuesday" not in shared and "Decisions" not in shared
    # Thomas's own confirmation is in English, and so is his history.
    assert "Saved as the summary" in text_of(fake.wait_for(lambda: fake.messages_to(MENTEE))[-1])
    history = text_of(running.answer(MENTOR, "historique 1"))
    assert expected in history
    english = text_of(running.answer(MENTEE, "history 1"))
    assert "*Decisions*\n• Thomas leads the Q1 review." in english
    assert "1. Draft the roadmap — <@UTHOMAS>, by Tuesday 15 December 2026" in english
    # The export carries the structure: decisions, the session's actions, notes, and who wrote.
    [session] = [s for s in my_data(running, fake, MENTOR)["pairs"][0]["sessions"] if s["summary"]]
    summary = session["summary"]
    assert [d["text"] for d in summary["decisions"]] == [
        "Thomas leads the Q1 review.",
        "Monthly sessions from January",
    ]
    assert {d["by"] for d in summary["decisions"]} == {"other"}
    assert [(a["text"], a["owner"], a["due"]) for a in summary["actions"]] == [
        ("Draft the roadmap", "other", "2026-12-15"),
        ("Introduce Thomas to Ana", "me", None),
    ]
    assert summary["notes"] == [{"text": "Good energy.", "by": "other"}]


def test_a_second_summary_asks_then_appends_or_replaces_as_chosen(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    view = first_session_form(running, fake, clock)
    first = form_values("Ship it.", [("Draft the roadmap", "mentee", "2026-12-15")], None)
    assert running.submit(MENTEE, view, first) == {}
    running.settle()
    # Claire writes one too: nothing replaced, nothing shared; she sees the first and chooses.
    fake.reset()
    asked = running.answer(MENTOR, "compte-rendu Thomas doit aussi relire le plan.")
    text = text_of(asked)
    assert "Cette séance a déjà un compte-rendu" in text
    assert "*Décisions*\n• Ship it." in text and "• Thomas doit aussi relire le plan." in text
    assert set(action_ids(asked)) == {"summary.append", "summary.replace", "summary.keep"}
    running.settle()
    assert fake.messages_to(MENTEE) == []
    response, name = running.press(MENTOR, asked, "summary.append")
    assert response.status_code == 200
    assert "Ajouté au compte-rendu" in text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    [both] = fake.wait_for(lambda: dms(fake, MENTEE))
    assert "*Decisions*\n• Ship it.\n*Actions*\n1. Draft the roadmap" in both
    assert "*Notes*\n• Thomas doit aussi relire le plan." in both
    assert "<@UCLAIRE> added to the summary of your session" in both
    # The same button again changes nothing.
    _, name = running.press(MENTOR, asked, "summary.append")
    assert "n'attend plus" in text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    # Thomas writes the form again and replaces it all: the first actions go with it.
    opened = len(fake.calls("views.open"))
    running.command(MENTEE, "summary", trigger_id="trigger-again")
    view = fake.wait_for(lambda: fake.calls("views.open")[opened:])[0].args["view"]
    fake.reset()
    second = form_values("Wait for Q2.", [("Book the room", "mentor", None)], None)
    assert running.submit(MENTEE, view, second) == {}
    [question] = fake.wait_for(lambda: fake.messages_to(MENTEE))
    assert "already has a summary" in text_of(question)
    assert "1. Book the room — <@UCLAIRE>" in text_of(question)
    running.settle()
    assert fake.messages_to(MENTOR) == []
    response, name = running.press(MENTEE, question, "summary.replace")
    assert "Replaced the summary" in text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    [replaced] = fake.wait_for(lambda: dms(fake, MENTOR))
    assert "*Décisions*\n• Wait for Q2.\n*Actions*\n1. Book the room" in replaced
    assert "Ship it." not in replaced and "relire" not in replaced
    listed = text_of(running.answer(MENTOR, "actions"))
    assert "Book the room" in listed and "Draft the roadmap" not in listed


def test_in_several_pairs_the_hint_names_the_pair_as_the_command_needs(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    view = first_session_form(running, fake, clock)
    running.make_pair(
        MENTOR, f"pair <@{MENTOR}|claire> <@{OUTSIDER}|oscar> weekly on monday at 09:00"
    )
    actions = [("Send Ana the deck", "mentor", "2026-12-05")]
    assert running.submit(MENTEE, view, form_values(None, actions, None)) == {}
    running.settle()
    fake.reset()
    clock.set(datetime(2026, 12, 4, 8, 0, tzinfo=UTC))
    running.dispatch()
    [due] = [m for m in dms(fake, MENTOR) if "À faire pour demain" in m]
    command = f"/mentor actions <@{MENTEE}> fait 1"
    assert f"`{command}`" in due
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    running.dispatch()
    [reminder] = [m for m in dms(fake, MENTOR) if "Avec <@UTHOMAS> : *jeudi 10 déc" in m][-1:]
    assert "*(en retard)*" in reminder and f"`{command}`" in reminder
    assert "Fait : Send Ana the deck" in text_of(running.answer(MENTOR, command[8:]))
