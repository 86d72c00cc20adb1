"""Platform-neutral messages: what the core says, before a platform renders it.

Text uses a small markup every front end understands: `*bold*`, `` `code` ``, "• " bullets,
and `<@id>` for a mention of a platform user id. A value people typed that goes in as it is
(a meeting link) has `&`, `<` and `>` escaped (`escape_markup`): it can never become a mention;
front ends other than Slack read it back with `unescape_markup`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any, TypeVar


def escape_markup(text: str) -> str:
    """`text` with `&`, `<` and `>` escaped, inert in the markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape_markup(text: str) -> str:
    """What `escape_markup` escaped, as it reads (for front ends that show text as it is)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass(frozen=True)
class Button:
    """A choice offered with a message; `action` names what it does, `value` what it is about."""

    label: str
    action: str
    value: str
    style: str | None = None  # "primary" or "danger"


@dataclass(frozen=True)
class Section:
    text: str
    heading: str | None = None


@dataclass(frozen=True)
class DataFile:
    """A file the reply comes with (the person's data export, a pair's calendar), sent to them
    privately. Where a platform takes a bot's file only once the person accepts it (Teams),
    `offer` says what is offered and `pair_calendar` names the pair whose calendar is made
    again on acceptance (None: the data export)."""

    name: str
    content: bytes
    mime: str = "application/json"
    offer: str | None = None
    pair_calendar: int | None = None


@dataclass(frozen=True)
class Chart:
    """A small bar chart that goes with a message, drawn by each platform as it can (an
    uploaded image on Slack, an image in the card on Teams); `alt` says it in words, for
    screen readers and wherever no image is drawn."""

    title: str
    alt: str
    labels: tuple[str, ...]  # one per group of bars (a week)
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (legend, one value per label)


@dataclass(frozen=True)
class Reply:
    """A message: a title, sections of text, buttons, an optional small note, file and chart."""

    sections: tuple[Section, ...] = ()
    title: str | None = None
    buttons: tuple[Button, ...] = ()
    note: str | None = None
    is_error: bool = False
    file: DataFile | None = None
    chart: Chart | None = None

    @property
    def fallback_text(self) -> str:
        """The whole message as plain text (notifications, screen readers, logs)."""
        parts = [self.title] if self.title else []
        for section in self.sections:
            parts.extend(p for p in (section.heading, section.text) if p)
        if self.note:
            parts.append(self.note)
        return "\n".join(parts)


def say(text: str, *, is_error: bool = False, title: str | None = None) -> Reply:
    """A one-section reply."""
    return Reply(sections=(Section(text),), is_error=is_error, title=title)


@dataclass(frozen=True)
class Form:
    """A request to open a form (a Slack modal, a Teams card) instead of replying."""

    name: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldErrors:
    """Problems to show next to the fields of a submitted form; nothing was changed."""

    errors: dict[str, str]


T = TypeVar("T")


def rewrite_text(value: T, rewrite: Callable[[str], str], wanted: Callable[[str], bool]) -> T:
    """`value` (a reply, a form, a page: dataclasses, tuples, lists, dicts) with each text for
    which `wanted` is true passed through `rewrite`; the parts without one are kept as they are."""

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return rewrite(node) if wanted(node) else node
        if isinstance(node, tuple | list):
            items = [walk(item) for item in node]
            if all(a is b for a, b in zip(items, node, strict=True)):
                return node
            return type(node)(items) if isinstance(node, list) else tuple(items)
        if isinstance(node, dict):
            return {key: walk(item) for key, item in node.items()}
        if is_dataclass(node) and not isinstance(node, type):
            changed = {
                f.name: new
                for f in fields(node)
                if f.init and (new := walk(getattr(node, f.name))) is not getattr(node, f.name)
            }
            return replace(node, **changed) if changed else node
        return node

    return walk(value)  # type: ignore[no-any-return]
