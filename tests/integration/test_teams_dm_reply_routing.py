"""On Teams, a typed reply is filed on the session it answers; when it could answer two pairs,
the bot asks with Action.Execute buttons and shares nothing before the author's choice."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, cards, text_of
from tests.integration.conftest import ADA, CLAIRE, THOMAS
from tests.integration.teams_harness import TeamsBot, TeamsUser

THOMAS_PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
ADA_PAIR = "pair @claire @ada weekly on thursday at 19:30 tz Europe/Paris"
SECRET = "Thomas wants to leave his team before the reorganisation"


def reached(connector: FakeConnector, text: str) -> set[str]:
    """The conversation of every activity the connector accepted that carries `text`."""
    conversations = {post.conversation for post in connector.posts if post.conversation}
    return {
        conversation
        for conversation in conversations
        for activity in connector.sent(conversation)
        if text in json.dumps(activity, ensure_ascii=False)
    }


def choices(activity: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The Action.Execute buttons of a card by title: their `data`."""
    return {a["title"]: a["data"] for card in cards(activity) for a in card.get("actions", [])}


def prompts(connector: FakeConnector, user: TeamsUser) -> list[dict[str, Any]]:
    return [
        a
        for a in connector.sent(user.chat)
        if any(d.get("action") == "summary.choose" for d in choices(a).values())
    ]


@pytest.fixture
def two_pairs(teams: TeamsBot) -> TeamsBot:
    """Claire mentors Thomas (Thursday 18:00 Paris) and Ada (Thursday 19:30 Paris)."""
    for person in (CLAIRE, THOMAS, ADA):
        teams.install(person)
    teams.make_pair(CLAIRE, THOMAS_PAIR)
    teams.make_pair(CLAIRE, ADA_PAIR)
    return teams


def test_a_teams_reply_to_two_pairs_waits_for_a_choice_then_reaches_one(
    two_pairs: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams = two_pairs
    clock.set(datetime(2026, 12, 4, 19, 30, tzinfo=UTC))  # Claire asked about both sessions
    teams.dispatch()
    connector.reset()

    assert teams.say(CLAIRE, SECRET).status_code == 200
    teams.settle()
    prompt = connector.wait_for(lambda: prompts(connector, CLAIRE))[-1]
    assert "De quelle séance parle votre message ?" in text_of(prompt)
    offered = choices(prompt)
    assert list(offered) == [
        "Thomas, jeudi 3 décembre 2026 18h00",
        "Ada, jeudi 3 décembre 2026 19h30",
        "Aucune : supprimer mon message",
    ]
    assert SECRET not in json.dumps(offered)
    assert reached(connector, SECRET) == {CLAIRE.chat}

    # Ada presses Claire's button: a polite no, nothing filed or shared.
    forged = teams.press(ADA, offered["Thomas, jeudi 3 décembre 2026 18h00"], verb="button")
    assert forged.status_code == 200
    answer = connector.wait_for(lambda: connector.sent(ADA.chat))[-1]
    assert "no longer waiting for a choice" in text_of(answer)

    chosen = teams.press(CLAIRE, offered["Thomas, jeudi 3 décembre 2026 18h00"], verb="button")
    assert chosen.status_code == 200
    teams.settle()
    shared = connector.wait_for(
        lambda: [a for a in connector.sent(THOMAS.chat) if SECRET in text_of(a)]
    )
    assert "Thursday 3 December 2026, 12:00 (America/Montreal)" in text_of(shared[0])
    assert any("Enregistré comme compte-rendu" in text_of(a) for a in connector.sent(CLAIRE.chat))
    assert reached(connector, SECRET) == {CLAIRE.chat, THOMAS.chat}
    assert connector.rejected() == []


def test_a_teams_reply_to_the_only_request_goes_to_that_pair(
    two_pairs: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams = two_pairs
    clock.set(datetime(2026, 12, 4, 18, 0, tzinfo=UTC))  # only Thomas's request has gone
    teams.dispatch()
    connector.reset()
    assert teams.say(CLAIRE, SECRET).status_code == 200
    teams.settle()
    connector.wait_for(lambda: [a for a in connector.sent(THOMAS.chat) if SECRET in text_of(a)])
    teams.settle()
    assert reached(connector, SECRET) == {THOMAS.chat}
    assert prompts(connector, CLAIRE) == []
