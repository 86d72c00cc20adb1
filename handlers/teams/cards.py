"""Adaptive Card rendering of neutral replies: pure functions, within Teams' message limits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.kernel.replies import Reply

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"  # what microsoft_teams.cards.AdaptiveCard targets by default
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
EXECUTE_VERB = "button"  # Action.Execute verb of a reply's buttons; `data.action` says which
TEXT_BUDGET = 20_000  # Teams refuses activities over about 28 KB; leave room for the JSON
TITLE_MAX = 200
ACTIONS_MAX = 6  # Teams shows no more than six actions on a card
SHORTENED = "…"
STYLES = {"primary": "positive", "danger": "destructive"}

BOLD = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")
USER = re.compile(r"<@([^<>|\s]+)>")
CHANNEL = re.compile(r"<#([^<>|\s]+)>")


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - len(SHORTENED)] + SHORTENED


class Markup:
    """Turns the core's markup into Teams markdown; collects the mention entities it needs."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names
        self.entities: dict[str, dict[str, Any]] = {}

    def _mention(self, match: re.Match[str]) -> str:
        user_id = match.group(1)
        shown = f"<at>{self.names.get(user_id, user_id)}</at>"
        self.entities[user_id] = {
            "type": "mention",
            "text": shown,
            "mentioned": {"id": user_id, "name": self.names.get(user_id, user_id)},
        }
        return shown

    def __call__(self, text: str) -> str:
        text = USER.sub(self._mention, text)
        text = CHANNEL.sub(lambda m: f"**{self.names.get(m.group(1), m.group(1))}**", text)
        text = BOLD.sub(r"**\1**", text)
        # Teams runs lines together inside a TextBlock unless they are paragraphs.
        return text.replace("\n", "\n\n")

    def card(self, body: list[dict[str, Any]], actions: list[dict[str, Any]]) -> dict[str, Any]:
        card: dict[str, Any] = {
            "type": "AdaptiveCard",
            "$schema": SCHEMA,
            "version": VERSION,
            "body": body,
            "msteams": {"width": "Full"},
        }
        if actions:
            card["actions"] = actions
        if self.entities:
            card["msteams"]["entities"] = list(self.entities.values())
        return card


def text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text or " ", "wrap": True, **style}


def button(label: str, action: str, value: str, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "Action.Execute",
        "title": cut(label, 75),
        "verb": EXECUTE_VERB,
        "data": {"action": action, "value": value},
    }
    if style in STYLES:
        element["style"] = STYLES[style]
    return element


def reply_card(reply: Reply, names: Mapping[str, str]) -> dict[str, Any]:
    """Title, sections, a subtle note and buttons; long text is cut, never rejected."""
    markup = Markup(names)
    body: list[dict[str, Any]] = []
    if reply.title:
        color = {"color": "attention"} if reply.is_error else {}
        body.append(
            text_block(cut(reply.title, TITLE_MAX), size="medium", weight="bolder", **color)
        )
    budget = TEXT_BUDGET
    for index, section in enumerate(reply.sections):
        if budget <= len(SHORTENED):
            break
        text = cut(section.text, budget)
        budget -= len(text)
        if section.heading:
            body.append(text_block(markup(section.heading), weight="bolder", spacing="medium"))
        style = {"color": "attention"} if reply.is_error and index == 0 else {}
        body.append(text_block(markup(("⚠️ " if style else "") + text), **style))
    if reply.note:
        body.append(text_block(markup(cut(reply.note, 2000)), isSubtle=True, size="small"))
    actions = [button(b.label, b.action, b.value, b.style) for b in reply.buttons[:ACTIONS_MAX]]
    return markup.card(body, actions)


def summary_line(reply: Reply) -> str:
    """What a notification shows of the card: its title or first line."""
    return cut(reply.fallback_text.split("\n", 1)[0], 200)
