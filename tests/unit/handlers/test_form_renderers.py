"""Each form drawn by each platform's generic renderer: valid for the platform, with the model's
ids, labels, limits and prefills, and a submission that reads back to what was entered."""

from __future__ import annotations

import json
from typing import Any

import pytest
from slack_sdk.models.views import View

from bot.forms import FORMS
from bot.kernel.form_model import Kind, inputs, read_form
from bot.kernel.replies import Form
from handlers.slack.modals import form_modal, metadata, submitted_values
from handlers.teams.form_cards import FORM_VERB, form_card
from tests.fakes.adaptive_cards import validate_card

LABEL = "Thursday 3 December 2026, 18:00 with <@U2>"
STATES = {
    "pair": {"timezone": "Europe/Paris"},
    "terms": {
        "pair": "7",
        "label": LABEL,
        "frequency": "2w",
        "weekday": "3",
        "time": "18:00",
        "duration": "60",
        "format": "video",
        "timezone": "Europe/Paris",
        "trial": "3",
        "end": "2027-12-01",
    },
    "agenda_add": {"session": "12", "label": LABEL},
    "move": {"session": "12", "label": LABEL, "date": "2026-12-03", "time": "18:00"},
    "summary": {"session": "12", "label": LABEL},
    "goal": {"pair": "7", "label": LABEL},
    "review": {"pair": "7", "label": LABEL, "format": "video"},
}
# A good answer of each kind, as the platforms send it.
ANSWERS = {
    Kind.TEXT: "Europe/Paris",
    Kind.LONG_TEXT: "Share my path",
    Kind.DATE: "2027-01-20",
    Kind.TIME: "18:30",
    Kind.PERSON: "U1",
}


def answer(kind: Kind, options: list[tuple[str, str]]) -> str:
    return options[-1][0] if options else ANSWERS[kind]


def slack_state(view: dict[str, Any]) -> dict[str, Any]:
    """The view_submission state Slack would send with every input answered."""
    state: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        kind = element["type"]
        if kind in ("static_select", "radio_buttons"):
            entry = {"selected_option": element["options"][-1]}
        else:
            key = {
                "users_select": "selected_user",
                "datepicker": "selected_date",
                "timepicker": "selected_time",
            }.get(kind, "value")
            sample = {"users_select": "U1", "datepicker": "2027-01-20", "timepicker": "18:30"}
            entry = {key: sample.get(kind, "Share my path")}
        state[block["block_id"]] = {element["action_id"]: {"type": kind, **entry}}
    return {"values": state}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(FORMS))
def test_slack_modal_is_a_valid_view_of_the_model(name: str, lang: str) -> None:
    spec, state = FORMS[name], STATES[name]
    view = form_modal(Form(name, state), lang)  # type: ignore[arg-type]
    View(**view).validate_json()
    assert view["callback_id"] == name
    assert metadata(view) == ({spec.about: int(state[spec.about])} if spec.about else {})
    blocks = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    shown = inputs(spec, state, lang)  # type: ignore[arg-type]
    assert list(blocks) == [i.id for i in shown]
    for one in shown:
        block = blocks[one.id]
        assert block["label"]["text"] == one.label and block["optional"] is not one.required
        element = block["element"]
        assert element["action_id"] == one.id
        if one.field.max_length:
            assert element["max_length"] == one.field.max_length
        if one.options:
            assert [o["value"] for o in element["options"]] == [v for v, _ in one.options]
            assert element.get("initial_option", {}).get("value", "") == one.value
        elif one.value:
            assert one.value in element.values()
    # Every input answered the way Slack sends it reads back without an error.
    values = submitted_values({**view, "state": slack_state(view)})
    typed, errors = read_form(spec, values)
    assert errors == {}
    assert len(typed.by_id) == len(spec.fields)


def test_slack_prefills_the_terms_and_marks_the_review_choices_as_radio_buttons() -> None:
    terms = form_modal(Form("terms", STATES["terms"]), "en")
    blocks = {b.get("block_id"): b for b in terms["blocks"]}
    assert blocks["frequency"]["element"]["initial_option"]["value"] == "2w"
    assert blocks["time"]["element"]["initial_time"] == "18:00"
    assert blocks["end"]["element"]["initial_date"] == "2027-12-01"
    assert blocks["start"]["hint"]["text"].startswith("Empty")
    assert terms["blocks"][0] == {"type": "section", "text": {"type": "mrkdwn", "text": LABEL}}
    review = form_modal(Form("review", STATES["review"]), "en")
    kinds = {b["block_id"]: b["element"]["type"] for b in review["blocks"] if "element" in b}
    assert kinds == {
        "rhythm": "radio_buttons",
        "priorities": "radio_buttons",
        "format": "radio_buttons",
        "satisfaction": "radio_buttons",
        "comment": "plain_text_input",
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(FORMS))
def test_teams_card_is_valid_and_shows_submitted_values_and_errors(name: str, lang: str) -> None:
    spec, state = FORMS[name], STATES[name]
    shown = inputs(spec, state, lang)  # type: ignore[arg-type]
    submitted = {i.id: answer(i.kind, i.options) for i in shown}
    errors = {shown[-1].id: "Bad"}
    people = [("29:claire", "Claire"), ("U1", "Thomas")]
    card = form_card(
        Form(name, state),
        lang,  # type: ignore[arg-type]
        names={"U2": "Claire"},
        people=people,
        values=submitted,
        errors=errors,
    )
    assert validate_card(card) == []
    assert json.dumps(card)  # plain JSON, as Teams receives it
    fields = {e["id"]: e for e in card["body"] if "id" in e}
    assert list(fields) == [i.id for i in shown]
    for one in shown:
        element = fields[one.id]
        assert element["label"] == one.label and element.get("value") == submitted[one.id]
        assert element.get("isRequired", False) is one.required
        if one.kind is Kind.PERSON:
            assert element["choices"][0] == {"title": "Claire", "value": "29:claire"}
    last = card["body"].index(fields[shown[-1].id])
    assert (
        card["body"][last + 1]["text"] == "Bad" and card["body"][last + 1]["color"] == "attention"
    )
    [submit] = card["actions"]
    assert submit["verb"] == FORM_VERB and submit["data"] == {"form": name, "state": state}
