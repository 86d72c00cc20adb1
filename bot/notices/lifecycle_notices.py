"""Messages about a pair's life: its end, a call for mediation, a thank-you."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import t
from bot.kernel.notice_keys import (
    ActionDue,
    HelpRequest,
    PairEnd,
    PairPaused,
    PairResumed,
    ThanksNote,
    UserRecipient,
)
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, Section
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.pairs.lifecycle import reader_day
from bot.pairs.trial import STOP
from bot.people.person import is_erased, lang_of, mention, zone_of
from bot.rhythm.wording import format_date, format_when
from bot.sessions.action_items import done_command
from storage.models import ActionItem, Notification, Pair, Person, Thanks
from storage.queries.actions import open_actions
from storage.queries.pairs import ACTIVE, PAUSED, current_pair_counts
from storage.queries.people import get_person
from storage.queries.sessions import next_session


def _member(session: Session, pair: Pair, reader: Person) -> Person:
    other = session.get(Person, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id)
    if other is None:
        raise Gone("other member unknown")
    return other


def pair_ended(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    pair = session.get(Pair, read(PairEnd, row.subject).pair_id)
    if pair is None or pair.ended_at is None:
        raise Gone("pair not ended")
    lang, other = lang_of(reader), _member(session, pair, reader)
    if is_erased(other):
        body = t("end.body.erased", lang)
    elif pair.ended_by_id is None and pair.trial_outcome == STOP:
        body = t("end.body.trial", lang, other=mention(other))
    elif pair.ended_by_id is None:
        body = t("end.body.planned", lang, other=mention(other))
    elif pair.ended_by_id == reader.id:
        body = t("end.body.self", lang, other=mention(other))
    else:
        body = t("end.body", lang, actor=mention(other))
    sections = [Section(body), Section(t("end.retrospective", lang))]
    if pair.retain_until is not None:
        kept = reader_day(reader, pair, pair.retain_until, lang)
        sections.append(Section(t("end.retention", lang, date=kept)))
    if not is_erased(other):
        sections.append(Section(t("end.thank", lang, other=mention(other), mention=mention(other))))
    if reader.id == pair.mentee_id:
        sections.append(Section(t("end.become_mentor", lang)))
    return person_target(reader), Reply(title=t("end.title", lang), sections=tuple(sections))


def help_requested(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To a mediator: who asked, about which pair, when — never any content."""
    mediator, request = read(UserRecipient, row.recipient), read(HelpRequest, row.subject)
    pair, asker = session.get(Pair, request.pair_id), session.get(Person, request.asker_id)
    if pair is None or asker is None:
        raise Gone("pair or asker unknown")
    mentor, mentee = session.get(Person, pair.mentor_id), session.get(Person, pair.mentee_id)
    if mentor is None or mentee is None:
        raise Gone("member unknown")
    reader = get_person(session=session, platform=mediator.platform, external_id=mediator.user_id)
    lang = lang_of(reader) if reader else "en"
    zone = zone_of(reader, zone_of(asker)) if reader else zone_of(asker)
    body = t(
        "helpme.body",
        lang,
        asker=mention(asker),
        mentor=mention(mentor),
        mentee=mention(mentee),
        date=format_when(row.created_at, zone, lang),
    )
    target = Target(platform=mediator.platform, kind="dm", address=mediator.user_id)
    return target, Reply(title=t("helpme.title", lang), sections=(Section(body),))


def thanks(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    note = session.get(Thanks, read(ThanksNote, row.subject).thanks_id)
    author = session.get(Person, note.author_id) if note else None
    if note is None or author is None:
        raise Gone("thanks unknown")
    lang = lang_of(reader)
    return person_target(reader), Reply(
        title=t("thanks.title", lang),
        sections=(Section(t("thanks.body", lang, author=mention(author))), Section(note.text)),
    )


def pair_paused(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    pair = session.get(Pair, read(PairPaused, row.subject).pair_id)
    if pair is None or pair.status != PAUSED:
        raise Gone("pair no longer paused")
    lang, other = lang_of(reader), _member(session, pair, reader)
    if pair.paused_until is None:
        body = t("paused.body", lang, actor=mention(other))
    else:
        date = format_date(pair.paused_until, lang)
        body = t("paused.body_until", lang, actor=mention(other), date=date)
    return person_target(reader), Reply(title=t("paused.title", lang), sections=(Section(body),))


def pair_resumed(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    pair = session.get(Pair, read(PairResumed, row.subject).pair_id)
    if pair is None or pair.status != ACTIVE or pair.id is None:
        raise Gone("pair not active")
    lang, other = lang_of(reader), _member(session, pair, reader)
    following = next_session(session=session, pair_id=pair.id, now=now)
    when = (
        format_when(following.starts_at, zone_of(reader, pair.timezone), lang)
        if following
        else t("session.none_planned", lang)
    )
    body = t("resumed.body", lang, other=mention(other), next=when)
    return person_target(reader), Reply(title=t("resumed.title", lang), sections=(Section(body),))


def action_due(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To an action's owner, the day before it is due — unless it is done."""
    reader = recipient_person(session, row.recipient)
    item = session.get(ActionItem, read(ActionDue, row.subject).action_id)
    pair = session.get(Pair, item.pair_id) if item else None
    if item is None or pair is None or item.done_at is not None or item.due is None:
        raise Gone("action done or gone")
    if pair.status != ACTIVE:
        raise Gone(f"pair {pair.status}")
    lang, other = lang_of(reader), _member(session, pair, reader)
    assert pair.id is not None and reader.id is not None
    number = [a.id for a in open_actions(session=session, pair_id=pair.id)].index(item.id) + 1
    several = current_pair_counts(session=session, person_ids={reader.id})[reader.id] > 1
    body = t(
        "action_due.body",
        lang,
        other=mention(other),
        text=item.text,
        date=format_date(item.due, lang),
        command=done_command(number, lang, other if several else None),
    )
    return person_target(reader), Reply(
        title=t("action_due.title", lang), sections=(Section(body),)
    )
