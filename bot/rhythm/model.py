"""A pair's rhythm: how its sessions recur, in the pair's own time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from bot.kernel.i18n import Worded


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class MeetingFormat(StrEnum):
    VIDEO = "video"
    IN_PERSON = "in_person"
    PHONE = "phone"


class RhythmError(Exception):
    """A rhythm that cannot be used; `code` is its catalog key, `params` fill the text."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params: dict[str, object] = {
            name: value if isinstance(value, Worded | int) else str(value)
            for name, value in params.items()
        }


LAST_WEEK = -1
"""`Rhythm.month_week` value for "the last <weekday> of the month"."""


@dataclass(frozen=True)
class Rhythm:
    """A complete, validated rhythm.

    `interval` counts weeks for weekly rhythms and months for monthly ones. Monthly rhythms
    meet on the `month_week`-th `weekday` of the month (1..4, or LAST_WEEK).
    """

    frequency: Frequency
    interval: int
    weekday: int  # 0 = Monday
    local_time: time
    duration_minutes: int
    timezone: str  # IANA name
    start: date  # the day of the first session
    format: MeetingFormat = MeetingFormat.VIDEO
    month_week: int | None = None
    link: str | None = None  # where to meet (video call), a checked http(s) URL


@dataclass(frozen=True)
class RhythmDraft:
    """What a user typed, before defaults (time zone, first day) are filled in."""

    frequency: Frequency | None = None
    interval: int = 1
    weekday: int | None = None
    local_time: time | None = None
    duration_minutes: int | None = None
    timezone: str | None = None
    start: date | None = None
    format: MeetingFormat | None = None
    month_week: int | None = None
    link: str | None = None
