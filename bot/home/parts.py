"""The pieces of a person's Home, before a platform renders it (a Slack Home tab, a Teams tab)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.kernel.replies import Button, Reply


@dataclass(frozen=True)
class HomeRow:
    """One line of an area, with the buttons that act on it."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class HomeArea:
    """A titled part of the Home: its rows, what it says when empty, its own buttons."""

    heading: str
    rows: tuple[HomeRow, ...]
    empty: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Home:
    """Everything one person sees on their Home; `notice` is what their last button did."""

    title: str
    intro: str
    areas: tuple[HomeArea, ...]
    more: str  # "…and {count} more", for the rows a platform has no room for
    notice: Reply | None = None
