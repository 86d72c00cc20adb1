"""The Slack messenger delivers a Home refresh as views.publish of the Home built when it is
sent; Slack refusing that person fails this refresh only (no admin is told: messages do that)."""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar, cast

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.kernel.clock import ManualClock
from bot.kernel.ports import DeliveryError, Refused, Target
from bot.kernel.replies import Reply
from bot.notices.home_notices import HOME
from handlers.pacing import Pacer
from handlers.slack.messenger import SlackMessenger

VIEW = {"type": "home", "blocks": []}
HOME_OF_CLAIRE = Target("slack", HOME, "UCLAIRE")


class Answer(dict[str, Any]):
    """A Web API error answer, as SlackApiError carries it."""

    status_code = 200
    headers: ClassVar[dict[str, str]] = {}


class Client:
    def __init__(self, error: str | None = None) -> None:
        self.error = error
        self.published: list[dict[str, Any]] = []

    async def views_publish(self, **args: Any) -> dict[str, Any]:
        if self.error:
            raise SlackApiError(self.error, Answer(ok=False, error=self.error))
        self.published.append(args)
        return {"ok": True}

    async def chat_postMessage(self, **args: Any) -> dict[str, Any]:
        raise AssertionError("a Home refresh posts no message")


def messenger(client: Client, clock: ManualClock, *, homes: bool = True) -> SlackMessenger:
    sender = SlackMessenger(cast(AsyncWebClient, client), Pacer(clock, rate=1000.0))
    if homes:

        async def home_view(user_id: str) -> dict[str, Any] | None:
            return VIEW if user_id == "UCLAIRE" else None

        sender.home_view = home_view
    return sender


def test_the_home_built_now_is_published(clock: ManualClock) -> None:
    client = Client()
    ref = asyncio.run(messenger(client, clock).send(HOME_OF_CLAIRE, Reply()))
    assert client.published == [{"user_id": "UCLAIRE", "view": VIEW}] and ref == "home/UCLAIRE"


def test_a_refused_person_fails_the_refresh_alone(clock: ManualClock) -> None:
    with pytest.raises(DeliveryError) as failed:
        asyncio.run(messenger(Client("user_not_found"), clock).send(HOME_OF_CLAIRE, Reply()))
    assert failed.value.permanent and not isinstance(failed.value, Refused)


@pytest.mark.parametrize(
    ("target", "homes"), [(HOME_OF_CLAIRE, False), (Target("slack", HOME, "UNOBODY"), True)]
)
def test_no_home_to_build_fails_for_good(clock: ManualClock, target: Target, homes: bool) -> None:
    client = Client()
    with pytest.raises(DeliveryError) as failed:
        asyncio.run(messenger(client, clock, homes=homes).send(target, Reply()))
    assert failed.value.permanent and client.published == []
