"""Composing each kind of owed notification into a neutral message for its recipient."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlmodel import Session, SQLModel

from bot.kernel.i18n import Lang
from bot.kernel.notice_keys import MalformedKey, PersonRecipient
from bot.kernel.ports import Target
from bot.kernel.replies import Reply
from bot.notices.admin_notices import delivery_refused, member_left, member_unreachable
from bot.notices.agreement_notices import (
    agreement_card,
    pair_started,
    planned_end_soon,
    trial_check,
    trial_outcome,
)
from bot.notices.calendar_notices import calendar_update, calendar_updates
from bot.notices.change_notices import session_moved, session_skipped
from bot.notices.context import Composer, Gone, ids_of
from bot.notices.digest_notice import digest
from bot.notices.health_notices import member_silent, pair_stalled, stall_alert, stall_notices
from bot.notices.home_notices import home_refresh
from bot.notices.lifecycle_notices import (
    action_due,
    help_requested,
    pair_ended,
    pair_paused,
    pair_resumed,
    thanks,
)
from bot.notices.review_notices import review_awaited, review_due, review_result
from bot.notices.session_notices import reminder, reminders, summary_nudge, summary_request
from bot.notices.summary_notices import (
    dm_not_expected,
    summaries_shared,
    summary_recorded,
    summary_shared,
    summary_twice,
    summary_which,
)
from bot.notices.terms_notices import terms_answered, terms_lapsed, terms_proposed
from bot.people.person import FORMER_MEMBER, in_readers_language, lang_of
from bot.planning import notice_kinds as kinds
from storage.models import Notification, Person
from storage.queries.preload import load_by_ids

COMPOSERS: dict[str, Composer] = {
    kinds.PAIR_CREATED: agreement_card,
    kinds.AGREEMENT_REMINDER: agreement_card,
    kinds.PAIR_STARTED: pair_started,
    kinds.TERMS_PROPOSED: terms_proposed,
    kinds.TERMS_REMINDER: terms_proposed,
    kinds.TERMS_ANSWERED: terms_answered,
    kinds.TERMS_LAPSED: terms_lapsed,
    kinds.TRIAL_CHECK: trial_check,
    kinds.TRIAL_OUTCOME: trial_outcome,
    kinds.PLANNED_END_SOON: planned_end_soon,
    kinds.REMINDER: reminder,
    kinds.SUMMARY_REQUEST: summary_request,
    kinds.SUMMARY_REQUEST_NEXT_DAY: summary_request,
    kinds.SUMMARY_NUDGE: summary_nudge,
    kinds.SUMMARY_SHARED: summary_shared,
    kinds.SUMMARY_RECORDED: summary_recorded,
    kinds.SUMMARY_WHICH: summary_which,
    kinds.SUMMARY_TWICE: summary_twice,
    kinds.DM_NOT_EXPECTED: dm_not_expected,
    kinds.SESSION_SKIPPED: session_skipped,
    kinds.SESSION_MOVED: session_moved,
    kinds.DIGEST: digest,
    kinds.PAIR_ENDED: pair_ended,
    kinds.HELP_REQUESTED: help_requested,
    kinds.THANKS: thanks,
    kinds.PAIR_PAUSED: pair_paused,
    kinds.PAIR_RESUMED: pair_resumed,
    kinds.ACTION_DUE: action_due,
    kinds.REVIEW_DUE: review_due,
    kinds.REVIEW_AWAITED: review_awaited,
    kinds.REVIEW_RESULT: review_result,
    kinds.MEMBER_UNREACHABLE: member_unreachable,
    kinds.PAIR_STALLED: pair_stalled,
    kinds.STALL_ALERT: stall_alert,
    kinds.MEMBER_SILENT: member_silent,
    kinds.DELIVERY_REFUSED: delivery_refused,
    kinds.MEMBER_LEFT: member_left,
    kinds.CALENDAR_UPDATE: calendar_update,
    kinds.HOME_REFRESH: home_refresh,
}
BATCH_COMPOSERS: dict[str, Callable[[Session, list[Notification]], Composer]] = {
    kinds.REMINDER: reminders,
    kinds.PAIR_STALLED: stall_notices,
    kinds.STALL_ALERT: stall_notices,
    kinds.CALENDAR_UPDATE: calendar_updates,
    kinds.SUMMARY_SHARED: summaries_shared,
}
"""Kinds whose composer reads more than the rows' sessions, pairs and people: made for a batch
of rows of the kind, its reads done for them all at once."""
COMPOSED_ALONE = frozenset({kinds.DIGEST})
"""Kinds whose composer reads the whole programme (seconds at 100,000 pairs): composed each on
its own when its send comes, not with the batch it was claimed in, so that the batch's other
rows and the next claim do not wait for it."""


def load_for(session: Session, rows: Sequence[Notification]) -> list[SQLModel]:
    """The sessions, pairs and people the rows name (and the pairs' members), loaded into
    `session` at once: its `get` finds them without a query while the caller keeps the list."""
    session_ids, pair_ids, person_ids = ids_of(rows)
    return load_by_ids(
        session=session, session_ids=session_ids, pair_ids=pair_ids, person_ids=person_ids
    )


def compose_all(
    session: Session,
    rows: list[Notification],
    now: datetime,
    *,
    loaded: Sequence[SQLModel] | None = None,
) -> list[tuple[Target, Reply] | Exception]:
    """Each row's target and message, or what stopped it (Gone: drop it), in one session: the
    sessions, pairs and people the rows name are loaded at once, not row by row (`loaded`:
    what `load_for` returned for these rows or more, when the caller read them first)."""
    kept = load_for(session, rows) if loaded is None else loaded
    composers = dict(COMPOSERS)
    for kind, batch_composer in BATCH_COMPOSERS.items():
        if of_kind := [row for row in rows if row.kind == kind]:
            composers[kind] = batch_composer(session, of_kind)
    results: list[tuple[Target, Reply] | Exception] = []
    for row in rows:
        try:
            results.append(compose(session, row, now, composers))
        except Gone as gone:
            results.append(gone)
        except Exception as error:  # a bug: this row fails, the others are still composed
            session.rollback()
            results.append(error)
    del kept
    return results


def compose(
    session: Session, row: Notification, now: datetime, composers: dict[str, Composer] = COMPOSERS
) -> tuple[Target, Reply]:
    """The target and message of `row`; raises Gone when it should be dropped."""
    composer = composers.get(row.kind)
    if composer is None:
        raise Gone(f"unknown kind {row.kind}")
    target, reply = composer(session, row, now)
    if FORMER_MEMBER in reply.fallback_text:
        reply = in_readers_language(reply, reader_lang(session, row))
    return target, reply


def reader_lang(session: Session, row: Notification) -> Lang:
    """The language of the person a row is for (English for a channel or an unknown user)."""
    try:
        person = session.get(Person, PersonRecipient.parse(row.recipient).person_id)
    except MalformedKey:
        return "en"
    return lang_of(person) if person is not None else "en"
