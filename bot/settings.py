"""Settings, read once from the environment (and a `.env` file, if present)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///mentorbot.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"


class SettingsError(Exception):
    """A setting is missing or wrong; the message is one line a person can act on."""


@dataclass(frozen=True)
class Settings:
    slack_bot_token: str | None
    slack_signing_secret: str | None
    slack_app_token: str | None
    slack_api_url: str
    database_url: str
    port: int
    admins: frozenset[str]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        raw_port = env.get("PORT", "3000")
        if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
            raise SettingsError(f"PORT must be a port number, not {raw_port!r}.")
        api_url = env.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
        return cls(
            slack_bot_token=env.get("SLACK_BOT_TOKEN") or None,
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
            slack_app_token=env.get("SLACK_APP_TOKEN") or None,
            slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            port=int(raw_port),
            admins=frozenset(
                a for a in env.get("MENTORBOT_ADMINS", "").replace(",", " ").split() if a
            ),
        )

    def require(self, *names: str) -> None:
        """Stop with one clear line when a needed setting is missing."""
        missing = [n.upper() for n in names if not getattr(self, n)]
        if missing:
            raise SettingsError(
                f"Missing {', '.join(missing)}: set it in the environment or in a .env file "
                "(see README.md, 'Configuration')."
            )
        token = self.slack_bot_token
        if "slack_bot_token" in names and token and not token.startswith("xoxb-"):
            raise SettingsError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-.")
        app_token = self.slack_app_token
        if "slack_app_token" in names and app_token and not app_token.startswith("xapp-"):
            raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with xapp-.")
