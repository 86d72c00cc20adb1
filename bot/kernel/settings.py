"""Settings, read once from the environment (and a `.env` file, if present)."""

from __future__ import annotations

import base64
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DATABASE_VARIABLE = "DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///mentorbot.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
HTTP_URL = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?")  # a host, then a path at most
UNAUTHENTICATED_SWITCH = "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS"  # the Teams SDK's switch
TRUE_WORDS = ("1", "true", "yes", "on")  # the values the Teams SDK accepts for it
FALSE_WORDS = ("0", "false", "no", "off")
RETENTION_VARIABLE = "MENTORBOT_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 365
PUBLIC_URL_VARIABLE = "MENTORBOT_PUBLIC_URL"
TOKEN_KEY_VARIABLE = "MENTORBOT_TOKEN_KEY"
MAX_RETENTION_DAYS = 36500  # a century: any longer is a typo, and dates must stay computable
DEFAULT_SENDS_AT_ONCE = 16  # notifications in flight: each to its own channel, paced apart
MAX_SENDS_AT_ONCE = 64
# What storage/db.py make_engine opens: SQLite, and PostgreSQL through psycopg (its default).
DATABASE_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgres", "postgresql", "postgresql+psycopg")


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
    # Microsoft Teams, under the Teams SDK's own variable names (microsoft_teams.apps.App).
    teams_client_id: str | None = None
    teams_client_secret: str | None = None
    teams_tenant_id: str | None = None
    teams_allow_unauthenticated: bool = False  # tests only: no JWT checked on /api/messages
    # How long a claimed notification stays another process's after its last renewal: the
    # delay before a replica takes over the sends of one that died.
    lease_seconds: int = 60
    # Messages a second to one channel or person, after a burst: Slack's pace for chat.postMessage.
    sends_per_second: float = 1.0
    # Notifications in flight at once (each to its own channel or person; each paced as above).
    sends_at_once: int = DEFAULT_SENDS_AT_ONCE
    # How long an ended pair's content is kept before it is erased (the guides' GDPR note).
    retention_days: int = DEFAULT_RETENTION_DAYS
    # Socket Mode serves no HTTP: `/healthz` and `/metrics` on this port when set.
    metrics_port: int | None = None
    # Where people reach this server (calendar subscription links): MENTORBOT_PUBLIC_URL.
    public_url: str | None = None
    # OAuth mode (any number of workspaces): the app's credentials instead of one bot token,
    # and the key the installations' bot tokens are encrypted with (a Fernet key).
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    token_key: str | None = None

    @property
    def slack_oauth(self) -> bool:
        """Installed through Slack's OAuth flow in any number of workspaces, not one token."""
        return bool(self.slack_client_id) and not self.slack_bot_token

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token) or self.slack_oauth

    @property
    def teams_enabled(self) -> bool:
        return bool(self.teams_client_id)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        raw_port = env.get("PORT", "3000")
        # 0: a free port the system picks, which uvicorn logs at start ("running on …:<port>").
        if not raw_port.isdecimal() or not 0 <= int(raw_port) < 65536:
            raise SettingsError(f"PORT must be a port number, not {raw_port!r}.")
        raw_metrics_port = env.get("METRICS_PORT", "").strip()
        if raw_metrics_port and not (
            raw_metrics_port.isdecimal() and 0 <= int(raw_metrics_port) < 65536
        ):
            raise SettingsError(f"METRICS_PORT must be a port number, not {raw_metrics_port!r}.")
        api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL
        if not HTTP_URL.fullmatch(api_url):
            raise SettingsError(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}.")
        switch = env.get(UNAUTHENTICATED_SWITCH, "").strip().lower()
        if switch not in ("", *TRUE_WORDS, *FALSE_WORDS):
            raise SettingsError(f"{UNAUTHENTICATED_SWITCH} must be true or false, not {switch!r}.")
        unauthenticated = switch in TRUE_WORDS
        raw_pace = env.get("MENTORBOT_SENDS_PER_SECOND", "1")
        try:
            pace = float(raw_pace)
        except ValueError:
            pace = 0.0
        if not (pace > 0 and math.isfinite(pace)):  # inf: no pace at all
            raise SettingsError(
                f"MENTORBOT_SENDS_PER_SECOND must be a positive number, not {raw_pace!r}."
            )
        raw_lease = env.get("MENTORBOT_LEASE_SECONDS", "60")
        if not raw_lease.isdecimal() or int(raw_lease) < 1:
            raise SettingsError(
                f"MENTORBOT_LEASE_SECONDS must be a whole number of seconds, not {raw_lease!r}."
            )
        raw_at_once = env.get("MENTORBOT_SENDS_AT_ONCE", "").strip() or str(DEFAULT_SENDS_AT_ONCE)
        if not raw_at_once.isdecimal() or not 1 <= int(raw_at_once) <= MAX_SENDS_AT_ONCE:
            raise SettingsError(
                f"MENTORBOT_SENDS_AT_ONCE must be a whole number from 1 to {MAX_SENDS_AT_ONCE},"
                f" not {raw_at_once!r}."
            )
        raw_retention = env.get(RETENTION_VARIABLE, "").strip() or str(DEFAULT_RETENTION_DAYS)
        if not raw_retention.isdecimal() or int(raw_retention) > MAX_RETENTION_DAYS:
            raise SettingsError(
                f"{RETENTION_VARIABLE} must be a whole number of days from 0 to "
                f"{MAX_RETENTION_DAYS}, not {raw_retention!r}."
            )
        return cls(
            slack_bot_token=env.get("SLACK_BOT_TOKEN") or None,
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
            slack_app_token=env.get("SLACK_APP_TOKEN") or None,
            slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
            database_url=database_url(env),
            port=int(raw_port),
            admins=frozenset(
                a for a in env.get("MENTORBOT_ADMINS", "").replace(",", " ").split() if a
            ),
            teams_client_id=env.get("CLIENT_ID") or None,
            teams_client_secret=env.get("CLIENT_SECRET") or None,
            teams_tenant_id=env.get("TENANT_ID") or None,
            teams_allow_unauthenticated=unauthenticated,
            lease_seconds=int(raw_lease),
            sends_per_second=pace,
            sends_at_once=int(raw_at_once),
            retention_days=int(raw_retention),
            metrics_port=int(raw_metrics_port) if raw_metrics_port else None,
            public_url=public_url(env),
            slack_client_id=env.get("SLACK_CLIENT_ID") or None,
            slack_client_secret=env.get("SLACK_CLIENT_SECRET") or None,
            token_key=env.get(TOKEN_KEY_VARIABLE, "").strip() or None,
        )

    def require_a_platform(self) -> None:
        """`serve` needs Slack (token and signing secret) or Teams (CLIENT_ID), or both."""
        if not (self.slack_enabled or self.teams_enabled):
            raise SettingsError(
                "Missing SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Slack) or CLIENT_ID "
                "(Microsoft Teams): set them in the environment or in a .env file (see "
                "README.md, 'Configuration' and 'Microsoft Teams'; SLACK_CLIENT_ID and "
                "SLACK_CLIENT_SECRET instead of SLACK_BOT_TOKEN for any number of workspaces)."
            )
        names: tuple[str, ...] = ()
        if self.slack_oauth:
            names = ("slack_client_id", "slack_client_secret", "slack_signing_secret", "token_key")
        elif self.slack_enabled:
            names = ("slack_bot_token", "slack_signing_secret")
        self.require(*names, *(("teams_client_id",) if self.teams_enabled else ()))

    def require(self, *names: str) -> None:
        """Stop with one line naming each needed setting that is wrong (and why) or missing."""
        problems = [
            problem
            for name in names
            if (value := getattr(self, name)) and (problem := wrong_value(name, value))
        ]
        missing = [VARIABLES.get(n, n.upper()) for n in names if not getattr(self, n)]
        if missing:
            problems.append(
                f"Missing {', '.join(missing)}: set it in the environment or in a .env file "
                "(see README.md, 'Configuration')."
            )
        if problems:
            raise SettingsError(" ".join(problems))


