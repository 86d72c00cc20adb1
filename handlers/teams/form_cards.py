"""Adaptive Cards for the core's forms; their Action.Execute brings the inputs back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.forms.router import ACTION_ROWS, AGENDA_FORM, MOVE_FORM, PAIR_FORM, summary_owner_choices
from bot.growth.goal_form import FIELD_MAX, REQUIRED, smart_fields
from bot.growth.goals import GOAL_FORM
from bot.growth.review_form import CHOICE_FIELDS, REVIEW_FORM, review_choices, review_labels
from bot.growth.reviews import MAX_COMMENT
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Form
from bot.pairs.answers import TERMS_FORM, trial_choices
from bot.rhythm.form_fields import pair_form_choices
from handlers.teams.cards import Markup, text_block

FORM_VERB = "form"  # Action.Execute verb of a form's submit button; `data.form` says which


class FormCard:
    """Inputs in order, each followed by its error (if the last submission had one)."""

    def __init__(
        self,
        name: str,
        lang: Lang,
        values: Mapping[str, str | None],
        errors: Mapping[str, str],
        names: Mapping[str, str],
    ) -> None:
        self.name, self.lang, self.values, self.errors = name, lang, values, errors
        self.markup = Markup(names)
        self.body: list[dict[str, Any]] = []

    def heading(self, key: str, label: str | None = None) -> None:
        self.body.append(text_block(t(key, self.lang), size="medium", weight="bolder"))
        if label:
            self.body.append(text_block(self.markup(label)))

    def add(
        self, kind: str, field: str, label: str, *, required: bool = True, **props: Any
    ) -> None:
        element: dict[str, Any] = {"type": kind, "id": field, "label": label, **props}
        if required:
            element["isRequired"] = True
            element["errorMessage"] = t("form.required", self.lang)
        value = self.values.get(field) or props.get("value")
        if value:
            element["value"] = value
        self.body.append(element)
        if field in self.errors:
            self.body.append(text_block(self.errors[field], color="attention", size="small"))

    def choice(
        self,
        field: str,
        label: str,
        options: list[tuple[str, str]],
        *,
        required: bool = True,
        style: str = "compact",
        initial: str = "",
    ) -> None:
        choices = [{"title": text, "value": value} for value, text in options]
        extra = {"value": initial} if initial else {}
        self.add(
            "Input.ChoiceSet",
            field,
            label,
            required=required,
            choices=choices,
            style=style,
            **extra,
        )

    def card(self, state: Mapping[str, str]) -> dict[str, Any]:
        """`state` (the form's own values: session, label…) comes back with the inputs."""
        data: dict[str, Any] = {"form": self.name, "state": dict(state)}
        submit = {
            "type": "Action.Execute",
            "title": t("form.submit", self.lang),
            "verb": FORM_VERB,
            "data": data,
            "style": "positive",
        }
        return self.markup.card(self.body, [submit])


def pair_card(
    lang: Lang,
    *,
    default_timezone: str,
    people: list[tuple[str, str]],
    values: Mapping[str, str | None] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Mentor and mentee are picked among the people who use Mentorbot on Teams."""
    form = FormCard(PAIR_FORM, lang, values or {}, errors or {}, {})
    choices = pair_form_choices(lang)
    form.heading("form.pair.title")
    for role in ("mentor", "mentee"):
        form.choice(role, t(f"form.pair.{role}", lang), people, style="filtered")
    form.choice("frequency", t("form.pair.frequency", lang), choices["frequency"])
    form.choice("weekday", t("form.pair.weekday", lang), choices["weekday"])
    form.add("Input.Time", "time", t("form.pair.time", lang), value="18:00")
    form.choice("duration", t("form.pair.duration", lang), choices["duration"])
    form.choice("format", t("form.pair.format", lang), choices["format"])
    form.add(
        "Input.Text",
        "timezone",
        t("form.pair.timezone", lang),
        required=False,
        value=default_timezone,
        maxLength=64,
        placeholder=t("form.pair.timezone.hint", lang),
    )
    form.add("Input.Date", "start", t("form.pair.start", lang), required=False)
    return form.card({})


def form_card(
    form: Form,
    lang: Lang,
    *,
    names: Mapping[str, str],
    values: Mapping[str, str | None] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The card for a form the core asked for (after a button or a command)."""
    card = FormCard(form.name, lang, values or {}, errors or {}, names)
    label = form.values["label"]
    if form.name == TERMS_FORM:
        terms_inputs(card, form, lang)
    elif form.name == GOAL_FORM:
        card.heading("goals.form.title", label)
        for name, text, hint in smart_fields(lang):
            kind = "Input.Date" if name == "target" else "Input.Text"
            extra = {} if name == "target" else {"isMultiline": True, "maxLength": FIELD_MAX}
            card.add(kind, name, text, required=name in REQUIRED, placeholder=hint, **extra)
    elif form.name == REVIEW_FORM:
        card.heading("review.form.title", label)
        choices, labels = review_choices(lang, form.values["format"]), review_labels(lang)
        for name in CHOICE_FIELDS:
            card.choice(name, labels[name], choices[name], style="expanded")
        card.add(
            "Input.Text",
            "comment",
            labels["comment"],
            required=False,
            isMultiline=True,
            maxLength=MAX_COMMENT,
            placeholder=t("review.form.comment.hint", lang),
        )
    elif form.name == AGENDA_FORM:
        card.heading("form.agenda.title", label)
        card.add(
            "Input.Text",
            "text",
            t("form.agenda.label", lang),
            isMultiline=True,
            maxLength=1000,
            placeholder=t("form.agenda.placeholder", lang),
        )
    elif form.name == MOVE_FORM:
        card.heading("form.move.title", label)
        card.add("Input.Date", "date", t("form.move.date", lang), value=form.values["date"])
        card.add("Input.Time", "time", t("form.move.time", lang), value=form.values["time"])
    else:
        summary_inputs(card, label, lang)
    return card.card(form.values)


def summary_inputs(card: FormCard, label: str, lang: Lang) -> None:
    """Decisions, up to three actions (text, owner, due date) and notes; all optional."""
    card.heading("summary.form.title", label)
    long_text = {"isMultiline": True, "maxLength": 1500}
    card.add(
        "Input.Text", "decisions", t("summary.form.decisions", lang), required=False, **long_text
    )
    for n in range(1, ACTION_ROWS + 1):
        card.add(
            "Input.Text",
            f"action_{n}",
            t("summary.form.action", lang, n=n),
            required=False,
            maxLength=500,
        )
        card.choice(
            f"owner_{n}",
            t("summary.form.owner", lang, n=n),
            summary_owner_choices(lang),
            required=False,
        )
        card.add("Input.Date", f"due_{n}", t("summary.form.due", lang, n=n), required=False)
    card.add("Input.Text", "notes", t("summary.form.notes", lang), required=False, **long_text)


def terms_inputs(card: FormCard, form: Form, lang: Lang) -> None:
    """The pair's terms, prefilled: rhythm, trial length, planned end."""
    card.heading("form.terms.title", form.values["label"])
    given, choices = form.values, pair_form_choices(lang)
    for name in ("frequency", "weekday"):
        card.choice(name, t(f"form.pair.{name}", lang), choices[name], initial=given[name])
    card.add("Input.Time", "time", t("form.pair.time", lang), value=given["time"])
    for name in ("duration", "format"):
        card.choice(name, t(f"form.pair.{name}", lang), choices[name], initial=given[name])
    card.add(
        "Input.Text",
        "timezone",
        t("form.pair.timezone", lang),
        required=False,
        value=given["timezone"],
        maxLength=64,
    )
    card.add(
        "Input.Date",
        "start",
        t("form.pair.start", lang),
        required=False,
        placeholder=t("form.terms.start.hint", lang),
    )
    card.choice("trial", t("form.terms.trial", lang), trial_choices(lang), initial=given["trial"])
    card.add(
        "Input.Date",
        "end",
        t("form.terms.end", lang),
        required=False,
        placeholder=t("form.terms.end.hint", lang),
        **({"value": given["end"]} if given["end"] else {}),
    )
