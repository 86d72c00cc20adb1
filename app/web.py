"""The running bot: storage, core, dispatcher, platforms, and the ASGI app serving them."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response
from slack_bolt.async_app import AsyncApp
from sqlalchemy import text
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.metrics import CONTENT_TYPE, Metrics
from bot.calendar.feeds import feed_for_token
from bot.kernel.clock import Clock, SystemClock
from bot.kernel.core import Core
from bot.kernel.ports import Messenger
from bot.kernel.settings import Settings
from handlers.log_policy import keep_content_out_of_logs
from handlers.pacing import Pacer
from handlers.slack.app import (
    INSTALL_PATH,
    REDIRECT_PATH,
    SlackConnections,
    SlackOAuth,
    build_slack_app,
    delivery_client,
)
from handlers.slack.endpoint import SlackEndpoint
from handlers.slack.installations import InstallationStore, OAuthStateStore
from handlers.slack.messenger import SlackMessenger
from handlers.slack.workspaces import SlackWorkspaces
from scheduler.dispatcher import SHUTDOWN_GRACE, Dispatcher
from scheduler.jobs import start_ticking
from storage.db import Database, make_engine, migrate
from storage.queries.api_pauses import SharedPauses
from storage.queries.notifications import backlog

if TYPE_CHECKING:  # the Teams SDK takes seconds to import: loaded only when Teams is configured
    from microsoft_teams.api import TokenProvider
    from microsoft_teams.apps import App

log = logging.getLogger(__name__)


@dataclass
class Mentorbot:
    """Everything one process runs."""

    core: Core
    dispatcher: Dispatcher
    metrics: Metrics
    slack: AsyncApp | None = None
    slack_signing_secret: str | None = None
    teams: App | None = None
    teams_web: FastAPI | None = None  # the SDK's app serving the Teams messaging endpoint
    messengers: dict[str, Messenger] = field(default_factory=dict)
    slack_connections: SlackConnections | None = None
    scheduler: AsyncIOScheduler | None = None
    loop: asyncio.AbstractEventLoop | None = None
    resident: set[asyncio.Task[Any]] = field(default_factory=set)
    """The tasks running once started: any other is work in flight (a listener after its ack)."""

    async def start(self, *, tick: bool = True) -> None:
        """Send what was missed while down, in the background (requests are served meanwhile),
        then tick every minute. Without `tick` the caller drives the dispatcher: the missed
        ones are sent before this returns."""
        self.loop = asyncio.get_running_loop()
        if self.slack_connections is not None:
            await self.slack_connections.open()
        if self.teams is not None:
            await self.teams.initialize()  # registers /api/messages; app.send needs it too
        if tick:
            self.dispatcher.start_in_background()
            self.scheduler = start_ticking(self.dispatcher)
            log.info(
                "Mentorbot started: %s; database %s; programme admins: %d; due messages "
                "checked every minute",
                " and ".join(name.capitalize() for name in self.messengers) or "no platform",
                self.core.db.engine.url.render_as_string(hide_password=True),
                len(self.core.admins),
            )
        else:
            await self.dispatcher.run_once()
        self.resident = asyncio.all_tasks()

    async def stop(self) -> None:
        """Stop ticking; let the sends in flight finish and give back the other claims; let
        the work requests started finish (both bounded); then close the connections."""
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        await self.dispatcher.shutdown()
        await self.finish_work_in_flight()
        if self.slack_connections is not None:
            await self.slack_connections.close()
        # Closing the last connection checkpoints the WAL into the database file and removes it.
        self.core.db.engine.dispose()

    async def finish_work_in_flight(self, grace: float = SHUTDOWN_GRACE) -> None:
        current = asyncio.current_task()
        running = {
            task
            for task in asyncio.all_tasks()
            if task is not current and task not in self.resident and not task.done()
        }
        if running:
            _, late = await asyncio.wait(running, timeout=grace)
            if late:
                log.warning("stopping with %d tasks unfinished after %ss", len(late), grace)


def build_mentorbot(
    settings: Settings, *, clock: Clock | None = None, teams_token: TokenProvider | None = None
) -> Mentorbot:
    """Migrate the database and wire the core to the configured platforms.

    `teams_token` gives Teams app tokens instead of the client secret (tests use a fake one).
    """
    keep_content_out_of_logs()
    engine = make_engine(settings.database_url)
    migrate(engine)
    core = Core.configured(settings, Database(engine), clock or SystemClock())
    messengers: dict[str, Messenger] = {}
    slack_app = slack_connections = None
    if settings.slack_enabled:
        oauth = slack_oauth(settings, core)
        api_url = settings.slack_api_url
        sender = delivery_client(settings.slack_bot_token, api_url)
        messenger = SlackMessenger(
            sender,
            Pacer(
                core.clock,
                rate=settings.sends_per_second,
                shared=SharedPauses(core.db, "slack"),
            ),
            SlackWorkspaces(
                sender,
                store=oauth.installations if oauth else None,
                make_client=lambda token: delivery_client(token, api_url),
            ),
        )
        messengers["slack"] = messenger
        slack_app, listeners_client = build_slack_app(
            core,
            token=settings.slack_bot_token,
            signing_secret=settings.slack_signing_secret,
            api_url=api_url,
            messenger=messenger,
            oauth=oauth,
        )
        slack_connections = SlackConnections(slack_app.client, listeners_client, messenger.client)
    teams_app = teams_web = None
    if settings.teams_enabled:
        from handlers.teams.app import build_teams_app

        teams_app, teams_web, messengers["teams"] = build_teams_app(
            core, settings, token=teams_token
        )
    metrics = Metrics(core.db, core.clock)
    dispatcher = Dispatcher(
        core,
        messengers,
        concurrency=settings.sends_at_once,
        lease=timedelta(seconds=settings.lease_seconds),
        observe=metrics.observe_outcome,
    )
    core.owed_now = dispatcher.kick
    return Mentorbot(
        core=core,
        dispatcher=dispatcher,
        metrics=metrics,
        slack=slack_app,
        slack_signing_secret=settings.slack_signing_secret,
        teams=teams_app,
        teams_web=teams_web,
        messengers=messengers,
        slack_connections=slack_connections,
    )


def slack_oauth(settings: Settings, core: Core) -> SlackOAuth | None:
    """OAuth mode's stores, when configured; the installers become their workspace's admins."""
    if not settings.slack_oauth:
        return None
    # A missing or malformed key stops here, in one line, not at the first install.
    settings.require("slack_client_id", "slack_client_secret", "token_key")
    assert settings.slack_client_id and settings.slack_client_secret and settings.token_key
    installations = InstallationStore(core, settings.token_key)
    core.installers = installations.installers
    return SlackOAuth(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        installations=installations,
        states=OAuthStateStore(core, settings.token_key),
    )


def create_web_app(bot: Mentorbot, *, tick: bool = True) -> FastAPI:
    """`POST /slack/events`, `POST /api/messages` (Teams), `GET /healthz` and `GET /metrics`,
    for the platforms configured, on one port; the dispatcher runs with the app's lifespan."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await bot.start(tick=tick)
        try:
            yield
        finally:
            await bot.stop()

    app = FastAPI(title="Mentorbot", lifespan=lifespan, docs_url=None, redoc_url=None)

    if bot.slack is not None and bot.slack_signing_secret:
        endpoint = SlackEndpoint(bot.slack, bot.slack_signing_secret)
        app.post("/slack/events")(endpoint.handle)
        if bot.slack.oauth_flow is not None:
            app.get(INSTALL_PATH)(endpoint.install)
            app.get(REDIRECT_PATH)(endpoint.install)

    add_health_routes(app, bot)
    add_calendar_route(app, bot)
    app.add_middleware(AckTimer, metrics=bot.metrics)

    if bot.teams_web is not None:  # last: what no route above takes goes to the Teams SDK
        app.mount("/", bot.teams_web)
    return app


