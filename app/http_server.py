"""uvicorn as Mentorbot serves with it: httptools, with requests bounded in size and in time.

httptools, uvicorn's fast parser, keeps whatever a request's line and headers hold until they
end, however long (h11, the other one, stops at 16 KB but parses in Python): one connection
sending a 100 MB header grew the process by about 100 MB before its 401. And uvicorn waits
for a new connection's first request, or for the rest of a request begun, without end: a few
thousand connections left silent (slowloris) would hold every file descriptor the process may
open, so Slack's and Teams' requests, and the database, could get none. Slack's and Teams'
requests arrive whole at once, their headers about 2 KB."""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEAD_AT_MOST = 64 * 1024
"""Bytes a request's line and headers may take; past them it is answered 400 and closed."""
FIRST_REQUEST_WITHIN = 10.0
"""Seconds a new connection has to begin its first request (later ones: uvicorn's keep-alive)."""
REQUEST_WITHIN = 30.0
"""Seconds a request has from its first byte to its last (1 MB at 35 KB/s)."""


class BoundedRequests(HttpToolsProtocol):
    """uvicorn's httptools protocol, closing a connection that sends no request within
    FIRST_REQUEST_WITHIN seconds or takes longer than REQUEST_WITHIN to send one whole, and
    refusing a request whose head is still unfinished once over HEAD_AT_MOST bytes came (one
    read of the socket, 256 KB at most, may take it past them before that is known)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head: int | None = None  # bytes of the request's head so far, while it lasts
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._close_at(FIRST_REQUEST_WITHIN)

    def connection_lost(self, exc: Exception | None) -> None:
        self._close_at(None)
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head = 0
        self._close_at(REQUEST_WITHIN)

    def on_headers_complete(self) -> None:
        self._head = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._close_at(None)  # whole: the app's answer takes what it takes
        super().on_message_complete()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._head is None or self.transport.is_closing():
            return
        self._head += len(data)
        if self._head > HEAD_AT_MOST:
            self._head = None
            self.logger.warning("Request head over %d bytes refused.", HEAD_AT_MOST)
            self.send_400_response("Request header fields too large.")

    def _close_at(self, seconds: float | None) -> None:
        """Close the connection in `seconds` unless told otherwise meanwhile (None: not)."""
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None if seconds is None else self.loop.call_later(seconds, self._late)

    def _late(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.logger.warning("Connection closed: no whole request in time.")
            self.transport.close()


def http_config(app: Any, *, host: str, port: int, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration serving `app` on `host:port` with BoundedRequests."""
    return uvicorn.Config(app, host=host, port=port, http=BoundedRequests, **options)
