"""A local fake of the Bot Framework connector service (a Teams `serviceUrl`) over real HTTP.

Records `POST /v3/conversations` (creating a 1:1 chat) and
`POST /v3/conversations/{id}/activities` (sending), checks the bot's bearer token and
rejects activities whose Adaptive Cards are invalid (tests/fakes/adaptive_cards.py).
Also stands for the OneDrive upload sessions a file consent gives: `PUT /uploads/{name}`.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import unquote

import jwt

from tests.fakes.adaptive_cards import validate_card
from tests.fakes.holds import Hold, Holds

T = TypeVar("T")
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
BOT_ID = "28:mentorbot-app-id"


def fake_token(client_id: str) -> str:
    """A JWT shaped like the Bot Framework's app tokens (the SDK decodes, never verifies it)."""
    claims = {"aud": "https://api.botframework.com", "appid": client_id, "exp": 4102444800}
    return jwt.encode(claims, "not-a-real-key-only-for-the-fake-connector", algorithm="HS256")


@dataclass(frozen=True)
class Post:
    """One request the bot made: the conversation (None for a creation), body, answer status."""

    conversation: str | None
    body: dict[str, Any]
    status: int
    time: float


@dataclass(frozen=True)
class Upload:
    """One file PUT to an upload URL: its name, bytes, headers (lower-case names), status."""

    name: str
    body: bytes
    headers: dict[str, str]
    status: int


class FakeConnector:
    """Served on 127.0.0.1 from a background thread; `installed` people may get a 1:1 chat."""

    def __init__(self, *, client_id: str) -> None:
        self.token = fake_token(client_id)
        self.installed: set[str] = set()
        self.removed: set[str] = set()  # conversations whose person uninstalled the app
        self._failures: dict[str, list[tuple[int, int | None]]] = {}
        self._holds = Holds()  # by conversation, until its next post arrives
        self.posts: list[Post] = []
        self.uploads: list[Upload] = []
        self._upload_failures: list[int] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                status, answer = fake._answer(self.path, self.headers.get("Authorization"), raw)
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status == 429:
                    self.send_header("Retry-After", str(answer["error"]["retryAfter"]))
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_PUT(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, answer = fake._upload(self.path, headers, self.rfile.read(length))
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def close(self) -> None:
        self._holds.release_all()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeConnector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _answer(self, path: str, authorization: str | None, raw: bytes) -> tuple[int, Any]:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return 400, {"error": {"code": "BadSyntax", "message": "not JSON"}}
        status, answer, conversation = self._route(path, authorization, body)
        with self._lock:
            self.posts.append(Post(conversation, body, status, time.time()))
        return status, answer

    def _route(self, path: str, authorization: str | None, body: Any) -> tuple[int, Any, Any]:
        if authorization != f"Bearer {self.token}":
            return 401, {"message": "Authorization has been denied for this request."}, None
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if parts == ["v3", "conversations"]:
            member = ((body.get("members") or [{}])[0]).get("id")
            if member not in self.installed:
                error = {"code": "Forbidden", "message": "The bot is not part of the roster"}
                return 403, {"error": error}, None
            return 201, {"id": f"a:{member}"}, None
        if len(parts) == 4 and parts[:2] == ["v3", "conversations"] and parts[3] == "activities":
            hold = self._holds.take(parts[2])
            if hold is not None:
                hold.keep()
            if parts[2] in self.removed:
                return 403, {"error": {"code": "Forbidden", "message": "Bot removed"}}, parts[2]
            if self._failures.get(parts[2]):
                status, retry_after = self._failures[parts[2]].pop(0)
                return status, {"error": {"code": "Throttled", "retryAfter": retry_after}}, parts[2]
            problems = [
                problem
                for attachment in body.get("attachments") or []
                if attachment.get("contentType") == CARD_TYPE
                for problem in validate_card(attachment.get("content"))
            ]
            if problems or not (body.get("attachments") or body.get("text")):
                error = {"code": "BadArgument", "message": "; ".join(problems) or "empty"}
                return 400, {"error": error}, parts[2]
            return 201, {"id": f"activity-{next(self._ids)}"}, parts[2]
        return 404, {"error": {"code": "NotFound", "message": path}}, None

    def _upload(self, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, Any]:
        """Like OneDrive's last range of an upload session: 201 and the item, once complete."""
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if len(parts) != 2 or parts[0] != "uploads":
            return 404, {"error": {"code": "itemNotFound", "message": path}}
        with self._lock:
            status = self._upload_failures.pop(0) if self._upload_failures else 201
            self.uploads.append(Upload(parts[1], raw, headers, status))
        if status >= 400:
            return status, {"error": {"code": "generalException", "message": "upload failed"}}
        return status, {"id": f"item-{next(self._ids)}", "name": parts[1], "size": len(raw)}

    def upload_url(self, name: str) -> str:
        """Where Teams would tell the bot to upload the file `name` the person accepted."""
        return f"{self.url}uploads/{name}"

    def fail_next_upload(self, status: int) -> None:
        with self._lock:
            self._upload_failures.append(status)

    def fail_next(self, conversation: str, status: int, *, retry_after: int | None = None) -> None:
        """Answer the next post to `conversation` with `status` (429: with Retry-After)."""
        with self._lock:
            self._failures.setdefault(conversation, []).append((status, retry_after))

    def hold_next(self, conversation: str) -> Hold:
        """Keep the next post to `conversation` in flight until the hold is released."""
        return self._holds.add(conversation)

    def uninstall(self, conversation: str, user_id: str) -> None:
        self.removed.add(conversation)
        self.installed.discard(user_id)

    # What tests read.
    def sent(self, conversation: str | None = None) -> list[dict[str, Any]]:
        """Activities accepted, to one conversation or all, oldest first."""
        with self._lock:
            return [
                p.body
                for p in self.posts
                if p.status == 201
                and p.conversation is not None
                and conversation in (None, p.conversation)
            ]

    def creations(self) -> list[Post]:
        with self._lock:
            return [p for p in self.posts if p.conversation is None]

    def rejected(self) -> list[Post]:
        with self._lock:
            return [p for p in self.posts if p.status >= 400]

    def reset(self) -> None:
        with self._lock:
            self.posts.clear()
            self.uploads.clear()

    def wait_for(self, condition: Callable[[], T], timeout: float = 20.0) -> T:
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value or time.monotonic() > deadline:
                assert value, "the bot did not send what was expected in time"
                return value
            time.sleep(0.02)


def cards(activity: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        a["content"] for a in activity.get("attachments") or [] if a.get("contentType") == CARD_TYPE
    ]


def text_of(activity: dict[str, Any]) -> str:
    """Everything a person reads: the activity's text and every text of its cards."""
    parts = [activity.get("text") or ""]
    for card in cards(activity):
        for element in card.get("body", []):
            parts += [str(element.get(k, "")) for k in ("text", "label")]
        parts += [a.get("title", "") for a in card.get("actions", [])]
    return "\n".join(p for p in parts if p)


def buttons(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The `data` of every Action.Execute of the activity's cards."""
    return [a.get("data", {}) for card in cards(activity) for a in card.get("actions", [])]
