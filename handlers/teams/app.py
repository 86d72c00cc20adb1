"""The Teams App: credentials, the SDK's FastAPI adapter with its messaging endpoint, listeners."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse
from microsoft_teams.api import ActivityTypeAdapter, TokenProvider
from microsoft_teams.apps import App, FastAPIAdapter
from microsoft_teams.apps.events import CoreActivity
from microsoft_teams.common import ClientOptions
from pydantic import ValidationError

from bot.kernel.core import Core
from bot.kernel.settings import Settings
from handlers.pacing import Pacer
from handlers.teams.deps import TeamsDeps
from handlers.teams.listeners import register_listeners
from handlers.teams.messenger import TeamsMessenger
from storage.queries.api_pauses import SharedPauses

log = logging.getLogger(__name__)
MESSAGES_PATH = "/api/messages"
CONNECTOR_TIMEOUT = 5.0  # seconds; the SDK's own client never times out, a hung call would hang


async def never_500(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """In front of the SDK's endpoint, which answers 500 to a body it cannot read (after its
    JWT check) and to a turn of its own that fails: an unreadable body is answered 400, and a
    failed turn 200 (the listeners answer every failure of theirs; Teams must not take the
    activity for undelivered and send it again)."""
    if (request.method, request.url.path) != ("POST", MESSAGES_PATH):
        return await call_next(request)
    try:
        body: Any = json.loads(await request.body())
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return PlainTextResponse("malformed activity", status_code=400)
    response = await call_next(request)
    if response.status_code < 500:
        return response
    if not readable(body):
        log.warning("malformed Teams activity answered 400")
        return PlainTextResponse("malformed activity", status_code=400)
    log.error("Teams activity %s failed in the SDK: answered 200", body.get("id"))
    return Response(status_code=200)


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
) -> tuple[App, FastAPI, TeamsMessenger]:
    """The App with the settings' credentials; `token` replaces the secret (tests, custom auth).

    The SDK serves `POST /api/messages` (JWT check, then the activity pipeline) on the FastAPI
    app returned, which the web app mounts; the route appears when the App is initialised.
    """
    web = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    web.middleware("http")(never_500)
    # Unset options fall back to the SDK's own reading of CLIENT_SECRET etc. from os.environ.
    app = App(
        client_id=settings.teams_client_id,
        client_secret=None if token else settings.teams_client_secret,
        tenant_id=settings.teams_tenant_id,
        token=token,
        dangerously_allow_unauthenticated_requests=settings.teams_allow_unauthenticated,
        http_server_adapter=FastAPIAdapter(app=web),
        messaging_endpoint=MESSAGES_PATH,
        client=ClientOptions(timeout=CONNECTOR_TIMEOUT),
    )
    pacer = Pacer(core.clock, rate=settings.sends_per_second, shared=SharedPauses(core.db, "teams"))
    messenger = TeamsMessenger(app, core, pacer)
    register_listeners(app, TeamsDeps(core=core))
    return app, web, messenger
