"""A local fake of the Slack Web API over real HTTP: records calls, rejects invalid Block Kit."""

from __future__ import annotations

import base64
import itertools
import json
import random
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from tests.fakes.block_kit import (
    validate_blocks,
    validate_home_view,
    validate_message_text,
    validate_view,
)
from tests.fakes.holds import Hold, Holds

T = TypeVar("T")
BOT_USER, BOT_ID, APP_ID = "UBOT", "BBOT", "A0MENTOR"
JSON_ARGS = ("blocks", "view", "attachments", "metadata", "files")
CHAT_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update")
VIEW_METHODS = ("views.open", "views.update", "views.push")


@dataclass(frozen=True)
class Call:
    """One request the bot made: the method (or `response_url:<name>`), its arguments, answer.

    `args` has its JSON-encoded fields (blocks, view...) decoded; `time` is time.time();
    `status` and `headers` are the HTTP status and the extra headers of the answer.
    """

    method: str
    args: dict[str, Any]
    response: dict[str, Any]
    time: float
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    team: str = ""  # the workspace of the token the call came with (installed teams only)


@dataclass
class _Failure:
    error: str
    status: int
    retry_after: int
    times: int


@dataclass
class _Storm:
    """For `seconds` from the first call it sees, every call of a method is answered 429; each
    answer opens a Retry-After window on the channel it named."""

    seconds: float
    retry_after: int
    until: float | None = None


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


def _invalid(error: str, problems: list[str]) -> dict[str, Any]:
    """Slack's answer to an invalid payload: the problems, also as response_metadata messages."""
    return {
        "ok": False,
        "error": error,
        "errors": problems,
        "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]},
    }


