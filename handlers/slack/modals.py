"""Slack modals for the core's forms, and reading their submitted values."""

from __future__ import annotations

import json
from typing import Any

from bot.commands.summary_command import SUMMARY_FORM
from bot.forms.router import ACTION_ROWS, AGENDA_FORM, MOVE_FORM, PAIR_FORM, summary_owner_choices
from bot.growth.goal_form import FIELD_MAX, REQUIRED, smart_fields
from bot.growth.goals import GOAL_FORM
from bot.growth.review_form import CHOICE_FIELDS, REVIEW_FORM, review_choices, review_labels
from bot.growth.reviews import MAX_COMMENT
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Form
from bot.pairs.answers import TERMS_FORM, trial_choices
from bot.rhythm.form_fields import pair_form_choices
from handlers.slack.blocks import mrkdwn, plain

TITLE_MAX = 24


def _title(key: str, lang: Lang) -> dict[str, Any]:
    return plain(t(key, lang), TITLE_MAX)


def _select(
    name: str,
    label: str,
    options: list[tuple[str, str]],
    optional: bool = False,
    initial: str = "",
):
    rendered = [{"text": plain(text, 75), "value": value} for value, text in options]
    element: dict[str, Any] = {"type": "static_select", "action_id": name, "options": rendered}
    chosen = [option for option in rendered if option["value"] == initial]
    if chosen:
        element["initial_option"] = chosen[0]
    return {
        "type": "input",
        "block_id": name,
        "optional": optional,
        "label": plain(label, 2000),
        "element": element,
    }


def _input(name: str, label: str, element: dict[str, Any], optional: bool = False, hint: str = ""):
    block = {
        "type": "input",
        "block_id": name,
        "optional": optional,
        "label": plain(label, 2000),
        "element": {**element, "action_id": name},
    }
    if hint:
        block["hint"] = plain(hint, 2000)
    return block


def _modal(callback_id: str, title: str, lang: Lang, blocks: list, metadata: dict[str, Any]):
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": _title(title, lang),
        "submit": _title("form.submit", lang),
        "close": _title("form.cancel", lang),
        "private_metadata": json.dumps(metadata),
        "blocks": blocks,
    }


def pair_modal(lang: Lang, *, default_timezone: str) -> dict[str, Any]:
    choices = pair_form_choices(lang)
    blocks = [
        _input("mentor", t("form.pair.mentor", lang), {"type": "users_select"}),
        _input("mentee", t("form.pair.mentee", lang), {"type": "users_select"}),
        _select("frequency", t("form.pair.frequency", lang), choices["frequency"]),
        _select("weekday", t("form.pair.weekday", lang), choices["weekday"]),
        _input("time", t("form.pair.time", lang), {"type": "timepicker", "initial_time": "18:00"}),
        _select("duration", t("form.pair.duration", lang), choices["duration"]),
        _select("format", t("form.pair.format", lang), choices["format"]),
        *_zone_and_start(lang, default_timezone, "form.pair.start.hint"),
    ]
    return _modal(PAIR_FORM, "form.pair.title", lang, blocks, {})


def terms_modal(form: Form, lang: Lang) -> dict[str, Any]:
    """The terms of a pair, prefilled: rhythm, trial length, planned end."""
    choices, values = pair_form_choices(lang), form.values
    end: dict[str, Any] = {"type": "datepicker"}
    if values.get("end"):
        end["initial_date"] = values["end"]
    blocks = [
        {"type": "section", "text": mrkdwn(values["label"])},
        *(
            _select(name, t(f"form.pair.{name}", lang), choices[name], initial=values.get(name, ""))
            for name in ("frequency", "weekday")
        ),
        _input(
            "time",
            t("form.pair.time", lang),
            {"type": "timepicker", "initial_time": values.get("time") or "18:00"},
        ),
        *(
            _select(name, t(f"form.pair.{name}", lang), choices[name], initial=values.get(name, ""))
            for name in ("duration", "format")
        ),
        *_zone_and_start(lang, values.get("timezone", ""), "form.terms.start.hint"),
        _select(
            "trial",
            t("form.terms.trial", lang),
            trial_choices(lang),
            initial=values.get("trial", ""),
        ),
        _input(
            "end",
            t("form.terms.end", lang),
            end,
            optional=True,
            hint=t("form.terms.end.hint", lang),
        ),
    ]
    return _modal(TERMS_FORM, "form.terms.title", lang, blocks, {"pair": int(values["pair"])})


def agenda_modal(lang: Lang, *, session_id: int, label: str) -> dict[str, Any]:
    blocks = [
        {"type": "section", "text": mrkdwn(label)},
        _input(
            "text",
            t("form.agenda.label", lang),
            {
                "type": "plain_text_input",
                "multiline": True,
                "max_length": 1000,
                "placeholder": plain(t("form.agenda.placeholder", lang), 150),
            },
        ),
    ]
    return _modal(AGENDA_FORM, "form.agenda.title", lang, blocks, {"session": session_id})


def move_modal(lang: Lang, *, session_id: int, label: str, day: str, at: str) -> dict[str, Any]:
    blocks = [
        {"type": "section", "text": mrkdwn(label)},
        _input("date", t("form.move.date", lang), {"type": "datepicker", "initial_date": day}),
        _input("time", t("form.move.time", lang), {"type": "timepicker", "initial_time": at}),
    ]
    return _modal(MOVE_FORM, "form.move.title", lang, blocks, {"session": session_id})


