"""Running as a service: `serve` and `socket` until SIGTERM or SIGINT, then a clean stop.

On either signal the process stops taking new work (uvicorn closes its listening socket;
Socket Mode stops acknowledging envelopes), lets what is in flight finish within a grace
period, gives back the notifications it claimed, closes the Socket Mode WebSocket with a
Close frame, stops the scheduler and exits 0. A second signal while stopping is only logged:
the grace periods bound the stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Iterator

import uvicorn
from fastapi import FastAPI

from app.collector import settle_after_start_up
from app.http_server import http_config
from app.web import Mentorbot, build_mentorbot, create_metrics_app, create_web_app
from app.work_threads import use_work_threads
from bot.kernel.settings import Settings, SettingsError
from handlers.slack.socket_mode import SocketMode
from scheduler.dispatcher import SHUTDOWN_GRACE

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


def run_until_signalled(main: Callable[[asyncio.Event], Awaitable[None]]) -> None:
    """Run `main(stop)` in a new event loop; `stop` is set on the first SIGTERM or SIGINT."""

    async def running() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()

        def signalled(received: signal.Signals) -> None:
            if stop.is_set():
                log.warning("%s: already stopping", received.name)
                return
            log.info("%s: stopping (work in flight has %ss to finish)", received.name, GRACE)
            stop.set()

        for received in SIGNALS:
            loop.add_signal_handler(received, signalled, received)
        try:
            await main(stop)
        finally:
            for received in SIGNALS:
                loop.remove_signal_handler(received)

    asyncio.run(running())


GRACE = SHUTDOWN_GRACE


class Server(uvicorn.Server):
    """uvicorn, stopped by `run_until_signalled` rather than by its own signal handlers (which
    raise the signal again once stopped: a SIGTERM would end the process with status -15)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def serve_http(
    app: FastAPI, *, port: int, stop: asyncio.Event, host: str = "0.0.0.0"
) -> None:
    """Serve `app` until `stop`; then uvicorn closes its socket, waits for the requests in
    flight (GRACE at most) and runs the app's shutdown."""
    config = http_config(
        app,
        host=host,
        port=port,
        log_level="info",
        log_config=None,  # uvicorn's lines go through the root logger: plain or JSON alike
        timeout_graceful_shutdown=int(GRACE),
    )
    server = Server(config)
    serving = asyncio.create_task(server.serve())
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    stopping.cancel()
    await serving


def serve(settings: Settings) -> None:
    """Slack, Microsoft Teams or both over HTTP on PORT."""

    async def main(stop: asyncio.Event) -> None:
        use_work_threads()
        app = create_web_app(build_mentorbot(settings))
        settle_after_start_up()
        await serve_http(app, port=settings.port, stop=stop)

    run_until_signalled(main)


def socket(settings: Settings) -> None:
    """Slack over Socket Mode; `/healthz` and `/metrics` on METRICS_PORT when it is set."""

    async def main(stop: asyncio.Event) -> None:
        use_work_threads()
        bot = build_mentorbot(settings)
        slack = bot.slack
        if slack is None or settings.slack_app_token is None:  # required by the caller
            raise SettingsError("Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN.")
        await bot.start()
        connection = SocketMode(slack, settings.slack_app_token, acked=acked_by(bot))
        settle_after_start_up()
        metrics = None
        if settings.metrics_port is not None:
            metrics = asyncio.create_task(
                serve_http(create_metrics_app(bot), port=settings.metrics_port, stop=stop)
            )
        try:
            connecting = asyncio.create_task(connection.connect_async())
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({connecting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if connecting.done():
                connecting.result()
                log.info("Socket Mode connected")
                await stopping
            else:  # stopped before the first connection was made
                connecting.cancel()
        finally:
            stop.set()
            await connection.stop(GRACE)
            if metrics is not None:
                await metrics
            await bot.stop()

    run_until_signalled(main)


def acked_by(bot: Mentorbot) -> Callable[[float], None]:
    return lambda started: bot.metrics.observe_ack("slack", started)
