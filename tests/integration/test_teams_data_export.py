"""Teams: `my-data` offers the export with a file consent card; accepted, it is made again,
uploaded where Teams says and shown as a file card. Activity shapes as in Microsoft's
"Send and receive files using bot" (Teams bot APIs, personal scope)."""

from __future__ import annotations

import json
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, text_of
from tests.integration.conftest import CLAIRE, THOMAS
from tests.integration.teams_harness import CONSENT_UNIQUE_ID as UNIQUE_ID
from tests.integration.teams_harness import TeamsBot, TeamsUser, attachments_of, consent

PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
JOURNAL = "Learnt to say no to a meeting without feeling guilty"
CONSENT = "application/vnd.microsoft.teams.card.file.consent"
INFO = "application/vnd.microsoft.teams.card.file.info"


def paired(teams: TeamsBot) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    teams.make_pair(THOMAS, PAIR)
    teams.answer(THOMAS, f"journal {JOURNAL}")


def offer(teams: TeamsBot, connector: FakeConnector, user: TeamsUser) -> dict[str, Any]:
    """The consent card `my-data` brings, after the reply's own card."""
    assert teams.say(user, "my-data").status_code == 200
    return attachments_of(connector, user, CONSENT)[-1]


def test_an_accepted_export_is_made_again_uploaded_and_shown_to_its_owner_only(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    paired(teams)
    claire_before = len(connector.sent(CLAIRE.chat))
    card = offer(teams, connector, THOMAS)
    assert "Here is everything Mentorbot keeps" in text_of(connector.sent(THOMAS.chat)[-2])
    name = f"mentorbot-data-{clock.now():%Y-%m-%d}.json"
    size = card["content"]["sizeInBytes"]
    assert card["name"] == name and size > 0
    assert card["content"]["acceptContext"] == {"command": "my-data"}
    assert f"({max(1, -(-size // 1024))} KB)" in card["content"]["description"]
    assert JOURNAL not in json.dumps(card)  # the card carries no data

    accepted = consent(teams, THOMAS, card, "accept", upload_url=connector.upload_url(name))
    assert accepted.status_code == 200
    [upload] = connector.uploads
    assert (upload.name, upload.status, len(upload.body)) == (name, 201, size)
    assert upload.headers["content-range"] == f"bytes 0-{size - 1}/{size}"
    assert upload.headers["content-length"] == str(size)
    assert "authorization" not in upload.headers  # the bot's token stays with Teams
    document = json.loads(upload.body)
    assert [entry["text"] for entry in document["journal"]] == [JOURNAL]
    [pair] = document["pairs"]
    assert pair["other_member"]["name"] == "Claire" and pair["my_role"] == "mentee"

    [shown] = attachments_of(connector, THOMAS, INFO)
    assert shown["name"] == name and shown["contentUrl"].endswith(f"/Apps/{name}")
    assert shown["content"] == {"uniqueId": UNIQUE_ID, "fileType": "json"}
    assert len(connector.sent(CLAIRE.chat)) == claire_before
    assert connector.rejected() == []


def test_a_declined_export_is_not_uploaded_and_the_answer_is_polite(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    paired(teams)
    card = offer(teams, connector, CLAIRE)
    assert "Ko" in card["content"]["description"]  # Claire reads French
    assert consent(teams, CLAIRE, card, "decline").status_code == 200
    assert "Aucun fichier envoyé" in text_of(connector.sent(CLAIRE.chat)[-1])
    assert connector.uploads == [] and attachments_of(connector, CLAIRE, INFO) == []


def test_a_failed_upload_is_told_politely_and_the_invoke_still_answered_200(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    paired(teams)
    card = offer(teams, connector, THOMAS)
    connector.fail_next_upload(500)
    url = connector.upload_url(card["name"])
    assert consent(teams, THOMAS, card, "accept", upload_url=url).status_code == 200
    assert "could not send you the file (HTTP 500)" in text_of(connector.sent(THOMAS.chat)[-1])
    assert [u.status for u in connector.uploads] == [500]

    unreachable = "http://127.0.0.1:9/uploads/x.json"  # nothing listens: a connection error
    assert consent(teams, THOMAS, card, "accept", upload_url=unreachable).status_code == 200
    assert "could not send you the file" in text_of(connector.sent(THOMAS.chat)[-1])

    forged = {"command": "forget-me confirm"}  # only the export is ever run again
    assert consent(teams, THOMAS, card, "accept", upload_url=url, context=forged).status_code == 200
    assert "could not send you the file" in text_of(connector.sent(THOMAS.chat)[-1])
    assert len(connector.uploads) == 1 and attachments_of(connector, THOMAS, INFO) == []
    assert "Thursday" in text_of(teams.answer(THOMAS, "pairs"))  # Thomas was not erased
