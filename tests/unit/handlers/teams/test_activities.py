"""Reading Teams activities: mentions to core markup, HTML, the bot's own mention, zones."""

from __future__ import annotations

from microsoft_teams.api import ActivityTypeAdapter

from handlers.teams.activities import read_turn


def activity(text: str, **fields) -> object:
    return ActivityTypeAdapter.validate_python(
        {
            "type": "message",
            "id": "1:9",
            "serviceUrl": "https://smba.trafficmanager.net/emea/",
            "from": {"id": "29:claire", "name": "Claire"},
            "recipient": {"id": "28:bot", "name": "Mentorbot"},
            "conversation": {"id": "a:claire", "conversationType": "personal", "tenantId": "t"},
            "text": text,
            "entities": [
                {"type": "mention", "text": "<at>Mentorbot</at>", "mentioned": {"id": "28:bot"}},
                {
                    "type": "mention",
                    "text": "<at>Thomas Martin</at>",
                    "mentioned": {"id": "29:thomas", "name": "Thomas Martin"},
                },
                {"type": "clientInfo", "locale": "fr-FR", "timezone": "Europe/Paris"},
            ],
            "locale": "fr-FR",
            **fields,
        }
    )


def test_mentions_become_core_tokens_and_the_bot_mention_goes() -> None:
    turn = read_turn(
        activity("x"), "<p><at>Mentorbot</at> agenda <at>Thomas Martin</at>&nbsp;add Q1</p>"
    )
    assert turn.text == "agenda <@29:thomas> add Q1"
    assert turn.mentioned == {"29:thomas": "Thomas Martin"}
    assert not turn.slash and turn.personal


def test_the_slash_prefix_of_help_is_accepted_and_remembered() -> None:
    turn = read_turn(activity("x"), "/mentor frobnicate")
    assert (turn.text, turn.slash) == ("frobnicate", True)
    assert read_turn(activity("x"), "Mentor said hello").text == "Mentor said hello"


def test_zone_locale_and_channel() -> None:
    turn = read_turn(
        activity(
            "x",
            localTimezone="America/Montreal",
            conversation={"id": "19:c@thread.tacv2;messageid=17", "conversationType": "channel"},
            channelData={
                "tenant": {"id": "t"},
                "channel": {"id": "19:c@thread.tacv2", "name": "Leads"},
            },
        )
    )
    assert (turn.timezone, turn.locale, turn.tenant_id) == ("America/Montreal", "fr-FR", "t")
    assert (turn.channel_id, turn.channel_name, turn.personal) == (
        "19:c@thread.tacv2",
        "Leads",
        False,
    )
    no_local = read_turn(activity("x"))
    assert no_local.timezone == "Europe/Paris"  # from the clientInfo entity
