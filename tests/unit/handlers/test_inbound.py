"""Texts made storable before any listener reads a request."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from handlers.inbound import UNSTORABLE, storable

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
