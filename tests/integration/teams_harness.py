"""Driving the running bot as Teams does: Bot Framework activities POSTed to /api/messages."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

import httpx

from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import BOT_ID, FakeConnector, buttons
from tests.integration.harness import TEAMS_TENANT, RunningBot

BOT_NAME = "Mentorbot"
AT = re.compile(r"@(\w+)")
CONSENT_UNIQUE_ID = "1150D938-8870-4044-9F2C-5BBDEBA70C8C"  # the item Teams names in uploadInfo


@dataclass(frozen=True)
class TeamsUser:
    id: str
    name: str
    timezone: str
    locale: str

    @property
    def chat(self) -> str:
        """The 1:1 conversation id Teams gives when the app is installed (the fake's too)."""
        return f"a:{self.id}"


class TeamsBot(RunningBot):
    """The bot with Teams configured; `people` resolves `@name` mentions in typed text."""

    teams: FakeConnector

    def __init__(
        self, *, people: list[TeamsUser], fake: FakeSlack | None = None, **options: Any
    ) -> None:
        super().__init__(fake=fake, **options)
        self.people = {p.name.lower(): p for p in people}
        self._ids = itertools.count(1)

    def activity(self, user: TeamsUser, kind: str, **fields: Any) -> dict[str, Any]:
        """An activity shaped as Teams sends it, from `user`, in their 1:1 chat by default."""
        return {
            "type": kind,
            "id": f"1:{next(self._ids)}",
            "timestamp": "2026-11-30T08:00:00.000Z",
            "channelId": "msteams",
            "serviceUrl": self.teams.url,
            "from": {"id": user.id, "name": user.name, "aadObjectId": f"aad-{user.id[3:]}"},
            "recipient": {"id": BOT_ID, "name": BOT_NAME},
            "conversation": {
                "id": user.chat,
                "conversationType": "personal",
                "tenantId": TEAMS_TENANT,
            },
            "channelData": {"tenant": {"id": TEAMS_TENANT}},
            "locale": user.locale,
            "localTimezone": user.timezone,
            **fields,
        }

    def post_activity(
        self, activity: dict[str, Any], headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return self.http.post("/api/messages", json=activity, headers=headers or {})

    def file_consent(
        self, user: TeamsUser, action: str, context: Any, name: str, upload_url: str = ""
    ) -> httpx.Response:
        """The `fileConsent/invoke` Teams sends when `user` presses Allow (`accept`, with the
        upload session it opened in their OneDrive) or Decline on a file consent card."""
        value: dict[str, Any] = {"type": "fileUpload", "action": action, "context": context}
        if action == "accept":
            value["uploadInfo"] = {
                "contentUrl": f"https://contoso.sharepoint.com/personal/user/Documents/Apps/{name}",
                "name": name,
                "uploadUrl": upload_url,
                "uniqueId": CONSENT_UNIQUE_ID,
                "fileType": name.rsplit(".", 1)[-1],
                "etag": "1",
            }
        invoke = self.activity(user, "invoke", name="fileConsent/invoke", value=value)
        return self.post_activity(invoke)

    def install(self, user: TeamsUser) -> httpx.Response:
        """The app added in the person's personal scope."""
        self.teams.installed.add(user.id)
        update = self.activity(user, "conversationUpdate", membersAdded=[{"id": BOT_ID}])
        return self.post_activity(update)

    def message(self, user: TeamsUser, text: str, **fields: Any) -> dict[str, Any]:
        """A message whose `@name` words are Teams mentions (`<at>Name</at>` and entities)."""
        entities = []

        def mention(match: re.Match[str]) -> str:
            person = self.people[match.group(1).lower()]
            shown = f"<at>{person.name}</at>"
            entities.append(
                {
                    "type": "mention",
                    "text": shown,
                    "mentioned": {"id": person.id, "name": person.name},
                }
            )
            return shown

        body = AT.sub(mention, text)
        return self.activity(user, "message", text=body, entities=entities, **fields)

    def say(self, user: TeamsUser, text: str) -> httpx.Response:
        return self.post_activity(self.message(user, text))

    def answer(self, user: TeamsUser | str, text: str) -> dict[str, Any]:  # type: ignore[override]
        """What the bot answered in the person's 1:1 chat: the first message after it, once what
        earlier requests started is done, since an answer goes before what its command causes
        (`answer_first`); a Slack user id: as on Slack."""
        if not isinstance(user, TeamsUser):
            return super().answer(user, text)
        self.quiesce()
        before = len(self.teams.sent(user.chat))
        response = self.say(user, text)
        assert response.status_code == 200, response.text
        return self.teams.wait_for(lambda: self.teams.sent(user.chat)[before:])[0]

    def make_pair(self, user: TeamsUser | str, text: str) -> dict[str, Any]:  # type: ignore[override]
        """Create a pair with `pair …` as `user` and have the other member press Accept on the
        agreement card, so that reminders start; the answer posted (a Slack id: as on Slack)."""
        if not isinstance(user, TeamsUser):
            return super().make_pair(user, text)
        answer = self.answer(user, text)
        self.settle()
        for name in AT.findall(text)[:2]:
            member = self.people[name.lower()]
            if member == user:
                continue
            card = self.teams.wait_for(
                lambda m=member: [
                    a
                    for a in self.teams.sent(m.chat)
                    if any(b.get("action") == "agreement.accept" for b in buttons(a))
                ]
            )[-1]
            [accept] = [b for b in buttons(card) if b.get("action") == "agreement.accept"]
            response = self.press(member, accept, verb="button")
            assert response.status_code == 200, response.text
        self.settle()
        return answer

    def in_channel(self, user: TeamsUser, text: str, *, channel: str, name: str) -> httpx.Response:
        """`@Mentorbot text` in a team channel (the bot only hears messages that mention it)."""
        activity = self.message(
            user,
            text,
            conversation={
                "id": f"{channel};messageid=1764490000000",
                "conversationType": "channel",
                "tenantId": TEAMS_TENANT,
            },
            channelData={
                "tenant": {"id": TEAMS_TENANT},
                "team": {"id": "19:team@thread.tacv2"},
                "channel": {"id": channel, "name": name},
            },
        )
        bot = {
            "type": "mention",
            "text": f"<at>{BOT_NAME}</at>",
            "mentioned": {"id": BOT_ID, "name": BOT_NAME},
        }
        activity["text"] = f"<at>{BOT_NAME}</at> {activity['text']}"
        activity["entities"].append(bot)
        return self.post_activity(activity)

    def press(self, user: TeamsUser | str, data: dict[str, Any], verb: str) -> Any:  # type: ignore[override]
        """An Action.Execute of a card: Teams' `adaptiveCard/action` invoke (a Slack user id:
        a Slack button click, `data` being the message and `verb` the action id)."""
        if not isinstance(user, TeamsUser):
            return super().press(user, data, verb)
        value = {
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": "manual",
        }
        return self.post_activity(
            self.activity(user, "invoke", name="adaptiveCard/action", value=value)
        )


def attachments_of(connector: FakeConnector, user: TeamsUser, kind: str) -> list[dict[str, Any]]:
    """The attachments of `kind` (a content type) the bot sent in the person's 1:1 chat."""
    return [
        attachment
        for activity in connector.sent(user.chat)
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == kind
    ]


def consent(
    teams: TeamsBot,
    user: TeamsUser,
    card: dict[str, Any],
    action: str,
    *,
    upload_url: str = "",
    context: Any = None,
) -> httpx.Response:
    """`user` presses Allow (`accept`) or Decline on a consent `card`, with its context or a
    forged one."""
    given = card["content"][f"{action}Context"] if context is None else context
    return teams.file_consent(user, action, given, card["name"], upload_url)
