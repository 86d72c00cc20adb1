"""`forget-me` through the real app, on Slack and Teams, leaves none of the person's words or
identifiers in the database files (main, -wal, -shm), while the bot runs and after it stops."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes import signing, teams_connector
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector
from tests.integration.conftest import CLAIRE, MENTEE, MENTOR, THOMAS
from tests.integration.harness import TEAM, RunningBot, action_ids, text_of
from tests.integration.teams_harness import TeamsBot
from tests.integration.test_slack_personal_data import exported_after
from tests.integration.test_slack_reviews import answers, open_by_command

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
AFTER_FIRST_SESSION = datetime(2026, 12, 3, 18, 5, tzinfo=UTC)

# Ten sentences Thomas writes, one in every place a member's words are kept.
JOURNAL = "Presenting to the board taught me to start with the ask."
AGENDA = "My promotion file and the salary band question"
GOAL = "Ship the pricing experiment by spring"
MILESTONE = "Interview five customers about the checkout flow"  # on Claire's goal
DECISIONS = "Thomas will apply for the staff engineer opening."
ACTION_FOR_CLAIRE = "Introduce Thomas to the platform director"  # owned by Claire
ACTION_FOR_ME = "Draft the migration roadmap for the billing team"
NOTES = "He wants to leave his team before the reorganisation."
THANKS = "Your advice on the reorganisation saved my quarter."
REVIEW = "Fortnightly would suit me better than weekly."
THOMAS_WROTE = (
    JOURNAL,
    AGENDA,
    GOAL,
    MILESTONE,
    DECISIONS,
    ACTION_FOR_CLAIRE,
    ACTION_FOR_ME,
    NOTES,
    THANKS,
    REVIEW,
)
# Who Thomas is, as the fake Slack profile gives it (users.info: id, zone, locale).
THOMAS_IS = (MENTEE, "America/Montreal", "en-US")
CLAIRE_WROTE = ("Feedback on the offsite", "Grow into a tech lead role", "Il doute encore.")


read = teams_connector.text_of


def database_files(sqlite_url: str) -> dict[str, bytes]:
    main = Path(sqlite_url.removeprefix("sqlite:///"))
    files = [main, main.with_name(main.name + "-wal"), main.with_name(main.name + "-shm")]
    return {path.name: path.read_bytes() for path in files if path.exists()}


def left_behind(sqlite_url: str, needles: tuple[str, ...]) -> list[tuple[str, str]]:
    """(file, needle) for each needle found in the raw bytes of a database file."""
    return [
        (name, needle)
        for name, content in database_files(sqlite_url).items()
        for needle in needles
        if needle.encode() in content
    ]


def rows_holding(sqlite_url: str, needles: tuple[str, ...]) -> list[tuple[str, tuple[Any, ...]]]:
    """(table, row) for each live row with a needle in one of its values: what to read when a
    needle is left behind (a live row, or only a stale page)."""
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as db:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return [
            (table, row)
            for table in tables
            for row in db.execute(f'SELECT * FROM "{table}"')
            if any(needle in str(value) for value in row for needle in needles)
        ]


def write_the_summary_form(running: RunningBot, fake: FakeSlack) -> None:
    """Thomas presses *Write the summary* and submits decisions, two actions and notes."""
    request = [m for m in fake.messages_to(MENTEE) if "summary.write" in action_ids(m)][-1]
    [value] = [
        e["value"]
        for b in request["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "summary.write"
    ]
    before = len(fake.calls("views.open"))
    body = signing.block_actions_body(
        user_id=MENTEE,
        team_id=TEAM,
        action_id="summary.write",
        value=value,
        trigger_id="trigger-summary",
        response_url=fake.response_url("summary"),
        channel_id=f"D{MENTEE}",
        message_ts="1767000000.000300",
    )
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    view = fake.wait_for(lambda: fake.calls("views.open")[before:])[0].args["view"]
    values = {
        "decisions": {"decisions": signing.plain_text(DECISIONS)},
        "action_1": {"action_1": signing.plain_text(ACTION_FOR_CLAIRE)},
        "owner_1": {"owner_1": signing.static_select("mentor")},
        "due_1": {"due_1": signing.datepicker("2026-12-20")},
        "action_2": {"action_2": signing.plain_text(ACTION_FOR_ME)},
        "owner_2": {"owner_2": signing.static_select("mentee")},
        "due_2": {"due_2": signing.datepicker(None)},
        "notes": {"notes": signing.plain_text(NOTES)},
    }
    assert running.submit(MENTEE, view, values) == {}


def thomas_writes_everywhere(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, f"journal {JOURNAL}")
    running.answer(MENTOR, f"journal {CLAIRE_WROTE[2]}")
    running.answer(MENTEE, f"agenda add {AGENDA}")
    running.answer(MENTOR, f"agenda add {CLAIRE_WROTE[0]} with <@{MENTEE}|thomas>")
    running.answer(MENTOR, f"goals add {CLAIRE_WROTE[1]}")
    running.answer(MENTEE, f"goals milestone 1 {MILESTONE}")
    running.answer(MENTEE, f"goals add {GOAL}")
    running.answer(MENTEE, f"thanks <@{MENTOR}|claire> {THANKS}")
    view = open_by_command(running, fake, MENTEE)
    assert running.submit(MENTEE, view, answers("less", "yes", "keep", "4", REVIEW)) == {}
    clock.set(AFTER_FIRST_SESSION)
    running.dispatch()
    write_the_summary_form(running, fake)
    running.settle()
    actions = text_of(running.answer(MENTOR, "actions"))
    assert ACTION_FOR_CLAIRE in actions and ACTION_FOR_ME in actions
    assert MILESTONE in text_of(running.answer(MENTOR, "goals"))


def test_forget_me_leaves_no_word_or_identifier_in_the_database_files(
    running: RunningBot, fake: FakeSlack, clock: ManualClock, sqlite_url: str
) -> None:
    thomas_writes_everywhere(running, fake, clock)
    assert set(left_behind(sqlite_url, THOMAS_WROTE + THOMAS_IS)) >= {
        ("mentorbot.db-wal", text) for text in THOMAS_WROTE
    }  # the needles are found where they are

    assert "erased" in text_of(running.answer(MENTEE, "forget-me confirm"))
    running.settle()

    # What Claire wrote stays hers, readable by her; the erased person's words do not.
    [pair] = exported_after(running, fake, MENTOR)["pairs"]
    [goal] = pair["goals"]
    assert goal["text"] == CLAIRE_WROTE[1] and goal["milestones"] == []
    assert pair["actions"] == [] and all(s["summary"] is None for s in pair["sessions"])
    # Thomas, named in her words, is "a former member" in her language (French).
    assert [a["text"] for a in pair["agenda"]] == [f"{CLAIRE_WROTE[0]} with un ancien membre"]

    assert left_behind(sqlite_url, THOMAS_WROTE + THOMAS_IS) == []  # the bot still running
    assert left_behind(sqlite_url, CLAIRE_WROTE[:2]) != []
    running.stop()
    assert left_behind(sqlite_url, THOMAS_WROTE + THOMAS_IS) == []


def test_forget_me_on_teams_leaves_no_word_id_or_conversation_of_theirs(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock, sqlite_url: str
) -> None:
    for person in (CLAIRE, THOMAS):
        assert teams.install(person).status_code == 200
    teams.make_pair(THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris")
    teams.answer(THOMAS, f"journal {JOURNAL}")
    teams.answer(THOMAS, f"agenda add {AGENDA}")
    teams.answer(CLAIRE, f"goals add {CLAIRE_WROTE[1]}")
    teams.answer(THOMAS, f"goals milestone 1 {MILESTONE}")
    teams.answer(CLAIRE, f"agenda add {CLAIRE_WROTE[0]} with @thomas")
    clock.set(AFTER_FIRST_SESSION)
    teams.dispatch()
    assert teams.say(THOMAS, NOTES).status_code == 200
    connector.wait_for(lambda: [a for a in connector.sent(CLAIRE.chat) if NOTES in read(a)])
    thomas_is = (THOMAS.id, THOMAS.chat, THOMAS.locale, THOMAS.timezone)
    written = (JOURNAL, AGENDA, MILESTONE, NOTES)
    assert {needle for _, needle in left_behind(sqlite_url, written + thomas_is)} == set(
        written + thomas_is
    )

    assert "erased" in read(teams.answer(THOMAS, "forget-me confirm"))
    teams.settle()
    left = left_behind(sqlite_url, written + thomas_is)
    assert left == [], rows_holding(sqlite_url, written + thomas_is)
    assert left_behind(sqlite_url, CLAIRE_WROTE[:2]) != []


def test_forget_me_while_a_message_to_them_is_in_flight_leaves_no_id_of_theirs(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock, sqlite_url: str
) -> None:
    """The erasure runs while the dispatcher waits on Teams for a message to the person: what
    the send keeps while it is in flight (the conversation it is calling) names nobody, and
    what it writes once answered brings back nothing of theirs."""
    for person in (CLAIRE, THOMAS):
        assert teams.install(person).status_code == 200
    teams.make_pair(THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris")
    clock.set(AFTER_FIRST_SESSION)
    held = connector.hold_next(THOMAS.chat)  # his summary request, due now
    assert teams.bot is not None and teams.bot.loop is not None
    run = asyncio.run_coroutine_threadsafe(teams.bot.dispatcher.run_once(), teams.bot.loop)
    thomas_is = (THOMAS.id, THOMAS.chat, THOMAS.locale, THOMAS.timezone)
    try:
        assert held.reached.wait(20), "the summary request to Thomas was not sent"
        assert "erased" in read(teams.answer(THOMAS, "forget-me confirm"))
        left = left_behind(sqlite_url, thomas_is)
        assert left == [], rows_holding(sqlite_url, thomas_is)  # the send still in flight
    finally:
        held.release()
    run.result(timeout=30)
    teams.settle()
    left = left_behind(sqlite_url, thomas_is)
    assert left == [], rows_holding(sqlite_url, thomas_is)