def create_metrics_app(bot: Mentorbot) -> FastAPI:
    """`GET /healthz` and `GET /metrics` alone, for a process that serves no HTTP otherwise
    (Socket Mode, on METRICS_PORT)."""
    app = FastAPI(title="Mentorbot", docs_url=None, redoc_url=None, openapi_url=None)
    add_health_routes(app, bot)
    return app


CALENDAR_PATH = re.compile(r"(/calendar/)[^/\s?]+")


class RedactCalendarTokens(logging.Filter):
    """Access log lines show `/calendar/…`, never the token that opens someone's feed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                CALENDAR_PATH.sub(r"\1…", arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        return True


REDACT_CALENDAR_TOKENS = RedactCalendarTokens()


def add_calendar_route(app: FastAPI, bot: Mentorbot) -> None:
    """`GET /calendar/<token>.ics`: the person's private feed (built by the core); an unknown
    or revoked token is a plain 404. HEAD answers the same, without the body (the server
    drops it)."""
    logging.getLogger("uvicorn.access").addFilter(REDACT_CALENDAR_TOKENS)
    core = bot.core

    def feed(token: str) -> bytes | None:
        with core.db.session() as session:
            return feed_for_token(session=session, token=token, now=core.clock.now())

    @app.api_route("/calendar/{name}", methods=["GET", "HEAD"])  # calendar clients ask HEAD
    async def calendar(name: str) -> Response:
        token, _, extension = name.rpartition(".")
        content = await asyncio.to_thread(feed, token) if extension == "ics" else None
        if content is None:
            return Response(status_code=404)
        headers = {"Cache-Control": "private, max-age=300", "X-Robots-Tag": "noindex"}
        return Response(content, media_type="text/calendar; charset=utf-8", headers=headers)


def add_health_routes(app: FastAPI, bot: Mentorbot) -> None:
    """`GET /healthz` (and HEAD, without the body): whether the database answers and how far
    behind the queue is (503 when the database does not answer); `GET /metrics`: the same and
    more, for Prometheus."""

    @app.api_route("/healthz", methods=["GET", "HEAD"])  # load balancers' checks send HEAD
    async def healthz() -> JSONResponse:
        def database_ok() -> bool:
            try:
                with bot.core.db.engine.connect() as connection:
                    return connection.execute(text("SELECT 1")).scalar() == 1
            except Exception as error:
                log.warning("health check: the database does not answer (%s)", type(error).__name__)
                return False

        def due_backlog() -> dict[str, Any]:
            now = bot.core.clock.now()
            with bot.core.db.session() as session:
                owed = backlog(session=session, now=now)
            oldest = owed.oldest_due_at
            age = round((now - oldest).total_seconds()) if oldest is not None else None
            return {"due": owed.due, "oldest_due_age_seconds": age}

        ok = await asyncio.to_thread(database_ok)
        body: dict[str, Any] = {"ok": ok, "database": ok, "platforms": sorted(bot.messengers)}
        if ok:
            body["backlog"] = await asyncio.to_thread(due_backlog)
        return JSONResponse(body, status_code=200 if ok else 503)

    @app.get("/metrics")
    async def metrics() -> Response:
        body = await asyncio.to_thread(bot.metrics.exposition)
        return Response(body, media_type=CONTENT_TYPE)


ACK_PATHS = {"/slack/events": "slack", "/api/messages": "teams"}


class AckTimer:
    """Times the answer to each platform request (ASGI middleware: the answer's start is the
    acknowledgement; the work a listener does after it is not counted)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        platform = ACK_PATHS.get(scope.get("path", "")) if scope["type"] == "http" else None
        if platform is None:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.metrics.observe_ack(platform, started)
            await send(message)

        await self.app(scope, receive, timed)
