"""A pair's Teams cards pressed outside the 1:1 chat (forwarded or shared to a channel or a group
chat, or an invoke forged as coming from one): the answer would be everyone's there, so the bot
refuses politely, in the person's language, and does nothing: no session skipped or moved, no
summary or agenda item stored, nothing of the pair posted anywhere, no file uploaded."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from bot.kernel.clock import ManualClock
from handlers.teams.cards import EXECUTE_VERB
from handlers.teams.form_cards import FORM_VERB
from tests.fakes.teams_connector import FakeConnector, buttons, cards, text_of
from tests.integration.conftest import ADA, CLAIRE, THOMAS
from tests.integration.harness import TEAMS_TENANT
from tests.integration.teams_harness import TeamsBot, TeamsUser, attachments_of

PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
CHANNEL = "19:general0channel@thread.tacv2"
GROUP = "19:groupchat0abc@thread.v2"
PLACES: dict[str, dict[str, Any]] = {  # the activity fields Teams sends from each
    "channel": {
        "conversation": {
            "id": f"{CHANNEL};messageid=1764490000000",
            "conversationType": "channel",
            "tenantId": TEAMS_TENANT,
        },
        "channelData": {
            "tenant": {"id": TEAMS_TENANT},
            "team": {"id": "19:team@thread.tacv2"},
            "channel": {"id": CHANNEL, "name": "General"},
        },
    },
    "groupChat": {
        "conversation": {
            "id": GROUP,
            "conversationType": "groupChat",
            "tenantId": TEAMS_TENANT,
            "isGroup": True,
        },
    },
}
REFUSALS = {
    ("channel", "en"): "In a channel I only take `digest`",
    ("channel", "fr"): "Dans un canal, je ne traite que `synthese`",
    ("groupChat", "en"): "In a group chat I take no requests",
    ("groupChat", "fr"): "Dans une conversation de groupe, je ne traite aucune demande",
}
SECRETS = ("TOPSECRET", "Claire", "Thomas", "December", "décembre")
CONSENT = "application/vnd.microsoft.teams.card.file.consent"


def invoke(teams: TeamsBot, user: TeamsUser, where: str, name: str, value: Any) -> httpx.Response:
    """An invoke from `user` in the conversation `where` (a key of PLACES)."""
    return teams.post_activity(
        teams.activity(user, "invoke", name=name, value=value, **PLACES[where])
    )


def press_in(
    teams: TeamsBot, user: TeamsUser, where: str, data: dict[str, Any], verb: str
) -> httpx.Response:
    """An Action.Execute of a card shown in the conversation `where`."""
    value = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    return invoke(teams, user, where, "adaptiveCard/action", value)


def posted_in(connector: FakeConnector, where: str) -> list[dict[str, Any]]:
    """Everything the bot tried to post in that conversation (a channel: in any thread)."""
    conversation = PLACES[where]["conversation"]["id"].split(";")[0]
    return [
        post.body
        for post in connector.posts
        if post.conversation and post.conversation.split(";")[0] == conversation
    ]


def database(url: str) -> dict[str, list[str]]:
    """Every row of every table, to tell that nothing was stored."""
    with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def refused(response: httpx.Response, where: str, lang: str) -> None:
    """The invoke answered as the Bot Framework expects: 200, the refusal as its message."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"].startswith(REFUSALS[where, lang]), body["value"]
    assert not any(secret in body["value"] for secret in SECRETS)


