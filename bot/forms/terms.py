"""The terms form: a pair's rhythm, trial and planned end, prefilled, to propose new terms."""

from __future__ import annotations

from bot.kernel.form_model import Choice, Field, FormSpec, Kind, Phrase
from bot.pairs.agreement import TRIAL_SESSION_CHOICES
from bot.pairs.answers import TERMS_FORM, submit_terms_form
from bot.rhythm.form_fields import RHYTHM_FIELDS, zone_and_start

FORM = FormSpec(
    name=TERMS_FORM,
    title="form.terms.title",
    about="pair",
    fields=(
        *RHYTHM_FIELDS,
        *zone_and_start("form.terms.start.hint"),
        Field(
            "trial",
            Kind.CHOICE,
            "form.terms.trial",
            required=True,
            choices=tuple(
                Choice(str(n), Phrase("form.terms.trial.option", {"count": n}))
                for n in TRIAL_SESSION_CHOICES
            ),
        ),
        Field("end", Kind.DATE, "form.terms.end", hint="form.terms.end.hint"),
    ),
    submit=submit_terms_form,
)
