"""What Slack rejects in Block Kit: the checks FakeSlack applies to messages and views."""

from __future__ import annotations

from typing import Any

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
MESSAGE_TEXT = 40_000
BLOCK_TYPES = {"section", "header", "context", "actions", "divider", "input", "rich_text", "image"}
ELEMENT_TYPES = {
    "button",
    "static_select",
    "users_select",
    "plain_text_input",
    "timepicker",
    "datepicker",
    "checkboxes",
    "radio_buttons",
    "overflow",
}


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.action_ids: set[str] = set()
        self.block_ids: set[str] = set()

    def fail(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")

    def text(self, where: str, obj: Any, limit: int, *, plain_only: bool = False) -> None:
        if not isinstance(obj, dict):
            self.fail(where, "must be a text object")
            return
        kinds = {"plain_text"} if plain_only else {"plain_text", "mrkdwn"}
        if obj.get("type") not in kinds:
            self.fail(where, f"type must be one of {sorted(kinds)}")
        text = obj.get("text")
        if not isinstance(text, str) or not text:
            self.fail(where, "text must be a non-empty string")
        elif len(text) > limit:
            self.fail(where, f"text longer than {limit} characters ({len(text)})")

    def action_id(self, where: str, element: dict[str, Any]) -> None:
        action_id = element.get("action_id")
        if action_id is None:
            return
        if not isinstance(action_id, str) or not 0 < len(action_id) <= 255:
            self.fail(where, "action_id must be 1-255 characters")
        elif action_id in self.action_ids:
            self.fail(where, f"duplicate action_id {action_id!r}")
        self.action_ids.add(action_id)

    def element(self, where: str, element: Any) -> None:
        if not isinstance(element, dict) or element.get("type") not in ELEMENT_TYPES:
            self.fail(where, f"unknown element {element!r:.80}")
            return
        self.action_id(where, element)
        kind = element["type"]
        if kind == "button":
            self.text(f"{where}.text", element.get("text"), 75, plain_only=True)
            if len(str(element.get("value", ""))) > 2000:
                self.fail(where, "button value longer than 2000 characters")
            if element.get("style") not in (None, "primary", "danger"):
                self.fail(where, "button style must be primary or danger")
        elif kind == "static_select":
            options = element.get("options")
            if not isinstance(options, list) or not 1 <= len(options) <= 100:
                self.fail(where, "static_select needs 1-100 options")
                return
            for n, option in enumerate(options):
                self.text(f"{where}.options[{n}].text", option.get("text"), 75, plain_only=True)
                if not 0 < len(str(option.get("value", ""))) <= 150:
                    self.fail(f"{where}.options[{n}]", "value must be 1-150 characters")
            initial = element.get("initial_option")
            if initial is not None and initial not in options:
                self.fail(where, "initial_option is not one of the options")
        elif kind == "plain_text_input" and len(str(element.get("initial_value", ""))) > int(
            element.get("max_length", 3000)
        ):
            self.fail(where, "initial_value longer than max_length")
        if "placeholder" in element:
            self.text(f"{where}.placeholder", element["placeholder"], 150, plain_only=True)

    def block(self, where: str, block: Any, *, in_view: bool) -> None:
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            self.fail(where, f"unknown block {block!r:.80}")
            return
        block_id = block.get("block_id")
        if block_id is not None:
            if not isinstance(block_id, str) or not 0 < len(block_id) <= 255:
                self.fail(where, "block_id must be 1-255 characters")
            elif block_id in self.block_ids:
                self.fail(where, f"duplicate block_id {block_id!r}")
            self.block_ids.add(block_id)
        kind = block["type"]
        if kind == "section":
            if "text" not in block and "fields" not in block:
                self.fail(where, "section needs text or fields")
            if "text" in block:
                self.text(f"{where}.text", block["text"], 3000)
            for n, item in enumerate(block.get("fields", [])):
                self.text(f"{where}.fields[{n}]", item, 2000)
            if len(block.get("fields", [])) > 10:
                self.fail(where, "more than 10 fields")
            if "accessory" in block:
                self.element(f"{where}.accessory", block["accessory"])
        elif kind == "header":
            self.text(f"{where}.text", block.get("text"), 150, plain_only=True)
        elif kind == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not 1 <= len(elements) <= 10:
                self.fail(where, "context needs 1-10 elements")
                return
            for n, item in enumerate(elements):
                self.text(f"{where}.elements[{n}]", item, 3000)
        elif kind == "actions":
            elements = block.get("elements")
            if not isinstance(elements, list) or not 1 <= len(elements) <= 25:
                self.fail(where, "actions needs 1-25 elements")
                return
            for n, item in enumerate(elements):
                self.element(f"{where}.elements[{n}]", item)
        elif kind == "input":
            if not in_view:
                self.fail(where, "input blocks belong in modals")
            self.text(f"{where}.label", block.get("label"), 2000, plain_only=True)
            if "hint" in block:
                self.text(f"{where}.hint", block["hint"], 2000, plain_only=True)
            self.element(f"{where}.element", block.get("element"))

    def blocks(self, blocks: Any, *, limit: int, in_view: bool) -> None:
        if not isinstance(blocks, list):
            self.fail("blocks", "must be a list")
            return
        if len(blocks) > limit:
            self.fail("blocks", f"more than {limit} blocks ({len(blocks)})")
        for n, block in enumerate(blocks):
            self.block(f"blocks[{n}]", block, in_view=in_view)


def validate_blocks(blocks: Any) -> list[str]:
    """Problems Slack would reject a message's blocks for; empty when valid."""
    checker = _Checker()
    checker.blocks(blocks, limit=MESSAGE_BLOCKS, in_view=False)
    return checker.problems


def validate_message(text: Any, blocks: Any) -> list[str]:
    """A message needs text or blocks; text is at most 40,000 characters."""
    problems = [] if blocks is None else validate_blocks(blocks)
    if not text and not blocks:
        problems.append("message: needs text or blocks")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT:
        problems.append(f"text: longer than {MESSAGE_TEXT} characters")
    return problems


def validate_view(view: Any) -> list[str]:
    """Problems Slack would reject a modal for; empty when valid."""
    if not isinstance(view, dict):
        return ["view: must be an object"]
    checker = _Checker()
    if view.get("type") != "modal":
        checker.fail("view", "type must be modal")
    checker.text("title", view.get("title"), 24, plain_only=True)
    for button in ("submit", "close"):
        if view.get(button) is not None:
            checker.text(button, view[button], 24, plain_only=True)
    if len(str(view.get("callback_id", ""))) > 255:
        checker.fail("callback_id", "longer than 255 characters")
    if len(str(view.get("private_metadata", ""))) > 3000:
        checker.fail("private_metadata", "longer than 3000 characters")
    blocks = view.get("blocks")
    checker.blocks(blocks, limit=VIEW_BLOCKS, in_view=True)
    has_input = isinstance(blocks, list) and any(
        isinstance(b, dict) and b.get("type") == "input" for b in blocks
    )
    if has_input and view.get("submit") is None:
        checker.fail("submit", "a modal with inputs needs a submit button")
    return checker.problems
