"""The App Home tab: the core's Home as a Block Kit `home` view (pure, for views.publish)."""

from __future__ import annotations

from typing import Any

from bot.home.parts import Home, HomeArea, HomeRow
from bot.kernel.replies import Button
from handlers.slack.blocks import HEADER_MAX, SECTION_MAX, button_element, mrkdwn, plain

VIEW_BLOCKS = 100
ROW_BLOCKS = 2  # a row is a section, plus an actions block when it has several buttons
AREA_BLOCKS = 4  # heading, the area's buttons, "…and N more", divider
TOP_BLOCKS = 3  # title, intro, notice
HOME_PREFIX = "home:"


def home_action_id(button: Button) -> str:
    """Home buttons carry their value in the action_id: unique in the view, routed to the Home."""
    return f"{HOME_PREFIX}{button.action}:{button.value}"


def pressed(action_id: str) -> str:
    """The core's button action of a Home action_id (`home:goal.done:7` → `goal.done`)."""
    return action_id.removeprefix(HOME_PREFIX).rsplit(":", 1)[0]


def fair_shares(wanted: list[int], room: int) -> list[int]:
    """Split `room` rows between areas: small ones get all they want, large ones share the rest."""
    shares = [0] * len(wanted)
    hungry = [i for i, n in enumerate(wanted) if n]
    while hungry and room > 0:
        share = max(room // len(hungry), 1)
        for i in list(hungry):
            give = min(share, wanted[i] - shares[i], room)
            shares[i] += give
            room -= give
            if shares[i] == wanted[i]:
                hungry.remove(i)
    return shares


def _actions(buttons: tuple[Button, ...]) -> dict[str, Any]:
    return {
        "type": "actions",
        "elements": [button_element(b, home_action_id(b)) for b in buttons[:25]],
    }


def _row_blocks(row: HomeRow) -> list[dict[str, Any]]:
    section: dict[str, Any] = {"type": "section", "text": mrkdwn(row.text, SECTION_MAX)}
    if len(row.buttons) == 1:
        section["accessory"] = button_element(row.buttons[0], home_action_id(row.buttons[0]))
        return [section]
    return [section, _actions(row.buttons)] if row.buttons else [section]


def _area_blocks(area: HomeArea, shown: int, more: str) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [{"type": "header", "text": plain(area.heading, HEADER_MAX)}]
    if area.buttons:
        blocks.append(_actions(area.buttons))
    for row in area.rows[:shown]:
        blocks += _row_blocks(row)
    hidden = len(area.rows) - shown
    if hidden:
        blocks.append({"type": "context", "elements": [mrkdwn(more.format(hidden=hidden))]})
    elif not area.rows and area.empty:
        blocks.append({"type": "context", "elements": [mrkdwn(area.empty)]})
    blocks.append({"type": "divider"})
    return blocks


def home_view(home: Home) -> dict[str, Any]:
    """The `home` view: at most 100 blocks, the rows beyond that counted in "…and N more"."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": plain(home.title, HEADER_MAX)},
        {"type": "context", "elements": [mrkdwn(home.intro)]},
    ]
    if home.notice is not None:
        text = home.notice.fallback_text
        blocks.append(
            {
                "type": "section",
                "text": mrkdwn(f":warning: {text}" if home.notice.is_error else text),
            }
        )
    room = (VIEW_BLOCKS - TOP_BLOCKS - AREA_BLOCKS * len(home.areas)) // ROW_BLOCKS
    shares = fair_shares([len(area.rows) for area in home.areas], room)
    for area, shown in zip(home.areas, shares, strict=True):
        blocks += _area_blocks(area, shown, home.more)
    return {"type": "home", "callback_id": "home", "blocks": blocks}
