"""The `mentorbot` command: `serve` (HTTP) and `socket` (Socket Mode)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from dotenv import load_dotenv

from bot.settings import Settings, SettingsError


def serve(settings: Settings) -> None:
    """Slack over HTTP on PORT, served by uvicorn."""
    settings.require("slack_bot_token", "slack_signing_secret")
    import uvicorn

    from handlers.web import build_mentorbot, create_web_app

    app = create_web_app(build_mentorbot(settings))
    uvicorn.run(app, host="0.0.0.0", port=settings.port, log_level="info")


def socket(settings: Settings) -> None:
    """Slack over Socket Mode: no public URL needed."""
    settings.require("slack_bot_token", "slack_app_token")
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    from handlers.web import build_mentorbot

    async def run() -> None:
        bot = build_mentorbot(settings)
        await bot.start()
        try:
            await AsyncSocketModeHandler(bot.slack, settings.slack_app_token).start_async()
        finally:
            await bot.stop()

    asyncio.run(run())


COMMANDS = {"serve": serve, "socket": socket}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mentorbot", description=__doc__)
    parser.add_argument("command", choices=sorted(COMMANDS), help="how to run the bot")
    args = parser.parse_args(argv)
    load_dotenv(override=False)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    try:
        COMMANDS[args.command](Settings.from_env())
    except SettingsError as error:
        print(f"mentorbot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
