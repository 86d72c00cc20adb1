"""What the bot says, printed as a person would read it: whose DM or which channel, and each
person's buttons numbered in their own series, so that `press N` clicks one of theirs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from bot.kernel.i18n import Lang, t
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
CYAN, YELLOW, RED = "\033[36m", "\033[33m", "\033[31m"
REFERENCE = re.compile(r"<([@#])([^<>|\s]+)>")
STRONG = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")


@dataclass(frozen=True)
class OfferedButton:
    number: int
    owner: str  # handle of the person whose DM shows it
    button: Button


@dataclass
class Console:
    """Prints messages and remembers the buttons it showed."""

    out: TextIO
    lang: Lang
    colour: bool = False
    buttons: dict[tuple[str, int], OfferedButton] = field(default_factory=dict)
    _numbers: dict[str, itertools.count] = field(default_factory=dict)

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.colour else text

    def markup(self, text: str) -> str:
        """The core's markup for a terminal: mentions as @handle, *bold* in bold."""
        text = REFERENCE.sub(lambda m: m.group(1) + m.group(2), text)
        return STRONG.sub(lambda m: self.paint(m.group(1), BOLD), text)

    def line(self, text: str, code: str | None = None) -> None:
        print(self.paint(text, code) if code else text, file=self.out, flush=True)

    def info(self, key: str, **params: object) -> None:
        self.line(t(key, self.lang, **params), DIM)

    def problem(self, key: str, **params: object) -> None:
        self.line(t(key, self.lang, **params), YELLOW)

    def show(self, heading: str, reply: Reply, *, owner: str | None) -> None:
        """One message under a heading line; its buttons numbered in the owner's own series."""
        self.line(f"┌─ {heading}", RED if reply.is_error else CYAN)
        body: list[str] = []
        if reply.title:
            body.append(self.paint(reply.title, BOLD))
        for section in reply.sections:
            if section.heading:
                body.append(self.paint(section.heading, BOLD))
            body.extend(self.markup(section.text).splitlines())
        if reply.buttons and owner is not None:
            offered = []
            numbers = self._numbers.setdefault(owner, itertools.count(1))
            for button in reply.buttons:
                number = next(numbers)
                self.buttons[(owner, number)] = OfferedButton(number, owner, button)
                offered.append(f"[{number}] {button.label}")
            body.append(self.paint("   ".join(offered), YELLOW))
        if reply.note:
            body.append(self.paint(self.markup(reply.note), DIM))
        if reply.file is not None:
            size = f"{len(reply.file.content) / 1024:.1f}"
            body.append(
                self.paint(t("terminal.file", self.lang, name=reply.file.name, size=size), DIM)
            )
        for text in body:
            self.line(f"│ {text}")
        self.line("└─", RED if reply.is_error else CYAN)


class TerminalMessenger:
    """The Messenger port for the terminal: prints, and names the message it printed."""

    platform = "terminal"

    def __init__(
        self, console: Console, names: dict[str, str], clock_now: Callable[[], datetime]
    ) -> None:
        self.console = console
        self.names = names
        self.clock_now = clock_now
        self._refs = itertools.count(1)

    async def send(self, target: Target, message: Reply) -> str:
        at = f"{self.clock_now():%Y-%m-%d %H:%M} UTC"
        if target.kind == "dm":
            name = self.names.get(target.address, target.address)
            where = t("try.dm_to", self.console.lang, name=f"{name} (@{target.address})")
            self.console.show(f"{where} · {at}", message, owner=target.address)
        else:
            where = t("try.channel", self.console.lang, channel=target.address)
            self.console.show(f"{where} · {at}", message, owner=None)
        return f"terminal-{next(self._refs)}"
