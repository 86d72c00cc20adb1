"""Quiet hours: what can wait is not sent during the recipient's night, but at 08:00 their time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.kernel.notice_keys import MalformedKey, PersonRecipient
from bot.planning.notice_kinds import CAN_WAIT
from bot.rhythm.recurrence import local_instant
from storage.models import Notification, Person

NIGHT_STARTS = time(21, 0)
MORNING = time(8, 0)


def morning_after(instant: datetime, zone: str) -> datetime | None:
    """The 08:00 (in `zone`) that ends the night `instant` falls in, as a UTC instant; None if
    `instant` is between 08:00 and 21:00 there. The morning is wall-clock time: a night that
    crosses a change of offset is an hour longer or shorter."""
    local = instant.astimezone(ZoneInfo(zone))
    if MORNING <= local.time() < NIGHT_STARTS:
        return None
    day = local.date() if local.time() < MORNING else local.date() + timedelta(days=1)
    return local_instant(day, MORNING, zone)


def held_until(
    kind: str, zone: str | None, now: datetime, expires_at: datetime | None
) -> datetime | None:
    """When a notification of `kind` due `now` should go instead, for a recipient in `zone`;
    None: now. A kind that cannot wait, a recipient whose zone is unknown, and a message whose
    use ends before the morning (a reminder of a session at dawn) are not held."""
    if kind not in CAN_WAIT or not zone:
        return None
    try:
        morning = morning_after(now, zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if morning is None or (expires_at is not None and morning >= expires_at):
        return None
    return morning


def hold_for_the_night(
    *, rows: Sequence[Notification], now: datetime, people: Mapping[int, Person]
) -> dict[int, datetime]:
    """The rows to hold until their recipient's morning (by id), and until when; `people`,
    the recipients by id (read with the rest of the batch: `bot.notices.load_for`)."""
    held = {}
    for row in rows:
        if row.kind not in CAN_WAIT or row.id is None:
            continue
        try:
            person = people.get(PersonRecipient.parse(row.recipient).person_id)
        except MalformedKey:
            continue  # a channel or a platform user: no zone of theirs to respect
        if person is None:
            continue
        until = held_until(row.kind, person.timezone, now, row.expires_at)
        if until is not None:
            held[row.id] = until
    return held
