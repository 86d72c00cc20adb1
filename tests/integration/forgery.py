"""Forged requests, signed as Slack and Teams send them: the buttons a person never saw, forms
pointing at someone else's pair, commands naming someone else's items.

The buttons and forms to forge are harvested from what the bot really sent during a scenario
(`harvest_buttons`, `harvest_modals`); `forge_*` send one request as another person, wait for
all the work it started, count it in `leaks.SENT` and return what the requester was answered.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from handlers.slack.blocks import NTH
from tests.fakes import signing
from tests.fakes.teams_connector import cards
from tests.integration.harness import TEAM, RunningBot, is_apology
from tests.integration.leaks import SENT, Delivery, Mark, slack_deliveries
from tests.integration.teams_harness import TeamsBot, TeamsUser

HOME_PREFIX = "home:"
# Values a button or a form's hidden state should never have.
TAMPERED = (
    "0",
    "-1",
    "999999",
    "9" * 30,
    "",
    "abc",
    " 1",
    "1 ",
    "1.0",
    "+1",
    "0x1",
    "null",
    "١",  # an Arabic-Indic digit one: str.isdigit() says yes
    "²",  # a superscript two: isdigit() says yes, int() says no
    "𝟙",
    "🙂",
    "1; DROP TABLE pair; --",
    "\x00",
    "x" * 5000,
    "1" * 5000,
)
# The moments that take both attack scenarios, whose pairs last met on the 3rd of December, three
# weeks on: the stall notices go out, so that their buttons are forged too.
STALL_MOMENTS = (
    datetime(2026, 12, 23, 17, 5, tzinfo=UTC),
    datetime(2026, 12, 24, 18, 5, tzinfo=UTC),
    datetime(2026, 12, 25, 17, 5, tzinfo=UTC),
    datetime(2026, 12, 30, 17, 5, tzinfo=UTC),
    datetime(2026, 12, 30, 19, 0, tzinfo=UTC),
)


@dataclass(frozen=True)
class Seen:
    """A button the bot rendered: its action_id and value, and who it was shown to."""

    action_id: str
    value: str
    owner: str

    @property
    def action(self) -> str:
        """The core's action (`home:goal.done:7` → `goal.done`, `summary.choose#1` → its first
        part: several buttons of one message doing the same thing are numbered)."""
        if self.home:
            return self.action_id.removeprefix(HOME_PREFIX).rsplit(":", 1)[0]
        return self.action_id.split(NTH)[0]

    @property
    def home(self) -> bool:
        return self.action_id.startswith(HOME_PREFIX)


@dataclass(frozen=True)
class Opened:
    """A modal the bot opened: the view as sent, and who it was opened for."""

    view: dict[str, Any]
    owner: str

    @property
    def callback_id(self) -> str:
        return str(self.view.get("callback_id"))

    @property
    def metadata(self) -> dict[str, Any]:
        return json.loads(self.view.get("private_metadata") or "{}")


def _buttons_in(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if node.get("type") == "button" and "action_id" in node else []
        return found + [b for value in node.values() for b in _buttons_in(value)]
    if isinstance(node, list):
        return [b for value in node for b in _buttons_in(value)]
    return []


def harvest_buttons(running: RunningBot, since: Mark | None = None) -> list[Seen]:
    """Every distinct button of every message, response, modal and Home tab sent so far."""
    assert running.fake is not None
    seen = {
        Seen(b["action_id"], str(b.get("value", "")), d.reader)
        for d in slack_deliveries(running.fake, running.audience, since)
        for b in _buttons_in(d.payload)
    }
    return sorted(seen, key=lambda s: (s.action_id, s.value, s.owner))


def harvest_modals(running: RunningBot) -> list[Opened]:
    """Every modal the bot opened (views.open), with the person it was opened for."""
    assert running.fake is not None
    return [
        Opened(call.args["view"], running.audience.get(str(call.args.get("trigger_id")), "?"))
        for call in running.fake.calls("views.open")
    ]


def filled(view: dict[str, Any], text: str) -> dict[str, dict[str, dict[str, Any]]]:
    """State values a person could submit in `view`: its initial values, else plausible ones."""
    values: dict[str, dict[str, dict[str, Any]]] = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        element = block["element"]
        kind, name = element["type"], element["action_id"]
        if kind == "plain_text_input":
            state = signing.plain_text(element.get("initial_value") or f"{text} {name}")
        elif kind in ("static_select", "radio_buttons"):
            option = element.get("initial_option") or element["options"][0]
            state = {"type": kind, "selected_option": option}
        elif kind == "datepicker":
            state = signing.datepicker(element.get("initial_date") or "2027-01-15")
        elif kind == "timepicker":
            state = signing.timepicker(element.get("initial_time") or "10:00")
        elif kind == "users_select":
            state = signing.users_select(element.get("initial_user"))
        else:
            raise AssertionError(f"no value for a {kind} input")
        values[block["block_id"]] = {name: state}
    return values


def _answers(running: RunningBot, name: str) -> list[str]:
    assert running.fake is not None
    return [json.dumps(args, ensure_ascii=False) for args in running.fake.responses(name)]


def assert_polite(where: str, answers: list[str]) -> None:
    for answer in answers:
        # A forged request must get a real answer, not the one to a failure of the bot's.
        assert not is_apology(answer), f"{where}: internal error"


def forge_click(running: RunningBot, user: str, action_id: str, value: str) -> None:
    """`user` clicks a button they may never have seen, on a message or on their Home tab."""
    assert running.fake is not None
    name = running.reply_to(user)
    trigger = f"trigger-{name}"
    running.audience[trigger] = user
    home = action_id.startswith(HOME_PREFIX)
    body = signing.block_actions_body(
        user_id=user,
        team_id=TEAM,
        action_id=action_id,
        value=value,
        trigger_id=trigger,
        response_url=None if home else running.fake.response_url(name),
        channel_id=None if home else f"D{user}",
        message_ts=None if home else "1767000000.000100",
        view=running.fake.home_of(user) if home else None,
    )
    response = running.post(body, "application/x-www-form-urlencoded")
    SENT["forged clicks"] += 1
    where = f"{user} clicks {action_id}={value[:40]!r}"
    assert response.status_code == 200, f"{where}: {response.status_code}"
    running.quiesce()
    assert_polite(where, _answers(running, name))


def forge_submission(
    running: RunningBot,
    user: str,
    callback_id: str,
    metadata: str,
    values: dict[str, dict[str, dict[str, Any]]],
) -> Delivery:
    """`user` submits form `callback_id` with this hidden state; the ack's body, as delivered."""
    response = running.post(
        signing.view_submission_body(
            user_id=user,
            team_id=TEAM,
            callback_id=callback_id,
            private_metadata=metadata,
            state_values=values,
        ),
        "application/x-www-form-urlencoded",
    )
    SENT["forged form submissions"] += 1
    where = f"{user} submits {callback_id} with {metadata[:60]!r}"
    assert response.status_code == 200, f"{where}: {response.status_code}"
    running.quiesce()
    answer = response.text
    assert_polite(where, [answer])
    return Delivery(f"answer to: {where}", user, answer)


