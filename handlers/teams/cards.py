"""Adaptive Card rendering of neutral replies: pure functions, within Teams' message limits."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    Action,
    ActionStyle,
    AdaptiveCard,
    CardElement,
    ExecuteAction,
    Mention,
    MentionedEntity,
    TeamsCardProperties,
    TextBlock,
    TextColor,
)

from bot.kernel.replies import Reply, unescape_markup

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
EXECUTE_VERB = "button"  # Action.Execute verb of a reply's buttons; `data.action` says which
TEXT_BUDGET = 20_000  # Teams refuses activities over about 28 KB; leave room for the JSON
TITLE_MAX = 200
IMAGE_BUDGET = 14_000  # a chart's data URI, taken from the text's budget; a larger one is left out
ACTIONS_MAX = 6  # Teams shows no more than six actions on a card
SHORTENED = "…"
STYLES: dict[str, ActionStyle] = {"primary": "positive", "danger": "destructive"}

BOLD = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")
USER = re.compile(r"<@([^<>|\s]+)>")
CHANNEL = re.compile(r"<#([^<>|\s]+)>")


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - len(SHORTENED)] + SHORTENED


class Markup:
    """Turns the core's markup into Teams markdown; collects the mention entities it needs."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names
        self.mentions: dict[str, Mention] = {}

    def _mention(self, match: re.Match[str]) -> str:
        user_id = match.group(1)
        name = self.names.get(user_id, user_id)
        shown = f"<at>{name}</at>"
        self.mentions[user_id] = Mention(
            text=shown, mentioned=MentionedEntity(id=user_id, name=name)
        )
        return shown

    def __call__(self, text: str) -> str:
        text = USER.sub(self._mention, text)
        text = CHANNEL.sub(lambda m: f"**{self.names.get(m.group(1), m.group(1))}**", text)
        text = BOLD.sub(r"**\1**", text)
        text = unescape_markup(text)
        # Teams runs lines together inside a TextBlock unless they are paragraphs.
        return text.replace("\n", "\n\n")

    def card(
        self,
        body: Sequence[CardElement | dict[str, Any]],
        actions: Sequence[Action | dict[str, Any]],
    ) -> dict[str, Any]:
        """The card as JSON, full width, with the mentions its text holds (elements may also
        come as plain dicts: the form cards' inputs)."""
        msteams = TeamsCardProperties(width="full", entities=list(self.mentions.values()) or None)
        card = AdaptiveCard.model_validate(
            {"body": list(body), "actions": list(actions) or None, "msteams": msteams}
        )
        return card.model_dump(exclude_none=True)


def text_block(text: str, **style: Any) -> dict[str, Any]:
    """A TextBlock as a dict, as the form cards build their elements."""
    return {"type": "TextBlock", "text": text or " ", "wrap": True, **style}


def button(label: str, action: str, value: str, style: str | None = None) -> ExecuteAction:
    return ExecuteAction(
        title=cut(label, 75),
        verb=EXECUTE_VERB,
        data={"action": action, "value": value},
        style=STYLES.get(style or ""),
    )


def chart_image(reply: Reply, png: bytes | None) -> dict[str, Any] | None:
    """The reply's chart as an Image of the card (a data URI, with the chart's words as its
    altText), when it is drawn and small enough for Teams' message size; else None."""
    if reply.chart is None or png is None:
        return None
    url = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    if len(url) > IMAGE_BUDGET:
        return None
    return {"type": "Image", "url": url, "altText": reply.chart.alt}


def reply_card(
    reply: Reply, names: Mapping[str, str], chart_png: bytes | None = None
) -> dict[str, Any]:
    """Title, sections, a subtle note and buttons; long text is cut, never rejected. The
    reply's chart (drawn as `chart_png`) comes after the text when the card has room; its text
    stays, for screen readers."""
    markup = Markup(names)
    body: list[CardElement | dict[str, Any]] = []
    if reply.title:
        title = cut(reply.title, TITLE_MAX)
        color: TextColor | None = "Attention" if reply.is_error else None
        body.append(TextBlock(text=title, wrap=True, size="Medium", weight="Bolder", color=color))
    image = chart_image(reply, chart_png)
    budget = TEXT_BUDGET - (len(image["url"]) if image else 0)
    for index, section in enumerate(reply.sections):
        if budget <= len(SHORTENED):
            break
        text = cut(section.text, budget)
        budget -= len(text)
        if section.heading:
            heading = markup(section.heading)
            body.append(TextBlock(text=heading, wrap=True, weight="Bolder", spacing="Medium"))
        if reply.is_error and index == 0:
            body.append(TextBlock(text=markup("⚠️ " + text), wrap=True, color="Attention"))
        else:
            body.append(TextBlock(text=markup(text) or " ", wrap=True))
    if reply.note:
        note = markup(cut(reply.note, 2000))
        body.append(TextBlock(text=note or " ", wrap=True, is_subtle=True, size="Small"))
    if image is not None:
        body.append(image)
    actions = [button(b.label, b.action, b.value, b.style) for b in reply.buttons[:ACTIONS_MAX]]
    return markup.card(body, actions)


def summary_line(reply: Reply) -> str:
    """What a notification shows of the card: its title or first line."""
    return cut(reply.fallback_text.split("\n", 1)[0], 200)
