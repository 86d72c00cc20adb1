"""Teams: a message names 20 people at most. One mentioning thousands (a 1 MB activity) is
refused at once with the limit, and none of them is stored; before, the 5,000 mentions of
such a message were each replaced in the text and stored as a person (4.8 s, 5,000 rows).
A mention never moves the chat of someone the bot can already write to: before, a mention
in a chat of another region or tenant sent that person's DMs to its service URL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import func, select

from bot.kernel.clock import ManualClock
from bot.kernel.i18n import t
from storage.models import Person
from tests.fakes.teams_connector import FakeConnector, text_of
from tests.integration.conftest import CLAIRE, NINA, THOMAS
from tests.integration.teams_harness import TeamsBot


def naming(teams: TeamsBot, count: int, command: str) -> dict[str, Any]:
    """Thomas's message `command` followed by `count` mentions of made-up people."""
    shown = [f"<at>Person {n}</at>" for n in range(count)]
    entities = [
        {"type": "mention", "text": text, "mentioned": {"id": f"29:made-up-{n}", "name": text}}
        for n, text in enumerate(shown)
    ]
    return teams.activity(THOMAS, "message", text=f"{command} {' '.join(shown)}", entities=entities)


def people(teams: TeamsBot) -> int:
    with teams.bot.core.db.session() as session:
        return session.exec(select(func.count()).select_from(Person)).one()


def test_a_message_naming_thousands_is_refused_and_stores_none_of_them(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(THOMAS)
    before = people(teams)
    assert teams.post_activity(naming(teams, 5000, "agenda add talk with")).status_code == 200
    teams.settle()
    refused = t("error.too_many_people", "en", most=20, named="5,000")
    assert refused in text_of(connector.sent(THOMAS.chat)[-1])
    assert people(teams) == before

    # 20: read, and each person named stored (so that a 1:1 chat can reach them later).
    assert teams.post_activity(naming(teams, 20, "help")).status_code == 200
    teams.settle()
    assert "Mentorbot" in text_of(connector.sent(THOMAS.chat)[-1])
    assert people(teams) == before + 20


def test_a_mention_in_another_tenants_chat_does_not_move_someones_chat(
    teams_pair: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams = teams_pair
    elsewhere = "99999999-0000-0000-0000-000000000042"
    mention = teams.message(
        NINA,
        "great talk @claire",
        serviceUrl="http://127.0.0.1:9/another-region/",  # nothing listens there
        conversation={"id": "19:shared@thread.v2", "conversationType": "groupChat"},
        channelData={"tenant": {"id": elsewhere}},
    )
    assert teams.post_activity(mention).status_code == 200
    teams.settle()
    before = len(connector.sent(CLAIRE.chat))
    clock.set(datetime(2026, 12, 2, 17, 5, tzinfo=UTC))  # a day before their first session
    teams.dispatch()
    teams.settle()
    assert len(connector.sent(CLAIRE.chat)) > before  # her reminder reached her own chat
