"""Characters JSON can carry that no database keeps: a NUL (`\\u0000`, `%00`) and a lone
surrogate (`\\ud800`). PostgreSQL refuses a NUL, SQLite cuts a JSON key list at it, and neither
driver takes a lone surrogate: the endpoints drop the NULs and replace the lone surrogates
before any listener reads the request, so a summary, an agenda point or a Teams message that
holds one is kept (without it) and answered, never met with the apology for a failure. Nor
does a profile longer than its columns: a Teams name of 300 characters, a "locale" or a "zone"
of a hundred (PostgreSQL refused the row, and each request of that person failed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector
from tests.fakes.teams_connector import text_of as teams_text_of
from tests.integration.conftest import CLAIRE, MENTEE, MENTOR, THOMAS
from tests.integration.harness import RunningBot, is_apology, text_of
from tests.integration.teams_harness import TeamsBot
from tests.integration.test_dm_reply_routing import THOMAS_ASKED, THOMAS_PAIR, recorded

POINT = "Parler de ma mobilit\u00e9\x00 interne"  # a form body (`%00`): no lone surrogate
KEPT = "Parler de ma mobilit\u00e9 interne"
SURROGATE = "\ud800"  # only a JSON escape carries one
TEAMS_PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"


def post(bot: TeamsBot, activity: dict[str, Any]) -> int:
    """POST `activity` as JSON text with its escapes (a lone surrogate has no UTF-8)."""
    body = json.dumps(activity).encode()
    headers = {"Content-Type": "application/json"}
    return bot.http.post("/api/messages", content=body, headers=headers).status_code


@pytest.fixture
def slack_bot(
    fake: FakeSlack, migrated_database_url: str, clock: ManualClock
) -> Iterator[RunningBot]:
    bot = RunningBot(database_url=migrated_database_url, fake=fake, clock=clock).start()
    yield bot
    bot.stop()


def test_slack_text_with_a_nul_or_a_lone_surrogate_is_kept_without_it(
    slack_bot: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    slack_bot.make_pair(MENTOR, THOMAS_PAIR)
    added = text_of(slack_bot.answer(MENTEE, f"agenda add {POINT}"))
    assert KEPT in added
    assert KEPT in text_of(slack_bot.answer(MENTEE, "agenda"))

    clock.set(THOMAS_ASKED)
    slack_bot.dispatch()
    response, _ = slack_bot.dm(MENTOR, f"D\u00e9cisions\x00 : {POINT}{SURROGATE}")
    assert response.status_code == 200
    fake.wait_for(lambda: recorded(fake, MENTOR))
    slack_bot.settle()
    assert f"{KEPT}\ufffd" in text_of(slack_bot.answer(MENTEE, "history 1"))
    said = [json.dumps(call.args, ensure_ascii=False) for call in fake.calls()]
    assert [text for text in said if is_apology(text)] == []


def test_a_teams_activity_with_a_nul_in_its_ids_or_text_is_answered(
    teams_served: TeamsBot, connector: FakeConnector
) -> None:
    teams_served.install(CLAIRE)
    teams_served.install(THOMAS)
    teams_served.make_pair(
        THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
    )
    teams_served.quiesce()
    before = len(connector.sent(THOMAS.chat))
    assert post(teams_served, teams_served.message(THOMAS, f"agenda add {POINT}{SURROGATE}")) == 200
    [added, *_] = connector.wait_for(lambda: connector.sent(THOMAS.chat)[before:])
    assert f"{KEPT}\ufffd" in teams_text_of(added)

    # A mention whose id holds a NUL: read as a stranger's, answered as such.
    message: dict[str, Any] = teams_served.message(THOMAS, "agenda @claire")
    message["entities"][0]["mentioned"]["id"] = f"{CLAIRE.id}\x00"
    assert post(teams_served, message) == 200
    teams_served.settle()
    assert [a for a in map(teams_text_of, connector.sent()) if is_apology(a)] == []


@pytest.mark.parametrize(
    "profile",
    [{"from": {"name": "T" * 300}}, {"locale": "fr-FR-" + "x" * 100}, {"localTimezone": "Z" * 100}],
    ids=["name", "locale", "zone"],
)
def test_a_teams_profile_longer_than_its_columns_is_kept_cut_and_answered(
    teams_served: TeamsBot, connector: FakeConnector, profile: dict[str, Any]
) -> None:
    teams_served.install(THOMAS)
    teams_served.quiesce()
    before = len(connector.sent(THOMAS.chat))
    message = teams_served.message(THOMAS, "help")
    for key, value in profile.items():
        message[key] = {**message[key], **value} if isinstance(value, dict) else value
    assert post(teams_served, message) == 200
    teams_served.settle()
    [answer] = connector.sent(THOMAS.chat)[before:]
    assert "Mentorbot" in teams_text_of(answer) and not is_apology(teams_text_of(answer))
