"""Requests of every shape for `POST /slack/events`, as hypothesis strategies.

Real payloads (slash commands, button clicks, modal submissions, events, url_verification)
are drawn, then bent: keys dropped, values swapped for any JSON, bodies re-encoded wrongly,
cut, padded past any sane size or made invalid UTF-8; headers missing, doubled or garbled;
signatures forged, stale or garbled. A `FuzzRequest` says whether Slack could have sent it
signed as it is: the app must answer such a request below 500 within 3 s, and every other
one 401.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from hypothesis import strategies as st

from bot.forms.router import BUTTONS, FORMS
from handlers.slack.home import HOME_PREFIX
from tests.fakes import signing

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
TEAM = "T0MENTOR"
HUGE = 3 * 1024 * 1024  # bigger than anything Slack sends


@dataclass(frozen=True)
class FuzzRequest:
    """One request: what it was made from, its body and headers (names may repeat)."""

    kind: str
    body: bytes
    headers: tuple[tuple[str, str], ...]
    signed: bool  # signed as Slack signs, with the app's secret and a fresh timestamp

    def http_headers(self) -> list[tuple[bytes, bytes]]:
        """The headers as sent (latin-1 bytes, as HTTP carries them)."""
        return [(name.encode(), value.encode("latin-1")) for name, value in self.headers]

    def __repr__(self) -> str:  # hypothesis prints failing examples: keep huge bodies short
        shown = self.body[:300] + (b"..." if len(self.body) > 300 else b"")
        return (
            f"FuzzRequest(kind={self.kind!r}, signed={self.signed}, {len(self.body)} bytes: "
            f"{shown!r}, headers={self.headers!r})"
        )


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=10,
)


def user_ids(known: list[str]) -> st.SearchStrategy[str]:
    """People the fake knows, people it does not, and ids no platform would give."""
    return st.sampled_from([*known, "UNOBODY", "UBOTTY", ""]) | st.text(max_size=40)


def command_texts(people: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    words = st.sampled_from(
        [
            "help",
            "aide",
            "pair",
            "binome",
            "next",
            "pairs",
            "agenda",
            "agenda add",
            "agenda done",
            "skip",
            "move",
            "summary",
            "digest",
            "journal",
            "end",
            "thanks",
            "actions",
            "pause",
            "resume",
            "history",
            "goals",
            "review",
            "my-data",
            "weekly on thursday at 18:00 tz Europe/Paris",
            "every 2 weeks on monday at 25:99 tz Mars/Olympus",
            "from 2020-01-06",
            "<#C0LEADS|leads>",
            "<#",
            "<@",
            "|",
            ">",
        ]
    )
    mentions = st.builds(lambda who, name: f"<@{who}|{name}>", people, st.text(max_size=10))
    parts = st.lists(words | mentions | st.text(max_size=40), max_size=8)
    # Now and then a crowd: more people than a message may name (NAMED_AT_MOST), or about as many.
    crowd = st.lists(mentions, min_size=18, max_size=30).map(lambda named: ["agenda add", *named])
    return (parts | crowd).map(" ".join)


def nested(depth: int, inside: bytes = b"") -> bytes:
    """JSON arrays `depth` deep around `inside` (built as text: json.dumps recurses)."""
    return b"[" * depth + inside + b"]" * depth


@st.composite
def bent(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """`value` with a few of its parts dropped or replaced by any JSON."""
    if not isinstance(value, dict | list) or not value or depth > 4:
        return draw(json_values) if draw(st.integers(0, 3)) == 0 else value
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    keys = list(copy) if isinstance(copy, dict) else list(range(len(copy)))
    for key in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)):
        action = draw(st.sampled_from(["drop", "replace", "descend", "descend"]))
        if action == "drop":
            del copy[key]
            if isinstance(copy, list):
                return copy  # indices moved: stop bending this list
        elif action == "replace":
            copy[key] = draw(json_values)
        else:
            copy[key] = draw(bent(copy[key], depth + 1))
    return copy


def maybe_bent(payload: Any) -> st.SearchStrategy[Any]:
    return st.just(payload) | bent(payload)


@st.composite
def slash_commands(draw: st.DrawFn, people: st.SearchStrategy[str], url: str) -> Any:
    fields = dict(
        parse_qsl(
            signing.slash_command_body(
                command=draw(st.sampled_from(["/mentor", "/mentor", "/other", ""])),
                text=draw(command_texts(people)),
                user_id=draw(people),
                team_id=TEAM,
                channel_id=draw(st.sampled_from(["C0GENERAL", "DUCLAIRE", ""])),
                response_url=draw(st.sampled_from([url, url, "http://127.0.0.1:9/", "nonsense"])),
                trigger_id=draw(st.text(max_size=20)),
            ),
            keep_blank_values=True,
        )
    )
    return draw(maybe_bent(fields))


def action_ids() -> st.SearchStrategy[str]:
    names = list(BUTTONS)
    return (
        st.sampled_from(names)
        | st.sampled_from([f"{HOME_PREFIX}{n}" for n in names])
        | st.text(max_size=20)
    )


@st.composite
def button_clicks(draw: st.DrawFn, people: st.SearchStrategy[str], url: str) -> Any:
    in_message = draw(st.booleans())
    body = signing.block_actions_body(
        user_id=draw(people),
        team_id=TEAM,
        action_id=draw(action_ids()),
        value=draw(st.text(max_size=30) | st.integers().map(str)),
        trigger_id=draw(st.text(max_size=20)),
        response_url=url if in_message else None,
        channel_id="DUCLAIRE" if in_message else None,
        message_ts="1767000000.000100" if in_message else None,
    )
    return draw(maybe_bent(json.loads(dict(parse_qsl(body))["payload"])))


@st.composite
def form_submissions(draw: st.DrawFn, people: st.SearchStrategy[str]) -> Any:
    kinds = st.sampled_from(
        [
            signing.plain_text,
            signing.static_select,
            signing.radio_buttons,
            signing.timepicker,
            signing.datepicker,
            signing.users_select,
        ]
    )
    fields = ["mentor", "mentee", "text", "frequency", "weekday", "time", "timezone", "start"]
    values = draw(
        st.dictionaries(
            st.sampled_from(fields) | st.text(max_size=8),
            st.builds(lambda kind, value: kind(value), kinds, st.none() | people),
            max_size=6,
        )
    )
    body = signing.view_submission_body(
        user_id=draw(people),
        team_id=TEAM,
        callback_id=draw(st.sampled_from(list(FORMS)) | st.text(max_size=12)),
        private_metadata=draw(
            st.sampled_from(['{"home": true}', "{}", "{not json", "[1]", ""])
            | json_values.map(json.dumps)
        ),
        state_values={block: {block: state} for block, state in values.items()},
    )
    payload = json.loads(dict(parse_qsl(body))["payload"])
    if draw(st.booleans()):  # the view's own parts of any type, down to a select's option
        view = payload["view"]
        view["private_metadata"] = draw(st.just(view["private_metadata"]) | json_values)
        view["state"] = draw(bent(view["state"]))
    return draw(maybe_bent(payload))


@st.composite
def events(draw: st.DrawFn, people: st.SearchStrategy[str]) -> Any:
    user = draw(people)
    text = draw(st.just("Summary: we agreed") | json_values)  # a DM's text, of any type
    event = draw(
        st.sampled_from(["dm", "home", "other"]).map(
            lambda kind: {
                "dm": {
                    **signing.dm_message_event(
                        user=user, text="", channel=f"D{user}", ts="1767000000.1"
                    ),
                    "text": text,
                },
                "home": signing.app_home_opened_event(user=user),
                "other": {"type": "reaction_added", "user": user},
            }[kind]
        )
    )
    envelope = json.loads(
        signing.event_body(
            event=event,
            team_id=TEAM,
            event_id=draw(st.text(min_size=1, max_size=200)),
            event_time=int(time.time()),
        )
    )
    return draw(maybe_bent(envelope))


def handshakes() -> st.SearchStrategy[Any]:
    """url_verification and ssl_check, as Slack sends them, then bent."""
    return st.builds(
        lambda kind, challenge: {"type": kind, "token": signing.TOKEN, "challenge": challenge},
        st.sampled_from(["url_verification", "ssl_check"]),
        json_values,
    ).flatmap(maybe_bent)


def form_body(fields: Any) -> bytes:
    """Form-encoded fields as Slack sends them; anything not a dict as its JSON."""
    if isinstance(fields, dict):
        pairs = {str(k): json.dumps(v) if v is None else v for k, v in fields.items()}
        return urlencode(pairs).encode()
    return json.dumps(fields).encode()


def interaction_body(payload: Any) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


@st.composite
def bodies(draw: st.DrawFn, people: list[str], response_url: str) -> tuple[str, bytes, str]:
    """(kind, body, the content type Slack would send it with)."""
    who = user_ids(people)
    kind = draw(
        st.sampled_from(
            ["command", "button", "submission", "event", "handshake", "interaction", "deep", "raw"]
        )
    )
    if kind == "command":
        return kind, form_body(draw(slash_commands(who, response_url))), FORM
    if kind == "button":
        return kind, interaction_body(draw(button_clicks(who, response_url))), FORM
    if kind == "submission":
        return kind, interaction_body(draw(form_submissions(who))), FORM
    if kind == "event":
        return kind, json.dumps(draw(events(who))).encode(), JSON
    if kind == "handshake":
        return kind, json.dumps(draw(handshakes())).encode(), JSON
    if kind == "interaction":  # any JSON as the payload, or a payload that is no JSON at all
        raw = draw(json_values.map(json.dumps) | st.text(max_size=40))
        doubled = draw(st.booleans())
        pairs = [("payload", raw), ("payload", "{}")] if doubled else [("payload", raw)]
        return kind, urlencode(pairs).encode(), FORM
    if kind == "deep":  # an event, or a button's payload, nesting deeper than Python parses
        inside = nested(draw(st.integers(1, 3_000)))
        if draw(st.booleans()):
            return kind, b'{"type": "event_callback", "event": ' + inside + b"}", JSON
        payload = quote(b'{"type": "block_actions", "x": ' + inside + b"}").encode()
        return kind, b"payload=" + payload, FORM
    return kind, draw(st.binary(max_size=200)), draw(st.sampled_from([FORM, JSON]))


@st.composite
def reshaped(draw: st.DrawFn, body: bytes) -> bytes:
    """The body as sent: usually intact, else cut, padded huge, or with invalid UTF-8."""
    shape = draw(st.sampled_from(["intact"] * 12 + ["cut", "huge", "bad utf-8", "nul"]))
    if shape == "cut":
        return body[: draw(st.integers(0, max(len(body) - 1, 0)))]
    if shape == "huge":
        return body + b"&pad=" + b"x" * draw(st.integers(HUGE, HUGE + 1024))
    if shape == "bad utf-8":
        at = draw(st.integers(0, len(body)))
        invalid = draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80"]))
        return body[:at] + invalid + body[at:]
    if shape == "nul":
        return body + b"%00\x00"
    return body


def content_types(usual: str) -> st.SearchStrategy[str | None]:
    return st.sampled_from(
        [usual] * 8
        + [
            None,
            "",
            f"{usual}; charset=utf-8",
            "text/plain",
            "multipart/form-data; boundary=x",
            FORM if usual == JSON else JSON,
        ]
    ) | st.text(max_size=20)


FORGED = [
    "wrong secret",
    "no signature",
    "no timestamp",
    "nothing",
    "stale",
    "future",
    "garbled timestamp",
    "garbled signature",
    "other body",
    "doubled",
]
SIGNATURES = ["valid"] * 12 + FORGED  # mostly signed: most of the app is behind the check


@st.composite
def signature_headers(
    draw: st.DrawFn, body: bytes, secret: str, modes: list[str]
) -> tuple[bool, list[tuple[str, str]]]:
    """(whether Slack could have signed it so, the signature headers)."""
    mode = draw(st.sampled_from(modes))
    now = int(time.time())

    def signed(timestamp: int, key: str = secret, content: bytes = body) -> list[tuple[str, str]]:
        return list(signing.sign(content, key, timestamp).items())

    if mode == "valid":
        return True, signed(now + draw(st.integers(-60, 60)))
    if mode == "wrong secret":
        return False, signed(now, draw(st.text(max_size=32).filter(lambda s: s != secret)))
    if mode == "no signature":
        return False, signed(now)[:1]
    if mode == "no timestamp":
        return False, signed(now)[1:]
    if mode == "nothing":
        return False, []
    if mode == "stale":
        return False, signed(now - draw(st.integers(6 * 60, 10**9)))
    if mode == "future":
        return False, signed(now + draw(st.integers(6 * 60, 10**9)))
    if mode == "garbled timestamp":
        garbage = draw(st.text(max_size=20).filter(lambda s: not s.strip().isdigit()))
        ts, sig = signed(now)
        return False, [("X-Slack-Request-Timestamp", garbage), sig]
    if mode == "garbled signature":
        ts, _ = signed(now)
        return False, [ts, ("X-Slack-Signature", draw(st.text(max_size=80)))]
    if mode == "other body":
        return False, signed(now, content=body + draw(st.binary(min_size=1, max_size=5)))
    ts, sig = signed(now)  # doubled: Slack sends each header once; a second one is forged
    other = ("X-Slack-Signature", "v0=" + "0" * 64)
    return False, [ts, *draw(st.permutations([sig, other]))]


def printable(value: str) -> str:
    """What HTTP lets a header value be: latin-1 without control characters."""
    latin = value.encode("latin-1", "replace").decode("latin-1")
    return "".join(c for c in latin if " " <= c != "\x7f").strip()


@st.composite
def requests(
    draw: st.DrawFn, *, secret: str, people: list[str], response_url: str, forged: bool = False
) -> FuzzRequest:
    """Any request to `POST /slack/events` (only badly signed ones if `forged`); `people` are
    user ids the fake Slack knows."""
    kind, body, usual_type = draw(bodies(people, response_url))
    body = draw(reshaped(body))
    signed, headers = draw(signature_headers(body, secret, FORGED if forged else SIGNATURES))
    content_type = draw(content_types(usual_type))
    if content_type is not None:
        headers.append(("Content-Type", content_type))
    extra = st.tuples(
        st.sampled_from(["X-Slack-Retry-Num", "X-Slack-Retry-Reason", "Content-Encoding"]),
        st.text(max_size=20),
    )
    headers += draw(st.lists(extra, max_size=2))
    cleaned = tuple((name, printable(value)) for name, value in headers)
    return FuzzRequest(kind=kind, body=body, headers=cleaned, signed=signed)
