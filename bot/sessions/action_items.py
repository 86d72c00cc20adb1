"""Action items agreed in a session's summary: who does what by when, and the day-before nudge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, t
from bot.kernel.notice_keys import ActionDue, PersonRecipient
from bot.kernel.replies import Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.planning.notice_kinds import ACTION_DUE
from bot.rhythm.recurrence import local_instant
from bot.rhythm.wording import format_date
from storage.models import ActionItem, MeetingSession, Pair, Person
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import CURRENT

DUE_REMINDER_HOUR = 9  # the day before the due date, at the start of the owner's working day
MAX_TEXT = 500


@dataclass(frozen=True)
class NewAction:
    text: str
    owner: str  # "mentor" or "mentee"
    due: date | None


def add_actions(
    *,
    session: Session,
    pair: Pair,
    meeting: MeetingSession | None,
    actions: list[NewAction],
    author: Person,
    people: dict[int, Person],
    now: datetime,
) -> list[ActionItem]:
    """Store the actions `author` wrote and owe each dated one its owner's reminder the day
    before."""
    assert pair.id is not None and author.id is not None
    created = []
    for action in actions:
        owner_id = pair.mentor_id if action.owner == "mentor" else pair.mentee_id
        item = ActionItem(
            pair_id=pair.id,
            session_id=meeting.id if meeting else None,
            owner_id=owner_id,
            author_id=author.id,
            text=action.text,
            due=action.due,
            created_at=now,
        )
        session.add(item)
        created.append(item)
    session.flush()
    owed = []
    for item in created:
        if item.due is None or item.id is None:
            continue
        zone = zone_of(people[item.owner_id], pair.timezone)
        at = local_instant(item.due - timedelta(days=1), time(DUE_REMINDER_HOUR), zone)
        until = at + timedelta(days=1)
        recipient, subject = PersonRecipient(item.owner_id).key, ActionDue(item.id).key
        owed.append(Owed(ACTION_DUE, recipient, subject, max(at, now), until))
    owe(session=session, owed=owed, now=now)
    return created


def action_line(
    item: ActionItem, people: dict[int, Person], lang: Lang, today: date | None = None
) -> str:
    """`text — @owner, by date` (marked when done, or overdue on `today` when given)."""
    owner = mention(people[item.owner_id])
    due = t("actions.by", lang, date=format_date(item.due, lang)) if item.due else ""
    mark = ""
    if item.done_at:
        mark = f" {t('agenda.done_mark', lang)}"
    elif today is not None and item.due is not None and item.due < today:
        mark = f" {t('actions.overdue_mark', lang)}"
    return f"{' '.join(item.text.split())[:280]} — {owner}{due}{mark}"


def action_lines(
    items: list[ActionItem], people: dict[int, Person], lang: Lang, today: date | None = None
) -> str:
    """`1. text — @owner, by date` lines (done ones marked, overdue ones too given `today`)."""
    return "\n".join(
        f"{number}. {action_line(item, people, lang, today)}"
        for number, item in enumerate(items, 1)
    )


def done_command(number: int, lang: Lang, other: Person | None = None) -> str:
    """`/mentor actions done 3` in the reader's words; with the other member's mention when
    the reader is in several pairs (`/mentor actions @thomas done 3`), as the command needs."""
    pair = f"{mention(other)} " if other is not None else ""
    return t("actions.done_command", lang, pair=pair, n=number)


def finish_action(ctx: ActorContext, item: ActionItem) -> Reply:
    """Mark an action done (either member may)."""
    if item.done_at is None:
        item.done_at = ctx.now
        ctx.session.add(item)
    return say(t("actions.marked_done", ctx.lang, text=item.text))


def press_action_done(ctx: ActorContext, action_id: int) -> Reply:
    """The "done" button of an action item."""
    item = ctx.session.get(ActionItem, action_id)
    if item is None:
        raise UserError("pair.not_yours")
    ctx.own_pair(item.pair_id, CURRENT)
    return finish_action(ctx, item)
