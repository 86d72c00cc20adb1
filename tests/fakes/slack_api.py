"""A local fake of the Slack Web API over real HTTP: records calls, rejects invalid Block Kit."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from tests.fakes.block_kit import validate_message, validate_view

T = TypeVar("T")
TEAM = "T0MENTOR"


@dataclass
class Call:
    """One request the bot made: the method (or `response_url:<name>`), its arguments, answer."""

    method: str
    args: dict[str, Any]
    response: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Failure:
    error: str
    status: int
    retry_after: int
    times: int


class FakeSlack:
    """Slack's Web API methods the bot calls, on 127.0.0.1, in a background thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._users: dict[str, dict[str, Any]] = {}
        self._dm_channels: dict[str, str] = {}
        self._failures: dict[str, _Failure] = {}
        self._ts = 1_767_000_000_000_100
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    # Life cycle.
    def __enter__(self) -> FakeSlack:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The Web API base URL to give slack-sdk (`SLACK_API_URL`)."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
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
    ) -> None:
        offset = datetime.now(UTC).astimezone(ZoneInfo(tz)).utcoffset()
        self._users[user_id] = {
            "id": user_id,
            "team_id": TEAM,
            "name": name,
            "real_name": name.title(),
            "deleted": deleted,
            "tz": tz,
            "tz_label": tz,
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "is_bot": is_bot,
            "is_app_user": False,
            "locale": locale,
            "profile": {"display_name": name, "real_name": name.title()},
        }

    def fail_next(
        self, method: str, error: str = "ratelimited", *, status: int = 429, retry_after: int = 1,
        times: int = 1,
    ) -> None:  # fmt: skip
        """The next `times` calls of `method` fail: HTTP `status` (429: Retry-After) or ok=false."""
        with self._lock:
            self._failures[method] = _Failure(error, status, retry_after, times)

    # Reading what happened.
    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def rejections(self) -> list[Call]:
        return [c for c in self.calls() if not c.response.get("ok")]

    def responses(self, name: str) -> list[dict[str, Any]]:
        """What was posted to the response_url `name`."""
        return [c.args for c in self.calls(f"response_url:{name}") if c.response.get("ok")]

    def messages_to(self, target: str) -> list[dict[str, Any]]:
        """Messages posted to a channel id, or to the DM of a user id."""
        with self._lock:
            channel = self._dm_channels.get(target, target)
        return [
            c.args
            for c in self.calls("chat.postMessage")
            if c.response.get("ok") and c.args.get("channel") == channel
        ]

    def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """Poll until `predicate()` is truthy and return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                recent = [(c.method, c.response.get("error")) for c in self.calls()[-10:]]
                raise AssertionError(f"not seen within {timeout}s; last calls: {recent}")
            time.sleep(0.02)

    def reset(self) -> None:
        """Forget the calls recorded so far (the users and DMs stay)."""
        with self._lock:
            self._calls.clear()

    # Serving.
    def _failure(self, method: str) -> _Failure | None:
        with self._lock:
            failure = self._failures.get(method)
            if failure is None:
                return None
            failure.times -= 1
            if failure.times <= 0:
                del self._failures[method]
            return failure

    def _next_ts(self) -> str:
        with self._lock:
            self._ts += 100
            return f"{self._ts // 1_000_000}.{self._ts % 1_000_000:06d}"

    def handle(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """Answer one Web API call (its token already checked)."""
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": TEAM,
                    "team": "Mentoring", "url": "https://mentoring.slack.com/"}  # fmt: skip
        if method == "users.info":
            user = self._users.get(str(args.get("user")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "conversations.open":
            users = str(args.get("users", ""))
            if users not in self._users:
                return {"ok": False, "error": "user_not_found"}
            with self._lock:
                channel = self._dm_channels.setdefault(users, f"D{users}")
            return {"ok": True, "channel": {"id": channel}}
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            return self._post(method, args)
        if method in ("views.open", "views.update", "views.push"):
            view = args.get("view")
            problems = validate_view(view)
            if problems:
                return {"ok": False, "error": "invalid_arguments", "response_metadata":
                        {"messages": problems}}  # fmt: skip
            return {"ok": True, "view": {**view, "id": "V0VIEW", "team_id": TEAM}}
        return {"ok": False, "error": "unknown_method"}

    def _post(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        with self._lock:
            known_dm = channel in self._dm_channels.values()
        if channel.startswith("D") and not known_dm:
            return {"ok": False, "error": "channel_not_found"}
        problems = validate_message(args.get("text"), args.get("blocks"))
        if problems:
            return {"ok": False, "error": "invalid_blocks", "errors": problems}
        ts = str(args.get("ts") or self._next_ts())
        message = {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": ts,
                   "text": args.get("text", ""), "blocks": args.get("blocks", [])}  # fmt: skip
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def record(self, method: str, args: dict[str, Any], response: dict[str, Any]) -> None:
        with self._lock:
            self._calls.append(Call(method, args, response))


def _decode(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    """Arguments from the query string, a form body or a JSON body; JSON-encoded fields decoded."""
    args: dict[str, Any] = dict(parse_qsl(query))
    if raw:
        if content_type.startswith("application/json"):
            args.update(json.loads(raw))
        else:
            args.update(parse_qsl(raw.decode()))
    for key in ("blocks", "view"):
        if isinstance(args.get(key), str):
            args[key] = json.loads(args[key])
    return args


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: Any) -> None:
            """Quiet: the tests read the recorded calls instead."""

        def _answer(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _serve(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                args = _decode(raw, self.headers.get("Content-Type", ""), url.query)
            except ValueError:
                self._answer(200, {"ok": False, "error": "invalid_json"}, {})
                return
            if url.path.startswith("/responses/"):
                self._response_url(url.path.removeprefix("/responses/"), args)
                return
            method = url.path.removeprefix("/api/")
            failure = fake._failure(method)
            if failure is not None:
                response = {"ok": False, "error": failure.error}
                fake.record(method, args, response)
                headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
                self._answer(failure.status, response, headers)
                return
            token = self.headers.get("Authorization", "")
            if not token.startswith("Bearer xoxb-"):
                response = {"ok": False, "error": "not_authed"}
            else:
                response = fake.handle(method, args)
            fake.record(method, args, response)
            self._answer(200, response, {})

        def _response_url(self, name: str, args: dict[str, Any]) -> None:
            problems = validate_message(args.get("text"), args.get("blocks"))
            response = {"ok": not problems, **({"errors": problems} if problems else {})}
            fake.record(f"response_url:{name}", args, response)
            status = 400 if problems else 200
            data = b"ok" if not problems else b"invalid_blocks"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = _serve
        do_POST = _serve

    return Handler
