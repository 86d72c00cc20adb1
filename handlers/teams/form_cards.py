"""Adaptive Cards drawn from the core's form model; their Action.Execute brings the inputs back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from microsoft_teams.cards import (
    Choice,
    ChoiceSetInput,
    DateInput,
    ExecuteAction,
    NumberInput,
    TextInput,
    TimeInput,
)
from microsoft_teams.cards.core import CardElement, SerializableObject

from bot.forms import FORMS
from bot.kernel.form_model import Input, Kind, inputs
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Form
from handlers.teams.cards import Markup, text_block

ChoiceStyle = Literal["compact", "expanded", "filtered"]
FORM_VERB = "form"  # Action.Execute verb of a form's submit button; `data.form` says which


def _element(shown: Input, value: str, people: list[tuple[str, str]], lang: Lang) -> CardElement:
    """The typed input of one field; `value` is what it shows filled in."""
    id_, label, filled = shown.id, shown.label, value or None
    required = shown.required or None
    error = t("form.required", lang) if required else None
    placeholder = shown.placeholder or shown.hint
    if shown.kind in (Kind.CHOICE, Kind.PERSON):
        person = shown.kind is Kind.PERSON
        style: ChoiceStyle = "expanded" if shown.field.expanded else "compact"
        return ChoiceSetInput(
            id=id_,
            label=label,
            value=filled,
            is_required=required,
            error_message=error,
            choices=[
                Choice(title=text, value=v) for v, text in (people if person else shown.options)
            ],
            style="filtered" if person else style,
        )
    if shown.kind is Kind.DATE:
        return DateInput(
            id=id_,
            label=label,
            value=filled,
            is_required=required,
            error_message=error,
            placeholder=placeholder,
        )
    if shown.kind is Kind.TIME:
        return TimeInput(
            id=id_,
            label=label,
            value=filled,
            is_required=required,
            error_message=error,
            placeholder=placeholder,
        )
    if shown.kind is Kind.NUMBER:
        return NumberInput(
            id=id_,
            label=label,
            value=int(filled) if filled and filled.lstrip("-").isdigit() else None,
            is_required=required,
            error_message=error,
            placeholder=placeholder,
            min=shown.field.minimum,
            max=shown.field.maximum,
        )
    return TextInput(
        id=id_,
        label=label,
        value=filled,
        is_required=required,
        error_message=error,
        placeholder=placeholder,
        max_length=shown.field.max_length,
        is_multiline=shown.kind is Kind.LONG_TEXT or None,
    )


def _plain(element: SerializableObject) -> dict[str, Any]:
    """The element as card JSON (whole numbers stay whole)."""
    data = element.model_dump(exclude_none=True, by_alias=True)
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in data.items()}


def form_card(
    form: Form,
    lang: Lang,
    *,
    names: Mapping[str, str],
    people: list[tuple[str, str]] | None = None,
    values: Mapping[str, str | None] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The card of a form the core asked for: its inputs in order, each followed by its error
    when the last submission had one. `people` are the choices of person fields; `state` (the
    form's own values: session, label…) comes back with the inputs."""
    spec, submitted, errors = FORMS[form.name], values or {}, errors or {}
    markup = Markup(names)
    body = [text_block(t(spec.title, lang), size="medium", weight="bolder")]
    if form.values.get("label"):
        body.append(text_block(markup(form.values["label"])))
    for shown in inputs(spec, form.values, lang):
        value = submitted.get(shown.id) or shown.value
        body.append(_plain(_element(shown, value, people or [], lang)))
        if shown.id in errors:
            body.append(text_block(errors[shown.id], color="attention", size="small"))
    submit = ExecuteAction(
        title=t("form.submit", lang),
        verb=FORM_VERB,
        data={"form": spec.name, "state": dict(form.values)},
        style="positive",
    )
    return markup.card(body, [_plain(submit)])
