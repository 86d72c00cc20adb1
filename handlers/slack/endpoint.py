"""`POST /slack/events`: the signature checked before anything reads the body, then Bolt.

Whatever arrives gets an answer within Slack's 3 seconds and never a 5xx: a signature
problem is 401, a body too big to come from Slack 413, a signed body Bolt cannot read 400;
a listener that has not acknowledged in time is acknowledged for it (its work goes on).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Sequence
from typing import Any

from fastapi import Request, Response
from fastapi.responses import PlainTextResponse
from slack_bolt import BoltResponse
from slack_bolt.adapter.starlette.async_handler import to_starlette_response
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.logger import messages
from slack_bolt.request import payload_utils
from starlette.requests import ClientDisconnect

from handlers.failures import failure
from handlers.inbound import MAX_BODY, MAX_NESTING, nested_within, storable

log = logging.getLogger(__name__)

TOLERANCE = 5 * 60  # seconds a signed timestamp stays valid, as Slack documents
HASH_LIMIT = 16 * MAX_BODY  # past this, the body is not even read to check its signature
ACK_BUDGET = 2.7  # seconds: Slack gives up on an answer after 3
TIMESTAMP_DIGITS = 12
# What Bolt reads from every payload before any listener runs (their kwargs come from these).
BOLT_VIEWS = (
    payload_utils.to_options,
    payload_utils.to_shortcut,
    payload_utils.to_action,
    payload_utils.to_view,
    payload_utils.to_command,
    payload_utils.to_event,
    payload_utils.to_message,
    payload_utils.to_step,
)


def _text(value: Any) -> str:
    """An id from a payload, fit for a log line (payloads are untrusted)."""
    return repr(value)[:80] if value is not None else "-"


def describe(body: Any) -> str:
    """The ids of a request, never its content: what it is, who sent it, from where."""
    if not isinstance(body, dict):
        return f"payload of type {type(body).__name__}"

    def field(container: Any, key: str) -> Any:
        return container.get(key) if isinstance(container, dict) else None

    event = field(body, "event")
    actions = field(body, "actions")
    action = actions[0] if isinstance(actions, list) and actions else None
    kind = body.get("type") or ("command" if "command" in body else None)
    what = (
        body.get("command")
        or field(action, "action_id")
        or field(field(body, "view"), "callback_id")
        or body.get("callback_id")
        or field(event, "type")
    )
    user = body.get("user_id") or field(body.get("user"), "id") or field(event, "user")
    team = body.get("team_id") or field(body.get("team"), "id")
    return (
        f"{_text(kind)} {_text(what)} event {_text(body.get('event_id'))} "
        f"from {_text(user)} team {_text(team)}"
    )


def refused(reason: str) -> Response:
    log.warning("Slack request refused: %s", reason)
    return PlainTextResponse("invalid signature", status_code=401)


async def signed_body(request: Request, secret: str) -> bytes | Response:
    """The body, if signed with `secret` as Slack signs; else the refusal to send.

    The HMAC is computed while the body streams in, so an unsigned body is never held whole,
    and nothing else looks at it before the signature matched.
    """
    timestamps = request.headers.getlist("x-slack-request-timestamp")
    signatures = request.headers.getlist("x-slack-signature")
    if len(timestamps) != 1 or len(signatures) != 1:
        return refused("missing or repeated signature headers")
    timestamp = timestamps[0].strip()
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= TIMESTAMP_DIGITS):
        return refused("unreadable timestamp")
    if abs(time.time() - int(timestamp)) > TOLERANCE:
        return refused("stale or future timestamp")
    mac = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":", hashlib.sha256)
    kept = bytearray()
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > HASH_LIMIT:
                log.warning("Slack request refused: body over %d bytes", HASH_LIMIT)
                return PlainTextResponse("body too large", status_code=413)
            mac.update(chunk)
            if size <= MAX_BODY:
                kept += chunk
    except ClientDisconnect:  # gone before its body was whole: nobody to answer, nothing to log
        return PlainTextResponse("incomplete body", status_code=400)
    expected = f"v0={mac.hexdigest()}".encode()
    if not hmac.compare_digest(expected, signatures[0].strip().encode("utf-8", "replace")):
        return refused("signature mismatch")
    if size > MAX_BODY:
        log.warning("signed Slack request of %d bytes refused", size)
        return PlainTextResponse("body too large", status_code=413)
    return bytes(kept)


def bolt_request(request: Request, body: bytes) -> AsyncBoltRequest | None:
    """The request as Bolt reads it, every text in it storable; None when Bolt could not read
    it without failing."""
    try:
        headers: dict[str, str | Sequence[str]] = dict(request.headers)
        query = str(request.query_params)
        parsed = AsyncBoltRequest(body=body.decode("utf-8"), query=query, headers=headers)
        if not isinstance(parsed.body, dict) or not nested_within(parsed.body, MAX_NESTING):
            return None
        if (fitted := storable(parsed.body)) is not parsed.body:
            # Read again from the fitted payload, so that Bolt's context holds it too (the
            # signature was checked on the body as sent; Bolt does not check it again).
            headers = {**headers, "content-type": "application/json"}
            parsed = AsyncBoltRequest(body=json.dumps(fitted), query=query, headers=headers)
        for view in BOLT_VIEWS:
            view(parsed.body)
        # What Bolt logs of a request no listener takes, which reads the payload unchecked.
        messages.warning_unhandled_request(parsed)
    except Exception:  # whatever Bolt would have raised reading it
        return None
    return parsed if matchable(parsed.body) else None


def matchable(body: dict[str, Any]) -> bool:
    """Whether the ids Bolt's listener matchers compare are text where they read them: they
    index them unchecked and search them with patterns, raising on anything else."""
    kind = body.get("type")
    checks = [_is_text(body, key) for key in ("command", "callback_id") if key in body]
    if kind == "block_actions":
        action = payload_utils.to_action(body)
        checks += [_is_text(action, "action_id"), _is_text(action, "block_id", optional=True)]
    if kind in ("view_submission", "view_closed"):
        checks.append(_is_text(body.get("view"), "callback_id"))
    if kind == "event_callback":
        checks.append(_is_text(body.get("event"), "type"))
    return all(checks)


def _is_text(container: Any, key: str, *, optional: bool = False) -> bool:
    if not isinstance(container, dict):
        return False
    value = container.get(key)
    return isinstance(value, str) or (optional and value is None)


class KeptAck(AsyncAck):
    """Bolt's `ack`, whose answer stays once given. When a listener raises after it has
    acknowledged, Bolt hands the error to the error handler and then sets the ack's response
    back to None; if that happens before Bolt's wait for the ack looks at it again (it looks
    every 10 ms), the wait goes on for its 3 seconds and the request is answered late."""

    @property
    def response(self) -> BoltResponse | None:
        return self._given

    @response.setter
    def response(self, given: BoltResponse | None) -> None:
        if given is not None or getattr(self, "_given", None) is None:
            self._given = given


class SlackEndpoint:
    """Serves `POST /slack/events` with a Bolt app whose listeners never raise (see
    handlers/slack/listeners/failures.py)."""

    def __init__(self, app: AsyncApp, signing_secret: str) -> None:
        self.app = app
        self.secret = signing_secret
        self.late: set[asyncio.Task[Any]] = set()  # dispatches answered for at the budget

    async def handle(self, request: Request) -> Response:
        body = await signed_body(request, self.secret)
        if isinstance(body, Response):
            return body
        parsed = bolt_request(request, body)
        if parsed is None:
            log.warning("signed Slack request unreadable (%d bytes) answered 400", len(body))
            return PlainTextResponse("malformed payload", status_code=400)
        parsed.context["ack"] = KeptAck()
        dispatch = asyncio.ensure_future(self.app.async_dispatch(parsed))
        done, _ = await asyncio.wait({dispatch}, timeout=ACK_BUDGET)
        if not done:
            log.warning("Slack %s not acknowledged in time: acknowledged", describe(parsed.body))
            self.late.add(dispatch)
            dispatch.add_done_callback(self.finished_late)
            return Response(status_code=200)
        try:
            return to_starlette_response(dispatch.result())
        except Exception as error:
            log.error("Slack %s failed in Bolt: %s", describe(parsed.body), failure(error))
            return PlainTextResponse("malformed payload", status_code=400)

    async def install(self, request: Request) -> Response:
        """`GET /slack/install` (a page with the Add to Slack link, and the state's cookie) and
        `GET /slack/oauth_redirect` (the code exchanged, the installation stored): Bolt's OAuth
        flow, in OAuth mode only."""
        flow = self.app.oauth_flow
        if flow is None:
            return PlainTextResponse("not found", status_code=404)
        parsed = AsyncBoltRequest(
            body="", query=str(request.query_params), headers=dict(request.headers)
        )
        if request.url.path == flow.install_path:
            answer = await flow.handle_installation(parsed)
        else:
            answer = await flow.handle_callback(parsed)
        return to_starlette_response(answer)

    def finished_late(self, dispatch: asyncio.Task[Any]) -> None:
        self.late.discard(dispatch)
        error = None if dispatch.cancelled() else dispatch.exception()
        if error is not None:
            log.error("late Slack dispatch failed: %s", failure(error))
