"""What members do with an agreement and the trial question: accept, change terms, answer."""

from __future__ import annotations

from datetime import date

from bot.actor_context import ActorContext
from bot.agreement import TRIAL_SESSION_CHOICES, Terms, accept, change_terms, has_accepted
from bot.errors import UserError
from bot.i18n import Lang, t
from bot.pair_rhythm import rhythm_of
from bot.people import mention
from bot.replies import Button, FieldErrors, Form, Reply, Section, say
from bot.rhythm_form import FREQUENCIES, required_field, rhythm_draft
from bot.rhythm_parser import RhythmError, complete_rhythm
from bot.rhythm_text import describe_pair_rhythm
from bot.trial import ADJUST, CONTINUE, STOP, answer_trial, trial_answer_of
from storage.models import Pair
from storage.queries.pairs import ACTIVE, PENDING

TERMS_FORM = "terms"
AGREEMENT_BUTTONS = (
    "agreement.accept",
    "agreement.change",
    "trial.continue",
    "trial.adjust",
    "trial.stop",
)
RHYTHM_FIELDS = ("frequency", "weekday", "time", "duration", "format")


def trial_choices(lang: Lang) -> list[tuple[str, str]]:
    """The options of the terms form's trial field, as (value, label)."""
    return [(str(n), t("form.terms.trial.option", lang, n=n)) for n in TRIAL_SESSION_CHOICES]


def press_agreement(ctx: ActorContext, action: str, pair_id: int) -> Reply | Form:
    """A button of the agreement card, of its reminder or of the trial question."""
    if action == "agreement.accept":
        return accept_terms(ctx, pair_id)
    if action == "agreement.change":
        return terms_form(ctx, ctx.own_pair(pair_id, (PENDING, ACTIVE)))
    return answer(ctx, ctx.own_pair(pair_id), action.removeprefix("trial."))


def accept_terms(ctx: ActorContext, pair_id: int) -> Reply:
    pair = ctx.own_pair(pair_id, (PENDING, ACTIVE))
    other = mention(ctx.other_member(pair))
    if pair.status == ACTIVE:
        return say(t("agreement.already_started", ctx.lang, other=other))
    if has_accepted(pair, ctx.actor.id):
        return say(t("agreement.already_accepted", ctx.lang, other=other))
    started = accept(session=ctx.session, pair=pair, person=ctx.actor, now=ctx.now)
    ctx.owes_now = True
    key = "agreement.accepted.started" if started else "agreement.accepted.waiting"
    return say(t(key, ctx.lang, other=other))


def answer(ctx: ActorContext, pair: Pair, choice: str) -> Reply | Form:
    """Record the actor's trial answer; adjusting opens the terms form, stopping offers the end."""
    if choice not in (CONTINUE, ADJUST, STOP):
        raise UserError("session.not_yours")
    other = ctx.other_member(pair)
    answer_trial(session=ctx.session, pair=pair, person=ctx.actor, choice=choice, now=ctx.now)
    ctx.owes_now = True
    if choice == ADJUST:
        return terms_form(ctx, pair)
    if choice == STOP:
        button = Button(t("button.end", ctx.lang), "pair.end", str(pair.id), style="danger")
        text = t("trial.stopping", ctx.lang, other=mention(other))
        return Reply(sections=(Section(text),), buttons=(button,))
    both = trial_answer_of(pair, other.id) == CONTINUE
    key = "trial.both_continue" if both else "trial.continued"
    return say(t(key, ctx.lang, other=mention(other)))


def frequency_key(pair: Pair) -> str:
    """The form's frequency option for the pair's rhythm, "" when the form has none for it."""
    wanted = (pair.frequency, pair.interval)
    return next((k for k, (f, n) in FREQUENCIES.items() if (f.value, n) == wanted), "")


def terms_form(ctx: ActorContext, pair: Pair) -> Form:
    """The terms form, prefilled with the pair's current terms."""
    label = t("form.terms.label", ctx.lang, other=mention(ctx.other_member(pair)))
    return Form(
        TERMS_FORM,
        {
            "pair": str(pair.id),
            "label": label,
            "frequency": frequency_key(pair),
            "weekday": str(pair.weekday),
            "time": f"{pair.local_time:%H:%M}",
            "duration": str(pair.duration_minutes),
            "format": pair.format,
            "timezone": pair.timezone,
            "trial": str(pair.trial_sessions),
            "end": pair.planned_end.isoformat() if pair.planned_end else "",
        },
    )


def submit_terms_form(
    ctx: ActorContext, pair_id: int, values: dict[str, str | None]
) -> Reply | FieldErrors:
    """New terms for one of the actor's pairs; every bad field is reported at once."""
    pair = ctx.own_pair(pair_id, (PENDING, ACTIVE))
    lang, errors = ctx.lang, {}
    fields = [required_field(values, name, errors, lang) for name in RHYTHM_FIELDS]
    trial = (values.get("trial") or "").strip()
    if trial not in {str(n) for n in TRIAL_SESSION_CHOICES}:
        errors["trial"] = t("form.invalid", lang)
    end_text = (values.get("end") or "").strip()
    end: date | None = None
    try:
        end = date.fromisoformat(end_text) if end_text else None
    except ValueError:
        errors["end"] = t("form.invalid", lang)
    if errors:
        return FieldErrors(errors)
    draft = rhythm_draft(*fields, values, errors, lang)
    if draft is None:
        return FieldErrors(errors)
    try:
        rhythm = complete_rhythm(draft, default_timezone=pair.timezone, now=ctx.now)
    except RhythmError as error:
        field = "timezone" if error.code == "rhythm.unknown_zone" else "start"
        return FieldErrors({field: t(error.code, lang, **error.params)})
    if end is not None and end <= rhythm.start:
        return FieldErrors({"end": t("form.terms.end_before_start", lang)})
    change_terms(
        session=ctx.session,
        pair=pair,
        proposer=ctx.actor,
        terms=Terms(rhythm=rhythm, trial_sessions=int(trial), planned_end=end),
        now=ctx.now,
    )
    ctx.owes_now = True
    other = mention(ctx.other_member(pair))
    if pair.status == PENDING:
        return say(t("terms.proposed", lang, other=other))
    rhythm_text = describe_pair_rhythm(rhythm_of(pair), pair.reverse, lang)
    return say(t("terms.applied", lang, other=other, rhythm=rhythm_text))
