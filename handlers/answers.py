"""Answering a person despite a passing failure of the platform: the work the answer reports
is done, so a 5xx, a rate limit or the network must not lose it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.kernel.ports import DeliveryError

T = TypeVar("T")
ANSWER_TRIES = 3
"""Tries of one way of answering (a response_url, a DM) before the next way, or giving up."""
LONGEST_WAIT = 10.0
"""Seconds waited before another try, at most: a rate limit asking for longer is not tried
again early (a call inside its window would break it), the answer is given up instead."""


class AnswerLost(Exception):
    """The work was done, but its answer reached the person by no way at all (an apology
    saying nothing was changed would be wrong, and would not get through either)."""


def retryable(error: DeliveryError) -> bool:
    """Whether another try may succeed: a rate limit, a 5xx or the network, not the message."""
    return not error.permanent and (error.transient or error.retry_after is not None)


async def persist(
    send: Callable[[], Awaitable[T]], *, tries: int = ANSWER_TRIES, longest: float = LONGEST_WAIT
) -> T:
    """`send`, tried again after a passing failure: at most `tries` times, 1 s then 2 s apart,
    or once the rate limit's Retry-After is over, if that is within `longest` seconds."""
    for attempt in range(tries - 1):
        try:
            return await send()
        except DeliveryError as error:
            wait = error.retry_after or 2**attempt
            if not retryable(error) or wait > longest:
                raise
            await asyncio.sleep(wait)
    return await send()
