"""The review's messages: the invitation, the other member's turn, and both answers together."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.growth.review_form import REVIEW_BUTTON
from bot.growth.reviews import APPLIED, DIFFERENT, LADDER_END, ROUND_OPEN_FOR
from bot.kernel.i18n import Lang, t
from bot.kernel.notice_keys import ReviewQuarter, ReviewRound
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.pairs.terms_compared import CHANGED_HEADING, compared
from bot.pairs.terms_proposals import terms_of
from bot.people.person import lang_of, mention, zone_of
from bot.planning.planner import REVIEW_MONTHS
from bot.rhythm.stored import rhythm_of
from bot.rhythm.wording import describe_pair_rhythm, format_when
from storage.models import Notification, Pair, Person, Review, ReviewAnswer
from storage.queries.pairs import ACTIVE, CURRENT
from storage.queries.reviews import answered_since, answers_to
from storage.queries.sessions import next_session
from storage.queries.terms import terms_before

RECENTLY = timedelta(days=30)
"""Someone who answered a review this recently is not invited to the quarter's one."""


def _pair_and_other(session: Session, pair_id: int, reader: Person) -> tuple[Pair, Person]:
    pair = session.get(Pair, pair_id)
    if pair is None or reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("reader not in pair")
    other = session.get(Person, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id)
    if other is None:
        raise Gone("other member unknown")
    return pair, other


def answer_button(pair: Pair, lang: Lang) -> Button:
    return Button(t("review.button", lang), REVIEW_BUTTON, str(pair.id), style="primary")


def review_due(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """Every 3 months, to each member: time to look back, with the review's button."""
    reader = recipient_person(session, row.recipient)
    quarter = read(ReviewQuarter, row.subject)
    pair, other = _pair_and_other(session, quarter.pair_id, reader)
    assert pair.id is not None and reader.id is not None
    if pair.status != ACTIVE:
        raise Gone(f"pair {pair.status}")
    if answered_since(session=session, pair_id=pair.id, author_id=reader.id, since=now - RECENTLY):
        raise Gone("reviewed recently")
    months = REVIEW_MONTHS * quarter.number
    lang = lang_of(reader)
    return person_target(reader), Reply(
        title=t("review.due.title", lang),
        sections=(
            Section(t("review.due.body", lang, other=mention(other), count=months)),
            Section(t("review.private", lang, other=mention(other))),
        ),
        buttons=(answer_button(pair, lang),),
    )


def _review(session: Session, row: Notification) -> tuple[Review, Person, Pair, Person]:
    reader = recipient_person(session, row.recipient)
    review = session.get(Review, read(ReviewRound, row.subject).review_id)
    if review is None:
        raise Gone("review unknown")
    pair, other = _pair_and_other(session, review.pair_id, reader)
    return review, reader, pair, other


def review_awaited(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To the member who has not answered yet: the other one has (nothing of what they said)."""
    review, reader, pair, other = _review(session, row)
    assert review.id is not None
    answered = {a.author_id for a in answers_to(session=session, review_id=review.id)}
    stale = review.opened_at < now - ROUND_OPEN_FOR
    if review.closed_at is not None or reader.id in answered or stale or pair.status not in CURRENT:
        raise Gone("nothing to answer")
    lang = lang_of(reader)
    return person_target(reader), Reply(
        title=t("review.awaited.title", lang),
        sections=(
            Section(t("review.awaited.body", lang, other=mention(other))),
            Section(t("review.private", lang, other=mention(other))),
        ),
        buttons=(answer_button(pair, lang),),
    )


def _answer_lines(answer: ReviewAnswer, lang: Lang) -> str:
    lines = [
        t("review.line.rhythm", lang, choice=t(f"review.rhythm.{answer.rhythm}", lang)),
        t("review.line.priorities", lang, choice=t(f"review.priorities.{answer.priorities}", lang)),
        t("review.line.format", lang, choice=t(f"review.format.{answer.format}", lang)),
        t("review.line.satisfaction", lang, score=answer.satisfaction),
    ]
    if answer.comment:
        lines.append(t("review.line.comment", lang, comment=" ".join(answer.comment.split())))
    return "\n".join(lines)


def _outcome(
    session: Session, review: Review, pair: Pair, reader: Person, wish: str, now: datetime
) -> str:
    """What the round changed, or why nothing did; `wish` is the rhythm both chose."""
    assert pair.id is not None
    lang, lines = lang_of(reader), []
    if review.rhythm_outcome == APPLIED:
        rhythm = describe_pair_rhythm(rhythm_of(pair), pair.reverse, lang)
        following = next_session(session=session, pair_id=pair.id, now=now)
        when = (
            format_when(following.starts_at, zone_of(reader, pair.timezone), lang)
            if following
            else t("session.none_planned", lang)
        )
        lines.append(t(f"review.outcome.rhythm.{wish}", lang, rhythm=rhythm, next=when))
    elif review.rhythm_outcome == LADDER_END:
        lines.append(t(f"review.outcome.ladder_end.{wish}", lang))
    elif review.rhythm_outcome == DIFFERENT:
        lines.append(t("review.outcome.rhythm.different", lang))
    else:
        lines.append(t("review.outcome.rhythm.kept", lang))
    if review.format_outcome == APPLIED:
        format_name = t(f"format.{pair.format}", lang)
        lines.append(t("review.outcome.format.applied", lang, format=format_name))
    elif review.format_outcome == DIFFERENT:
        lines.append(t("review.outcome.format.different", lang))
    return "\n".join(lines)


def review_result(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To each member once both answered: both answers side by side, and what changed."""
    review, reader, pair, other = _review(session, row)
    assert review.id is not None
    answers = {a.author_id: a for a in answers_to(session=session, review_id=review.id)}
    if review.closed_at is None or set(answers) != {pair.mentor_id, pair.mentee_id}:
        raise Gone("review not closed")
    lang = lang_of(reader)
    sections = []
    for member_id, role in ((pair.mentor_id, "mentor"), (pair.mentee_id, "mentee")):
        member = reader if member_id == reader.id else other
        heading = t("review.result.of", lang, who=mention(member), role=t(f"role.{role}", lang))
        # In the text, not the heading, so that the mention renders everywhere.
        sections.append(Section(f"*{heading}*\n{_answer_lines(answers[member_id], lang)}"))
    wish = answers[pair.mentor_id].rhythm  # when the rhythm changed, both wished the same
    sections.append(Section(_outcome(session, review, pair, reader, wish, now)))
    assert pair.id is not None
    before = terms_before(session=session, pair_id=pair.id, changed_at=review.closed_at)
    if before is not None:
        sections.append(
            compared(terms_of(before), terms_of(pair), pair.reverse, lang, CHANGED_HEADING)
        )
    if "revisit" in {a.priorities for a in answers.values()}:
        sections.append(Section(t("review.outcome.priorities.revisit", lang)))
    if DIFFERENT in (review.rhythm_outcome, review.format_outcome):
        sections.append(Section(t("review.outcome.talk", lang, other=mention(other))))
    return person_target(reader), Reply(
        title=t("review.result.title", lang),
        sections=tuple(sections),
        note=t("review.result.note", lang),
    )
