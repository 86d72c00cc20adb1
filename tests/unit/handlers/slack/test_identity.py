"""BotIdentity: who the bot is, asked once and kept; a request never fails or waits long for it."""

from __future__ import annotations

import asyncio
import time
from typing import Any, ClassVar

import aiohttp
import pytest

from handlers.slack import identity
from handlers.slack.identity import BotIdentity

ANSWER = {"ok": True, "team_id": "T1", "user_id": "UBOT", "bot_id": "BBOT"}


class Client:
    """auth.test answering with each of `answers` in turn: a dict, an exception to raise, or
    an event to wait for before answering."""

    def __init__(self, *answers: Any, token: str = "xoxb-1") -> None:
        self.token = token
        self.answers = list(answers)
        self.asked = 0

    async def auth_test(self) -> Any:
        self.asked += 1
        answer = self.answers.pop(0)
        if isinstance(answer, asyncio.Event):
            await answer.wait()
            return Response(ANSWER)
        if isinstance(answer, Exception):
            raise answer
        return Response(answer)


class Response(dict[str, Any]):
    headers: ClassVar[dict[str, str]] = {"x-oauth-scopes": "chat:write,commands"}


async def authorize(bot: BotIdentity) -> Any:
    return await bot(context=None, enterprise_id=None, team_id="T1", user_id="UPERSON")


def test_the_answer_is_kept_and_each_request_gets_its_person() -> None:
    client = Client(ANSWER)
    bot = BotIdentity(client)  # type: ignore[arg-type]

    async def twice() -> list[Any]:
        return [await authorize(bot), await authorize(bot)]

    for result in asyncio.run(twice()):
        assert (result.bot_user_id, result.bot_id, result.bot_token) == ("UBOT", "BBOT", "xoxb-1")
        assert result.user_id == "UPERSON" and result.bot_scopes == ["chat:write", "commands"]
    assert client.asked == 1


def test_a_failed_question_serves_the_token_alone_and_is_asked_again_later() -> None:
    now = [100.0]
    client = Client(aiohttp.ClientConnectionError(), ANSWER)
    bot = BotIdentity(client, clock=lambda: now[0])  # type: ignore[arg-type]

    first = asyncio.run(authorize(bot))
    assert (first.bot_token, first.team_id, first.bot_user_id) == ("xoxb-1", "T1", None)
    now[0] += identity.ASK_AGAIN_AFTER - 1
    assert asyncio.run(authorize(bot)).bot_user_id is None and client.asked == 1
    now[0] += 1
    assert asyncio.run(authorize(bot)).bot_user_id == "UBOT" and client.asked == 2


def test_a_slow_answer_holds_a_request_up_a_second_at_most(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(identity, "WAIT_FOR_ANSWER", 0.05)

    async def run() -> None:
        answered = asyncio.Event()
        client = Client(answered)
        bot = BotIdentity(client)  # type: ignore[arg-type]
        started = time.monotonic()
        assert (await authorize(bot)).bot_user_id is None  # served without waiting longer
        assert (await authorize(bot)).bot_user_id is None  # the same question still under way
        assert time.monotonic() - started < 1 and client.asked == 1
        answered.set()
        await asyncio.sleep(0)
        assert (await authorize(bot)).bot_user_id == "UBOT" and client.asked == 1

    asyncio.run(run())
