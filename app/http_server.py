"""uvicorn as Mentorbot serves with it: httptools, with a request's line and headers bounded.

httptools, uvicorn's fast parser, keeps whatever a request's line and headers hold until they
end, however long (h11, the other one, stops at 16 KB but parses in Python): one connection
sending a 100 MB header grew the process by about 100 MB before its 401. Slack's and Teams'
headers take about 2 KB."""

from __future__ import annotations

from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEAD_AT_MOST = 64 * 1024
"""Bytes a request's line and headers may take; past them it is answered 400 and closed."""


class BoundedHeaders(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing a request whose head outgrows HEAD_AT_MOST (once
    the chunk that crossed it is parsed: the process holds one chunk more at most)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head: int | None = None  # bytes of the request's head so far, while it lasts

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head = 0

    def on_headers_complete(self) -> None:
        self._head = None
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._head is None or self.transport.is_closing():
            return
        self._head += len(data)
        if self._head > HEAD_AT_MOST:
            self._head = None
            self.logger.warning("Request head over %d bytes refused.", HEAD_AT_MOST)
            self.send_400_response("Request header fields too large.")


def http_config(app: Any, *, host: str, port: int, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration serving `app` on `host:port` with BoundedHeaders."""
    return uvicorn.Config(app, host=host, port=port, http=BoundedHeaders, **options)
