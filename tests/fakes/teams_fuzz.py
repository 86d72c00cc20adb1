"""Hypothesis strategies for Bot Framework activities as Teams sends them, and bent ones.

Messages typed in a 1:1 chat or a channel (with and without `<at>` mentions), card actions
(`adaptiveCard/action` invokes of the bot's buttons and forms, and of names it never gave),
file consent answers, installs and uninstalls; each possibly with parts dropped or replaced by
any JSON, or no activity at all (any JSON, any bytes).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from bot.forms.router import BUTTONS, FORMS
from tests.fakes.slack_fuzz import command_texts, json_values, maybe_bent, nested
from tests.fakes.teams_connector import BOT_ID

TENANT = "tenant-fuzz"
VERBS = ("button", "form", "mystery", "")


def people(known: list[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str]]:
    """(id, name) of people the bot knows, of strangers, and ids Teams would never give."""
    return st.sampled_from([*known, ("29:nobody", "Nobody")]) | st.tuples(
        st.text(max_size=30), st.text(max_size=12)
    )


def _envelope(
    kind: str, who: tuple[str, str], service_url: str, number: int, **fields: Any
) -> dict[str, Any]:
    return {
        "type": kind,
        "id": f"1:fuzz{number}",
        "timestamp": "2026-11-30T08:00:00.000Z",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": who[0], "name": who[1], "aadObjectId": f"aad-{who[0][-8:]}"},
        "recipient": {"id": BOT_ID, "name": "Mentorbot"},
        "conversation": {
            "id": f"a:{who[0]}",
            "conversationType": "personal",
            "tenantId": TENANT,
        },
        "channelData": {"tenant": {"id": TENANT}},
        "locale": "fr-FR",
        "localTimezone": "Europe/Paris",
        **fields,
    }


@st.composite
def messages(draw: st.DrawFn, known: list[tuple[str, str]], service_url: str) -> Any:
    who = draw(people(known))
    # Now and then a crowd: more people than a message may name (NAMED_AT_MOST), or about as many.
    mentioned = draw(st.lists(people(known), max_size=2) | st.lists(people(known), min_size=18))
    text = " ".join(
        [draw(command_texts(st.sampled_from([m for m, _ in known])))]
        + [f"<at>{name}</at>" for _, name in mentioned]
    )
    entities = [
        {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": id_, "name": name}}
        for id_, name in mentioned
    ]
    fields: dict[str, Any] = {"text": text, "entities": entities}
    if draw(st.booleans()):  # in a team channel: the bot hears it only when mentioned
        fields["text"] = f"<at>Mentorbot</at> {text}"
        entities.append(
            {"type": "mention", "text": "<at>Mentorbot</at>", "mentioned": {"id": BOT_ID}}
        )
        fields["conversation"] = {
            "id": "19:leads@thread.tacv2;messageid=1764490000000",
            "conversationType": "channel",
            "tenantId": TENANT,
        }
        fields["channelData"] = {
            "tenant": {"id": TENANT},
            "team": {"id": "19:team@thread.tacv2"},
            "channel": {"id": "19:leads@thread.tacv2", "name": "Leads"},
        }
    return _envelope("message", who, service_url, draw(st.integers(0, 10**6)), **fields)


@st.composite
def card_actions(draw: st.DrawFn, known: list[tuple[str, str]], service_url: str) -> Any:
    verb = draw(st.sampled_from(VERBS) | st.text(max_size=10))
    if verb == "form":
        name = draw(st.sampled_from(sorted(FORMS)) | st.text(max_size=15))
        inputs = draw(st.dictionaries(st.text(max_size=12), json_values, max_size=4))
        state = draw(st.dictionaries(st.text(max_size=12), json_values, max_size=3))
        data: Any = {"form": name, "state": state, **inputs}
    else:
        action = draw(st.sampled_from(sorted(BUTTONS)) | st.text(max_size=20))
        data = {"action": action, "value": draw(st.integers(-5, 10**12).map(str) | json_values)}
    value = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    number = draw(st.integers(0, 10**6))
    who = draw(people(known))
    return _envelope("invoke", who, service_url, number, name="adaptiveCard/action", value=value)


@st.composite
def other_activities(draw: st.DrawFn, known: list[tuple[str, str]], service_url: str) -> Any:
    """File consent answers, installs, uninstalls, and kinds the bot does not handle."""
    who = draw(people(known))
    number = draw(st.integers(0, 10**6))
    choice = draw(st.sampled_from(["consent", "install", "uninstall", "other"]))
    if choice == "consent":
        value = {
            "type": "fileUpload",
            "action": draw(st.sampled_from(["accept", "decline", ""])),
            "context": draw(json_values),
            "uploadInfo": {"uploadUrl": draw(st.sampled_from(["", f"{service_url}upload"]))},
        }
        return _envelope("invoke", who, service_url, number, name="fileConsent/invoke", value=value)
    if choice in ("install", "uninstall"):
        key = "membersAdded" if choice == "install" else "membersRemoved"
        return _envelope("conversationUpdate", who, service_url, number, **{key: [{"id": BOT_ID}]})
    kind = draw(st.sampled_from(["messageReaction", "typing", "event", "installationUpdate"]))
    return _envelope(kind, who, service_url, number, value=draw(json_values))


def bodies(known: list[tuple[str, str]], service_url: str) -> st.SearchStrategy[bytes]:
    """An activity, often bent, as JSON; or any JSON; or any bytes."""
    activities = st.one_of(
        messages(known, service_url),
        card_actions(known, service_url),
        other_activities(known, service_url),
    ).flatmap(maybe_bent)
    encoded = st.one_of(activities, json_values).map(lambda value: json.dumps(value).encode())
    # An activity whose value nests deeper than Python's parser goes (built as text).
    deep = activities.flatmap(
        lambda activity: st.integers(1, 3_000).map(
            lambda depth: json.dumps(activity)[:-1].encode() + b', "value": ' + nested(depth) + b"}"
        )
    )
    return st.one_of(encoded, encoded, encoded, deep, st.binary(max_size=200))
