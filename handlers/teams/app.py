"""The Teams App: credentials, the SDK's FastAPI adapter with its messaging endpoint, listeners."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from microsoft_teams.api import TokenProvider
from microsoft_teams.apps import App, FastAPIAdapter
from microsoft_teams.common import ClientOptions

from bot.kernel.core import Core
from bot.kernel.settings import Settings
from handlers.pacing import Pacer
from handlers.teams.deps import TeamsDeps
from handlers.teams.gate import ActivityGate
from handlers.teams.listeners import register_listeners
from handlers.teams.messenger import TeamsMessenger
from storage.queries.api_pauses import SharedPauses

log = logging.getLogger(__name__)
MESSAGES_PATH = "/api/messages"
CONNECTOR_TIMEOUT = 5.0  # seconds; the SDK's own client never times out, a hung call would hang


def build_teams_app(
    core: Core, settings: Settings, *, token: TokenProvider | None = None
) -> tuple[App, FastAPI, TeamsMessenger]:
    """The App with the settings' credentials; `token` replaces the secret (tests, custom auth).

    The SDK serves `POST /api/messages` (JWT check, then the activity pipeline) on the FastAPI
    app returned, which the web app mounts; the route appears when the App is initialised.
    """
    web = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    authenticated = not settings.teams_allow_unauthenticated
    web.add_middleware(ActivityGate, path=MESSAGES_PATH, authenticated=authenticated)
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
