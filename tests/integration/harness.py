"""The bot served over real HTTP on loopback, with its Web API calls going to a FakeSlack."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx
import uvicorn

from app.http_server import http_config
from app.web import Mentorbot, build_mentorbot, create_web_app
from bot.kernel.clock import ManualClock
from bot.kernel.i18n import t
from bot.kernel.settings import DEFAULT_RETENTION_DAYS, Settings
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN_KEY = "ZmRzYTRmZHNhNGZkc2E0ZmRzYTRmZHNhNGZkc2E0ZmQ="  # a Fernet key (32 bytes, base64)
TEAM = "T0MENTOR"
TEAMS_CLIENT_ID = "00000000-0000-0000-0000-00000000b07"
TEAMS_TENANT = "11111111-2222-3333-4444-555555555555"
T = TypeVar("T")
FORM = "application/x-www-form-urlencoded"


def is_apology(text: str) -> bool:
    """Whether `text` holds the answer to a failure of the bot's own (an unexpected error), in
    either language: bad input must get its own answer instead."""
    return any(t("error.internal", lang) in text for lang in ("en", "fr"))


def free_port() -> int:
    """A loopback port free now, for something that binds it itself (another process) or
    for an address nothing listens on; a server in this process keeps its `bound_socket`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bound_socket() -> socket.socket:
    """A socket bound to a free loopback port, held until the server that listens on it is
    done: a port probed and let go may be taken before the server binds it (by another test
    worker, or as the local port of an outgoing connection), and the bot would not start."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    return held


class RunningBot:
    """`mentorbot serve` in a thread: uvicorn, the FastAPI app, Bolt, the dispatcher.

    Serves Slack against `fake`, Teams against `teams` (a fake connector), or both; Teams
    requests skip the JWT check only when `teams_unauthenticated` (the SDK's switch) is set.
    """

    def __init__(
        self,
        *,
        database_url: str,
        fake: FakeSlack | None,
        clock: ManualClock,
        admins=("UADMIN",),
        teams: FakeConnector | None = None,
        teams_unauthenticated: bool = True,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        oauth: bool = False,
    ):
        """`oauth`: any number of workspaces, installed through the OAuth flow (the fake's
        oauth.v2.access) rather than one bot token; requests come from `self.team`."""
        self.fake = fake
        self.team = TEAM
        self.teams = teams
        self.clock = clock
        self._socket = bound_socket()
        self.settings = Settings(
            slack_bot_token="xoxb-test-token" if fake and not oauth else None,
            slack_signing_secret=SIGNING_SECRET if fake else None,
            slack_app_token=None,
            slack_api_url=fake.base_url if fake else "https://slack.invalid/api/",
            database_url=database_url,
            port=self._socket.getsockname()[1],
            admins=frozenset(admins),
            teams_client_id=TEAMS_CLIENT_ID if teams else None,
            teams_tenant_id=TEAMS_TENANT if teams else None,
            teams_allow_unauthenticated=teams_unauthenticated,
            retention_days=retention_days,
            # The clock here is a manual one: real-time pacing would only delay what the tests
            # read (tests/unit/handlers/test_pacing.py and tests/fault check the pace itself).
            sends_per_second=1000.0,
            slack_client_id=fake.client_id if fake and oauth else None,
            slack_client_secret=fake.client_secret if fake and oauth else None,
            token_key=TOKEN_KEY if oauth else None,
        )
        self.url = f"http://127.0.0.1:{self.settings.port}"
        self.bot: Mentorbot | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.http = httpx.Client(base_url=self.url, timeout=10)
        self._responses = 0
        self._events = 0
        # Who reads what the bot posts to a response_url name or opens with a trigger_id.
        self.audience: dict[str, str] = {}
        self._resident: set[asyncio.Task[Any]] = set()

    def start(self) -> RunningBot:
        token = self.teams.token if self.teams else None
        self.bot = build_mentorbot(
            self.settings, clock=self.clock, teams_token=(lambda *_: token) if token else None
        )
        app = create_web_app(self.bot, tick=False)
        config = http_config(app, host="127.0.0.1", port=self.settings.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the bot did not start")
            time.sleep(0.02)
        self._resident = self._on_loop(_running_tasks())
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._socket.close()
        self.http.close()

    def dispatch(self) -> Counter[str]:
        """One dispatcher run at the clock's current time, as the minute job would do."""
        assert self.bot is not None and self.bot.loop is not None
        future = asyncio.run_coroutine_threadsafe(self.bot.dispatcher.run_once(), self.bot.loop)
        return future.result(timeout=60)

    def _on_loop(self, coroutine: Coroutine[Any, Any, T], timeout: float = 60) -> T:
        assert self.bot is not None and self.bot.loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self.bot.loop).result(timeout=timeout)

    def quiesce(self, timeout: float = 30) -> None:
        """Wait until every task the requests so far started has finished: the listener Bolt
        runs after its ack, the dispatcher runs a core action kicked, what those started."""
        self._on_loop(_finish_tasks(self._resident, timeout), timeout=timeout + 5)

    def settle(self) -> None:
        """Wait until all work started by the requests so far is finished, then run the
        dispatcher once (as the minute job would) and wait for what that started."""
        self.quiesce()
        self.dispatch()
        self.quiesce()

    def reply_to(self, user: str) -> str:
        """A fresh response_url name whose posts `user` reads."""
        self._responses += 1
        name = f"r{self._responses}"
        self.audience[name] = user
        return name

    # Requests signed exactly as Slack signs them.
    def post(
        self, body: str, content_type: str, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        signed = signing.sign(body, SIGNING_SECRET, int(time.time()))
        return self.http.post(
            "/slack/events",
            content=body.encode(),
            headers={"Content-Type": content_type, **signed, **(headers or {})},
        )

    def command(
        self, user: str, text: str, *, trigger_id: str | None = None
    ) -> tuple[httpx.Response, str]:
        """Send `/mentor text` as `user`; returns the HTTP answer and the response_url name."""
        name = self.reply_to(user)
        trigger_id = trigger_id or f"trigger-{name}"
        self.audience[trigger_id] = user
        body = command_body(self.fake, user, text, name, trigger_id, self.team)
        return self.post(body, FORM), name

    def commands_at_once(self, commands: dict[str, str]) -> list[int]:
        """`/mentor text` sent by each user of `commands` at the same instant, each answered at
        the response_url named after its user; the HTTP statuses, in the same order."""
        start = threading.Barrier(len(commands))
        for user in commands:
            self.audience[user] = self.audience[f"trigger-{user}"] = user

        def send(user: str, text: str) -> int:
            body = command_body(self.fake, user, text, user, f"trigger-{user}", self.team)
            start.wait()
            return self.post(body, FORM).status_code

        with ThreadPoolExecutor(len(commands)) as pool:
            return list(pool.map(send, commands, commands.values()))

    def answer(self, user: str, text: str) -> dict[str, Any]:
        """The ephemeral answer the bot posted to the command's response_url."""
        response, name = self.command(user, text)
        assert response.status_code == 200, response.text
        posts = self.fake.wait_for(lambda: self.fake.responses(name))
        return posts[-1]

    def make_pair(self, user: str, text: str) -> dict[str, Any]:
        """Create a pair with `/mentor pair …` as `user`, and have each member who did not
        propose it accept the agreement card, so that reminders start; the answer posted."""
        answer = self.answer(user, text)
        self.settle()
        for member in re.findall(r"<@([A-Z0-9]+)", text)[:2]:
            if member == user:
                continue
            card = self.fake.wait_for(
                lambda m=member: [
                    m for m in self.fake.messages_to(m) if "agreement.accept" in action_ids(m)
                ]
            )[-1]
            response, name = self.press(member, card, "agreement.accept")
            assert response.status_code == 200, response.text
            self.fake.wait_for(lambda name=name: self.fake.responses(name))
        self.settle()
        return answer

    def press(
        self, user: str, message: dict[str, Any], action_id: str
    ) -> tuple[httpx.Response, str]:
        """`user` clicks the button `action_id` of a message the bot posted to them; the HTTP
        answer and the name of the response_url the bot answers at."""
        name = self.reply_to(user)
        self.audience[f"trigger-{name}"] = user
        body = signing.block_actions_body(
            user_id=user,
            team_id=self.team,
            action_id=action_id,
            value=button_value(message, action_id),
            trigger_id=f"trigger-{name}",
            response_url=self.fake.response_url(name),
            channel_id=message.get("channel") or f"D{user}",
            message_ts=str(message.get("ts") or "1767000000.000100"),
        )
        return self.post(body, "application/x-www-form-urlencoded"), name

    def dm(self, user: str, text: str) -> tuple[httpx.Response, str]:
        """A plain DM from `user` to the bot, as a `message.im` event; the answer and the body."""
        self._events += 1
        event = signing.dm_message_event(
            user=user,
            text=text,
            channel=f"D{user}",
            ts=f"{1767000000 + self._events}.000100",
            team=self.team,
        )
        body = signing.event_body(
            event=event,
            team_id=self.team,
            event_id=f"Ev{self._events:08d}",
            event_time=int(time.time()),
        )
        return self.post(body, "application/json"), body

    def user_change(self, user: str, name: str, *, deleted: bool) -> tuple[httpx.Response, str]:
        """Slack's `user_change` event for `user` (deactivated when `deleted`); the answer and
        the body."""
        self._events += 1
        event = signing.user_change_event(user=user, name=name, deleted=deleted, team=self.team)
        body = signing.event_body(
            event=event,
            team_id=self.team,
            event_id=f"Ev{self._events:08d}",
            event_time=int(time.time()),
        )
        return self.post(body, "application/json"), body

    def home_publishes(self, user: str) -> list[Any]:
        """The views.publish calls for `user`'s Home tab so far."""
        return [c for c in self.fake.calls("views.publish") if c.args.get("user_id") == user]

    def wait_home(self, user: str, published: int) -> dict[str, Any]:
        """The Home tab view after the views.publish that follows the first `published` ones."""
        calls = self.fake.wait_for(lambda: self.home_publishes(user)[published:])
        assert calls[-1].response["ok"], calls[-1].response
        home = self.fake.home_of(user)
        assert home is not None
        return home

    def open_home(self, user: str, tab: str = "home") -> httpx.Response:
        """`user` opens the bot's App Home (`app_home_opened`, with the last view if any)."""
        self._events += 1
        event = signing.app_home_opened_event(user=user, tab=tab, view=self.fake.home_of(user))
        body = signing.event_body(
            event=event,
            team_id=self.team,
            event_id=f"Ev{self._events:08d}",
            event_time=int(time.time()),
        )
        return self.post(body, "application/json")

    def home(self, user: str) -> dict[str, Any]:
        """Open `user`'s Home tab and return the view the bot published for it."""
        published = len(self.home_publishes(user))
        assert self.open_home(user).status_code == 200
        return self.wait_home(user, published)

    def press_home(
        self,
        user: str,
        action_id: str,
        trigger_id: str = "trigger-home",
        view: dict[str, Any] | None = None,
    ) -> None:
        """Click a button of `user`'s Home tab as Slack sends it (no response_url); on `view`,
        a copy still on their screen, rather than the one last published."""
        view = view or self.fake.home_of(user)
        assert view is not None
        [button] = [b for b in buttons_of(view) if b["action_id"] == action_id]
        self.audience[trigger_id] = user
        body = signing.block_actions_body(
            user_id=user,
            team_id=self.team,
            action_id=action_id,
            value=button["value"],
            trigger_id=trigger_id,
            response_url=None,
            view=view,
            button_text=button["text"]["text"],
        )
        assert self.post(body, "application/x-www-form-urlencoded").status_code == 200

    def open_form(self, user: str, action_id: str) -> dict[str, Any]:
        """The modal `user` opens with the button `action_id` of the latest message to them
        that has one, once what the press started is done."""
        message = [m for m in self.fake.messages_to(user) if action_id in action_ids(m)][-1]
        opened = len(self.fake.calls("views.open"))
        assert self.press(user, message, action_id)[0].status_code == 200
        self.settle()
        [call] = self.fake.calls("views.open")[opened:]
        view: dict[str, Any] = call.args["view"]
        return view

    def submit(self, user: str, view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        """Submit a modal the bot opened with these state values; the ack's body ({} if empty)."""
        answer = self.post(
            signing.view_submission_body(
                user_id=user,
                team_id=self.team,
                callback_id=view["callback_id"],
                private_metadata=view["private_metadata"],
                state_values=values,
            ),
            "application/x-www-form-urlencoded",
        )
        assert answer.status_code == 200, answer.text
        return answer.json() if answer.content else {}

    def redeliver(self, body: str, retry: int) -> httpx.Response:
        """Slack's retry of an event it thinks was not acknowledged in time."""
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(body, "application/json", headers)


async def _running_tasks() -> set[asyncio.Task[Any]]:
    """The tasks alive between requests (the server's and the lifespan's), this one aside."""
    return asyncio.all_tasks() - {asyncio.current_task()}  # type: ignore[operator]


async def _finish_tasks(resident: set[asyncio.Task[Any]], timeout: float) -> None:
    """Wait for every task but the `resident` ones, and for the tasks those start in turn."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while busy := await _running_tasks() - resident:
        if loop.time() > deadline:
            raise AssertionError(f"work still running after {timeout}s: {busy}")
        await asyncio.wait(busy, timeout=deadline - loop.time())


def command_body(
    fake: FakeSlack, user: str, text: str, response: str, trigger_id: str, team: str = TEAM
) -> str:
    """`/mentor text` from `user` in a channel, answered at the fake's response_url `response`."""
    return signing.slash_command_body(
        command="/mentor",
        text=text,
        user_id=user,
        team_id=team,
        channel_id="C0GENERAL",
        response_url=fake.response_url(response),
        trigger_id=trigger_id,
    )


def text_of(message: dict[str, Any]) -> str:
    """Everything a person reads in a posted message: its text and the text of its blocks."""
    parts = [message.get("text") or ""]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("plain_text", "mrkdwn") and isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message.get("blocks") or [])
    return "\n".join(parts)


def button_value(message: dict[str, Any], action_id: str) -> str:
    """The value of the button `action_id` in a posted message."""
    return next(
        element["value"]
        for block in message.get("blocks") or []
        if block.get("type") == "actions"
        for element in block.get("elements", [])
        if element["action_id"] == action_id
    )


def action_ids(message: dict[str, Any]) -> list[str]:
    """The action_id of every button in a posted message."""
    return [
        element["action_id"]
        for block in message.get("blocks") or []
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]


def buttons_of(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Every button of a view or message: in actions blocks and as section accessories."""
    found = []
    for block in view.get("blocks") or []:
        if block.get("type") == "actions":
            found += [e for e in block.get("elements", []) if e.get("type") == "button"]
        elif (block.get("accessory") or {}).get("type") == "button":
            found.append(block["accessory"])
    return found
