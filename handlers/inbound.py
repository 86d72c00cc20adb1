"""What the platforms' endpoints do to a request before any listener reads it."""

from __future__ import annotations

import json
import re
from typing import Any

MAX_BODY = 1024 * 1024
"""Bytes a request's body may hold: far above anything Slack or Teams sends (a Teams message
is capped near 100 KB); a bigger body is refused with 413 as soon as it is known to be."""

MAX_NESTING = 64
"""Levels of arrays and objects a request may nest: Slack's and Teams' payloads use about ten.
Deeper, it is malformed: Python's parser gives up near a thousand (a RecursionError, not the
ValueError of bad JSON), and everything that walks the payload after it recurses too."""

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""Characters JSON can carry that no database keeps: NUL (PostgreSQL refuses it, SQLite cuts a
JSON key list there) and lone surrogates (not UTF-8: the driver refuses them)."""


def parsed_json(body: bytes | str) -> Any | None:
    """The JSON value of `body`, or None when it is none (or nests deeper than MAX_NESTING)."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return value if nested_within(value, MAX_NESTING) else None


def nested_within(value: Any, levels: int) -> bool:
    """Whether `value` nests at most `levels` arrays and objects deep (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > levels:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return True


def storable(value: Any) -> Any:
    """Parsed JSON with NUL characters dropped and lone surrogates replaced by U+FFFD in every
    string, keys included; the same object when there is nothing to change."""
    if isinstance(value, str):
        return UNSTORABLE.sub(_replacement, value) if UNSTORABLE.search(value) else value
    if isinstance(value, list):
        items = [storable(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        pairs = [(storable(key), storable(item)) for key, item in value.items()]
        same = all(
            a is b
            for pair, old in zip(pairs, value.items(), strict=True)
            for a, b in zip(pair, old, strict=True)
        )
        return value if same else dict(pairs)
    return value


def _replacement(match: re.Match[str]) -> str:
    return "" if match.group() == "\x00" else "\ufffd"
