"""The harness itself: `settle()` returns only when the work a request started is over, so a
test that then finds nothing sent can fail when something would have been."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE
from tests.integration.harness import TEAM, RunningBot

LATE = 1.0  # seconds of work after the ack: far longer than the answer and a dispatcher run


def mention_event() -> str:
    event = {
        "type": "app_mention",
        "user": MENTEE,
        "text": "<@UBOT> hello",
        "channel": "C0LATE",
        "ts": f"{time.time():.6f}",
    }
    return signing.event_body(
        event=event, team_id=TEAM, event_id="EvLATE0001", event_time=int(time.time())
    )


def test_settle_waits_for_a_listener_s_work_after_its_ack_and_the_tasks_it_starts(
    running: RunningBot, fake: FakeSlack
) -> None:
    assert running.bot is not None and running.bot.slack is not None

    async def late_work(event: dict[str, Any], client: AsyncWebClient) -> None:
        async def later_still() -> None:
            await asyncio.sleep(LATE)
            await client.chat_postMessage(channel=event["channel"], text="second")

        await asyncio.sleep(LATE)
        asyncio.get_running_loop().create_task(later_still())
        await client.chat_postMessage(channel=event["channel"], text="first")

    running.bot.slack.event("app_mention")(late_work)
    assert running.post(mention_event(), "application/json").status_code == 200
    running.settle()
    assert [c.args["text"] for c in fake.calls("chat.postMessage")] == ["first", "second"]