@pytest.fixture
def pressed(teams: TeamsBot, clock: ManualClock, connector: FakeConnector) -> list[dict[str, Any]]:
    """Claire mentors Thomas; Thomas summed up the session of 3 December in two messages (the
    second asks whether to add it, replace or keep), then was reminded of the one of 10
    December: the data of every button of his 1:1 chat, and the agenda form's submit."""
    for person in (CLAIRE, THOMAS, ADA):
        teams.install(person)
    teams.make_pair(THOMAS, PAIR)
    teams.answer(THOMAS, "agenda add TOPSECRET_AGENDA")
    clock.set(datetime(2026, 12, 3, 18, 5, tzinfo=UTC))
    teams.settle()
    for words in ("TOPSECRET_SUMMARY1", "TOPSECRET_SUMMARY2"):
        assert teams.say(THOMAS, words).status_code == 200
        teams.settle()
    clock.set(datetime(2026, 12, 9, 17, 5, tzinfo=UTC))
    teams.settle()
    seen: list[dict[str, Any]] = []
    for activity in connector.sent(THOMAS.chat):
        seen += [data for data in buttons(activity) if data not in seen]
    assert {d["action"] for d in seen} >= {
        "summary.write",
        "summary.append",
        "agenda.add",
        "session.move",
        "session.skip",
    }
    [add] = [d for d in seen if d["action"] == "agenda.add"]
    before = len(connector.sent(THOMAS.chat))
    assert teams.press(THOMAS, add, verb=EXECUTE_VERB).status_code == 200
    [form] = connector.wait_for(
        lambda: [c for a in connector.sent(THOMAS.chat)[before:] for c in cards(a)]
    )
    [submit] = [a["data"] for a in form["actions"] if a.get("verb") == FORM_VERB]
    inputs = [e["id"] for e in form["body"] if e.get("id")]
    seen.append({**submit, **dict.fromkeys(inputs, "TOPSECRET_FORM")})
    teams.settle()
    return seen


@pytest.mark.parametrize("where", ["channel", "groupChat"])
def test_a_pairs_buttons_pressed_outside_the_1to1_chat_are_refused_and_change_nothing(
    teams: TeamsBot,
    connector: FakeConnector,
    migrated_sqlite_url: str,
    pressed: list[dict[str, Any]],
    where: str,
) -> None:
    stored = database(migrated_sqlite_url)
    connector.reset()
    for data in pressed:
        verb = FORM_VERB if "form" in data else EXECUTE_VERB
        refused(press_in(teams, THOMAS, where, data, verb), where, "en")
    # Each in the presser's language: Claire reads French.
    [skip] = [d for d in pressed if d.get("action") == "session.skip"]
    refused(press_in(teams, CLAIRE, where, skip, EXECUTE_VERB), where, "fr")
    teams.settle()
    assert posted_in(connector, where) == []
    assert connector.sent() == []  # nor Claire told of a skip, a move or a summary
    assert database(migrated_sqlite_url) == stored


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_command_typed_in_a_group_chat_is_refused_in_words_that_fit_a_group_chat(
    teams: TeamsBot, connector: FakeConnector, lang: str
) -> None:
    person = THOMAS if lang == "en" else CLAIRE
    teams.install(person)
    typed = teams.message(person, "agenda", **PLACES["groupChat"])
    assert teams.post_activity(typed).status_code == 200
    [answer] = connector.wait_for(lambda: posted_in(connector, "groupChat"))
    assert text_of(answer).startswith(REFUSALS["groupChat", lang])


@pytest.mark.parametrize("where", ["channel", "groupChat"])
def test_a_calendar_file_accepted_outside_the_1to1_chat_is_not_uploaded(
    teams: TeamsBot, connector: FakeConnector, migrated_sqlite_url: str, where: str
) -> None:
    for person in (CLAIRE, THOMAS):
        teams.install(person)
    teams.make_pair(THOMAS, PAIR)
    teams.settle()
    [card] = attachments_of(connector, THOMAS, CONSENT)
    stored = database(migrated_sqlite_url)
    url = connector.upload_url(card["name"])
    value = {
        "type": "fileUpload",
        "action": "accept",
        "context": card["content"]["acceptContext"],
        "uploadInfo": {"name": card["name"], "uploadUrl": url, "uniqueId": "1", "etag": "1"},
    }
    response = invoke(teams, THOMAS, where, "fileConsent/invoke", value)
    assert response.status_code == 200, response.text
    [answer] = connector.wait_for(lambda: posted_in(connector, where))
    assert text_of(answer).startswith(REFUSALS[where, "en"])
    assert not any(secret in json.dumps(answer) for secret in SECRETS)
    assert connector.uploads == []
    assert database(migrated_sqlite_url) == stored
