"""`mentorbot try`: type as someone in a simulated workspace, with a clock you move yourself.

Everything goes through the same core, storage and dispatcher as production; only the
messenger (the terminal) and the clock (manual) differ.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import select

from bot.commands import handle_command
from bot.commands.summary_command import SUMMARY_FORM
from bot.forms.router import (
    ACTION_ROWS,
    AGENDA_FORM,
    MOVE_FORM,
    press_button,
    submit_agenda_form,
    submit_move_form,
    submit_pair_form,
    submit_summary_form,
    summary_owner_choices,
)
from bot.growth.goal_form import smart_fields, submit_goal_form
from bot.growth.goals import GOAL_FORM
from bot.growth.review_form import (
    CHOICE_FIELDS,
    REVIEW_FORM,
    review_choices,
    review_labels,
    submit_review_form,
)
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.i18n import Lang, fold, lang_from_locale, t
from bot.kernel.replies import FieldErrors, Form, Reply
from bot.pairs.answers import TERMS_FORM, submit_terms_form, trial_choices
from bot.people.acting import act
from bot.rhythm.form_fields import pair_form_choices
from bot.rhythm.wording import format_time, format_when, weekday_name
from bot.sessions.summaries import handle_direct_message
from handlers.terminal.console import Console, TerminalMessenger
from handlers.terminal.people import SimPerson
from scheduler.dispatcher import Dispatcher
from scheduler.virtual_time import advance
from storage.db import Database, make_engine, migrate
from storage.models import Notification
from storage.queries.people import upsert_person

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
# A prompted form field: name, label, choices (value, label), default.
PromptField = tuple[str, str, list[tuple[str, str]], str]


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
        console = Console(out=out, lang=lang, colour=colour)
        names = {p.handle: p.name for p in people}
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
            if not self.handle(line, inputs):
                break
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
        result = handle_command(
            self.core, platform=PLATFORM, actor_id=self.actor, text=self._references(rest)
        )
        self._answer(result, inputs)

    def direct_message(self, text: str) -> None:
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
        number = int(rest) if rest.isdigit() else -1
        offered = self.console.buttons.get((self.actor, number))
        if offered is None:
            self.console.problem("try.no_button", number=rest)
            return
        button = offered.button
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
        """Ask each field of `form` in turn, then submit it as the platform's form would."""
        lang = self._actor_lang()
        title = {
            AGENDA_FORM: "form.agenda.title",
            MOVE_FORM: "form.move.title",
            SUMMARY_FORM: "summary.form.title",
            TERMS_FORM: "form.terms.title",
            GOAL_FORM: "goals.form.title",
            REVIEW_FORM: "review.form.title",
        }.get(form.name, "form.pair.title")
        self.console.info("try.form", title=t(title, lang))
        if "label" in form.values:
            self.console.line(self.console.markup(form.values["label"]))
        fields = self._fields(form, lang)
        values: dict[str, str | None] = {}
        for name, label, choices, default in fields:
            answer = self._ask(inputs, label, choices, default)
            if answer is None:
                self.console.problem("try.form.ended")
                return
            values[name] = answer
        session_id = int(form.values.get("session", "0") or 0)
        submit = {
            AGENDA_FORM: lambda ctx: submit_agenda_form(ctx, session_id, values.get("text") or ""),
            MOVE_FORM: lambda ctx: submit_move_form(
                ctx, session_id, values.get("date") or "", values.get("time") or ""
            ),
            SUMMARY_FORM: lambda ctx: submit_summary_form(ctx, session_id, values),
            TERMS_FORM: lambda ctx: submit_terms_form(ctx, int(form.values["pair"]), values),
            GOAL_FORM: lambda ctx: submit_goal_form(ctx, int(form.values["pair"]), values),
            REVIEW_FORM: lambda ctx: submit_review_form(ctx, int(form.values["pair"]), values),
        }.get(form.name, lambda ctx: submit_pair_form(ctx, values))
        result = act(self.core, platform=PLATFORM, actor_id=self.actor, work=submit)
        if isinstance(result, FieldErrors):
            errors = "; ".join(f"{name}: {text}" for name, text in result.errors.items())
            self.console.problem("try.form.errors", errors=errors)
            return
        self._answer(result)

    def _fields(self, form: Form, lang: Lang) -> list[PromptField]:
        """(name, label, choices, default) for each field of a form."""
        if form.name == AGENDA_FORM:
            return [("text", t("form.agenda.label", lang), [], "")]
        if form.name == SUMMARY_FORM:
            owners = summary_owner_choices(lang)
            fields: list[PromptField] = [("decisions", t("summary.form.decisions", lang), [], "")]
            for n in range(1, ACTION_ROWS + 1):
                fields += [
                    (f"action_{n}", t("summary.form.action", lang, n=n), [], ""),
                    (f"owner_{n}", t("summary.form.owner", lang, n=n), owners, ""),
                    (f"due_{n}", t("summary.form.due", lang, n=n), [], ""),
                ]
            return [*fields, ("notes", t("summary.form.notes", lang), [], "")]
        if form.name == GOAL_FORM:
            return [(name, label, [], "") for name, label, _ in smart_fields(lang)]
        if form.name == REVIEW_FORM:
            choices, labels = review_choices(lang, form.values["format"]), review_labels(lang)
            fields = [(name, labels[name], choices[name], "") for name in CHOICE_FIELDS]
            return [*fields, ("comment", labels["comment"], [], "")]
        if form.name == MOVE_FORM:
            return [
                ("date", t("form.move.date", lang), [], form.values.get("date", "")),
                ("time", t("form.move.time", lang), [], form.values.get("time", "")),
            ]
        choices = pair_form_choices(lang)
        if form.name == TERMS_FORM:
            given = form.values
            return [
                *(
                    (name, t(f"form.pair.{name}", lang), choices.get(name, []), given[name])
                    for name in ("frequency", "weekday", "time", "duration", "format", "timezone")
                ),
                ("start", t("form.pair.start", lang), [], ""),
                ("trial", t("form.terms.trial", lang), trial_choices(lang), given["trial"]),
                ("end", t("form.terms.end", lang), [], given["end"]),
            ]
        zone = self.people[self.actor].timezone
        return [
            ("mentor", t("form.pair.mentor", lang), [], ""),
            ("mentee", t("form.pair.mentee", lang), [], ""),
            ("frequency", t("form.pair.frequency", lang), choices["frequency"], ""),
            ("weekday", t("form.pair.weekday", lang), choices["weekday"], ""),
            ("time", t("form.pair.time", lang), [], "18:00"),
            ("duration", t("form.pair.duration", lang), choices["duration"], "60"),
            ("format", t("form.pair.format", lang), choices["format"], "video"),
            ("timezone", t("form.pair.timezone", lang), [], zone),
            ("start", t("form.pair.start", lang), [], ""),
        ]

    def _ask(
        self, inputs: Inputs, label: str, choices: list[tuple[str, str]], default: str
    ) -> str | None:
        if choices:
            listed = "  ".join(f"{n}) {text}" for n, (_, text) in enumerate(choices, start=1))
            self.console.line(f"  {listed}")
        shown = f" [{default}]" if default else ""
        answer = inputs.read(f"  {label}{shown}: ")
        if answer is None:
            return None
        answer = answer.strip().lstrip("@") or default
        if choices and answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1][0]
        return answer

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
        local = self.clock.now().astimezone(ZoneInfo(zone))
        weekday = weekday_name(local.weekday(), self.console.lang)
        return f"{weekday} {format_time(local.time(), self.console.lang)}"
