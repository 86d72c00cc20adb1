"""Texts made storable before any listener reads a request."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.inbound import MAX_NESTING, UNSTORABLE, nested_within, parsed_json, storable

# Any JSON, with strings of any code point (NUL and lone surrogates included).
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *strings(item)]]
    return []


@given(values)
def test_every_text_becomes_storable_and_nothing_else_changes(value: Any) -> None:
    fitted = storable(value)
    assert not any(UNSTORABLE.search(s) for s in strings(fitted))
    json.dumps(fitted, ensure_ascii=False).encode("utf-8")  # no lone surrogate left
    assert storable(fitted) is fitted  # nothing more to change: the very same object
    if not any(UNSTORABLE.search(s) for s in strings(value)):
        assert fitted is value


def test_a_nul_is_dropped_and_a_lone_surrogate_replaced() -> None:
    parsed = json.loads('{"text": "a\\u0000b\\ud800c \\ud83d\\ude00", "k\\u0000": [1, "\\udfff"]}')
    assert storable(parsed) == {"text": "ab\ufffdc \U0001f600", "k": [1, "\ufffd"]}


def levels(value: Any) -> int:
    """How deep `value` nests arrays and objects (0 for a scalar)."""
    if isinstance(value, dict):
        return 1 + max(map(levels, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(levels, value), default=0)
    return 0


@given(values)
def test_nesting_is_measured_without_recursion_as_a_recursive_walk_does(value: Any) -> None:
    assert nested_within(value, levels(value))
    if levels(value):  # a scalar is within any limit
        assert not nested_within(value, levels(value) - 1)


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 1_000, 100_000])
def test_json_nested_too_deep_is_no_json(depth: int) -> None:
    """A thousand levels is a RecursionError in Python's parser, not a ValueError."""
    assert parsed_json("[" * depth + "]" * depth) is None
    assert parsed_json('{"a":' * depth + "1" + "}" * depth) is None


def test_json_within_the_nesting_limit_is_read() -> None:
    deep = "[" * MAX_NESTING + "]" * MAX_NESTING
    assert parsed_json(deep) == json.loads(deep)
    assert parsed_json(b'{"type": "message"}') == {"type": "message"}
    assert parsed_json(b"{not json") is None and parsed_json(b"\xff") is None