VARIABLES = {
    "teams_client_id": "CLIENT_ID",
    "token_key": TOKEN_KEY_VARIABLE,
}  # settings not named after their variable
GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def public_url(env: Mapping[str, str]) -> str | None:
    """MENTORBOT_PUBLIC_URL without its trailing slash; an http(s) URL or nothing."""
    raw = env.get(PUBLIC_URL_VARIABLE, "").strip().rstrip("/")
    if not raw:
        return None
    if not HTTP_URL.fullmatch(raw):
        raise SettingsError(f"{PUBLIC_URL_VARIABLE} must be an http(s) URL, not {raw!r}.")
    return raw


def database_url(env: Mapping[str, str]) -> str:
    """DATABASE_URL, if the database layer can open it: SQLite, its file in a directory that
    exists, or PostgreSQL. Checked here, not at the first connection, so that a typo stops
    start-up in one line; the password it may hold is never shown."""
    raw = env.get(DATABASE_VARIABLE, "").strip() or DEFAULT_DATABASE_URL
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        url = None
    if url is None or url.drivername not in DATABASE_DRIVERS:
        raise SettingsError(
            f"{DATABASE_VARIABLE} must be a SQLite or PostgreSQL URL ({DEFAULT_DATABASE_URL}, "
            f"postgresql://user:password@host/db), not {without_password(raw)!r}."
        )
    file = url.database or ":memory:"
    if url.get_backend_name() == "sqlite" and not (
        file == ":memory:" or file.startswith("file:") or "mode=memory" in raw
    ):
        folder = Path(file).parent
        if not folder.is_dir():
            raise SettingsError(
                f"{DATABASE_VARIABLE} names a SQLite file in {folder}, a directory that does not "
                "exist."
            )
    return raw


