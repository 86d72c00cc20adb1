"""Slack's text conventions: escaped mentions and channel references."""

from __future__ import annotations

import re

ESCAPED_REFERENCE = re.compile(r"<([@#])([A-Z0-9]+)\|[^<>]*>")


def normalise_references(text: str) -> str:
    """`<@U1|claire>` → `<@U1>` and `<#C1|general>` → `<#C1>`: the core's tokens."""
    return ESCAPED_REFERENCE.sub(r"<\1\2>", text)


def mentioned_users(text: str) -> list[str]:
    """User ids mentioned in normalised text, in order."""
    return re.findall(r"<@((?:[TE][A-Z0-9]+:)?[A-Z0-9]+)>", text)
