"""Slack's text: a message's text read from its payload, escaped mentions and channel references."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

ESCAPED_REFERENCE = re.compile(r"<([@#])([A-Z0-9]+)\|[^<>]*>")


def text_of(payload: Mapping[str, Any]) -> str:
    """The `text` of a message event or a command; "" when it has none, or when it is not a
    string (a payload of the wrong shape): read as a message without text."""
    text = payload.get("text")
    return text if isinstance(text, str) else ""


def normalise_references(text: str) -> str:
    """`<@U1|claire>` → `<@U1>` and `<#C1|general>` → `<#C1>`: the core's tokens."""
    return ESCAPED_REFERENCE.sub(r"<\1\2>", text)


def mentioned_users(text: str) -> list[str]:
    """User ids mentioned in normalised text, in order."""
    return re.findall(r"<@((?:[TE][A-Z0-9]+:)?[A-Z0-9]+)>", text)
