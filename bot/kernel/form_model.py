"""The form model: each form declared once (its fields, their kinds, labels and limits) and each
submission read once, whatever platform drew it (Slack modal, Teams card, terminal prompts).

A submission is a neutral mapping of input id → raw value; `read_form` turns it into typed values
or per-field errors (catalog phrases). Renderers draw `inputs(...)`: one entry per input, with its
label, options and value already in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import Generic, TypeVar

from bot.kernel.i18n import Lang, Number, t
from bot.kernel.replies import FieldErrors, Reply

INVALID = "form.invalid"
REQUIRED = "form.required"
T = TypeVar("T")
Ctx = TypeVar("Ctx")  # what a form's actions run with (the core's actor context)


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    TIME = "time"
    CHOICE = "choice"
    PERSON = "person"  # a platform user id
    NUMBER = "number"  # a whole number


INVALIDS = {
    Kind.DATE: "form.invalid.date",
    Kind.TIME: "form.invalid.time",
    Kind.NUMBER: "form.invalid.number",
}


@dataclass(frozen=True)
class Phrase:
    """A catalog key and its parameters; a parameter may itself be a phrase."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        params = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in self.params.items()}
        return t(self.key, lang, **params)


@dataclass(frozen=True)
class Choice:
    value: str
    label: Phrase


@dataclass(frozen=True)
class Field:
    """One input. `label`, `hint`, `placeholder` and the error keys are catalog keys; the label of
    a repeated field takes the row number `{n}`."""

    id: str
    kind: Kind
    label: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    default: str = ""
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    hint: str | None = None
    placeholder: str | None = None
    expanded: bool = False  # every choice shown at once (radio buttons) rather than a menu
    squeeze: bool = False  # runs of spaces and line breaks read as one space
    missing: str = REQUIRED  # the error when required and empty
    too_long: str = "form.too_long"  # over `max_length`: plural by {count}, with {length}
    # The choices offered, from the form's state (all of `choices` are still accepted).
    offered: Callable[[Mapping[str, str]], tuple[Choice, ...]] | None = None

    def __post_init__(self) -> None:
        if self.kind is Kind.NUMBER and (self.minimum is None or self.maximum is None):
            raise ValueError(f"number field {self.id} needs a minimum and a maximum")

    def read(self, raw: object) -> object | Phrase:
        """The typed value of one raw answer (None when empty), or the error to show."""
        text = raw.strip() if isinstance(raw, str) else ""
        if self.squeeze:
            text = " ".join(text.split())
        if not text:
            return Phrase(self.missing) if self.required else None
        if self.max_length is not None and len(text) > self.max_length:
            return Phrase(self.too_long, {"count": self.max_length, "length": Number(len(text))})
        bounds = {"minimum": self.minimum, "maximum": self.maximum}
        numbers = {k: Number(v) for k, v in bounds.items() if v is not None}
        invalid = Phrase(INVALIDS.get(self.kind, INVALID), numbers)
        try:
            value = _PARSERS[self.kind](text)
        except ValueError:
            return invalid
        if self.kind is Kind.CHOICE and text not in {c.value for c in self.choices}:
            return invalid
        if isinstance(value, int) and not (
            (self.minimum is None or value >= self.minimum)
            and (self.maximum is None or value <= self.maximum)
        ):
            return invalid
        return value

    def options(self, state: Mapping[str, str]) -> tuple[Choice, ...]:
        return self.offered(state) if self.offered else self.choices


def _local_time(text: str) -> time:
    value = time.fromisoformat(text)
    if value.tzinfo is not None:
        raise ValueError(text)
    return value


def _whole_number(text: str) -> int:
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 18):
        raise ValueError(text)
    return int(text)


_PARSERS: dict[Kind, Callable[[str], object]] = {
    Kind.TEXT: str,
    Kind.LONG_TEXT: str,
    Kind.CHOICE: str,
    Kind.PERSON: str,
    Kind.DATE: date.fromisoformat,
    Kind.TIME: _local_time,
    Kind.NUMBER: _whole_number,
}


@dataclass(frozen=True)
class Group:
    """Fields repeated `count` times, as rows: input ids `action_1`, `owner_1`… A row counts when
    its first field is filled; the others of an empty row are ignored."""

    id: str
    fields: tuple[Field, ...]
    count: int


