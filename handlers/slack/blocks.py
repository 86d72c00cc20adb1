"""Block Kit rendering of neutral replies: pure functions, kept within Slack's limits."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from bot.kernel.replies import Button, Reply

HEADER_MAX = 150
SECTION_MAX = 3000
BUTTON_MAX = 75
CONTEXT_MAX = 2000
MESSAGE_BUDGET = 11_000  # Slack rejects whole messages well below the sum of per-field limits
SHORTENED = "…"
NTH = "#"
"""Slack wants action_ids unique in a message: when several buttons share an action (a choice
between sessions), each one's action_id is the action, `#` and its position."""


QUALIFIED_REFERENCE = re.compile(r"<([@#])[TE][A-Z0-9]{2,}:([A-Z0-9]+)>")


def slack_text(text: str) -> str:
    """The core's workspace-qualified references (`<@T1:U1>`, `<#T1:C1>`: OAuth mode) as Slack
    writes them within the workspace (`<@U1>`, `<#C1>`)."""
    return QUALIFIED_REFERENCE.sub(r"<\1\2>", text) if ":" in text else text


def cut(text: str, limit: int) -> str:
    text = slack_text(text)
    return text if len(text) <= limit else text[: limit - len(SHORTENED)] + SHORTENED


def plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": cut(text, limit) or " ", "emoji": True}


def mrkdwn(text: str, limit: int = SECTION_MAX) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": cut(text, limit) or " "}


def reply_blocks(reply: Reply) -> list[dict[str, Any]]:
    """Header, sections, buttons and a context note; long text is cut, never rejected."""
    blocks: list[dict[str, Any]] = []
    if reply.title:
        blocks.append({"type": "header", "text": plain(reply.title, HEADER_MAX)})
    budget = MESSAGE_BUDGET
    for index, section in enumerate(reply.sections):
        text = f"*{section.heading}*\n{section.text}" if section.heading else section.text
        if reply.is_error and index == 0:
            text = f":warning: {text}"
        text = cut(text, min(SECTION_MAX, budget))
        if budget <= len(SHORTENED):
            break
        budget -= len(text)
        blocks.append({"type": "section", "text": mrkdwn(text)})
    if reply.buttons:
        buttons = reply.buttons[:25]
        shared = {a for a, count in Counter(b.action for b in buttons).items() if count > 1}
        elements = [
            button_element(button, f"{button.action}{NTH}{n}" if button.action in shared else None)
            for n, button in enumerate(buttons)
        ]
        blocks.append({"type": "actions", "elements": elements})
    if reply.note:
        blocks.append({"type": "context", "elements": [mrkdwn(reply.note, CONTEXT_MAX)]})
    return blocks[:50]


def button_element(button: Button, action_id: str | None = None) -> dict[str, Any]:
    """A Block Kit button; `action_id` defaults to the button's action."""
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(button.label, BUTTON_MAX),
        "action_id": action_id or button.action,
        "value": button.value,
    }
    if button.style:
        element["style"] = button.style
    return element


def action_pattern(action: str) -> re.Pattern[str]:
    """The action_ids of a message's buttons that do `action`."""
    return re.compile(rf"^{re.escape(action)}({re.escape(NTH)}\d+)?$")


def fallback(reply: Reply) -> str:
    """The notification text Slack shows where blocks cannot be (push, search)."""
    return cut(reply.fallback_text, 3000)
