"""The one place a listener's failure ends: a log line with ids, a polite answer, no 500."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt import BoltResponse
from slack_bolt.async_app import AsyncApp

from bot.kernel.i18n import Lang, t
from bot.kernel.replies import say
from handlers.answers import AnswerLost
from handlers.failures import failure
from handlers.slack.endpoint import describe
from handlers.slack.listeners.deps import SlackDeps

log = logging.getLogger(__name__)
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")


def person_of(body: dict[str, Any]) -> str | None:
    """The person a command, an interaction or a DM came from, if their id looks like one."""
    user = body.get("user")
    event = body.get("event")
    candidates = [
        body.get("user_id"),
        user.get("id") if isinstance(user, dict) else None,
        event.get("user") if isinstance(event, dict) and event.get("type") == "message" else None,
    ]
    return next((c for c in candidates if isinstance(c, str) and USER_ID.match(c)), None)


class ListenerFailure:
    """Bolt's error handler for listeners and middleware: whatever a listener raised, the
    person is told something went wrong (ephemerally, else by DM) and Slack gets a 200."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(
        self,
        error: Exception,
        body: dict[str, Any],
        respond,
        response: BoltResponse | None,
        context=None,
    ) -> BoltResponse | None:
        if isinstance(error, AnswerLost):  # the work was done: "nothing changed" would be wrong
            log.warning("Slack %s: done, but %s", describe(body), error)
        else:
            log.error("Slack %s failed: %s", describe(body), failure(error))
            try:
                await self.apologise(body, respond, context)
            except Exception as problem:  # the apology is best effort; the 200 to Slack is not
                log.warning("no apology for Slack %s: %s", describe(body), type(problem).__name__)
        # `response` is there while the request is not yet acknowledged: acknowledge it.
        return None if response is None else BoltResponse(status=200, body="")

    async def apologise(self, body: dict[str, Any], respond, context=None) -> None:
        user_id = person_of(body)
        if user_id is None:
            return
        user_id = self.deps.workspaces.person(context, user_id)
        sorry = say(t("error.internal", await self.lang(user_id)), is_error=True)
        if isinstance(body.get("response_url"), str) and respond is not None:
            await self.deps.answer(respond, sorry, to=user_id, replace_original=False)
        else:
            await self.deps.dm(user_id, sorry)

    async def lang(self, user_id: str) -> Lang:
        try:
            return await asyncio.to_thread(self.deps.lang, user_id)
        except Exception:  # the database may be what failed
            return "en"


def register(app: AsyncApp, deps: SlackDeps) -> None:
    app.error(ListenerFailure(deps))
