"""How an answer is tried again: passing failures only, a few times, waiting as told."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from bot.kernel.ports import DeliveryError
from handlers import answers
from handlers.answers import ANSWER_TRIES, LONGEST_WAIT, persist


def attempts(*outcomes: DeliveryError | str) -> tuple[list[int], Callable[[], Awaitable[str]]]:
    """A send that fails or succeeds as `outcomes` say, in turn; the list counts its calls."""
    calls: list[int] = []

    async def send() -> str:
        outcome = outcomes[len(calls)]
        calls.append(1)
        if isinstance(outcome, DeliveryError):
            raise outcome
        return outcome

    return calls, send


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(answers.asyncio, "sleep", sleep)
    return waited


def test_passing_failures_are_tried_again_as_told(waits: list[float]) -> None:
    calls, send = attempts(
        DeliveryError("HTTP 500", transient=True), DeliveryError("429", retry_after=3), "sent"
    )
    assert asyncio.run(persist(send)) == "sent"
    assert (len(calls), waits) == (3, [1, 3])


def test_a_retry_after_longer_than_the_longest_wait_is_not_cut_short(
    waits: list[float],
) -> None:
    calls, send = attempts(DeliveryError("429", retry_after=LONGEST_WAIT + 1), "sent")
    with pytest.raises(DeliveryError):
        asyncio.run(persist(send))
    assert (len(calls), waits) == (1, [])


def test_fewer_tries_and_a_shorter_wait_can_be_asked_for(waits: list[float]) -> None:
    calls, send = attempts(DeliveryError("429", retry_after=3), "sent")
    with pytest.raises(DeliveryError):
        asyncio.run(persist(send, tries=2, longest=2))
    calls, send = attempts(DeliveryError("HTTP 502", transient=True), "sent")
    assert asyncio.run(persist(send, tries=2, longest=2)) == "sent"
    assert (len(calls), waits) == (2, [1])


def test_it_gives_up_after_the_last_try(waits: list[float]) -> None:
    failing = DeliveryError("HTTP 503", transient=True)
    calls, send = attempts(*[failing] * ANSWER_TRIES)
    with pytest.raises(DeliveryError):
        asyncio.run(persist(send))
    assert (len(calls), waits) == (ANSWER_TRIES, [1, 2])


@pytest.mark.parametrize(
    "failure",
    [DeliveryError("expired_url", permanent=True), DeliveryError("invalid_blocks")],
)
def test_a_failure_of_the_message_is_not_tried_again(
    waits: list[float], failure: DeliveryError
) -> None:
    calls, send = attempts(failure, "sent")
    with pytest.raises(DeliveryError):
        asyncio.run(persist(send))
    assert (len(calls), waits) == (1, [])