class FakeSlack:
    """The Slack Web API methods the bot calls, served on 127.0.0.1 from a background thread.

    Starts serving on construction unless `autostart=False` (then call `start()`).
    Posts to `C…` channels succeed only for `channels`; DMs only once conversations.open
    (or a post to the user id) has opened them.
    """

    def __init__(
        self,
        *,
        team_id: str = "T0MENTOR",
        channels: Iterable[str] = ("C0GENERAL", "C0LEADS"),
        autostart: bool = True,
        latency: float = 0.0,
    ) -> None:
        self.team_id = team_id
        self.latency = latency  # seconds each Web API call waits, as Slack's network would
        self._lock = threading.RLock()
        self._calls: list[Call] = []
        self._users: dict[str, dict[str, Any]] = {}
        self._channels = set(channels)
        self._dm_channels: dict[str, str] = {}
        self._messages: dict[tuple[str, str], dict[str, Any]] = {}
        self._views: dict[str, dict[str, Any]] = {}
        self._homes: dict[str, dict[str, Any]] = {}
        self._failures: dict[str, _Failure] = {}
        self._refusals: dict[str, str] = {}  # channel or user id -> the error every post gets
        # The next post to a response_url ("response_url") or to a conversation, kept.
        self._holds = Holds()
        self._storms: dict[str, _Storm] = {}
        self._windows: dict[tuple[str, str], float] = {}  # (method, channel) -> window end
        self._server_error_rate = 0.0
        # apps.connections.open hands out this Socket Mode URL (a FakeSocketMode's `url`).
        self.socket_mode_url: Callable[[], str] | None = None
        self._random = random.Random(0)
        self._uploads: dict[str, dict[str, Any]] = {}  # file id -> filename, length, content
        self._files: list[dict[str, Any]] = []  # shared files: id, title, content, channel
        self._file_ids = itertools.count(1)
        self._ts = itertools.count(1_767_000_000_000_100, 100)
        self._view_ids = itertools.count(1)
        # OAuth: install codes by code, the team each issued bot token writes to, revoked ones.
        self._codes: dict[str, dict[str, Any]] = {}
        self._tokens: dict[str, str] = {}
        self._revoked: set[str] = set()
        self._token_ids = itertools.count(1)
        self.client_id, self.client_secret = "1111.2222", "oauth-client-secret"
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        if autostart:
            self.start()

    # Life cycle.
    def start(self) -> FakeSlack:
        """Serve requests (idempotent)."""
        if not self._thread.is_alive():
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._holds.release_all()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The Web API base URL for slack-sdk's `base_url` (it appends the method name)."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        """A response_url whose posts `responses(name)` returns."""
        return f"http://127.0.0.1:{self.port}/responses/{name}"

    # The workspace.
    def add_user(
        self,
        user_id: str,
        *,
        name: str,
        tz: str = "Europe/Paris",
        locale: str = "en-US",
        is_bot: bool = False,
        deleted: bool = False,
        team: str | None = None,
    ) -> None:
        """A member users.info knows about (of `team`: the fake's own team by default)."""
        with self._lock:
            self._users[user_id] = {
                "id": user_id,
                "team_id": team or self.team_id,
                "name": name,
                "real_name": name.title(),
                "deleted": deleted,
                "tz": tz,
                "is_bot": is_bot,
                "is_app_user": False,
                "locale": locale,
                "profile": {
                    "display_name": name,
                    "real_name": name.title(),
                    "team": self.team_id,
                },
            }

    def add_team(
        self, team_id: str, *, code: str, installer: str, enterprise_id: str | None = None
    ) -> None:
        """A workspace whose install (OAuth) gives `code` to the redirect; oauth.v2.access
        exchanges it for a bot token of that team alone."""
        with self._lock:
            self._codes[code] = {
                "team": team_id,
                "installer": installer,
                "enterprise": enterprise_id,
            }

    def tokens_of(self, team_id: str) -> list[str]:
        """The bot tokens issued to `team_id`, oldest first."""
        with self._lock:
            return [token for token, team in self._tokens.items() if team == team_id]

    def revoke(self, team_id: str) -> None:
        """The team uninstalled the app: its tokens answer `token_revoked` from now on."""
        with self._lock:
            self._revoked.update(self.tokens_of(team_id))

    def add_channel(self, channel_id: str) -> None:
        """A channel the bot may post to."""
        with self._lock:
            self._channels.add(channel_id)

    def fail_next(
        self,
        method: str,
        error: str = "ratelimited",
        *,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` fail: HTTP `status` (429: Retry-After) or ok=false;
        `response_url`: the next posts to any response_url."""
        with self._lock:
            self._failures[method] = _Failure(error, status, retry_after, times)

    def hold_next_response(self) -> Hold:
        """Keep the next post to any response_url in flight until the hold is released."""
        return self._holds.add("response_url")

    def hold_next_post(self, target: str) -> Hold:
        """Keep the next chat.postMessage to a channel id, or to the DM of a user id, in flight
        until the hold is released."""
        return self._holds.add(target)

    def refuse(self, target: str, error: str = "channel_not_found") -> None:
        """Every chat.postMessage to `target` (a channel id, or a user id for their DM) is
        answered ok=false with `error`, as Slack answers for an archived channel or an
        inactive account."""
        with self._lock:
            self._refusals[target] = error

    def storm(self, method: str, *, seconds: float, retry_after: int = 1) -> None:
        """For `seconds` from the next call of `method`, answer each 429 with `retry_after`;
        after that, a call to a channel whose window is still open is answered 429 too (as
        Slack does)."""
        with self._lock:
            self._storms[method] = _Storm(seconds, retry_after)

    def fail_randomly(self, rate: float, *, seed: int = 0) -> None:
        """Answer this share of Web API calls with HTTP 500 (`internal_error`), at random."""
        with self._lock:
            self._server_error_rate = rate
            self._random = random.Random(seed)

    # Reading what happened.
    def calls(self, method: str | None = None) -> list[Call]:
        """Every call so far (since `reset()`), or those of one method."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def rejections(self) -> list[Call]:
        """The calls answered with an error, injected failures included."""
        return [c for c in self.calls() if not c.response.get("ok")]

    def responses(self, name: str) -> list[dict[str, Any]]:
        """What was accepted at the response_url `name`."""
        return [c.args for c in self.calls(f"response_url:{name}") if c.response.get("ok")]

    def messages_to(self, target: str) -> list[dict[str, Any]]:
        """chat.postMessage arguments accepted for a channel id, or for the DM of a user id."""
        with self._lock:
            channel = self._dm_channels.get(target, target)
        return [
            c.args
            for c in self.calls("chat.postMessage")
            if c.response.get("ok") and c.response.get("channel") == channel
        ]

    def files_to(self, target: str) -> list[dict[str, Any]]:
        """Files shared in a channel, or in the DM of a user id: id, title, filename, content."""
        with self._lock:
            channel = self._dm_channels.get(target, target)
            return [f for f in self._files if f["channel"] == channel]

    def shared_files(self) -> list[dict[str, Any]]:
        """Every file shared so far, in any channel or DM: id, title, content, channel..."""
        with self._lock:
            return [dict(f) for f in self._files]

    def reader_of(self, channel: str) -> str:
        """Who reads a post to `channel`: the user of a DM (or a user id), else the channel."""
        with self._lock:
            owners = {dm: user for user, dm in self._dm_channels.items()}
            return owners.get(channel, channel)

    def delivered(self) -> dict[str, int]:
        """How many chat.postMessage each channel accepted; a DM counts under the user id."""
        counts: dict[str, int] = {}
        for call in self.calls("chat.postMessage"):
            if call.response.get("ok"):
                where = self.reader_of(str(call.response["channel"]))
                counts[where] = counts.get(where, 0) + 1
        return counts

    def calls_inside_windows(self, method: str = "chat.postMessage") -> list[Call]:
        """Calls of `method` to a channel made while a 429 it answered for that channel said
        to wait (from the 429's answer to the end of its Retry-After)."""
        calls = self.calls(method)
        inside = []
        for limited in calls:
            if limited.status != 429:
                continue
            end = limited.time + float(limited.headers["Retry-After"])
            channel = limited.args.get("channel")
            inside += [
                c for c in calls if c.args.get("channel") == channel and limited.time < c.time < end
            ]
        return inside

    def wait_for(self, predicate: Callable[[], T], timeout: float = 20.0) -> T:
        """Poll until `predicate()` is truthy and return its value; AssertionError on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                recent = "\n".join(
                    f"  {c.method} -> {c.status} {c.response.get('error') or 'ok'}"
                    for c in self.calls()[-10:]
                )
                raise AssertionError(
                    f"not seen within {timeout}s; last calls:\n{recent or '  (none)'}"
                )
            time.sleep(0.02)

    def home_of(self, user_id: str) -> dict[str, Any] | None:
        """The Home tab view last published for a user (views.publish), as Slack stored it."""
        with self._lock:
            return self._homes.get(user_id)

    def reset(self) -> None:
        """Forget the calls recorded so far; users, channels and open DMs stay."""
        with self._lock:
            self._calls.clear()

    # Serving (called from the server's threads).
    def serve(self, method: str, args: dict[str, Any], authorization: str) -> Call:
        """Answer and record one Web API call, or one post to a response_url."""
        if self.latency and not method.startswith("response_url:"):
            time.sleep(self.latency)
        hold = self._held_post(method, str(args.get("channel", "")))
        if hold is not None:
            hold.keep()
        with self._lock:
            status, headers = 200, {}
            failing = "response_url" if method.startswith("response_url:") else method
            failure = self._failures.get(failing)
            limited = self._rate_limited(method, str(args.get("channel", "")))
            if method.startswith("response_url:") and failure is None:
                response = self._respond(args)
            elif method.startswith("response_url:"):  # no token to check at a response_url
                status, headers, response = self._fail(failing, failure)
            elif method == "apps.connections.open":
                response = self._connections_open(authorization)
            elif method == "oauth.v2.access":
                response = self._oauth_access(args, authorization)
            elif authorization.removeprefix("Bearer ") in self._revoked:
                response = {"ok": False, "error": "token_revoked"}
            elif self._codes and authorization.removeprefix("Bearer ") not in self._tokens:
                response = {"ok": False, "error": "invalid_auth"}  # OAuth: issued tokens only
            elif (team := self._tokens.get(authorization.removeprefix("Bearer "))) and (
                self._team_of(args) not in ("", team)
            ):
                response = {"ok": False, "error": "user_not_found"}  # another team's member
            elif not authorization:
                response = {"ok": False, "error": "not_authed"}
            elif not authorization.startswith("Bearer xoxb-"):
                response = {"ok": False, "error": "invalid_auth"}
            elif method == "chat.postMessage" and str(args.get("channel")) in self._refusals:
                response = {"ok": False, "error": self._refusals[str(args.get("channel"))]}
            elif failure is not None:
                status, headers, response = self._fail(failing, failure)
            elif limited is not None:
                status, headers = 429, {"Retry-After": str(limited)}
                response = {"ok": False, "error": "ratelimited"}
            elif self._server_error_rate and self._random.random() < self._server_error_rate:
                status, response = 500, {"ok": False, "error": "internal_error"}
            else:
                response = self._handle(
                    method, args, self._tokens.get(authorization.removeprefix("Bearer "), "")
                )
            team = self._tokens.get(authorization.removeprefix("Bearer "), "")
            call = Call(method, args, response, time.time(), status, headers, team)
            self._calls.append(call)
            return call

    def _fail(self, failing: str, failure: _Failure) -> tuple[int, dict[str, str], dict[str, Any]]:
        """One of the failures `fail_next` asked for: its status, headers and body."""
        failure.times -= 1
        if failure.times <= 0:
            del self._failures[failing]
        headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
        return failure.status, headers, {"ok": False, "error": failure.error}

    def _held_post(self, method: str, channel: str) -> Hold | None:
        """The hold this post is the next one of, taken off (None: it goes through)."""
        if method.startswith("response_url:"):
            return self._holds.take("response_url")
        if method != "chat.postMessage":
            return None
        with self._lock:
            owners = {dm: user for user, dm in self._dm_channels.items()}
        return self._holds.take(channel, owners.get(channel, ""))

    def _rate_limited(self, method: str, channel: str) -> int | None:
        """The Retry-After of a 429 owed to this call (a storm, or a window still open)."""
        now = time.time()
        key = (method, channel)
        open_until = self._windows.get(key, 0.0)
        if now < open_until:
            return max(1, round(open_until - now))
        storm = self._storms.get(method)
        if storm is None:
            return None
        if storm.until is None:
            storm.until = now + storm.seconds
        if now >= storm.until:
            return None
        self._windows[key] = now + storm.retry_after
        return storm.retry_after

    def _handle(self, method: str, args: dict[str, Any], team: str = "") -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://mentoring.slack.com/",
                "team": "Mentoring",
                "user": "mentorbot",
                "team_id": team or self.team_id,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "users.info":
            return self._users_info(str(args.get("user", "")), _truthy(args.get("include_locale")))
        if method == "conversations.open":
            return self._open(str(args.get("users", "")))
        if method in CHAT_METHODS:
            return self._chat(method, args)
        if method in VIEW_METHODS:
            return self._view(method, args)
        if method == "views.publish":
            return self._publish(args)
        if method == "files.getUploadURLExternal":
            return self._upload_url(args)
        if method == "files.completeUploadExternal":
            return self._complete_upload(args)
        return {"ok": False, "error": "unknown_method", "req_method": method}

    def _team_of(self, args: dict[str, Any]) -> str:
        """The team of the member a call is about (users.info, a DM, a Home), if known."""
        for key in ("user", "users", "user_id", "channel"):
            user = self._users.get(str(args.get(key, "")))
            if user is not None:
                return str(user["team_id"])
        return ""

    def _oauth_access(self, args: dict[str, Any], authorization: str) -> dict[str, Any]:
        """The code of an install exchanged for its team's bot token, once; the app's
        credentials come as HTTP Basic auth (or as form fields)."""
        credentials = f"{self.client_id}:{self.client_secret}"
        basic = "Basic " + base64.b64encode(credentials.encode()).decode()
        given = (args.get("client_id"), args.get("client_secret"))
        if authorization != basic and given != (self.client_id, self.client_secret):
            return {"ok": False, "error": "invalid_client_id"}
        install = self._codes.pop(str(args.get("code", "")), None)
        if install is None:
            return {"ok": False, "error": "invalid_code"}
        team = install["team"]
        token = f"xoxb-{team}-{next(self._token_ids)}"
        self._tokens[token] = team
        enterprise = install["enterprise"]
        return {
            "ok": True,
            "app_id": APP_ID,
            "authed_user": {"id": install["installer"]},
            "scope": "commands,chat:write,chat:write.public,files:write,im:history,im:write,"
            "users:read",
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": BOT_USER,
            "team": {"id": team, "name": f"Team {team}"},
            "enterprise": {"id": enterprise, "name": "Org"} if enterprise else None,
            "is_enterprise_install": False,
        }

    def _connections_open(self, authorization: str) -> dict[str, Any]:
        """Socket Mode's WebSocket URL, for an app-level token (xapp-) only."""
        if not authorization.startswith("Bearer xapp-"):
            return {
                "ok": False,
                "error": "not_allowed_token_type" if authorization else "not_authed",
            }
        if self.socket_mode_url is None:
            return {"ok": False, "error": "invalid_auth"}
        return {"ok": True, "url": self.socket_mode_url()}

    def _users_info(self, user_id: str, include_locale: bool) -> dict[str, Any]:
        user = self._users.get(user_id)
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        now = datetime.now(UTC).astimezone(ZoneInfo(user["tz"]))
        offset = now.utcoffset()
        answer = {
            **user,
            "tz_label": now.tzname(),
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "profile": dict(user["profile"]),
        }
        if not include_locale:
            del answer["locale"]
        return {"ok": True, "user": answer}

    def _open(self, user_id: str) -> dict[str, Any]:
        user = self._users.get(user_id)
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        if user["deleted"]:
            return {"ok": False, "error": "user_disabled"}
        if user["is_bot"]:
            return {"ok": False, "error": "cannot_dm_bot"}
        if user_id in self._dm_channels:
            channel = {"id": self._dm_channels[user_id]}
            return {"ok": True, "no_op": True, "already_open": True, "channel": channel}
        self._dm_channels[user_id] = f"D{user_id}"
        return {"ok": True, "channel": {"id": self._dm_channels[user_id]}}

    def _channel(self, channel: str) -> str | None:
        """The channel id a post lands in (a user id means the DM with them), if it exists."""
        if channel in self._channels or channel in self._dm_channels.values():
            return channel
        if channel in self._users:
            opened = self._open(channel)
            return opened["channel"]["id"] if opened["ok"] else None
        return None

    def _next_ts(self) -> str:
        micros = next(self._ts)
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _chat(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        requested = str(args.get("channel", ""))
        channel = self._channel(requested)
        if channel is None and requested in self._users:  # a user one cannot DM, as Slack says
            return self._open(requested)
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        text, blocks = args.get("text"), args.get("blocks")
        if method == "chat.update" and (channel, str(args.get("ts"))) not in self._messages:
            return {"ok": False, "error": "message_not_found"}
        if method == "chat.postEphemeral" and args.get("user") not in self._users:
            return {"ok": False, "error": "user_not_in_channel"}
        problems = validate_message_text(text, blocks)
        if problems:
            too_long = isinstance(text, str) and bool(text)
            return _invalid("msg_too_long" if too_long else "no_text", problems)
        if blocks is not None:
            problems = validate_blocks(blocks)
            if problems:
                return _invalid("invalid_blocks", problems)
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        ts = str(args["ts"]) if method == "chat.update" else self._next_ts()
        message = {
            "user": BOT_USER,
            "type": "message",
            "ts": ts,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "text": text or "",
            "team": self.team_id,
            **({"blocks": blocks} if blocks else {}),
        }
        self._messages[(channel, ts)] = message
        if method == "chat.update":
            return {
                "ok": True,
                "channel": channel,
                "ts": ts,
                "text": text or "",
                "message": message,
            }
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _view(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method != "views.update" and not args.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        previous: dict[str, Any] | None = None
        if method == "views.update":
            previous = self._views.get(str(args.get("view_id", ""))) or next(
                (
                    v
                    for v in self._views.values()
                    if args.get("external_id") and v["external_id"] == args.get("external_id")
                ),
                None,
            )
            if previous is None:
                return {"ok": False, "error": "not_found"}
            if args.get("hash") and args["hash"] != previous["hash"]:
                return {"ok": False, "error": "hash_conflict"}
        view = args.get("view")
        problems = validate_view(view)
        if problems:
            return _invalid("invalid_arguments", problems)
        assert isinstance(view, dict)
        view_id = previous["id"] if previous else f"V{next(self._view_ids):010d}"
        root = previous["root_view_id"] if previous else view_id
        stored = {
            "id": view_id,
            "team_id": self.team_id,
            "type": "modal",
            "blocks": view["blocks"],
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{time.time():.6f}.{view_id.lower()}",
            "title": view["title"],
            "clear_on_close": view.get("clear_on_close", False),
            "notify_on_close": view.get("notify_on_close", False),
            "close": view.get("close"),
            "submit": view.get("submit"),
            "previous_view_id": None,
            "root_view_id": root,
            "app_id": APP_ID,
            "external_id": view.get("external_id", ""),
            "app_installed_team_id": self.team_id,
            "bot_id": BOT_ID,
        }
        self._views[view_id] = stored
        return {"ok": True, "view": stored}

    def _publish(self, args: dict[str, Any]) -> dict[str, Any]:
        user_id = str(args.get("user_id", ""))
        if user_id not in self._users:
            return {"ok": False, "error": "user_not_found"}
        previous = self._homes.get(user_id)
        if args.get("hash") and (previous is None or args["hash"] != previous["hash"]):
            return {"ok": False, "error": "hash_conflict"}
        view = args.get("view")
        problems = validate_home_view(view)
        if problems:
            return _invalid("invalid_arguments", problems)
        assert isinstance(view, dict)
        view_id = previous["id"] if previous else f"V{next(self._view_ids):010d}"
        stored = {
            "id": view_id,
            "team_id": self.team_id,
            "type": "home",
            "blocks": view["blocks"],
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{time.time():.6f}.{view_id.lower()}",
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": None,
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": APP_ID,
            "external_id": view.get("external_id", ""),
            "app_installed_team_id": self.team_id,
            "bot_id": BOT_ID,
        }
        self._homes[user_id] = stored
        return {"ok": True, "view": stored}

    def _upload_url(self, args: dict[str, Any]) -> dict[str, Any]:
        """Step 1 of an upload: a one-time URL (on this fake) for `length` bytes."""
        filename, length = str(args.get("filename") or ""), str(args.get("length") or "")
        if not filename or not length.isdigit() or int(length) == 0:
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._file_ids):08d}"
        self._uploads[file_id] = {
            "filename": filename,
            "length": int(length),
            "content": None,
            "alt_txt": args.get("alt_txt"),
        }
        return {
            "ok": True,
            "upload_url": f"http://127.0.0.1:{self.port}/upload/v1/{file_id}",
            "file_id": file_id,
        }

    def receive_upload(self, file_id: str, content: bytes) -> bool:
        """Step 2: the bytes POSTed to the upload URL."""
        with self._lock:
            upload = self._uploads.get(file_id)
            if upload is None or upload["content"] is not None:
                return False
            upload["content"] = content
            return True

    def _complete_upload(self, args: dict[str, Any]) -> dict[str, Any]:
        """Step 3: share the uploaded files in `channel_id` (a DM needs conversations.open)."""
        files = args.get("files")
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        channel = str(args.get("channel_id") or "")
        if channel not in self._channels and channel not in self._dm_channels.values():
            return {"ok": False, "error": "channel_not_found"}
        shared = []
        for item in files:
            upload = self._uploads.get(str(item.get("id")))
            if upload is None or upload["content"] is None:
                return {"ok": False, "error": "file_not_found"}
            if len(upload["content"]) != upload["length"]:
                return {"ok": False, "error": "file_upload_size_mismatch"}
            title = item.get("title") or upload["filename"]
            shared.append({"id": item["id"], "name": upload["filename"], "title": title})
            self._files.append(
                {
                    **shared[-1],
                    "content": upload["content"],
                    "channel": channel,
                    "initial_comment": args.get("initial_comment"),
                    "alt_txt": upload["alt_txt"],
                }
            )
        return {"ok": True, "files": shared}

    def _respond(self, args: dict[str, Any]) -> dict[str, Any]:
        if _truthy(args.get("delete_original")):
            return {"ok": True}
        problems = validate_message_text(args.get("text"), args.get("blocks"))
        if not problems and args.get("blocks") is not None:
            problems = validate_blocks(args["blocks"])
        return _invalid("invalid_blocks", problems) if problems else {"ok": True}


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (a process killed in fault tests) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _decode(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    """Arguments from the query string, a form body or a JSON body; JSON-encoded fields decoded."""
    args: dict[str, Any] = dict(parse_qsl(query))
    if raw:
        if content_type.startswith("application/json"):
            args.update(json.loads(raw))
        else:
            args.update(parse_qsl(raw.decode()))
    for key in JSON_ARGS:
        if isinstance(args.get(key), str):
            args[key] = json.loads(args[key])
    return args


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The headers and the body are two writes: with Nagle's algorithm the body waits for
        # the client's delayed ACK of the headers (40 ms on Linux) on a kept-alive connection.
        disable_nagle_algorithm = True

        def log_message(self, *_: Any) -> None:
            """Quiet: the tests read the recorded calls instead."""

        def _send(
            self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _serve(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if url.path.startswith("/upload/v1/"):
                ok = fake.receive_upload(url.path.removeprefix("/upload/v1/"), raw)
                self._send(200 if ok else 404, f"OK - {len(raw)}".encode(), "text/plain")
                return
            try:
                args = _decode(raw, self.headers.get("Content-Type", ""), url.query)
            except ValueError:
                self._send(200, b'{"ok": false, "error": "invalid_json"}', "application/json")
                return
            if url.path.startswith("/responses/"):
                call = fake.serve(f"response_url:{url.path.removeprefix('/responses/')}", args, "")
                ok = call.response["ok"]
                body = b"ok" if ok else call.response["error"].encode()
                status = 200 if ok else call.status if call.status != 200 else 400
                self._send(status, body, "text/plain", call.headers)
                return
            method = url.path.removeprefix("/api/")
            call = fake.serve(method, args, self.headers.get("Authorization", ""))
            body = json.dumps(call.response).encode()
            self._send(call.status, body, "application/json; charset=utf-8", call.headers)

        do_GET = _serve
        do_POST = _serve

    return Handler
