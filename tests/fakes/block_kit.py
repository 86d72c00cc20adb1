"""What Slack rejects in Block Kit: the checks FakeSlack applies to messages and views.

Each problem reads `<json-pointer>: <what is wrong>`, the pointer as Slack reports it.
Stricter than Slack in one respect: input blocks are accepted in modals only.
"""

from __future__ import annotations

import re
from typing import Any

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
MESSAGE_TEXT = 40_000

TEXT_KEYS = {"plain_text": {"type", "text", "emoji"}, "mrkdwn": {"type", "text", "verbatim"}}
BLOCK_KEYS = {
    "section": {"text", "fields", "accessory", "expand"},
    "header": {"text"},
    "context": {"elements"},
    "actions": {"elements"},
    "divider": set(),
    "input": {"label", "element", "hint", "optional", "dispatch_action"},
    "rich_text": {"elements"},
    "image": {"image_url", "slack_file", "alt_text", "title"},
}
_SELECT = {"action_id", "placeholder", "confirm", "focus_on_load"}
ELEMENT_KEYS = {
    "button": {"action_id", "text", "value", "url", "style", "confirm", "accessibility_label"},
    "static_select": _SELECT | {"options", "option_groups", "initial_option"},
    "multi_static_select": _SELECT
    | {"options", "option_groups", "initial_options", "max_selected_items"},
    "users_select": _SELECT | {"initial_user"},
    "multi_users_select": _SELECT | {"initial_users", "max_selected_items"},
    "conversations_select": _SELECT
    | {"initial_conversation", "default_to_current_conversation", "filter"},
    "channels_select": _SELECT | {"initial_channel"},
    "plain_text_input": {
        "action_id",
        "placeholder",
        "initial_value",
        "multiline",
        "min_length",
        "max_length",
        "dispatch_action_config",
        "focus_on_load",
    },
    "datepicker": _SELECT | {"initial_date"},
    "timepicker": _SELECT | {"initial_time", "timezone"},
    "checkboxes": {"action_id", "options", "initial_options", "confirm", "focus_on_load"},
    "radio_buttons": {"action_id", "options", "initial_option", "confirm", "focus_on_load"},
    "overflow": {"action_id", "options", "confirm"},
}
# Where each element type may appear.
INTERACTIVE = set(ELEMENT_KEYS) - {"plain_text_input"}
ACCESSORY = INTERACTIVE | {"image"}
INPUT_ELEMENTS = set(ELEMENT_KEYS) - {"button", "overflow"}
VIEW_KEYS = {
    "type",
    "title",
    "blocks",
    "close",
    "submit",
    "private_metadata",
    "callback_id",
    "clear_on_close",
    "notify_on_close",
    "external_id",
    "submit_disabled",
}
HOME_VIEW_KEYS = {"type", "blocks", "private_metadata", "callback_id", "external_id"}
# Options per element type: (minimum, maximum).
OPTION_COUNTS = {
    "static_select": (1, 100),
    "multi_static_select": (1, 100),
    "checkboxes": (1, 10),
    "radio_buttons": (1, 10),
    "overflow": (2, 5),
}
INITIAL_FORMATS = {
    "datepicker": ("initial_date", re.compile(r"\d{4}-\d{2}-\d{2}"), "YYYY-MM-DD"),
    "timepicker": ("initial_time", re.compile(r"([01]\d|2[0-3]):[0-5]\d"), "HH:mm"),
}