def summary_modal(lang: Lang, *, session_id: int, label: str) -> dict[str, Any]:
    """Decisions, up to three actions (text, owner, due date) and notes; all optional."""
    owners = summary_owner_choices(lang)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": mrkdwn(label)},
        _input(
            "decisions",
            t("summary.form.decisions", lang),
            {"type": "plain_text_input", "multiline": True, "max_length": 1500},
            optional=True,
        ),
    ]
    for n in range(1, ACTION_ROWS + 1):
        blocks += [
            _input(
                f"action_{n}",
                t("summary.form.action", lang, n=n),
                {"type": "plain_text_input", "max_length": 500},
                optional=True,
            ),
            _select(f"owner_{n}", t("summary.form.owner", lang, n=n), owners, optional=True),
            _input(
                f"due_{n}", t("summary.form.due", lang, n=n), {"type": "datepicker"}, optional=True
            ),
        ]
    blocks.append(
        _input(
            "notes",
            t("summary.form.notes", lang),
            {"type": "plain_text_input", "multiline": True, "max_length": 1500},
            optional=True,
        )
    )
    return _modal(SUMMARY_FORM, "summary.form.title", lang, blocks, {"session": session_id})


def goal_modal(lang: Lang, *, pair_id: int, label: str) -> dict[str, Any]:
    """The SMART goal: each of its five parts prompted, the date with a date picker."""
    blocks: list[dict[str, Any]] = [{"type": "section", "text": mrkdwn(label)}]
    for name, text, hint in smart_fields(lang):
        element = (
            {"type": "datepicker"}
            if name == "target"
            else {"type": "plain_text_input", "multiline": True, "max_length": FIELD_MAX}
        )
        blocks.append(_input(name, text, element, optional=name not in REQUIRED, hint=hint))
    return _modal(GOAL_FORM, "goals.form.title", lang, blocks, {"pair": pair_id})


def _radio(name: str, label: str, options: list[tuple[str, str]]) -> dict[str, Any]:
    return _input(
        name,
        label,
        {
            "type": "radio_buttons",
            "options": [{"text": plain(text, 75), "value": value} for value, text in options],
        },
    )


def review_modal(lang: Lang, *, pair_id: int, label: str, current_format: str) -> dict[str, Any]:
    """Rhythm, priorities, format and satisfaction as radio buttons, and a free comment."""
    choices, labels = review_choices(lang, current_format), review_labels(lang)
    blocks: list[dict[str, Any]] = [{"type": "section", "text": mrkdwn(label)}]
    blocks += [_radio(name, labels[name], choices[name]) for name in CHOICE_FIELDS]
    blocks.append(
        _input(
            "comment",
            labels["comment"],
            {"type": "plain_text_input", "multiline": True, "max_length": MAX_COMMENT},
            optional=True,
            hint=t("review.form.comment.hint", lang),
        )
    )
    return _modal(REVIEW_FORM, "review.form.title", lang, blocks, {"pair": pair_id})


def form_modal(form: Form, lang: Lang) -> dict[str, Any]:
    """The modal for a form the core asked for (after a button or a command)."""
    if form.name == TERMS_FORM:
        return terms_modal(form, lang)
    if form.name == GOAL_FORM:
        return goal_modal(lang, pair_id=int(form.values["pair"]), label=form.values["label"])
    if form.name == REVIEW_FORM:
        return review_modal(
            lang,
            pair_id=int(form.values["pair"]),
            label=form.values["label"],
            current_format=form.values["format"],
        )
    session_id, label = int(form.values["session"]), form.values["label"]
    if form.name == SUMMARY_FORM:
        return summary_modal(lang, session_id=session_id, label=label)
    if form.name == AGENDA_FORM:
        return agenda_modal(lang, session_id=session_id, label=label)
    return move_modal(
        lang, session_id=session_id, label=label, day=form.values["date"], at=form.values["time"]
    )


def submitted_values(view: dict[str, Any]) -> dict[str, str | None]:
    """`{field: value}` from a view_submission's state, whatever the element type."""
    values: dict[str, str | None] = {}
    for block_id, actions in (view.get("state") or {}).get("values", {}).items():
        for state in actions.values():
            kind = state.get("type")
            if kind == "users_select":
                values[block_id] = state.get("selected_user")
            elif kind in ("static_select", "radio_buttons"):
                values[block_id] = (state.get("selected_option") or {}).get("value")
            elif kind == "timepicker":
                values[block_id] = state.get("selected_time")
            elif kind == "datepicker":
                values[block_id] = state.get("selected_date")
            else:
                values[block_id] = state.get("value")
    return values


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _zone_and_start(lang: Lang, zone: str, start_hint: str) -> list[dict[str, Any]]:
    """The optional time zone (prefilled) and first-day inputs of the pair and terms forms."""
    return [
        _input(
            "timezone",
            t("form.pair.timezone", lang),
            {"type": "plain_text_input", "initial_value": zone, "max_length": 64},
            optional=True,
            hint=t("form.pair.timezone.hint", lang),
        ),
        _input(
            "start",
            t("form.pair.start", lang),
            {"type": "datepicker"},
            optional=True,
            hint=t(start_hint, lang),
        ),
    ]
