"""A leak scanner: did any content a pair wrote reach someone outside the people allowed to read it?

One call does it, after the requests of a test (and `running.settle()`):

    secrets = [Secret("Negotiate the Lisbon budget", {MENTOR, MENTEE}, "goal of Claire & Thomas")]
    assert_no_leaks(secrets, slack=fake, teams=connector, audience=running.audience)

Every call the fake Slack received is read (chat.postMessage/update/postEphemeral, views.open/
update/push/publish, response_url posts, files and their bytes, anything else), and every
activity the fake Teams connector received (and every file PUT to it), whether the platform
accepted it or not. Each is attributed to the person or channel who would read it: a DM to its
user, an ephemeral to its `user`, a Home tab to its `user_id`, a modal to the person whose
trigger_id opened it and a response_url post to whoever the request came from (`audience`, which
`RunningBot` fills in), a channel to nobody. What cannot be attributed counts as read by a
stranger. Answers that travel in HTTP responses (a view_submission's errors, a Teams invoke's
card) are passed as `answers=[Delivery(...)]`.

A secret matches when its text appears in any string of a call (HTML entities undone, runs of
white space made one space, JSON strings read as JSON): pick distinctive, one-line phrases.
"""

from __future__ import annotations

import contextlib
import html
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector

STRANGER = "<unattributed>"
# What the adversarial suites sent, by kind; tests/conftest.py prints it after a run.
SENT: Counter[str] = Counter()


@dataclass(frozen=True)
class Secret:
    """A content string and the platform user ids allowed to read it."""

    text: str
    readers: frozenset[str]
    what: str

    def __init__(self, text: str, readers: Iterable[str], what: str) -> None:
        object.__setattr__(self, "text", _normal(text))
        object.__setattr__(self, "readers", frozenset(readers))
        object.__setattr__(self, "what", what)


@dataclass(frozen=True)
class Delivery:
    """Something the bot sent: where (names the call), who reads it, what it carries."""

    where: str
    reader: str
    payload: Any


@dataclass(frozen=True)
class Mark:
    """How much each fake had received at some moment: scan only what came after."""

    slack_calls: int = 0
    slack_files: int = 0
    teams_posts: int = 0
    teams_uploads: int = 0


def mark(slack: FakeSlack | None = None, teams: FakeConnector | None = None) -> Mark:
    return Mark(
        len(slack.calls()) if slack else 0,
        len(slack.shared_files()) if slack else 0,
        len(teams.posts) if teams else 0,
        len(teams.uploads) if teams else 0,
    )


def _normal(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _strings(node: Any) -> Iterator[str]:
    """Every string inside `node`, and inside the JSON documents some of them are."""
    if isinstance(node, bytes):
        yield from _strings(node.decode("utf-8", errors="replace"))
    elif isinstance(node, str):
        yield _normal(node)
        if node[:1] in ("{", "["):
            with contextlib.suppress(ValueError):
                yield from _strings(json.loads(node))
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _strings(value)


def slack_deliveries(
    slack: FakeSlack, audience: Mapping[str, str], since: Mark | None = None
) -> list[Delivery]:
    """Every call the fake Slack received since `since`, with who reads it."""
    since = since or Mark()
    calls = slack.calls()
    opened: dict[str, str] = {}  # view id -> the reader of the modal
    found = []
    for number, call in enumerate(calls, start=1):
        args = call.args
        if call.method.startswith("response_url:"):
            reader = audience.get(call.method.removeprefix("response_url:"), STRANGER)
        elif call.method in ("chat.postMessage", "chat.update"):
            reader = slack.reader_of(str(call.response.get("channel") or args.get("channel")))
        elif call.method == "chat.postEphemeral":
            reader = str(args.get("user") or STRANGER)
        elif call.method in ("views.open", "views.push"):
            reader = audience.get(str(args.get("trigger_id")), STRANGER)
            view_id = (call.response.get("view") or {}).get("id")
            if view_id:
                opened[view_id] = reader
        elif call.method == "views.update":
            reader = opened.get(str(args.get("view_id")), STRANGER)
        elif call.method == "views.publish":
            reader = str(args.get("user_id") or STRANGER)
        elif call.method in ("users.info", "conversations.open", "auth.test"):
            continue  # the bot asks, nobody reads
        else:
            reader = slack.reader_of(str(args.get("channel_id") or args.get("channel") or ""))
            reader = reader or STRANGER
        if number > since.slack_calls:
            found.append(Delivery(f"Slack call #{number} {call.method}", reader, args))
    for number, shared in enumerate(slack.shared_files(), start=1):
        if number > since.slack_files:
            reader = slack.reader_of(shared["channel"])
            found.append(Delivery(f"Slack file #{number} {shared['title']}", reader, shared))
    return found


def teams_deliveries(
    teams: FakeConnector, audience: Mapping[str, str], since: Mark | None = None
) -> list[Delivery]:
    """Every activity the fake connector received since `since`, and every file PUT to it."""
    since = since or Mark()
    found = []
    for number, post in enumerate(list(teams.posts), start=1):
        if number <= since.teams_posts:
            continue
        conversation = post.conversation or STRANGER
        reader = conversation.removeprefix("a:")  # a 1:1 chat is `a:<user id>` on the fake
        found.append(Delivery(f"Teams activity #{number} to {conversation}", reader, post.body))
    for number, upload in enumerate(list(teams.uploads), start=1):
        if number > since.teams_uploads:
            reader = audience.get(upload.name, STRANGER)
            found.append(Delivery(f"Teams upload #{number} {upload.name}", reader, upload.body))
    return found


def find_leaks(secrets: Iterable[Secret], deliveries: Iterable[Delivery]) -> list[str]:
    """One line per (delivery, secret) where the secret reached someone not among its readers."""
    secrets = list(secrets)
    leaks = []
    for delivery in deliveries:
        strings = list(_strings(delivery.payload))
        for secret in secrets:
            if delivery.reader in secret.readers:
                continue
            if any(secret.text in s for s in strings):
                leaks.append(f"{delivery.where} read by {delivery.reader}: {secret.what}")
    return leaks


def unread(secrets: Iterable[Secret], deliveries: Iterable[Delivery]) -> list[Secret]:
    """The secrets no reader of theirs was ever sent: a scan for them proves nothing yet."""
    read = [(d.reader, list(_strings(d.payload))) for d in deliveries]
    return [
        secret
        for secret in secrets
        if not any(
            reader in secret.readers and any(secret.text in s for s in strings)
            for reader, strings in read
        )
    ]


def assert_no_leaks(
    secrets: Iterable[Secret],
    *,
    slack: FakeSlack | None = None,
    teams: FakeConnector | None = None,
    audience: Mapping[str, str] | None = None,
    answers: Iterable[Delivery] = (),
    since: Mark | None = None,
) -> None:
    """Fail, naming each call, if a secret reached anyone outside its readers since `since`."""
    deliveries = list(answers)
    if slack is not None:
        deliveries += slack_deliveries(slack, audience or {}, since)
    if teams is not None:
        deliveries += teams_deliveries(teams, audience or {}, since)
    leaks = find_leaks(secrets, deliveries)
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks[:50])
