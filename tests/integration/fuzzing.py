"""What the fuzz tests of both platforms share: one served app for every example, and an
answer timed, sent again once when it was slow."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest
from hypothesis import HealthCheck, settings


def one_app(examples: int) -> settings:
    """Hypothesis settings for `examples` requests to one app served for them all (starting
    one per example would take the whole budget): no deadline, no example database."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def answered_in(post: Callable[[], httpx.Response], within: float) -> tuple[int, float]:
    """The status of `post`'s answer and the seconds it took; sent again once when that was
    `within` or more (a slow path is slow again, a stall of the machine is not). No answer at
    all fails the test."""

    def timed() -> tuple[int, float]:
        started = time.monotonic()
        status = post().status_code
        return status, time.monotonic() - started

    try:
        status, seconds = timed()
        if seconds >= within:
            status, seconds = timed()
    except httpx.HTTPError as error:
        pytest.fail(f"no answer at all: {error!r}")
    return status, seconds