@dataclass(frozen=True)
class Values:
    """A submission's typed values, by field id (a group's by group id: one Values per row)."""

    by_id: Mapping[str, object]
    row: int | None = None  # the row number, for a group's row

    def _get(self, field_id: str, kind: type[T]) -> T | None:
        value = self.by_id.get(field_id)
        assert value is None or isinstance(value, kind), (field_id, value)
        return value

    def text(self, field_id: str) -> str:
        return self._get(field_id, str) or ""

    def date(self, field_id: str) -> date | None:
        return self._get(field_id, date)

    def time(self, field_id: str) -> time | None:
        return self._get(field_id, time)

    def number(self, field_id: str) -> int | None:
        return self._get(field_id, int)

    def rows(self, group_id: str) -> list[Values]:
        return self._get(group_id, list) or []


@dataclass(frozen=True)
class FormSpec(Generic[Ctx]):
    """A form: its name (the platforms' callback id), title key, fields, and what submitting does.

    `about` names the state key ("session", "pair") of the row the form is about; the platforms
    keep it with the form and `submit` receives it, checked to be a row id. `check` finds what
    the fields alone cannot (a date already past) in the fields that were read, so that every
    problem is shown at once.
    """

    name: str
    title: str
    fields: tuple[Field | Group, ...]
    submit: Callable[[Ctx, Values, int | None], Reply | FieldErrors]
    about: str | None = None
    check: Callable[[Ctx, Values, int | None], dict[str, Phrase]] | None = None

    def flat(self) -> list[tuple[str, Field, int | None]]:
        """(input id, field, row number) of every input, in order."""
        found: list[tuple[str, Field, int | None]] = []
        for item in self.fields:
            if isinstance(item, Field):
                found.append((item.id, item, None))
                continue
            for n in range(1, item.count + 1):
                found += [(f"{f.id}_{n}", f, n) for f in item.fields]
        return found


def read_form(spec: FormSpec[Ctx], raw: Mapping[str, object]) -> tuple[Values, dict[str, Phrase]]:
    """The typed values of a submission's good inputs, and the error of every other one."""
    values: dict[str, object] = {}
    errors: dict[str, Phrase] = {}

    def read(input_id: str, one: Field, into: dict[str, object]) -> None:
        value = one.read(raw.get(input_id))
        if isinstance(value, Phrase):
            errors[input_id] = value
        else:
            into[one.id] = value

    for item in spec.fields:
        if isinstance(item, Field):
            read(item.id, item, values)
            continue
        rows: list[Values] = []
        for n in range(1, item.count + 1):
            first = item.fields[0]
            if first.read(raw.get(f"{first.id}_{n}")) is None:
                continue
            row: dict[str, object] = {}
            for one in item.fields:
                read(f"{one.id}_{n}", one, row)
            rows.append(Values(row, n))
        values[item.id] = rows
    return Values(values), errors


@dataclass(frozen=True)
class Input:
    """One input as a renderer draws it, in the reader's language."""

    id: str
    field: Field
    label: str
    options: list[tuple[str, str]]  # (value, label)
    value: str  # prefilled: the form's state, else the field's default ("" for none)
    hint: str | None
    placeholder: str | None
    row: int | None  # the row number of a repeated field

    @property
    def kind(self) -> Kind:
        return self.field.kind

    @property
    def required(self) -> bool:
        """Whether the platform may insist (an input of a repeated row never is on its own)."""
        return self.field.required and self.row is None

    def shown(self, value: str) -> str:
        """A value as the reader knows it: a choice's label, else the value itself."""
        return next((label for v, label in self.options if v == value), value)


def inputs(spec: FormSpec[Ctx], state: Mapping[str, str], lang: Lang) -> list[Input]:
    """Every input of `spec`, labelled in `lang` and prefilled from the form's `state`."""
    found = []
    for input_id, one, n in spec.flat():
        options = [(c.value, c.label.text(lang)) for c in one.options(state)]
        value = state.get(input_id) or one.default
        if one.kind is Kind.CHOICE and value not in {v for v, _ in options}:
            value = ""  # a prefill that is not among the options is no prefill
        found.append(
            Input(
                id=input_id,
                field=one,
                label=t(one.label, lang, n=n) if n else t(one.label, lang),
                options=options,
                value=value,
                hint=t(one.hint, lang) if one.hint else None,
                placeholder=t(one.placeholder, lang) if one.placeholder else None,
                row=n,
            )
        )
    return found
