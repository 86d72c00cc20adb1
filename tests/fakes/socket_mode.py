"""A local fake of Slack's Socket Mode WebSocket (aiohttp), for `apps.connections.open` of the
FakeSlack to hand out: `hello` on each connection, envelopes sent on demand, acks recorded,
`disconnect` messages, and how each connection ended (1000: the client sent a Close frame)."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from tests.fakes.slack_api import APP_ID

T = TypeVar("T")


@dataclass
class Connection:
    """One WebSocket the app opened; `close_code` once it ended (None while open)."""

    number: int
    ws: web.WebSocketResponse
    received: list[dict[str, Any]] = field(default_factory=list)
    close_code: int | None = None


class FakeSocketMode:
    """Serves `ws://127.0.0.1:PORT/link?ticket=N` from its own thread and event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.connections: list[Connection] = []
        self.acks: dict[str, dict[str, Any]] = {}
        self._tickets = itertools.count(1)
        self._envelopes = itertools.count(1)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runner: web.AppRunner | None = None
        self.port = self._run(self._start())

    def _run(self, coroutine: Any, timeout: float = 10) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    async def _start(self) -> int:
        app = web.Application()
        app.router.add_get("/link", self._link)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        return int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]

    def url(self) -> str:
        """A fresh WebSocket URL, as apps.connections.open returns one."""
        return f"ws://127.0.0.1:{self.port}/link?ticket={next(self._tickets)}"

    def stop(self) -> None:
        if self._runner is not None:
            self._run(self._runner.cleanup())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeSocketMode:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        with self._lock:
            connection = Connection(len(self.connections) + 1, ws)
            self.connections.append(connection)
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": len(self.open_connections()),
                "debug_info": {"host": "fake-socket-mode", "approximate_connection_time": 3600},
                "connection_info": {"app_id": APP_ID},
            }
        )
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                data = json.loads(message.data)
                with self._lock:
                    connection.received.append(data)
                    if "envelope_id" in data:
                        self.acks[data["envelope_id"]] = data
        connection.close_code = ws.close_code
        return ws

    # What the tests use.
    def open_connections(self) -> list[Connection]:
        with self._lock:
            return [c for c in self.connections if c.close_code is None and not c.ws.closed]

    def send(
        self, kind: str, payload: dict[str, Any], *, accepts_response_payload: bool = False
    ) -> str:
        """An envelope of `kind` (slash_commands, interactive, events_api) on the newest open
        connection; its envelope_id, whose ack `acked` waits for."""
        envelope_id = f"env-{next(self._envelopes):04d}"
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if kind == "events_api":
            envelope |= {"retry_attempt": 0, "retry_reason": ""}
        connection = self.open_connections()[-1]
        self._run(connection.ws.send_str(json.dumps(envelope)))
        return envelope_id

    def disconnect(self, reason: str = "refresh_requested") -> Connection:
        """Ask the app to reconnect, as Slack does before it closes a connection."""
        connection = self.open_connections()[-1]
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": "fake"}}
        self._run(connection.ws.send_str(json.dumps(message)))
        return connection

    def acked(self, envelope_id: str, timeout: float = 20) -> dict[str, Any]:
        return self.wait_for(lambda: self.acks.get(envelope_id), timeout)

    @staticmethod
    def wait_for(predicate: Callable[[], T | None], timeout: float = 20) -> T:
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"not seen within {timeout}s")
            time.sleep(0.02)
