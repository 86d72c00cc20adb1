"""The Teams messaging endpoint: the SDK's FastAPI adapter behind a gate that refuses what needs
no reading unread and never lets a 500 out, and the Teams SDK loaded only when Teams is
configured."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response

from handlers.inbound import MAX_BODY
from handlers.teams.app import MESSAGES_PATH
from handlers.teams.gate import ActivityGate, readable

ACTIVITY = {
    "type": "message",
    "id": "1:7",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/emea/",
    "from": {"id": "29:claire", "name": "Claire"},
    "recipient": {"id": "28:bot", "name": "Mentorbot"},
    "conversation": {"id": "a:claire", "conversationType": "personal"},
    "text": "help",
}


def post(
    sdk_status: int | None,
    path: str = MESSAGES_PATH,
    *,
    authenticated: bool = False,
    **request: Any,
) -> httpx.Response:
    """POST to the gate in front of a stand-in for the SDK's route answering `sdk_status`
    (None: the route raises, as the SDK's adapter does on a body it cannot read)."""
    web = FastAPI()
    web.add_middleware(ActivityGate, path=MESSAGES_PATH, authenticated=authenticated)

    @web.post(MESSAGES_PATH)
    async def sdk(request: Request) -> Response:
        await request.json()  # as the SDK's adapter reads it, after the gate did
        if sdk_status is None:
            raise RuntimeError("the SDK failed")
        return Response(b'{"ok": true}', status_code=sdk_status, media_type="application/json")

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=web)
        async with httpx.AsyncClient(transport=transport, base_url="http://teams") as client:
            return await client.post(path, **request)

    return asyncio.run(send())


@pytest.mark.parametrize("body", [b"{not json", b"[]", b"", b"\xff"])
def test_a_body_that_is_no_json_object_is_answered_400(body: bytes) -> None:
    assert post(200, content=body).status_code == 400


@pytest.mark.parametrize(
    ("activity", "sdk", "answered"),
    [
        (ACTIVITY, 200, 200),
        (ACTIVITY, 401, 401),  # the SDK's JWT check
        (ACTIVITY, 500, 200),  # the SDK's own turn failed: Teams must not send it again
        ({"type": "message"}, 500, 400),  # the SDK could not read it
    ],
)
def test_the_sdk_answer_passes_unless_it_is_a_500(
    activity: dict[str, Any], sdk: int, answered: int
) -> None:
    response = post(sdk, json=activity)
    assert response.status_code == answered
    if answered == sdk:
        assert response.json() == {"ok": True}


def test_an_sdk_that_raises_is_answered_as_a_failed_turn() -> None:
    assert post(None, json=ACTIVITY).status_code == 200
    assert post(None, json={"type": "message"}).status_code == 400


class Body:
    """A request body streamed in chunks (no Content-Length), counting the bytes taken."""

    def __init__(self, size: int, chunk: int = 64 * 1024) -> None:
        self.size, self.chunk, self.taken = size, chunk, 0

    async def __aiter__(self) -> Any:
        while self.taken < self.size:
            part = min(self.chunk, self.size - self.taken)
            self.taken += part
            yield b" " * part


def test_a_request_without_a_bearer_token_is_refused_unread() -> None:
    body = Body(10 * MAX_BODY)
    assert post(200, authenticated=True, content=body).status_code == 401
    assert body.taken <= body.chunk  # what the transport sent before the answer, at most
    forged = {"Authorization": "Bearer x"}
    assert post(401, authenticated=True, json=ACTIVITY, headers=forged).status_code == 401
    assert post(200, authenticated=True, json=ACTIVITY, headers=forged).status_code == 200
    # A body that is no activity: the SDK's token check first (401), then 400 (its 500).
    for sdk, answered in ((401, 401), (500, 400)):
        malformed = post(sdk, authenticated=True, content=b"{not json", headers=forged)
        assert malformed.status_code == answered


def test_a_body_too_big_for_teams_is_refused_as_soon_as_known() -> None:
    declared = {"Content-Length": str(MAX_BODY + 1)}
    assert post(200, content=b"{}", headers=declared).status_code == 413
    streamed = Body(10 * MAX_BODY)
    assert post(200, content=streamed).status_code == 413
    assert streamed.taken <= MAX_BODY + 2 * streamed.chunk
    padded = json.dumps(ACTIVITY).encode() + b" " * (MAX_BODY - 400)
    assert post(200, content=padded).status_code == 200  # just under: read and handed on


def test_other_paths_are_left_to_the_sdk_app() -> None:
    assert post(200, "/elsewhere", content=b"{not json").status_code == 404


def test_readable_is_what_the_sdk_can_read() -> None:
    assert readable(ACTIVITY)
    assert not readable({"type": "message"})
    assert not readable({**ACTIVITY, "from": "claire"})


def test_a_slack_only_process_never_imports_the_teams_sdk() -> None:
    code = (
        "import sys, app.web, app.cli; "
        "sys.exit(any(m.startswith('microsoft_teams') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
