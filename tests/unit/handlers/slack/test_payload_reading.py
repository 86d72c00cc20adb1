"""The functions that read Slack's payloads take any JSON where Slack sends a string or an
object: a part of the wrong type is read as absent, never raised on. The HTTP fuzz test bends
payloads at random and seldom reaches these slots; here every slot gets any JSON."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from handlers.slack.modals import metadata, submitted_values
from handlers.slack.text import text_of
from tests.fakes.slack_fuzz import json_values

TYPES = ["plain_text_input", "static_select", "radio_buttons", "users_select", "datepicker"]


@st.composite
def views(draw: st.DrawFn) -> dict[str, Any]:
    """A submitted view whose metadata, state, values, states and selections may be any JSON."""
    option = draw(st.fixed_dictionaries({"value": json_values}) | json_values)
    state = draw(
        st.fixed_dictionaries(
            {"type": st.sampled_from(TYPES) | json_values},
            optional={
                "value": json_values,
                "selected_option": st.just(option),
                "selected_user": json_values,
                "selected_date": json_values,
            },
        )
        | json_values
    )
    values = draw(
        st.dictionaries(st.text(max_size=8), st.dictionaries(st.text(max_size=8), st.just(state)))
        | json_values
    )
    kept = draw(st.sampled_from(['{"session": 12}', "{}", "[1]", "{not json"]) | json_values)
    return {
        "private_metadata": kept,
        "state": draw(st.fixed_dictionaries({"values": st.just(values)}) | json_values),
    }


@given(views())
def test_any_view_reads_as_values_and_metadata(view: dict[str, Any]) -> None:
    values = submitted_values(view)
    assert all(value is None or isinstance(value, str) for value in values.values())
    assert isinstance(metadata(view), dict)


@given(st.dictionaries(st.just("text"), json_values))
def test_any_event_text_reads_as_a_string(event: dict[str, Any]) -> None:
    text = event.get("text")
    assert text_of(event) == (text if isinstance(text, str) else "")


def test_metadata_nested_deeper_than_python_parses_is_none() -> None:
    assert metadata({"private_metadata": "[" * 100_000 + "]" * 100_000}) == {}
