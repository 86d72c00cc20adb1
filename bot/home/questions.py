"""Questions waiting for a person's answer, shown first on their Home.

Each source is a function of the person's context that returns rows with their buttons; add a
function to QUESTIONS to show another kind (an agreement to accept, a review to answer…).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.growth.reviews import ROUND_OPEN_FOR
from bot.home.parts import HomeRow
from bot.kernel.i18n import t
from bot.kernel.notice_keys import ReviewQuarter
from bot.kernel.replies import Button
from bot.notices.review_notices import answer_button
from bot.pairs.agreement import has_accepted
from bot.pairs.trial import TRIAL_CHOICES, trial_answer_of
from bot.people.actor import ActorContext
from bot.people.person import mention, recipient, zone_of
from bot.planning.notice_kinds import REVIEW_DUE
from bot.planning.planner import REVIEW_USEFUL_FOR
from bot.rhythm.wording import format_when
from storage.queries.notifications import last_sent
from storage.queries.pairs import ACTIVE, PENDING, pairs_of
from storage.queries.reviews import answered_since, open_review
from storage.queries.sessions import last_held_session
from storage.queries.terms import open_proposal

PendingQuestions = Callable[[ActorContext], list[HomeRow]]


def summary_owed(ctx: ActorContext) -> list[HomeRow]:
    """The summary of each pair's last held session, while nobody has written it."""
    assert ctx.actor.id is not None
    rows = []
    for pair in pairs_of(session=ctx.session, person_id=ctx.actor.id):
        assert pair.id is not None
        meeting = last_held_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
        if meeting is None or meeting.summary:
            continue
        when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
        other = mention(ctx.other_member(pair))
        button = Button(
            t("button.summary", ctx.lang), "summary.write", str(meeting.id), style="primary"
        )
        rows.append(HomeRow(t("home.summary_owed", ctx.lang, other=other, when=when), (button,)))
    return rows


def agreement_to_accept(ctx: ActorContext) -> list[HomeRow]:
    """Pairs whose agreement the person has not accepted yet."""
    assert ctx.actor.id is not None
    rows = []
    for pair in pairs_of(session=ctx.session, person_id=ctx.actor.id):
        if pair.status != PENDING or has_accepted(pair, ctx.actor.id):
            continue
        value = str(pair.id)
        buttons = (
            Button(t("button.accept", ctx.lang), "agreement.accept", value, style="primary"),
            Button(t("button.propose_change", ctx.lang), "agreement.change", value),
        )
        other = mention(ctx.other_member(pair))
        rows.append(HomeRow(t("home.agreement", ctx.lang, other=other), buttons))
    return rows


def trial_to_answer(ctx: ActorContext) -> list[HomeRow]:
    """Pairs asked the trial question that the person has not answered yet."""
    assert ctx.actor.id is not None
    rows = []
    for pair in pairs_of(session=ctx.session, person_id=ctx.actor.id):
        asked = pair.trial_asked_at is not None and pair.trial_asked_at <= ctx.now
        asked = asked and pair.status == ACTIVE and pair.trial_outcome is None
        if not asked or trial_answer_of(pair, ctx.actor.id) is not None:
            continue
        value = str(pair.id)
        buttons = tuple(
            Button(t(f"button.trial.{choice}", ctx.lang), f"trial.{choice}", value)
            for choice in TRIAL_CHOICES
        )
        other = mention(ctx.other_member(pair))
        rows.append(HomeRow(t("home.trial", ctx.lang, other=other), buttons))
    return rows


def terms_to_answer(ctx: ActorContext) -> list[HomeRow]:
    """New terms the other member proposed, while they wait for the person's answer."""
    assert ctx.actor.id is not None
    rows = []
    for pair in pairs_of(session=ctx.session, person_id=ctx.actor.id):
        assert pair.id is not None
        proposal = open_proposal(session=ctx.session, pair_id=pair.id, now=ctx.now)
        if proposal is None or proposal.proposer_id == ctx.actor.id:
            continue
        value = str(proposal.id)
        buttons = (
            Button(t("button.terms.accept", ctx.lang), "terms.accept", value, style="primary"),
            Button(t("button.terms.decline", ctx.lang), "terms.decline", value),
        )
        other = mention(ctx.other_member(pair))
        rows.append(HomeRow(t("home.terms", ctx.lang, other=other), buttons))
    return rows


def review_to_answer(ctx: ActorContext) -> list[HomeRow]:
    """Reviews the person was asked for (or the other member opened) and has not answered."""
    assert ctx.actor.id is not None
    rows = []
    for pair in pairs_of(session=ctx.session, person_id=ctx.actor.id):
        if pair.status != ACTIVE or pair.id is None:
            continue
        asked = last_sent(
            session=ctx.session,
            kind=REVIEW_DUE,
            recipient=recipient(ctx.actor).key,
            subject_prefix=ReviewQuarter.prefix(pair_id=pair.id),
        )
        opened = open_review(session=ctx.session, pair_id=pair.id, since=ctx.now - ROUND_OPEN_FOR)
        starts = [opened.opened_at] if opened else []
        if asked is not None and asked >= ctx.now - REVIEW_USEFUL_FOR:
            starts.append(asked)
        if not starts or answered_since(
            session=ctx.session, pair_id=pair.id, author_id=ctx.actor.id, since=min(starts)
        ):
            continue
        other = mention(ctx.other_member(pair))
        rows.append(
            HomeRow(t("home.review", ctx.lang, other=other), (answer_button(pair, ctx.lang),))
        )
    return rows


QUESTIONS: list[PendingQuestions] = [
    agreement_to_accept,
    trial_to_answer,
    terms_to_answer,
    review_to_answer,
    summary_owed,
]
