"""What the bot says, printed as a person would read it: whose DM or which channel, mentions as
names, and each message's buttons numbered from 1, so that `press N` clicks button N of the
latest message that showed the reader buttons."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from bot.kernel.i18n import Lang, format_number, t
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, unescape_markup

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
CYAN, YELLOW, RED = "\033[36m", "\033[33m", "\033[31m"
REFERENCE = re.compile(r"<([@#])([^<>|\s]+)>")
CODE = re.compile(r"(`[^`]*`)")
STRONG = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")


@dataclass
class Console:
    """Prints messages and remembers, for each reader, the buttons of the latest message that
    showed them some."""

    out: TextIO
    lang: Lang
    colour: bool = False
    names: dict[str, str] = field(default_factory=dict)  # handle → name, for mentions
    buttons: dict[str, list[Button]] = field(default_factory=dict)  # by owner's handle

    def button(self, owner: str, number: int) -> Button | None:
        """Button [number] of the latest message that showed `owner` buttons."""
        offered = self.buttons.get(owner, [])
        return offered[number - 1] if 1 <= number <= len(offered) else None

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.colour else text

    def markup(self, text: str) -> str:
        """The core's markup for a terminal: a mention as the person's name (as Slack shows
        it), a channel as #name, *bold* in bold."""
        spans = CODE.split(text)  # odd spans are code: a mention there stays typeable, @handle
        text = "".join(
            REFERENCE.sub(lambda m: m[1] + m[2], span)
            if odd
            else REFERENCE.sub(
                lambda m: "@" + self.names.get(m[2], m[2]) if m[1] == "@" else "#" + m[2], span
            )
            for odd, span in zip(itertools.cycle((False, True)), spans, strict=False)
        )
        return unescape_markup(STRONG.sub(lambda m: self.paint(m.group(1), BOLD), text))

    def line(self, text: str, code: str | None = None) -> None:
        print(self.paint(text, code) if code else text, file=self.out, flush=True)

    def info(self, key: str, **params: object) -> None:
        self.line(t(key, self.lang, **params), DIM)

    def problem(self, key: str, **params: object) -> None:
        self.line(t(key, self.lang, **params), YELLOW)

    def show(self, heading: str, reply: Reply, *, owner: str | None) -> None:
        """One message under a heading line; its buttons numbered from 1 for the owner."""
        self.line(f"┌─ {heading}", RED if reply.is_error else CYAN)
        body: list[str] = []
        if reply.title:
            body.append(self.paint(self.markup(reply.title), BOLD))
        for section in reply.sections:
            if section.heading:
                body.append(self.paint(self.markup(section.heading), BOLD))
            body.extend(self.markup(section.text).splitlines())
        if reply.buttons and owner is not None:
            self.buttons[owner] = list(reply.buttons)
            offered = (f"[{n}] {button.label}" for n, button in enumerate(reply.buttons, 1))
            body.append(self.paint("   ".join(offered), YELLOW))
        if reply.note:
            body.append(self.paint(self.markup(reply.note), DIM))
        if reply.file is not None:
            size = format_number(len(reply.file.content) / 1024, self.lang, decimals=1)
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

    def reserve(self, targets: Sequence[Target]) -> None:
        """Nothing is paced here."""

    async def settle(self) -> None:
        """Nothing of a send is left to write once it returns."""

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
