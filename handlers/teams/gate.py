"""What stands in front of the Teams SDK's `POST /api/messages`.

The SDK reads the whole body before its JWT check, and answers 500 to a body it cannot read
and to a turn of its own that fails. The gate answers first what needs no reading: a request
without a bearer token is 401 before a byte of its body is read (as the SDK would answer it),
a body over `MAX_BODY` is 413 as soon as it is known to be (never held whole). Its texts are
made storable (`handlers.inbound.storable`). A body that is no JSON object is 400, once the
SDK has checked its token if it needs one (an empty activity stands in for the body): a bad
token is always 401. After the SDK, a 500 becomes 400 for a body it could not read as an
activity, and 200 for a turn that failed (the listeners answer every failure of theirs;
Teams must not take the activity for undelivered and send it again).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from microsoft_teams.api import ActivityTypeAdapter
from microsoft_teams.apps.events import CoreActivity
from pydantic import ValidationError
from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from handlers.inbound import MAX_BODY, parsed_json, storable

log = logging.getLogger(__name__)
JSON = dict[str, Any]
DIGITS = len(str(MAX_BODY))  # a declared size with more is too big, whatever its digits


class ActivityGate:
    """ASGI middleware guarding `path` (the messaging endpoint); `authenticated`: whether the
    SDK checks a JWT (a request without a bearer token can then be refused unread)."""

    def __init__(self, app: ASGIApp, *, path: str, authenticated: bool) -> None:
        self.app = app
        self.path = path
        self.authenticated = authenticated

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) != ("POST", self.path):
            await self.app(scope, receive, send)
            return
        admitted = await self._admit(scope, receive)
        if isinstance(admitted, Response):
            await admitted(scope, receive, send)
        else:
            await self._through_sdk(scope, receive, send, *admitted)

    async def _admit(self, scope: Scope, receive: Receive) -> Response | tuple[bytes, JSON]:
        """The body and the activity to hand the SDK, or the refusal to answer instead."""
        headers = Headers(scope=scope)
        if self.authenticated and not headers.get("authorization", "").startswith("Bearer "):
            return _refused(401, "unauthorized", "no bearer token")
        declared = headers.get("content-length", "")
        if declared.isdecimal() and (len(declared) > DIGITS or int(declared) > MAX_BODY):
            return _refused(413, "body too large", f"{declared[: DIGITS + 1]} bytes declared")
        body = await _body_within(receive, MAX_BODY)
        if body is None:
            return _refused(413, "body too large", f"a body over {MAX_BODY} bytes")
        activity = _json_object(body)
        if activity is not None:
            if (fitted := storable(activity)) is not activity:
                return json.dumps(fitted).encode(), fitted
            return body, activity
        if self.authenticated:  # the SDK checks the token before the body: 401, else 400
            return b"{}", {}
        return PlainTextResponse("malformed activity", status_code=400)

    async def _through_sdk(
        self, scope: Scope, receive: Receive, send: Send, body: bytes, activity: JSON
    ) -> None:
        """The SDK's answer to `body` (already received), unless it is a 500 or it raised."""
        given = False
        started = failed = False

        async def replay() -> Message:
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def unless_failed(message: Message) -> None:
            nonlocal started, failed
            if message["type"] == "http.response.start":
                started, failed = True, message["status"] >= 500
            if not failed:
                await send(message)

        try:
            await self.app(scope, replay, unless_failed)
        except Exception:
            if started and not failed:
                raise  # its answer went out: nothing else can be sent
            log.exception("Teams activity %s raised in the SDK", _text(activity.get("id")))
            failed = True
        if not failed:
            return
        if readable(activity):
            log.error("Teams activity %s failed in the SDK: 200", _text(activity.get("id")))
            answer = Response(status_code=200)
        else:
            log.warning("malformed Teams activity answered 400")
            answer = PlainTextResponse("malformed activity", status_code=400)
        await answer(scope, receive, send)


def _refused(status: int, text: str, reason: str) -> Response:
    log.warning("Teams request refused: %s", reason)
    return PlainTextResponse(text, status_code=status)


def _text(value: Any) -> str:
    """An id from an activity, fit for a log line (activities are untrusted)."""
    return repr(value)[:80]


async def _body_within(receive: Receive, limit: int) -> bytes | None:
    """The request's body, or None once it is known to exceed `limit` (read no further)."""
    kept = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away: nothing to answer
            return bytes(kept)
        kept += message.get("body", b"")
        if len(kept) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(kept)


def _json_object(body: bytes) -> JSON | None:
    parsed = parsed_json(body)
    return parsed if isinstance(parsed, dict) else None


def readable(body: JSON) -> bool:
    """Whether the SDK can read `body` as an activity (it answers 500 when it cannot)."""
    try:
        CoreActivity.model_validate(body)
        ActivityTypeAdapter.validate_python(body)
    except ValidationError:
        return False
    return True
