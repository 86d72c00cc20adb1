"""The 3-month review: private answers, shown together once both members answered; the
rhythm or format both chose is applied.

A review is owed every 3 months after the day the pair was created (`Pair.created_at`, which
never changes, unlike `Pair.start` that a new rhythm re-anchors); see `bot.planning.planner`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.kernel.errors import UserError
from bot.kernel.notice_keys import PersonRecipient, ReviewRound
from bot.pairs.agreement import keep_terms
from bot.pairs.rhythm_change import change_rhythm
from bot.people.person import mention
from bot.planning.notice_kinds import REVIEW_AWAITED, REVIEW_RESULT
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR
from bot.rhythm.model import Frequency, MeetingFormat, Rhythm
from bot.rhythm.stored import rhythm_of
from storage.models import Pair, Person, Review, ReviewAnswer
from storage.queries.notifications import Owed, owe
from storage.queries.reviews import answers_to, open_review, rounds_of
from storage.queries.sessions import past_sessions

KEEP, MORE, LESS = "keep", "more", "less"
RHYTHM_CHOICES = (KEEP, MORE, LESS)
PRIORITY_CHOICES = ("yes", "revisit")
FORMAT_CHOICES = (KEEP, *(f.value for f in MeetingFormat))
SATISFACTION = range(1, 6)
MAX_COMMENT = 1000

ROUND_OPEN_FOR = timedelta(days=30)
"""A round one member answered and the other left this long is dropped: the next one starts
afresh, and the lone answer is never shown."""

LADDER_WEEKS = (1, 2, 3, 4)
"""The rhythms a review moves between: every 1, 2, 3, 4 weeks. A monthly rhythm stands on the
4-week rung; from there "more often" is every 3 weeks and "less often" changes nothing."""

# What a closed round did to the rhythm and to the format.
KEPT, APPLIED, DIFFERENT, LADDER_END = "kept", "applied", "different", "ladder_end"


@dataclass(frozen=True)
class Answer:
    """One member's choices, validated."""

    rhythm: str
    priorities: str
    format: str
    satisfaction: int
    comment: str | None


def round_subject(review: Review) -> ReviewRound:
    assert review.id is not None
    return ReviewRound(review.id)


def gap_weeks(rhythm: Rhythm) -> int:
    """About how many weeks apart the sessions are (a month counts as 4 weeks)."""
    return rhythm.interval if rhythm.frequency is Frequency.WEEKLY else 4 * rhythm.interval


def stepped(rhythm: Rhythm, direction: str) -> Rhythm | None:
    """The next rung of the ladder more or less often; None at the end of the ladder."""
    gap = gap_weeks(rhythm)
    if direction == MORE:
        rungs = [weeks for weeks in LADDER_WEEKS if weeks < gap]
        weeks = max(rungs) if rungs else None
    else:
        rungs = [weeks for weeks in LADDER_WEEKS if weeks > gap]
        weeks = min(rungs) if rungs else None
    if weeks is None:
        return None
    return replace(rhythm, frequency=Frequency.WEEKLY, interval=weeks, month_week=None)


def record_answer(
    *, session: Session, pair: Pair, author: Person, answer: Answer, now: datetime
) -> Review:
    """Store `author`'s answer in the pair's open round (opening one if none); the other member
    is asked to answer, or, when both have, the round closes."""
    assert pair.id is not None and author.id is not None
    review = open_review(session=session, pair_id=pair.id, since=now - ROUND_OPEN_FOR)
    if review is None:
        number = rounds_of(session=session, pair_id=pair.id) + 1
        review = Review(pair_id=pair.id, number=number, opened_at=now)
        session.add(review)
        session.flush()
    assert review.id is not None
    answers = answers_to(session=session, review_id=review.id)
    other_id = pair.mentee_id if author.id == pair.mentor_id else pair.mentor_id
    if any(a.author_id == author.id for a in answers):
        other = session.get(Person, other_id)
        raise UserError("review.already_answered", other=mention(other) if other else "")
    mine = ReviewAnswer(
        review_id=review.id,
        author_id=author.id,
        rhythm=answer.rhythm,
        priorities=answer.priorities,
        format=answer.format,
        satisfaction=answer.satisfaction,
        comment=answer.comment,
        answered_at=now,
    )
    session.add(mine)
    session.flush()
    until, subject = now + ANNOUNCEMENT_USEFUL_FOR, round_subject(review).key
    if not answers:
        owed = [Owed(REVIEW_AWAITED, PersonRecipient(other_id).key, subject, now, until)]
    else:
        close_review(session=session, pair=pair, review=review, answers=[*answers, mine], now=now)
        owed = [
            Owed(REVIEW_RESULT, PersonRecipient(member).key, subject, now, until)
            for member in (pair.mentor_id, pair.mentee_id)
        ]
    owe(session=session, owed=owed, now=now)
    return review


def _agreed_format(pair: Pair, answers: list[ReviewAnswer]) -> str:
    """The format both chose, or KEEP; choosing the current format is keeping it."""
    chosen = {KEEP if a.format == pair.format else a.format for a in answers}
    return chosen.pop() if len(chosen) == 1 else DIFFERENT


def close_review(
    *, session: Session, pair: Pair, review: Review, answers: list[ReviewAnswer], now: datetime
) -> None:
    """Close the round; a rhythm change or a format both chose is applied."""
    review.closed_at = now
    current = rhythm_of(pair)
    wished = {a.rhythm for a in answers}
    new_rhythm = None
    if len(wished) > 1:
        review.rhythm_outcome = DIFFERENT
    elif wished == {KEEP}:
        review.rhythm_outcome = KEPT
    else:
        new_rhythm = stepped(current, wished.pop())
        review.rhythm_outcome = APPLIED if new_rhythm else LADDER_END
    agreed, new_format = _agreed_format(pair, answers), current.format
    if agreed in (KEEP, DIFFERENT):
        review.format_outcome = KEPT if agreed == KEEP else DIFFERENT
    else:
        review.format_outcome, new_format = APPLIED, MeetingFormat(agreed)
    session.add(review)
    if new_rhythm is not None or new_format != current.format:
        keep_terms(session=session, pair=pair, changed_by=pair.mentor_id, now=now)
    if new_rhythm is not None:
        rhythm = replace(new_rhythm, format=new_format, start=_anchor(session, pair, now))
        change_rhythm(session=session, pair=pair, rhythm=rhythm, now=now)
    elif new_format != current.format:
        pair.format = new_format.value
        session.add(pair)


def _anchor(session: Session, pair: Pair, now: datetime) -> date:
    """The day a changed rhythm counts from: the pair's last session (or its first day)."""
    assert pair.id is not None
    past = past_sessions(session=session, pair_id=pair.id, now=now)
    if not past:
        return pair.start
    return past[0].occurrence.astimezone(ZoneInfo(pair.timezone)).date()
