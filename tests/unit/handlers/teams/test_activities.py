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


def mentions(ids: list[str]) -> list[dict[str, object]]:
    return [{"type": "mention", "text": "<at>X</at>", "mentioned": {"id": i}} for i in ids]


def test_past_twenty_mentions_none_is_read() -> None:
    """Each mention counts, one of the bot's own aside: 20 are read, 21 are not."""
    people = [f"29:p{n}" for n in range(20)]
    turn = read_turn(activity("x", entities=mentions(["28:bot", *people])), "<at>X</at> " * 21)
    assert (turn.mentions, len(turn.mentioned)) == (20, 20)
    turn = read_turn(activity("x", entities=mentions([*people, "29:p0"])), "<at>X</at> " * 21)
    assert (turn.mentions, turn.mentioned, turn.text) == (21, {}, "")
    turn = read_turn(activity("x", entities=mentions(["28:bot"] * 22)), "<at>X</at> " * 22)
    assert (turn.mentions, turn.mentioned) == (21, {})


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