class _Checker:
    """Collects problems while walking one message's or one view's blocks."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.action_ids: set[str] = set()
        self.block_ids: set[str] = set()

    def fail(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")

    def keys(self, where: str, obj: dict[str, Any], allowed: set[str]) -> None:
        for key in sorted(set(obj) - allowed - {"type"}):
            self.fail(where, f"invalid additional property: {key}")

    def string(self, where: str, value: Any, limit: int, *, required: bool = False) -> None:
        if value is None:
            if required:
                self.fail(where, "is required")
        elif not isinstance(value, str):
            self.fail(where, "must be a string")
        elif required and not value:
            self.fail(where, "must not be empty")
        elif len(value) > limit:
            self.fail(where, f"must be at most {limit} characters, not {len(value)}")

    def text(self, where: str, obj: Any, limit: int, *, plain_only: bool = False) -> None:
        if not isinstance(obj, dict):
            self.fail(where, "must be a text object")
            return
        kind = str(obj.get("type"))
        allowed = ("plain_text",) if plain_only else ("plain_text", "mrkdwn")
        if kind not in allowed:
            self.fail(f"{where}/type", f"must be {' or '.join(allowed)}, not {obj.get('type')!r}")
            return
        self.keys(where, obj, TEXT_KEYS[kind])
        self.string(f"{where}/text", obj.get("text"), limit, required=True)

    def unique(self, where: str, value: Any, seen: set[str], name: str) -> None:
        self.string(where, value, 255, required=True)
        if isinstance(value, str):
            if value in seen:
                self.fail(where, f"duplicate {name} {value!r}")
            seen.add(value)

    def options(self, where: str, element: dict[str, Any], kind: str) -> None:
        options = element.get("options")
        if kind in ("static_select", "multi_static_select") and "option_groups" in element:
            if options is not None:
                self.fail(where, "options and option_groups are exclusive")
            groups = element["option_groups"]
            if not isinstance(groups, list) or not 1 <= len(groups) <= 100:
                self.fail(f"{where}/option_groups", "must hold 1 to 100 groups")
                return
            options = [o for g in groups if isinstance(g, dict) for o in g.get("options") or []]
        low, high = OPTION_COUNTS[kind]
        if not isinstance(options, list) or not low <= len(options) <= high:
            self.fail(f"{where}/options", f"must hold {low} to {high} options")
            return
        plain_only = kind not in ("checkboxes", "radio_buttons")
        for n, option in enumerate(options):
            at = f"{where}/options/{n}"
            if not isinstance(option, dict):
                self.fail(at, "must be an option object")
                continue
            self.keys(at, option, {"text", "value", "description", "url"})
            self.text(f"{at}/text", option.get("text"), 75, plain_only=plain_only)
            self.string(f"{at}/value", option.get("value"), 150, required=True)
            if "description" in option:
                self.text(f"{at}/description", option["description"], 75, plain_only=plain_only)

        def same(a: Any, b: Any) -> bool:
            return (
                isinstance(a, dict)
                and isinstance(b, dict)
                and a.get("value") == b.get("value")
                and (a.get("text") or {}).get("text") == (b.get("text") or {}).get("text")
            )

        initial = element.get("initial_option")
        if initial is not None and not any(same(initial, o) for o in options):
            self.fail(f"{where}/initial_option", "must be one of the options")
        for n, chosen in enumerate(element.get("initial_options") or []):
            if not any(same(chosen, o) for o in options):
                self.fail(f"{where}/initial_options/{n}", "must be one of the options")

    def element(self, where: str, element: Any, allowed: set[str]) -> None:
        if not isinstance(element, dict):
            self.fail(where, "must be an element object")
            return
        kind = element.get("type")
        if kind not in allowed:
            self.fail(f"{where}/type", f"{kind!r} is not allowed here")
            return
        if kind == "image":
            self.image(where, element)
            return
        self.keys(where, element, ELEMENT_KEYS[kind])
        if "action_id" in element:
            self.unique(f"{where}/action_id", element["action_id"], self.action_ids, "action_id")
        if "placeholder" in element:
            self.text(f"{where}/placeholder", element["placeholder"], 150, plain_only=True)
        if "confirm" in element:
            self.confirm(f"{where}/confirm", element["confirm"])
        if kind in OPTION_COUNTS:
            self.options(where, element, kind)
        elif kind == "button":
            self.text(f"{where}/text", element.get("text"), 75, plain_only=True)
            self.string(f"{where}/value", element.get("value"), 2000)
            self.string(f"{where}/url", element.get("url"), 3000)
            if element.get("style") not in (None, "primary", "danger"):
                self.fail(f"{where}/style", "must be primary or danger")
        elif kind == "plain_text_input":
            self.plain_text_input(where, element)
        elif kind in INITIAL_FORMATS:
            key, pattern, shape = INITIAL_FORMATS[kind]
            if element.get(key) is not None and not pattern.fullmatch(str(element[key])):
                self.fail(f"{where}/{key}", f"must be {shape}")

    def plain_text_input(self, where: str, element: dict[str, Any]) -> None:
        low, high = element.get("min_length", 0), element.get("max_length", 3000)
        if not isinstance(low, int) or not 0 <= low <= 3000:
            self.fail(f"{where}/min_length", "must be 0 to 3000")
        if not isinstance(high, int) or not 1 <= high <= 3000:
            self.fail(f"{where}/max_length", "must be 1 to 3000")
        elif isinstance(low, int) and low > high:
            self.fail(f"{where}/min_length", "must not exceed max_length")
        else:
            self.string(f"{where}/initial_value", element.get("initial_value"), high)

    def confirm(self, where: str, confirm: Any) -> None:
        if not isinstance(confirm, dict):
            self.fail(where, "must be a confirmation object")
            return
        self.keys(where, confirm, {"title", "text", "confirm", "deny", "style"})
        self.text(f"{where}/title", confirm.get("title"), 100, plain_only=True)
        self.text(f"{where}/text", confirm.get("text"), 300)
        self.text(f"{where}/confirm", confirm.get("confirm"), 30, plain_only=True)
        self.text(f"{where}/deny", confirm.get("deny"), 30, plain_only=True)

    def image(self, where: str, image: dict[str, Any]) -> None:
        """An image block or an image element (which has no block_id nor title)."""
        self.keys(where, image, BLOCK_KEYS["image"] | {"block_id"})
        if "image_url" in image or "slack_file" not in image:
            self.string(f"{where}/image_url", image.get("image_url"), 3000, required=True)
        self.string(f"{where}/alt_text", image.get("alt_text"), 2000, required=True)
        if "title" in image:
            self.text(f"{where}/title", image["title"], 2000, plain_only=True)

    def elements(self, where: str, block: dict[str, Any], high: int) -> list[Any]:
        elements = block.get("elements")
        if not isinstance(elements, list) or not 1 <= len(elements) <= high:
            self.fail(f"{where}/elements", f"must hold 1 to {high} elements")
            return []
        return elements

    def block(self, where: str, block: Any, *, in_view: bool) -> None:
        if not isinstance(block, dict):
            self.fail(where, "must be a block object")
            return
        kind = block.get("type")
        if kind not in BLOCK_KEYS:
            self.fail(f"{where}/type", f"unknown block type {kind!r}")
            return
        self.keys(where, block, BLOCK_KEYS[kind] | {"block_id"})
        if "block_id" in block:
            self.unique(f"{where}/block_id", block["block_id"], self.block_ids, "block_id")
        if kind == "section":
            fields = block.get("fields")
            if "text" not in block and not fields:
                self.fail(where, "a section needs text or fields")
            if "text" in block:
                self.text(f"{where}/text", block["text"], 3000)
            if fields is not None:
                if not isinstance(fields, list) or len(fields) > 10:
                    self.fail(f"{where}/fields", "must hold at most 10 text objects")
                else:
                    for n, item in enumerate(fields):
                        self.text(f"{where}/fields/{n}", item, 2000)
            if "accessory" in block:
                self.element(f"{where}/accessory", block["accessory"], ACCESSORY)
        elif kind == "header":
            self.text(f"{where}/text", block.get("text"), 150, plain_only=True)
        elif kind == "context":
            for n, item in enumerate(self.elements(where, block, 10)):
                at = f"{where}/elements/{n}"
                if isinstance(item, dict) and item.get("type") == "image":
                    self.image(at, item)
                else:
                    self.text(at, item, 3000)
        elif kind == "actions":
            for n, item in enumerate(self.elements(where, block, 25)):
                self.element(f"{where}/elements/{n}", item, INTERACTIVE)
        elif kind == "input":
            if not in_view:
                self.fail(where, "input blocks belong in modals")
            self.text(f"{where}/label", block.get("label"), 2000, plain_only=True)
            if "hint" in block:
                self.text(f"{where}/hint", block["hint"], 2000, plain_only=True)
            self.element(f"{where}/element", block.get("element"), INPUT_ELEMENTS)
        elif kind == "rich_text":
            self.elements(where, block, 100)
        elif kind == "image":
            self.image(where, block)

    def blocks(self, blocks: Any, *, limit: int, in_view: bool, where: str = "/blocks") -> None:
        if not isinstance(blocks, list):
            self.fail(where, "must be an array")
            return
        if len(blocks) > limit:
            self.fail(where, f"must hold at most {limit} blocks, not {len(blocks)}")
        for n, block in enumerate(blocks):
            self.block(f"{where}/{n}", block, in_view=in_view)


def validate_blocks(blocks: Any) -> list[str]:
    """Problems Slack would reject a message's blocks for; empty when valid."""
    checker = _Checker()
    checker.blocks(blocks, limit=MESSAGE_BLOCKS, in_view=False)
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


