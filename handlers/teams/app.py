"""The Teams App: credentials, the messaging endpoint mounted on our FastAPI app, listeners."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from microsoft_teams.api import ActivityTypeAdapter, TokenProvider
from microsoft_teams.apps import App
from microsoft_teams.apps.events import CoreActivity
from microsoft_teams.apps.http.adapter import HttpMethod, HttpRouteHandler
from microsoft_teams.common import ClientOptions
from pydantic import ValidationError

from bot.kernel.core import Core
from bot.kernel.settings import Settings
from handlers.pacing import Pacer
from handlers.teams.deps import TeamsDeps
from handlers.teams.listeners import register_listeners
from handlers.teams.messenger import TeamsMessenger

log = logging.getLogger(__name__)
MESSAGES_PATH = "/api/messages"
CONNECTOR_TIMEOUT = 5.0  # seconds; the SDK's own client never times out, a hung call would hang


class MessagingEndpoint:
    """The SDK's HTTP server adapter, reduced to what one shared FastAPI app needs.

    The SDK registers its handler (JWT check, then the activity pipeline) when the App is
    initialised; `handle` serves it, answering an unreadable body 400, never a 500.
    """

    def __init__(self) -> None:
        self.handler: HttpRouteHandler | None = None

    def register_route(self, method: HttpMethod, path: str, handler: HttpRouteHandler) -> None:
        if (method, path) != ("POST", MESSAGES_PATH):
            raise ValueError(f"unexpected Teams route {method} {path}")
        self.handler = handler

    def serve_static(self, path: str, directory: str) -> None:
        raise ValueError("Mentorbot serves no Teams tabs")

    async def start(self, port: int) -> None:
        raise RuntimeError("uvicorn serves the shared FastAPI app; the SDK does not start one")

    async def stop(self) -> None:
        return None

    async def handle(self, request: Request) -> Response:
        if self.handler is None:
            return PlainTextResponse("starting", status_code=503)
        try:
            body: Any = json.loads(await request.body())
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return PlainTextResponse("malformed activity", status_code=400)
        answer = await self.handler({"body": body, "headers": dict(request.headers)})
        if answer["status"] >= 500:
            if not readable(body):
                log.warning("malformed Teams activity answered 400")
                return PlainTextResponse("malformed activity", status_code=400)
            # The listeners answer every failure of theirs; this is the SDK's own turn failing
            # (its logs say why): Teams must not take the activity for undelivered.
            log.error("Teams activity %s failed in the SDK: answered 200", body.get("id"))
            return Response(status_code=200)
        if answer["body"] is None:
            return Response(status_code=answer["status"])
        return JSONResponse(answer["body"], status_code=answer["status"])


def readable(body: dict[str, Any]) -> bool:
    """Whether the SDK can read `body` as an activity (it answers 500 when it cannot)."""
    try:
        CoreActivity.model_validate(body)
        ActivityTypeAdapter.validate_python(body)
    except ValidationError:
        return False
    return True


def build_teams_app(
    core: Core, settings: Settings, *, token: TokenProvider | None = None
) -> tuple[App, MessagingEndpoint, TeamsMessenger]:
    """The App with the settings' credentials; `token` replaces the secret (tests, custom auth)."""
    endpoint = MessagingEndpoint()
    # Unset options fall back to the SDK's own reading of CLIENT_SECRET etc. from os.environ.
    app = App(
        client_id=settings.teams_client_id,
        client_secret=None if token else settings.teams_client_secret,
        tenant_id=settings.teams_tenant_id,
        token=token,
        dangerously_allow_unauthenticated_requests=settings.teams_allow_unauthenticated,
        http_server_adapter=endpoint,
        messaging_endpoint=MESSAGES_PATH,
        client=ClientOptions(timeout=CONNECTOR_TIMEOUT),
    )
    messenger = TeamsMessenger(app, core, Pacer(core.clock, rate=settings.sends_per_second))
    register_listeners(app, TeamsDeps(core=core))
    return app, endpoint, messenger
