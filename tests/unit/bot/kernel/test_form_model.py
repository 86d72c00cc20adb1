"""The form model: each form's submission read once, into typed values or per-field errors."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.catalog import MESSAGES
from bot.forms import FORMS
from bot.kernel.form_model import Field, FormSpec, Kind, Phrase, inputs, read_form
from bot.kernel.i18n import Number

SUMMARY, GOAL, PAIR, TERMS = FORMS["summary"], FORMS["goal"], FORMS["pair"], FORMS["terms"]


def input_ids(spec: FormSpec) -> list[str]:
    return [input_id for input_id, _, _ in spec.flat()]


def test_every_form_is_declared_once_with_labels_in_the_catalog() -> None:
    assert set(FORMS) == {"pair", "terms", "agenda_add", "move", "summary", "goal", "review"}
    for spec in FORMS.values():
        assert spec.title in MESSAGES
        ids = input_ids(spec)
        assert len(ids) == len(set(ids)), spec.name
        for _, one, _ in spec.flat():
            keys = [one.label, one.hint, one.placeholder, one.missing, one.too_long]
            assert all(key in MESSAGES for key in keys if key), (spec.name, one.id)
            assert all(c.label.key in MESSAGES for c in one.choices), (spec.name, one.id)


def test_the_summary_rows_keep_their_platform_ids_and_read_as_rows() -> None:
    assert input_ids(SUMMARY) == [
        "decisions",
        *(f"{name}_{n}" for n in (1, 2, 3) for name in ("action", "owner", "due")),
        "notes",
    ]
    raw = {
        "decisions": "  Go ahead ",
        "action_1": "",
        "owner_1": "bogus",  # an empty row is ignored whole
        "due_1": "not a date",
        "action_2": "Draft the plan",
        "owner_2": "mentee",
        "due_2": "2026-12-10",
    }
    values, errors = read_form(SUMMARY, raw)
    assert errors == {}
    assert values.text("decisions") == "Go ahead" and values.text("notes") == ""
    [row] = values.rows("actions")
    assert (row.row, row.text("action"), row.text("owner")) == (2, "Draft the plan", "mentee")
    assert row.date("due") == date(2026, 12, 10)


def test_each_bad_input_gets_its_own_error() -> None:
    raw = {"action_1": "Call", "owner_1": "", "due_1": "10/12", "action_3": "x" * 501}
    _, errors = read_form(SUMMARY, raw)
    assert errors == {
        "owner_1": Phrase("summary.form.owner_missing"),
        "due_1": Phrase("form.invalid.date"),
        "owner_3": Phrase("summary.form.owner_missing"),
        "action_3": Phrase("form.too_long", {"count": 500, "length": Number(501)}),
    }
    assert errors["action_3"].text("en") == "Please keep it to 500 characters (501 now)."
    _, errors = read_form(GOAL, {"specific": " \n ", "measurable": "a  \n b", "target": "x"})
    assert set(errors) == {"specific", "target"}
    assert errors["specific"].text("fr") == "Merci de remplir ce champ."


def test_values_are_typed_and_squeezed_where_the_form_says() -> None:
    values, errors = read_form(
        GOAL, {"specific": " Lead\n the  review ", "measurable": "yes", "target": "2027-01-20"}
    )
    assert errors == {}
    assert values.text("specific") == "Lead the review" and values.date("target") == date(
        2027, 1, 20
    )
    raw = {"mentor": "U1", "mentee": "U2", "frequency": "2w", "weekday": "3", "time": "18:30"}
    values, errors = read_form(PAIR, {**raw, "duration": "60", "format": "video"})
    assert errors == {} and values.time("time") == time(18, 30)
    _, errors = read_form(PAIR, {**raw, "time": "18:30+02:00", "duration": "61"})
    assert set(errors) == {"time", "duration", "format"}


def test_numbers_read_within_their_bounds() -> None:
    count = Field("count", Kind.NUMBER, "form.pair.duration", minimum=1, maximum=12)
    spec = FormSpec("numbers", "form.pair.title", (count,), submit=lambda *_: NotImplemented)
    assert read_form(spec, {"count": " 12 "})[0].number("count") == 12
    for bad in ("0", "13", "1.5", "١", "9" * 40):
        assert set(read_form(spec, {"count": bad})[1]) == {"count"}, bad
    with pytest.raises(ValueError):
        Field("count", Kind.NUMBER, "form.pair.duration")


def test_inputs_show_labels_prefills_and_offered_choices() -> None:
    state = {"pair": "4", "label": "x", "format": "video", "frequency": "2w", "trial": "99"}
    shown = {i.id: i for i in inputs(TERMS, state, "en")}
    assert shown["frequency"].value == "2w" and shown["frequency"].shown("2w") == "Every 2 weeks"
    assert shown["duration"].shown(shown["duration"].value) == "1 h"  # the default, by its label
    assert shown["trial"].value == ""  # a prefill that is not an option is no prefill
    review = {i.id: i for i in inputs(FORMS["review"], state, "fr")}
    assert [v for v, _ in review["format"].options] == ["keep", "in_person", "phone"]
    assert review["format"].options[0][1] == "Le garder tel quel (en visio)"
    assert review["format"].value == ""
    summary = {i.id: i for i in inputs(SUMMARY, {}, "en")}
    assert summary["owner_2"].label == "Who does action 2" and not summary["owner_2"].required


@settings(max_examples=200, deadline=None)
@given(
    form=st.sampled_from(sorted(FORMS)),
    raw=st.dictionaries(
        st.sampled_from(sorted({i for spec in FORMS.values() for i in input_ids(spec)})),
        st.one_of(st.none(), st.text(), st.integers(), st.booleans(), st.lists(st.text())),
    ),
)
def test_any_input_reads_or_gets_a_field_error_never_an_exception(form, raw) -> None:
    spec = FORMS[form]
    values, errors = read_form(spec, raw)
    assert set(errors) <= set(input_ids(spec))
    for phrase in errors.values():
        assert phrase.text("en") and phrase.text("fr")
    for input_id, one, n in spec.flat():
        if input_id not in errors and n is None:
            assert values.by_id.get(one.id) == one.read(raw.get(input_id))