def forge_command(running: RunningBot, user: str, text: str) -> None:
    """`user` types `/mentor text`."""
    response, name = running.command(user, text)
    SENT["forged commands"] += 1
    where = f"{user}: /mentor {text[:60]!r}"
    assert response.status_code == 200, f"{where}: {response.status_code}"
    running.quiesce()
    assert_polite(where, _answers(running, name))


def forge_dm(running: RunningBot, user: str, words: str) -> None:
    """A plain DM from `user` to the bot, as a `message.im` event."""
    response, _ = running.dm(user, words)
    SENT["forged direct messages"] += 1
    assert response.status_code == 200, f"{user} DMs {words[:40]!r}: {response.status_code}"
    running.quiesce()


def card_actions(teams: TeamsBot) -> list[tuple[str, dict[str, Any], str]]:
    """Every Action.Execute the bot sent on Teams: its verb, its data, and who it was sent to."""
    return [
        (action.get("verb", ""), action.get("data") or {}, str(post.conversation)[2:])
        for post in list(teams.teams.posts)
        if post.status == 201 and str(post.conversation).startswith("a:")
        for card in cards(post.body)
        for action in card.get("actions", [])
        if action.get("type") == "Action.Execute"
    ]


def forge_teams_command(teams: TeamsBot, user: TeamsUser, text: str) -> None:
    """`user` writes `text` to the bot in their 1:1 chat (`@name` words become mentions)."""
    before = len(teams.teams.posts)
    response = teams.say(user, text)
    SENT["forged Teams commands"] += 1
    where = f"{user.name}: {text[:60]!r}"
    assert response.status_code == 200, f"{where}: {response.status_code}"
    teams.quiesce()
    assert_polite(
        where, [json.dumps(p.body, ensure_ascii=False) for p in teams.teams.posts[before:]]
    )


def forge_card_action(
    teams: TeamsBot, user: TeamsUser, verb: str, data: dict[str, Any]
) -> Delivery:
    """`user` presses an Action.Execute with this verb and data; the invoke's answer."""
    value = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    where = f"{user.name} presses {verb} {json.dumps(data, ensure_ascii=False)[:80]}"
    invoke = teams.activity(user, "invoke", name="adaptiveCard/action", value=value)
    return forged_invoke(teams, user, where, "card actions", lambda: teams.post_activity(invoke))


def forge_file_consent(
    teams: TeamsBot, user: TeamsUser, context: Any, name: str, upload_url: str
) -> Delivery:
    """`user` presents a file consent card's Allow with this context (a `fileConsent/invoke`
    with the upload session Teams would give); the invoke's answer."""
    where = f"{user.name} accepts file {json.dumps(context, ensure_ascii=False)[:60]}"
    return forged_invoke(
        teams,
        user,
        where,
        "file consents",
        lambda: teams.file_consent(user, "accept", context, name, upload_url),
    )


def forged_invoke(
    teams: TeamsBot, user: TeamsUser, where: str, kind: str, send: Callable[[], httpx.Response]
) -> Delivery:
    """Send one forged invoke: answered 200, politely, as is all it made the bot post."""
    before = len(teams.teams.posts)
    response = send()
    SENT[f"forged Teams {kind}"] += 1
    assert response.status_code == 200, f"{where}: {response.status_code}"
    teams.quiesce()
    said = [json.dumps(p.body, ensure_ascii=False) for p in list(teams.teams.posts)[before:]]
    assert_polite(where, [response.text, *said])
    return Delivery(f"answer to: {where}", user.id, response.text)
