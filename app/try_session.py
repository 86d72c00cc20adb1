"""`mentorbot try`: type as someone in a simulated workspace, with a clock you move yourself.

Everything goes through the same core, storage and dispatcher as production; only the
messenger (the terminal) and the clock (manual) differ.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import select

from bot.commands import handle_command
from bot.forms import FORMS
from bot.forms.router import press_button, submit_form
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.form_model import Input, Kind, Phrase
from bot.kernel.form_model import inputs as form_inputs
from bot.kernel.i18n import Lang, fold, lang_from_locale, t
from bot.kernel.replies import FieldErrors, Form, Reply
from bot.people.acting import act
from bot.people.profiles import record_profile, stale_profiles
from bot.rhythm.wording import format_weekday_time, format_when
from bot.sessions.summaries import handle_direct_message
from handlers.terminal.console import DIM, YELLOW, Console, TerminalMessenger
from handlers.terminal.people import SimPerson
from scheduler.dispatcher import Dispatcher
from scheduler.virtual_time import advance
from storage.db import Database, make_engine, migrate
from storage.models import Notification
from storage.queries.people import upsert_person

log = logging.getLogger(__name__)

PLATFORM = "terminal"
DURATION = re.compile(r"(\d+)\s*(w|d|j|h|m)")
UNITS = {"w": "weeks", "d": "days", "j": "days", "h": "hours", "m": "minutes"}
WORDS = {
    "as": "as", "comme": "as",
    "help": "help", "aide": "help", "?": "help",
    "clock": "clock", "horloge": "clock",
    "advance": "advance", "avancer": "advance",
    "at": "at", "a": "at",
    "press": "press", "appuyer": "press",
    "people": "people", "personnes": "people",
    "quit": "quit", "exit": "quit", "quitter": "quit",
}  # fmt: skip
MENTION = re.compile(r"<@([\w-]+)>")
CANCEL = {"cancel", "annuler"}  # leaves a form being filled


class Inputs:
    """Lines typed at a prompt, or read from a script (and then echoed after the prompt)."""

    def __init__(self, console: Console, script: Iterator[str] | None = None) -> None:
        self.console = console
        self.script = script

    def read(self, prompt: str) -> str | None:
        if self.script is None:
            try:
                return input(prompt)
            except EOFError:
                return None
        line = next(self.script, None)
        if line is not None:
            self.console.line(f"{prompt}{line.rstrip()}")
        return None if line is None else line.rstrip("\n")


@dataclass
class TrySession:
    """One simulated workspace: its people, database, clock, and what the bot prints."""

    people: dict[str, SimPerson]
    core: Core
    clock: ManualClock
    console: Console
    dispatcher: Dispatcher
    actor: str

    @classmethod
    def open(
        cls,
        *,
        people: tuple[SimPerson, ...],
        database_url: str,
        start: datetime,
        out: TextIO,
        lang: Lang,
        colour: bool,
    ) -> TrySession:
        engine = make_engine(database_url)
        migrate(engine)
        db = Database(engine)
        with db.session() as session:
            latest = session.exec(select(func.max(Notification.created_at))).first()
        clock = ManualClock(max(start, latest) if latest else start)
        admins = frozenset(p.handle for p in people if p.admin)
        core = Core(db=db, clock=clock, admins=admins)
        names = {p.handle: p.name for p in people}
        console = Console(out=out, lang=lang, colour=colour, names=names)
        messenger = TerminalMessenger(console, names, clock.now)
        with db.session() as session:
            for person in people:
                upsert_person(
                    session=session,
                    platform=PLATFORM,
                    external_id=person.handle,
                    name=person.name,
                    timezone=person.timezone,
                    locale=person.locale,
                    now=clock.now(),
                )
        return cls(
            people={p.handle: p for p in people},
            core=core,
            clock=clock,
            console=console,
            dispatcher=Dispatcher(core, {PLATFORM: messenger}),
            actor=people[0].handle,
        )

    def __post_init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._events = itertools.count(1)
        self.core.owed_now = lambda: None  # the session runs the dispatcher after each input

    # The session loop.
    def run(self, inputs: Inputs) -> None:
        """Read and act on lines until `quit` or the end of the input."""
        self.console.info(
            "try.welcome", people=self._handles(), actor=self.actor, now=self._now_text()
        )
        self.dispatch()
        while (line := inputs.read(f"{self.actor}> ")) is not None:
            try:
                if not self.handle(line, inputs):
                    break
            except Exception:  # a bug: said in one line, and the session goes on
                log.exception("line %r failed", line)
                self.console.problem("try.failed")
        self.console.info("try.bye")
        self.loop.close()

    def handle(self, line: str, inputs: Inputs) -> bool:
        """Act on one line; False when the session should end."""
        text = line.strip()
        if not text or text.startswith("#"):
            return True
        word, _, rest = text.partition(" ")
        if fold(word) == "/mentor":
            self.command(rest, inputs)
            return True
        action = WORDS.get(fold(word))
        if action == "quit":
            return False
        handlers: dict[str, Callable[[str, Inputs], None]] = {
            "as": self.become,
            "help": lambda _rest, _inputs: self.console.info("try.help", people=self._handles()),
            "clock": lambda _rest, _inputs: self.show_clock(),
            "people": lambda _rest, _inputs: self.show_people(),
            "advance": self.advance_by,
            "at": self.advance_to,
            "press": self.press,
        }
        if action is not None and (action != "at" or re.match(r"\d{4}-", rest.strip())):
            handlers[action](rest.strip(), inputs)
        else:
            self.direct_message(text)
        return True

    # What people do.
    def command(self, rest: str, inputs: Inputs) -> None:
        text = self._references(rest)
        self._refresh_profiles([self.actor, *MENTION.findall(text)])
        result = handle_command(self.core, platform=PLATFORM, actor_id=self.actor, text=text)
        self._answer(result, inputs)

    def direct_message(self, text: str) -> None:
        self._refresh_profiles([self.actor])
        number = next(self._events)
        handle_direct_message(
            self.core,
            platform=PLATFORM,
            event_id=f"dm-{number}",
            author_id=self.actor,
            text=self._references(text),
            message_ref=f"{self.actor}/{number}",
        )
        self.dispatch()

    def press(self, rest: str, inputs: Inputs) -> None:
        button = self.console.button(self.actor, int(rest) if rest.isdigit() else 0)
        if button is None:
            self.console.problem("try.no_button", number=rest)
            return
        self._refresh_profiles([self.actor])
        result = act(
            self.core,
            platform=PLATFORM,
            actor_id=self.actor,
            work=lambda ctx: press_button(ctx, button.action, button.value),
        )
        self._answer(result, inputs)

    def become(self, rest: str, _inputs: Inputs) -> None:
        handle = rest.strip().lstrip("@").lower()
        if handle not in self.people:
            self.console.problem("try.unknown_person", name=rest, people=self._handles())
            return
        self.actor = handle
        self.console.info("try.now_acting", actor=handle)

    # Forms, as prompted fields.
    def _answer(self, result: Reply | Form, inputs: Inputs | None = None) -> None:
        if isinstance(result, Form):
            self.fill(result, inputs or Inputs(self.console, iter(())))
        else:
            name = self.people[self.actor].name
            heading = t("try.only_you", self.console.lang, name=name)
            self.console.show(heading, result, owner=self.actor)
        self.dispatch()

    def fill(self, form: Form, inputs: Inputs) -> None:
        """Ask each input of `form` in turn, again until its answer reads, then submit it as the
        platform's form would; `cancel` leaves it. A repeated row left empty at its first input
        is skipped. The form speaks its reader's language, as a platform's would."""
        lang = self._actor_lang()
        spec = FORMS[form.name]
        asked = list(form_inputs(spec, form.values, lang))
        # Only a form with values already filled in says that an empty answer keeps them.
        intro = "try.form" if any(shown.value for shown in asked) else "try.form.empty"
        self.console.line(t(intro, lang, title=t(spec.title, lang)), DIM)
        if "label" in form.values:
            self.console.line(self.console.markup(form.values["label"]))
        values: dict[str, str | None] = {}
        row, skipped = None, None
        for shown in asked:
            first_of_row, row = shown.row is not None and shown.row != row, shown.row
            if row is not None and row == skipped:
                continue
            answer = self._ask(inputs, shown, lang)
            if answer is None:
                self.console.line(t("try.form.ended", lang), YELLOW)
                return
            values[shown.id] = answer
            if first_of_row and not answer:
                skipped = row
        result = act(
            self.core,
            platform=PLATFORM,
            actor_id=self.actor,
            work=lambda ctx: submit_form(ctx, form.name, values, form.values),
        )
        if isinstance(result, FieldErrors):
            errors = "; ".join(f"{name}: {text}" for name, text in result.errors.items())
            self.console.line(t("try.form.errors", lang, errors=errors), YELLOW)
            return
        self._answer(result)

    def _ask(self, inputs: Inputs, shown: Input, lang: Lang) -> str | None:
        """One input's answer (a choice by its number or label), asked until it reads; None
        when the form is cancelled or the input ends."""
        if shown.options:
            listed = "  ".join(f"{n}) {text}" for n, (_, text) in enumerate(shown.options, 1))
            self.console.line(f"  {listed}")
        default = f" [{shown.shown(shown.value)}]" if shown.value else ""
        asked = f"{shown.label}{default}"
        prompt = f"  {asked} " if asked.endswith("?") else t("try.form.prompt", lang, label=asked)
        while (answer := inputs.read(prompt)) is not None:
            if fold(answer.strip()) in CANCEL:
                return None
            answer = answer.strip().lstrip("@") or shown.value
            if shown.options and answer.isdigit() and 1 <= int(answer) <= len(shown.options):
                answer = shown.options[int(answer) - 1][0]
            named = [v for v, label in shown.options if fold(label) == fold(answer)]
            answer = named[0] if named else answer
            problem = shown.field.read(answer)
            if shown.kind is Kind.PERSON and answer and answer.lower() not in self.people:
                self.console.line(
                    t("try.unknown_person", lang, name=answer, people=self._handles()), YELLOW
                )
            elif isinstance(problem, Phrase):
                self.console.line(t("try.form.again", lang, problem=problem.text(lang)), YELLOW)
            else:
                return answer.lower() if shown.kind is Kind.PERSON else answer
        return None

    # Time.
    def dispatch(self) -> None:
        """The dispatcher's run at the current minute (production runs it every minute)."""
        self.loop.run_until_complete(self.dispatcher.run_once())

    def advance_by(self, rest: str, _inputs: Inputs) -> None:
        parts = DURATION.findall(fold(rest))
        if not parts or DURATION.sub("", fold(rest)).strip():
            self.console.problem("try.bad_duration")
            return
        delta = sum(
            (timedelta(**{UNITS[unit]: int(amount)}) for amount, unit in parts), timedelta()
        )
        self._move(self.clock.now() + delta)

    def advance_to(self, rest: str, _inputs: Inputs) -> None:
        try:
            target = datetime.fromisoformat(rest.strip()).replace(tzinfo=UTC)
        except ValueError:
            target = None
        if target is None or target <= self.clock.now():
            self.console.problem("try.bad_moment")
            return
        self._move(target)

    def _move(self, target: datetime) -> None:
        self.loop.run_until_complete(advance(self.dispatcher, self.clock, target))
        self.show_clock()

    def show_clock(self) -> None:
        locals_ = ", ".join(
            t("try.clock.local", self.console.lang, time=self._local(p.timezone), name=p.handle)
            for p in self.people.values()
        )
        self.console.info("try.clock", now=self._now_text(), locals=locals_)

    def show_people(self) -> None:
        for p in self.people.values():
            admin = " (admin)" if p.admin else ""
            self.console.line(f"@{p.handle} — {p.name}, {p.timezone}, {p.locale}{admin}")

    # Helpers.
    def _refresh_profiles(self, handles: list[str]) -> None:
        """Store the profiles of `handles` that are missing or stale, from the simulated
        directory, as the Slack handler does from `users.info` (after `forget-me`, someone who
        writes again starts afresh)."""
        known = [handle for handle in handles if handle in self.people]
        for handle in stale_profiles(self.core, platform=PLATFORM, external_ids=known):
            person = self.people[handle]
            record_profile(
                self.core,
                platform=PLATFORM,
                external_id=handle,
                name=person.name,
                timezone=person.timezone,
                locale=person.locale,
            )

    def _references(self, text: str) -> str:
        """`@claire` → the core's `<@claire>`; `#leads` → `<#leads>`."""
        text = re.sub(
            r"(?<![<\w])@([\w-]+)",
            lambda m: f"<@{m.group(1).lower()}>" if m.group(1).lower() in self.people else m[0],
            text,
        )
        return re.sub(r"(?<![<\w&])#([\w-]+)", r"<#\1>", text)

    def _handles(self) -> str:
        return ", ".join(f"@{handle}" for handle in self.people)

    def _actor_lang(self) -> Lang:
        return lang_from_locale(self.people[self.actor].locale)

    def _now_text(self) -> str:
        return format_when(self.clock.now(), "UTC", self.console.lang)

    def _local(self, zone: str) -> str:
        return format_weekday_time(self.clock.now().astimezone(ZoneInfo(zone)), self.console.lang)