def without_password(url: str) -> str:
    """`url` with the password of its user part, if any, as ***."""
    return re.sub(r"(://[^:/@]*:).*@", r"\1***@", url)


def is_fernet_key(value: str) -> bool:
    """32 bytes in URL-safe base64, as cryptography's Fernet takes its key."""
    try:
        return len(base64.urlsafe_b64decode(value.encode("ascii"))) == 32 and len(value) == 44
    except (ValueError, UnicodeEncodeError):
        return False


def wrong_value(name: str, value: str) -> str | None:
    """Why the value of setting `name` cannot be right, in a sentence naming its variable; None
    when it may be."""
    if name == "slack_bot_token" and not value.startswith("xoxb-"):
        return (
            "SLACK_BOT_TOKEN does not look like a bot token (xoxb-…): copy the Bot User OAuth "
            "Token from the app's OAuth & Permissions page."
        )
    if name == "slack_app_token" and not value.startswith("xapp-"):
        return (
            "SLACK_APP_TOKEN does not look like an app-level token (xapp-…): create one with the "
            "connections:write scope under the app's Basic Information."
        )
    if name == "slack_signing_secret" and (value.startswith(("xox", "xapp-")) or " " in value):
        return (
            "SLACK_SIGNING_SECRET does not look like a signing secret: it is the Signing Secret "
            "of the app's Basic Information page (hexadecimal), not a token."
        )
    if name == "token_key" and not is_fernet_key(value):
        return (
            f"{TOKEN_KEY_VARIABLE} must be a Fernet key (32 bytes in URL-safe base64, 44 "
            'characters): make one with `python -c "from cryptography.fernet import Fernet; '
            'print(Fernet.generate_key().decode())"`.'
        )
    if name == "teams_client_id" and not GUID.fullmatch(value):
        return (
            f"CLIENT_ID does not look like a Microsoft App ID (a GUID such as "
            f"00000000-0000-0000-0000-000000000000), not {value!r}: copy it from the Azure Bot's "
            "Configuration page."
        )
    return None
