"""Slack modals drawn from the core's form model, and reading their submitted values back."""

from __future__ import annotations

import json
from typing import Any

from bot.forms import FORMS
from bot.kernel.form_model import Input, Kind, inputs
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Form
from bot.kernel.workspaces import local_id
from handlers.inbound import parsed_json
from handlers.slack.blocks import mrkdwn, plain

TITLE_MAX = 24
OPTION_MAX = 75
# The element of each kind, and the property that holds a prefilled value.
ELEMENTS = {
    Kind.TEXT: ("plain_text_input", "initial_value"),
    Kind.LONG_TEXT: ("plain_text_input", "initial_value"),
    Kind.DATE: ("datepicker", "initial_date"),
    Kind.TIME: ("timepicker", "initial_time"),
    Kind.PERSON: ("users_select", "initial_user"),
    Kind.NUMBER: ("number_input", "initial_value"),
}
# Where each element type keeps its value in a view_submission's state.
SELECTED = {
    "users_select": "selected_user",
    "timepicker": "selected_time",
    "datepicker": "selected_date",
}


def _title(key: str, lang: Lang) -> dict[str, Any]:
    return plain(t(key, lang), TITLE_MAX)


def _element(shown: Input) -> dict[str, Any]:
    one = shown.field
    if shown.kind is Kind.CHOICE:
        options = [{"text": plain(text, OPTION_MAX), "value": v} for v, text in shown.options]
        element: dict[str, Any] = {
            "type": "radio_buttons" if one.expanded else "static_select",
            "options": options,
        }
        chosen = [option for option in options if option["value"] == shown.value]
        if chosen:
            element["initial_option"] = chosen[0]
        return element
    kind, initial = ELEMENTS[shown.kind]
    element = {"type": kind}
    if shown.kind is Kind.LONG_TEXT:
        element["multiline"] = True
    if shown.kind is Kind.NUMBER:
        element["is_decimal_allowed"] = False
        limits = {"min_value": one.minimum, "max_value": one.maximum}
        element |= {name: str(limit) for name, limit in limits.items() if limit is not None}
    if one.max_length is not None:
        element["max_length"] = one.max_length
    if shown.placeholder:
        element["placeholder"] = plain(shown.placeholder, 150)
    if shown.value:
        element[initial] = local_id(shown.value) if shown.kind is Kind.PERSON else shown.value
    return element


def _block(shown: Input) -> dict[str, Any]:
    block = {
        "type": "input",
        "block_id": shown.id,
        "optional": not shown.required,
        "label": plain(shown.label, 2000),
        "element": {**_element(shown), "action_id": shown.id},
    }
    if shown.hint:
        block["hint"] = plain(shown.hint, 2000)
    return block


def form_modal(form: Form, lang: Lang) -> dict[str, Any]:
    """The modal of a form the core asked for (after a button or a command)."""
    spec = FORMS[form.name]
    blocks: list[dict[str, Any]] = []
    if form.values.get("label"):
        blocks.append({"type": "section", "text": mrkdwn(form.values["label"])})
    blocks += [_block(shown) for shown in inputs(spec, form.values, lang)]
    about = {spec.about: int(form.values[spec.about])} if spec.about else {}
    return {
        "type": "modal",
        "callback_id": spec.name,
        "title": _title(spec.title, lang),
        "submit": _title("form.submit", lang),
        "close": _title("form.cancel", lang),
        "private_metadata": json.dumps(about),
        "blocks": blocks,
    }


def _object(value: object) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one: a part of a payload of the wrong type
    is read as absent, so the form it came with is answered as bad input, not as a crash."""
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    """`value` if it is a string, else None (absent)."""
    return value if isinstance(value, str) else None


def submitted_values(view: dict[str, Any]) -> dict[str, str | None]:
    """`{input id: value}` from a view_submission's state, whatever the element type; a value
    of the wrong type (or under a part of the wrong type) is None, a field left empty."""
    values: dict[str, str | None] = {}
    for block_id, actions in _object(_object(view.get("state")).get("values")).items():
        for action in _object(actions).values():
            state = _object(action)
            kind = _text(state.get("type"))
            if kind in ("static_select", "radio_buttons"):
                values[block_id] = _text(_object(state.get("selected_option")).get("value"))
            else:
                values[block_id] = _text(state.get(SELECTED.get(kind or "", "value")))
    return values


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    """What `form_modal` kept in the view; {} when it is not the JSON object it wrote: a form
    about nothing, which the core answers as a stale one."""
    return _object(parsed_json(_text(view.get("private_metadata")) or "{}"))
