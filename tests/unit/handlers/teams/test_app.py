"""The Teams messaging endpoint: the SDK's FastAPI adapter behind a guard that never lets a 500
out, and the Teams SDK loaded only when Teams is configured."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response

from handlers.teams.app import MESSAGES_PATH, never_500, readable

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


def post(sdk_status: int, path: str = MESSAGES_PATH, **request: Any) -> httpx.Response:
    """POST to the guard in front of a stand-in for the SDK's route answering `sdk_status`."""
    web = FastAPI()
    web.middleware("http")(never_500)

    @web.post(MESSAGES_PATH)
    async def sdk(request: Request) -> Response:
        await request.json()  # as the SDK's adapter reads it, after the guard did
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
