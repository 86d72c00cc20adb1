"""Requests bounded in size and time at the HTTP layer (`app/http_server.py`).

A request's line and headers are held to 64 KB: past that the request is answered 400 and its
connection closed, unread. httptools, the parser serving requests, keeps any size: a 100 MB
header grew `mentorbot serve` from 126 to 232 MB before its 401; it now stays at 126 MB. A
connection that sends no request, or only part of one, is closed once its time is up: uvicorn
kept each open for good (slowloris), and enough of them hold every file descriptor. A client
that goes away before its body is whole is let go quietly: before, each one on
`/slack/events` logged an unhandled exception and its traceback (about 60 lines), signed or not."""

from __future__ import annotations

import logging
import socket
import time
from urllib.parse import urlsplit

import httpx
import pytest

from app import http_server
from app.http_server import HEAD_AT_MOST
from tests.fakes import signing
from tests.integration.conftest import MENTEE
from tests.integration.harness import SIGNING_SECRET, RunningBot, text_of


def connect(running: RunningBot) -> socket.socket:
    address = urlsplit(running.url)
    return socket.create_connection((address.hostname, address.port), timeout=10)


def test_a_head_over_64_kb_is_answered_400_and_closed(running: RunningBot) -> None:
    with connect(running) as client:
        client.sendall(b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nX-Big: " + b"a" * 100_000)
        assert client.recv(100).startswith(b"HTTP/1.1 400 ")
    with connect(running) as client:
        client.sendall(b"GET /healthz?" + b"a" * 100_000)
        assert client.recv(100).startswith(b"HTTP/1.1 400 ")


def test_the_rest_of_a_huge_head_is_never_read(running: RunningBot) -> None:
    """Closed once 64 KB are in: sending 100 MB fails long before its end."""
    chunk = b"a" * 65_536
    sent = 0
    with connect(running) as client, pytest.raises(OSError):  # reset, or a broken pipe
        client.sendall(b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nX-Big: ")
        while sent < 100_000_000:
            client.sendall(chunk)
            sent += len(chunk)
    assert sent < 10_000_000


def test_heads_within_64_kb_are_served(running: RunningBot) -> None:
    big = {"X-Padding": "a" * (HEAD_AT_MOST - 4_096)}
    assert httpx.get(f"{running.url}/healthz", headers=big).status_code == 200
    assert "Mentorbot" in text_of(running.answer(MENTEE, "help"))  # still serving


@pytest.mark.parametrize(
    "sent",
    [b"", b"POST /slack/events HTTP/1.1\r\nHost: bot\r\n", b"GET /healthz HTTP/1.1\r\nHost: b"],
    ids=["nothing", "part of a head", "part of a line"],
)
def test_a_connection_without_a_whole_request_in_time_is_closed(
    running: RunningBot, monkeypatch: pytest.MonkeyPatch, sent: bytes
) -> None:
    monkeypatch.setattr(http_server, "FIRST_REQUEST_WITHIN", 0.3)
    monkeypatch.setattr(http_server, "REQUEST_WITHIN", 0.3)
    with connect(running) as client:
        client.sendall(sent)
        assert client.recv(100) == b""  # closed by the server, within the socket's 10 s


def test_a_body_that_stops_coming_closes_its_connection(
    running: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signed headers, so the endpoint reads the body to check them; 3 bytes of 100 come."""
    monkeypatch.setattr(http_server, "REQUEST_WITHIN", 0.3)
    signed = signing.sign("x" * 100, SIGNING_SECRET, int(time.time()))
    head = "".join(f"{name}: {value}\r\n" for name, value in signed.items())
    with connect(running) as client:
        client.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Length: 100\r\n"
            + head.encode()
            + b"\r\nabc"
        )
        while client.recv(4096):  # closed by the server, within the socket's 10 s
            pass
    assert "Mentorbot" in text_of(running.answer(MENTEE, "help"))  # still serving


@pytest.mark.parametrize("path", ["/slack/events", "/api/messages"])
def test_a_client_gone_before_its_body_is_whole_logs_no_error(
    running: RunningBot, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    """Unsigned: anyone can do it, as often as they like."""
    with caplog.at_level(logging.ERROR), connect(running) as client:
        client.sendall(
            f"POST {path} HTTP/1.1\r\nHost: bot\r\nContent-Length: 1000\r\n"
            f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0=00\r\n"
            '\r\n{"a":'.encode()
        )
        client.close()
        time.sleep(0.2)  # the server reads the end of the connection
        running.quiesce()  # and finishes with the request
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "Mentorbot" in text_of(running.answer(MENTEE, "help"))  # still serving
