"""What Slack rejects in Block Kit: the checks FakeSlack applies to messages and views.

slack_sdk's block and view models read each block and view and check their fields (`to_dict()`
validates the whole tree); what they read back must be what was given, so a property they do
not know, an empty value or an unknown type is refused too. Kept here is only what the models
lack: the whole-message rules (50 blocks, 40,000 characters of text, action and block ids
unique, input blocks in modals only, a submit button on a modal with inputs) and the few field
rules they skip (plain text where Slack takes no mrkdwn, which elements go where, options,
text input lengths).

Each problem reads `<json-pointer>: <what is wrong>`, the pointer as Slack reports it (the
models' own messages point at the block). Stricter than Slack in one respect: input blocks are
accepted in modals only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.basic_objects import JsonObject
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
MESSAGE_TEXT = 40_000
TEXT_INPUT_MAX = 3000
# Text objects Slack takes as plain_text only (the models take mrkdwn anywhere).
PLAIN_ONLY = {"label", "hint", "placeholder", "title", "submit", "close", "confirm", "deny"}
PLAIN_TEXT_OF = {"header", "button"}
# Where elements may go (the models take any element anywhere).
IN_CONTEXT = {"image", "plain_text", "mrkdwn"}
NOT_INTERACTIVE = {"plain_text_input", "image", "plain_text", "mrkdwn"}
# Options per element type: (minimum, maximum); option text and value lengths.
OPTION_COUNTS = {
    "static_select": (1, 100),
    "multi_static_select": (1, 100),
    "checkboxes": (1, 10),
    "radio_buttons": (1, 10),
    "overflow": (2, 5),
}
OPTION_TEXT, OPTION_VALUE = 75, 150
MRKDWN_OPTIONS = {"checkboxes", "radio_buttons"}
# What the models may raise on a malformed object, besides their own validation error.
UNREADABLE = (SlackObjectFormationError, TypeError, ValueError, AttributeError, KeyError)


def as_slack_reads(where: str, given: Any, read: Callable[[Any], JsonObject | None]) -> list[str]:
    """Problems the model finds in `given`, or where what it read back differs from it."""
    if not isinstance(given, dict):
        return [f"{where}: must be an object"]
    try:
        model = read(given)
        if model is None:
            return [f"{where}/type: unknown type {given.get('type')!r}"]
        return list(differences(where, given, model.to_dict()))
    except UNREADABLE as error:
        return [f"{where}: {error}"]


def differences(where: str, given: Any, read: Any) -> Iterator[str]:
    """Where `read` lost or changed something of `given` (properties it added are defaults)."""
    if isinstance(given, dict) and isinstance(read, dict):
        for key, value in given.items():
            if key not in read:
                yield f"{where}/{key}: invalid additional property, or empty"
            else:
                yield from differences(f"{where}/{key}", value, read[key])
    elif isinstance(given, list) and isinstance(read, list) and len(given) == len(read):
        for n, (a, b) in enumerate(zip(given, read, strict=True)):
            yield from differences(f"{where}/{n}", a, b)
    elif given != read:
        yield f"{where}: must be as Slack reads it, {read!r}, not {given!r}"


class _Checker:
    """The rules the models lack, over one message's or one view's blocks."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.ids: dict[str, set[str]] = {"action_id": set(), "block_id": set()}

    def fail(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")

    def walk(self, where: str, node: Any) -> None:
        if isinstance(node, list):
            for n, item in enumerate(node):
                self.walk(f"{where}/{n}", item)
            return
        if not isinstance(node, dict):
            return
        kind = node.get("type")
        for key, value in node.items():
            at = f"{where}/{key}"
            if key in self.ids and isinstance(value, str):
                if value in self.ids[key]:
                    self.fail(at, f"duplicate {key} {value!r}")
                self.ids[key].add(value)
            plain = key in PLAIN_ONLY or (key == "text" and kind in PLAIN_TEXT_OF)
            if plain and isinstance(value, dict) and value.get("type") == "mrkdwn":
                self.fail(f"{at}/type", "must be plain_text")
            self.walk(at, value)
        elements = node.get("elements") if kind in ("context", "actions") else None
        for n, element in enumerate(elements if isinstance(elements, list) else []):
            inner = element.get("type") if isinstance(element, dict) else None
            if (inner not in IN_CONTEXT) if kind == "context" else (inner in NOT_INTERACTIVE):
                self.fail(f"{where}/elements/{n}/type", f"{inner!r} is not allowed in {kind}")
        accessory = node.get("accessory")
        if isinstance(accessory, dict) and accessory.get("type") in NOT_INTERACTIVE - {"image"}:
            self.fail(f"{where}/accessory/type", f"{accessory['type']!r} is no accessory")
        if kind in OPTION_COUNTS:
            self.options(where, node, kind)
        elif kind == "plain_text_input":
            self.text_input(where, node)

    def options(self, where: str, element: dict[str, Any], kind: str) -> None:
        groups = [g for g in element.get("option_groups") or [] if isinstance(g, dict)]
        options = element.get("options") or [o for g in groups for o in g.get("options") or []]
        options = [o for o in options if isinstance(o, dict)]  # the models refuse the others
        low, high = OPTION_COUNTS[kind]
        if not low <= len(options) <= high:
            self.fail(f"{where}/options", f"must hold {low} to {high} options")
        for n, option in enumerate(options):
            text = option.get("text") or {}
            if len(str(text.get("text", ""))) > OPTION_TEXT:
                self.fail(f"{where}/options/{n}/text", f"must be at most {OPTION_TEXT} characters")
            if len(str(option.get("value", ""))) > OPTION_VALUE:
                self.fail(
                    f"{where}/options/{n}/value", f"must be at most {OPTION_VALUE} characters"
                )
            if kind not in MRKDWN_OPTIONS and text.get("type") == "mrkdwn":
                self.fail(f"{where}/options/{n}/text/type", "must be plain_text")
        chosen = element.get("initial_options") or []
        if element.get("initial_option") is not None:
            chosen = [element["initial_option"]]
        for option in chosen:
            if option not in options:
                self.fail(f"{where}/initial_option", "must be one of the options")

    def text_input(self, where: str, element: dict[str, Any]) -> None:
        low, high = element.get("min_length", 0), element.get("max_length", TEXT_INPUT_MAX)
        if not (isinstance(low, int) and isinstance(high, int)):
            self.fail(where, "min_length and max_length must be integers")
        elif not 0 <= low <= high <= TEXT_INPUT_MAX:
            self.fail(where, f"needs 0 <= min_length <= max_length <= {TEXT_INPUT_MAX}")
        elif len(element.get("initial_value") or "") > high:
            self.fail(f"{where}/initial_value", f"must be at most {high} characters")

    def blocks(self, blocks: Any, *, limit: int, in_modal: bool, where: str) -> None:
        if not isinstance(blocks, list):
            self.fail(where, "must be an array")
            return
        if len(blocks) > limit:
            self.fail(where, f"must hold at most {limit} blocks, not {len(blocks)}")
        for n, block in enumerate(blocks):
            self.problems += as_slack_reads(f"{where}/{n}", block, Block.parse)
            if isinstance(block, dict) and block.get("type") == "input" and not in_modal:
                self.fail(f"{where}/{n}", "input blocks belong in modals")
        self.walk(where, blocks)


def validate_blocks(blocks: Any) -> list[str]:
    """Problems Slack would reject a message's blocks for; empty when valid."""
    checker = _Checker()
    checker.blocks(blocks, limit=MESSAGE_BLOCKS, in_modal=False, where="/blocks")
    return checker.problems


def validate_message_text(text: Any, blocks: Any) -> list[str]:
    """A message's top-level text: needed without blocks, at most 40,000 characters."""
    if not text and not blocks:
        return ["/text: a message needs text or blocks"]
    if text is not None and not isinstance(text, str):
        return ["/text: must be a string"]
    if text and len(text) > MESSAGE_TEXT:
        return [f"/text: must be at most {MESSAGE_TEXT} characters, not {len(text)}"]
    return []


def _validate_view(view: Any, kind: str) -> list[str]:
    if not isinstance(view, dict):
        return ["/view: must be a view object"]
    if view.get("type") != kind:
        return [f"/view/type: must be {kind}, not {view.get('type')!r}"]
    checker = _Checker()
    blocks = view.get("blocks")
    checker.blocks(blocks, limit=VIEW_BLOCKS, in_modal=kind == "modal", where="/view/blocks")
    rest = {k: v for k, v in view.items() if k != "blocks"}
    checker.walk("/view", rest)
    if not checker.problems:  # the view's own fields, once its blocks are known to be valid
        checker.problems += as_slack_reads("/view", view, lambda v: View(**v))
    inputs = isinstance(blocks, list) and any(
        isinstance(b, dict) and b.get("type") == "input" for b in blocks
    )
    if inputs and view.get("submit") is None:
        checker.fail("/view/submit", "is required when the modal has input blocks")
    return checker.problems


def validate_view(view: Any) -> list[str]:
    """Problems Slack would reject a modal view for (views.open, views.update); empty if valid."""
    return _validate_view(view, "modal")


def validate_home_view(view: Any) -> list[str]:
    """Problems Slack would reject a Home tab view for (views.publish); empty when valid."""
    return _validate_view(view, "home")
