"""Slack over Socket Mode: Bolt's aiohttp handler, with a clean stop and its acks timed."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

log = logging.getLogger(__name__)

Acked = Callable[[float], None]
"""Told when an envelope was acknowledged, with when it arrived (time.perf_counter())."""


class SocketMode(AsyncSocketModeHandler):
    """One Socket Mode connection (Slack's `disconnect` messages make it reconnect).

    `stop` stops taking envelopes — one arriving then is not acknowledged, so Slack sends it
    again, to this app's other connection or after the restart —, lets those being handled
    be acknowledged (bounded), then closes the WebSocket with a Close frame and the client's
    HTTP session."""

    def __init__(self, app: AsyncApp, app_token: str, *, acked: Acked | None = None) -> None:
        super().__init__(app, app_token)
        self.acked = acked
        self.stopping = False
        self._handling: set[asyncio.Task[Any]] = set()

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        if self.stopping:
            log.info("stopping: envelope %s left for Slack to send again", req.envelope_id)
            return
        task = asyncio.current_task()
        if task is not None:
            self._handling.add(task)
        started = time.perf_counter()
        try:
            await super().handle(client, req)
            if self.acked is not None:
                self.acked(started)
        finally:
            self._handling.discard(task)

    async def stop(self, grace: float) -> None:
        self.stopping = True
        if self._handling:
            _, late = await asyncio.wait(set(self._handling), timeout=grace)
            if late:
                log.warning("stopping with %d envelopes not acknowledged", len(late))
        await self.close_async()
