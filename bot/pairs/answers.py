"""What members do with an agreement, a proposal of new terms and the trial question: accept,
decline, propose a change, answer."""

from __future__ import annotations

from dataclasses import replace

from bot.kernel.errors import UserError
from bot.kernel.form_model import Values
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Form, Reply, Section, say
from bot.pairs.agreement import Terms, accept, change_terms, has_accepted
from bot.pairs.meeting_hours import FIRST_SESSION_NOTICE, odd_hours, odd_hours_warning
from bot.pairs.terms_compared import CHANGED_HEADING, compared
from bot.pairs.terms_proposals import accept_proposal, decline_proposal, propose_terms, terms_of
from bot.pairs.trial import TRIAL_CHOICES, answer_trial, trial_closes_at
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.form_fields import FREQUENCIES, rhythm_draft, rhythm_error
from bot.rhythm.grammar import RhythmError, complete_rhythm
from bot.rhythm.model import Rhythm
from bot.rhythm.stored import rhythm_of
from bot.rhythm.wording import format_day_of
from storage.models import Pair, TermsProposal
from storage.queries.pairs import ACTIVE, PAUSED, PENDING
from storage.queries.terms import OPEN, REPLACED

TERMS_FORM = "terms"
AGREEMENT_BUTTONS = (
    "agreement.accept",
    "agreement.change",
    "terms.accept",
    "terms.decline",
    "trial.continue",
    "trial.adjust",
    "trial.stop",
)


def press_agreement(ctx: ActorContext, action: str, target_id: int) -> Reply | Form:
    """A button of the agreement card, of its reminder, of a proposal of new terms (its value
    the proposal's id; the others' the pair's) or of the trial question."""
    if action == "agreement.accept":
        return accept_terms(ctx, target_id)
    if action == "agreement.change":
        return terms_form(ctx, ctx.own_pair(target_id, (PENDING, ACTIVE)))
    if action in ("terms.accept", "terms.decline"):
        return answer_proposal(ctx, target_id, accepted=action == "terms.accept")
    return answer(ctx, ctx.own_pair(target_id, (ACTIVE, PAUSED)), action.removeprefix("trial."))


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


def answer_proposal(ctx: ActorContext, proposal_id: int, *, accepted: bool) -> Reply:
    """The other member accepts or declines a proposal of new terms, while it is open."""
    proposal = ctx.session.get(TermsProposal, proposal_id)
    if proposal is None:
        raise UserError("pair.not_yours")
    pair = ctx.own_pair(proposal.pair_id, (ACTIVE, PAUSED))
    other = mention(ctx.other_member(pair))
    if proposal.proposer_id == ctx.actor.id:
        return say(t("terms.proposal.own", ctx.lang, other=other))
    if proposal.status == REPLACED:
        return say(t("terms.proposal.replaced", ctx.lang))
    if proposal.status != OPEN:
        return say(t("terms.proposal.answered", ctx.lang))
    if proposal.lapses_at <= ctx.now:
        return say(t("terms.proposal.lapsed", ctx.lang))
    ctx.owes_now = True
    if not accepted:
        decline_proposal(session=ctx.session, proposal=proposal, now=ctx.now)
        return say(t("terms.declined.done", ctx.lang, other=other))
    before = terms_of(pair)
    accept_proposal(session=ctx.session, pair=pair, proposal=proposal, now=ctx.now)
    side_by_side = compared(before, terms_of(pair), pair.reverse, ctx.lang, CHANGED_HEADING)
    return Reply(sections=(Section(t("terms.applied", ctx.lang, other=other)), side_by_side))


def answer(ctx: ActorContext, pair: Pair, choice: str) -> Reply:
    """Record the actor's private trial answer. The reply depends on their own choice only:
    what follows comes to both once both answered (or the question lapsed)."""
    if choice not in TRIAL_CHOICES:
        raise UserError("session.not_yours")
    if pair.trial_asked_at is None or pair.trial_asked_at > ctx.now:
        return say(t("trial.not_asked", ctx.lang))
    if pair.trial_outcome is not None:
        return say(t("trial.settled", ctx.lang))
    answer_trial(
        session=ctx.session,
        pair=pair,
        person=ctx.actor,
        choice=choice,
        now=ctx.now,
        retention=ctx.core.retention,
    )
    ctx.owes_now = True
    closes = trial_closes_at(pair)
    assert closes is not None
    when = format_day_of(closes, zone_of(ctx.actor, pair.timezone), ctx.lang)
    chosen = t(f"button.trial.{choice}", ctx.lang)
    return say(t("trial.noted", ctx.lang, choice=chosen, date=when))


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
            "link": pair.link or "",
            "trial": str(pair.trial_sessions),
            "end": pair.planned_end.isoformat() if pair.planned_end else "",
        },
    )


def submit_terms_form(
    ctx: ActorContext, values: Values, pair_id: int | None
) -> Reply | FieldErrors:
    """New terms for one of the actor's pairs, from the terms form's read fields."""
    assert pair_id is not None
    pair = ctx.own_pair(pair_id, (PENDING, ACTIVE))
    lang = ctx.lang
    trial, end = int(values.text("trial")), values.date("end")
    try:
        rhythm = complete_rhythm(
            rhythm_draft(values),
            default_timezone=pair.timezone,
            now=ctx.now,
            # Before the start, new terms go back to the other member: as long to accept them.
            not_before=ctx.now + FIRST_SESSION_NOTICE if pair.status == PENDING else None,
        )
    except RhythmError as error:
        return rhythm_error(error, lang)
    if end is not None and end <= rhythm.start:
        return FieldErrors({"end": t("form.terms.end_before_start", lang)})
    other_member = ctx.other_member(pair)
    other = mention(other_member)
    # Accepted as asked, but the proposer hears whom the new rhythm puts at an odd hour.
    warning = odd_hours_warning(odd_hours(rhythm, (ctx.actor, other_member), ctx.now), lang)
    if pair.status == PENDING:
        terms = Terms(rhythm=rhythm, trial_sessions=trial, planned_end=end)
        change_terms(session=ctx.session, pair=pair, proposer=ctx.actor, terms=terms, now=ctx.now)
        ctx.owes_now = True
        return with_warning(t("terms.proposed", lang, other=other), warning)
    if values.date("start") is None and same_recurrence(rhythm, rhythm_of(pair)):
        rhythm = replace(rhythm, start=pair.start)  # the same days go on: keep their anchor
    terms = Terms(rhythm=rhythm, trial_sessions=trial, planned_end=end)
    if terms == terms_of(pair):
        return say(t("terms.unchanged", lang))
    proposal = propose_terms(
        session=ctx.session, pair=pair, proposer=ctx.actor, terms=terms, now=ctx.now
    )
    ctx.owes_now = True
    lapses = format_day_of(proposal.lapses_at, zone_of(ctx.actor, pair.timezone), lang)
    return with_warning(t("terms.proposed.started", lang, other=other, date=lapses), warning)


def with_warning(text: str, warning: str) -> Reply:
    """A one-section answer, and the meeting-hours warning below it if there is one."""
    return Reply(sections=(Section(text), *([Section(warning)] if warning else [])))


def same_recurrence(first: Rhythm, second: Rhythm) -> bool:
    """Whether two rhythms fall on the same days (their times, lengths and formats aside)."""
    days = ("frequency", "interval", "weekday", "month_week", "timezone")
    return all(getattr(first, name) == getattr(second, name) for name in days)
