"""Adaptive Cards drawn from the core's form model; their Action.Execute brings the inputs back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import (
    Choice,
    ChoiceSetInput,
    DateInput,
    ExecuteAction,
    NumberInput,
    TextInput,
    TimeInput,
)
from microsoft_teams.cards.core import CardElement

from bot.form_model import Input, Kind, inputs
from bot.form_specs import FORMS
from bot.i18n import Lang, t
from bot.replies import Form
from handlers.teams.cards import Markup, text_block

FORM_VERB = "form"  # Action.Execute verb of a form's submit button; `data.form` says which


def _element(shown: Input, value: str, people: list[tuple[str, str]]) -> CardElement:
    """The typed input of one field; `value` is what it shows filled in."""
    common: dict[str, Any] = {"id": shown.id, "label": shown.label}
    if value:
        common["value"] = value
    placeholder = shown.placeholder or shown.hint
    if shown.kind in (Kind.CHOICE, Kind.PERSON):
        options = people if shown.kind is Kind.PERSON else shown.options
        style = "filtered" if shown.kind is Kind.PERSON else "compact"
        return ChoiceSetInput(
            **common,
            choices=[Choice(title=text, value=v) for v, text in options],
            style="expanded" if shown.field.expanded else style,
        )
    if placeholder:
        common["placeholder"] = placeholder
    if shown.kind is Kind.DATE:
        return DateInput(**common)
    if shown.kind is Kind.TIME:
        return TimeInput(**common)
    if shown.kind is Kind.NUMBER:
        return NumberInput(**common, min=shown.field.minimum, max=shown.field.maximum)
    extra = {"isMultiline": True} if shown.kind is Kind.LONG_TEXT else {}
    return TextInput(**common, maxLength=shown.field.max_length, **extra)


def _plain(element: CardElement) -> dict[str, Any]:
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
        element = _plain(_element(shown, submitted.get(shown.id) or shown.value, people or []))
        if shown.required:
            element |= {"isRequired": True, "errorMessage": t("form.required", lang)}
        body.append(element)
        if shown.id in errors:
            body.append(text_block(errors[shown.id], color="attention", size="small"))
    submit = ExecuteAction(
        title=t("form.submit", lang),
        verb=FORM_VERB,
        data={"form": spec.name, "state": dict(form.values)},
        style="positive",
    )
    return markup.card(body, [_plain(submit)])