def validate_view(view: Any) -> list[str]:
    """Problems Slack would reject a modal view for; empty when valid."""
    if not isinstance(view, dict):
        return ["/view: must be a view object"]
    checker = _Checker()
    checker.keys("/view", view, VIEW_KEYS)
    if view.get("type") != "modal":
        checker.fail("/view/type", f"must be modal, not {view.get('type')!r}")
    checker.text("/view/title", view.get("title"), 24, plain_only=True)
    for button in ("submit", "close"):
        if view.get(button) is not None:
            checker.text(f"/view/{button}", view[button], 24, plain_only=True)
    checker.string("/view/callback_id", view.get("callback_id"), 255)
    checker.string("/view/private_metadata", view.get("private_metadata"), 3000)
    checker.string("/view/external_id", view.get("external_id"), 255)
    blocks = view.get("blocks")
    checker.blocks(blocks, limit=VIEW_BLOCKS, in_view=True, where="/view/blocks")
    has_input = isinstance(blocks, list) and any(
        isinstance(b, dict) and b.get("type") == "input" for b in blocks
    )
    if has_input and view.get("submit") is None:
        checker.fail("/view/submit", "is required when the modal has input blocks")
    return checker.problems


def validate_home_view(view: Any) -> list[str]:
    """Problems Slack would reject a Home tab view for (views.publish); empty when valid."""
    if not isinstance(view, dict):
        return ["/view: must be a view object"]
    checker = _Checker()
    checker.keys("/view", view, HOME_VIEW_KEYS)
    if view.get("type") != "home":
        checker.fail("/view/type", f"must be home, not {view.get('type')!r}")
    checker.string("/view/callback_id", view.get("callback_id"), 255)
    checker.string("/view/private_metadata", view.get("private_metadata"), 3000)
    checker.string("/view/external_id", view.get("external_id"), 255)
    checker.blocks(view.get("blocks"), limit=VIEW_BLOCKS, in_view=False, where="/view/blocks")
    return checker.problems
