"""Reading a rhythm typed in English or French, then completing it with defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TypedDict, Unpack
from zoneinfo import ZoneInfo, available_timezones

from bot.kernel.i18n import fold
from bot.rhythm.link import LINK_START, LINK_WORDS, parse_link
from bot.rhythm.model import LAST_WEEK, Frequency, MeetingFormat, Rhythm, RhythmDraft
from bot.rhythm.model import RhythmError as RhythmError
from bot.rhythm.recurrence import local_instant
from bot.rhythm.wording import WordedDate

DEFAULT_DURATION = 60
MIN_DURATION, MAX_DURATION = 15, 8 * 60
MAX_INTERVAL = 12


class DraftFields(TypedDict, total=False):
    """The draft's fields one phrase of the rhythm fills."""

    frequency: Frequency
    interval: int
    weekday: int
    local_time: time
    duration_minutes: int
    timezone: str
    start: date
    format: MeetingFormat
    month_week: int
    link: str | None


WEEKDAYS = {
    **dict.fromkeys(("monday", "mon", "lundi"), 0),
    **dict.fromkeys(("tuesday", "tue", "tues", "mardi"), 1),
    **dict.fromkeys(("wednesday", "wed", "mercredi"), 2),
    **dict.fromkeys(("thursday", "thu", "thur", "thurs", "jeudi"), 3),
    **dict.fromkeys(("friday", "fri", "vendredi"), 4),
    **dict.fromkeys(("saturday", "sat", "samedi"), 5),
    **dict.fromkeys(("sunday", "sun", "dimanche"), 6),
}
ORDINALS = {
    **dict.fromkeys(("first", "1st", "premier", "1er", "1ere", "premiere"), 1),
    **dict.fromkeys(("second", "2nd", "deuxieme", "2e", "2eme", "seconde"), 2),
    **dict.fromkeys(("third", "3rd", "troisieme", "3e", "3eme"), 3),
    **dict.fromkeys(("fourth", "4th", "quatrieme", "4e", "4eme"), 4),
    **dict.fromkeys(("fifth", "5th", "cinquieme", "5e", "5eme", "last", "dernier"), LAST_WEEK),
    "derniere": LAST_WEEK,
}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
}  # fmt: skip
WEEK_UNITS = {"week", "weeks", "semaine", "semaines"}
MONTH_UNITS = {"month", "months", "mois"}
FORMATS = {
    **dict.fromkeys(("video", "visio", "visioconference", "zoom", "teams", "meet"), "video"),
    **dict.fromkeys(
        ("in-person", "inperson", "presentiel", "onsite", "on-site", "face-to-face"), "in_person"
    ),
    **dict.fromkeys(("phone", "telephone", "call", "tel"), "phone"),
}
FILLERS = {
    "on", "the", "at", "a", "le", "la", "l", "les", "from", "starting", "start", "des", "du",
    "partir", "de", "via", "en", "par", "and", "et", "with", "avec", "of", "day", "jour",
}  # fmt: skip
DURATION_WORDS = {"for", "pendant", "durant", "duree", "lasting"}
ZONE_WORDS = {"tz", "timezone", "zone", "fuseau", "time-zone"}

TIME = re.compile(r"^(\d{1,2})(?:([:h.])(\d{2})?)?(am|pm)?$")
MINUTES = re.compile(r"^(\d{1,3})(?:m|min|mins|minute|minutes|mn)$")
HOURS = re.compile(r"^(\d{1,2}(?:[.,]\d+)?)h(?:(\d{2})(?:m|min)?)?$")
ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@cache
def _zones() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def canonical_zone(name: str) -> str:
    """The IANA spelling of `name` (any case); RhythmError when there is no such zone."""
    found = _zones().get(name.strip().lower())
    if found is None:
        raise RhythmError("rhythm.unknown_zone", zone=name)
    return found


@dataclass
class _Reader:
    """Walks the words of a rhythm once, filling a draft."""

    raw: list[str]
    words: list[str]
    draft: RhythmDraft = field(default_factory=RhythmDraft)
    position: int = 0
    said: dict[str, str] = field(default_factory=dict)

    def peek(self, ahead: int = 0) -> str:
        index = self.position + ahead
        return self.words[index] if index < len(self.words) else ""

    def take(self) -> str:
        self.position += 1
        return self.words[self.position - 1]

    def original(self, start: int) -> str:
        return " ".join(self.raw[start : self.position])

    def set(self, begin: int, /, **fields: Unpack[DraftFields]) -> None:
        """Fill fields of the draft; a field given twice with different values is a conflict."""
        for name, value in fields.items():
            if name in self.said and getattr(self.draft, name) != value:
                raise RhythmError(
                    "rhythm.conflict", first=self.said[name], second=self.original(begin)
                )
            self.said[name] = self.original(begin)
        self.draft = replace(self.draft, **fields)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _weekday(word: str) -> int | None:
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    if word.endswith("s") and word[:-1] in WEEKDAYS:
        return WEEKDAYS[word[:-1]]
    return None


def _interval(reader: _Reader, start: int, value: int) -> int:
    if not 1 <= value <= MAX_INTERVAL:
        raise RhythmError("rhythm.bad_interval", value=reader.original(start))
    return value


def _read_every(reader: _Reader, start: int) -> None:
    """After `every`, `each`, `chaque`, `toutes (les)`, `tous (les)`."""
    if reader.peek() == "les":
        reader.take()
    if reader.peek() == "other":
        reader.take()
        count = 2
    else:
        count = _number(reader.peek()) or 0
        if count:
            reader.take()
        count = count or 1
    unit = reader.take() if reader.position < len(reader.words) else ""
    if unit in WEEK_UNITS:
        reader.set(start, frequency=Frequency.WEEKLY, interval=_interval(reader, start, count))
    elif unit in MONTH_UNITS:
        reader.set(start, frequency=Frequency.MONTHLY, interval=_interval(reader, start, count))
    elif (day := _weekday(unit)) is not None and count == 1:
        reader.set(start, frequency=Frequency.WEEKLY, interval=1, weekday=day)
    else:
        raise RhythmError("rhythm.unknown_word", word=reader.original(start))


def _read_time(reader: _Reader, start: int, word: str) -> bool:
    match = TIME.match(word)
    if not match:
        return False
    hour_text, separator, minute_text, meridiem = match.groups()
    if meridiem is None and reader.peek() in ("am", "pm"):
        meridiem = reader.take()
    if separator is None and meridiem is None:
        return False  # a bare number is not a time
    hour, minute = int(hour_text), int(minute_text or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            raise RhythmError("rhythm.bad_time", value=reader.original(start))
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise RhythmError("rhythm.bad_time", value=reader.original(start))
    reader.set(start, local_time=time(hour, minute))
    return True


def _duration_minutes(reader: _Reader) -> int | None:
    """A duration at the reader's position (`45m`, `1h30`, `1.5h`, `90 minutes`, `2 hours`)."""
    word = reader.peek()
    if match := MINUTES.match(word):
        reader.take()
        return int(match.group(1))
    if match := HOURS.match(word):
        reader.take()
        hours = float(match.group(1).replace(",", "."))
        return round(hours * 60) + int(match.group(2) or 0)
    number = word.replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", number):
        unit = reader.peek(1)
        if unit in ("h", "hour", "hours", "heure", "heures", "hr", "hrs"):
            reader.position += 2
            minutes = round(float(number) * 60)
            if re.fullmatch(r"\d{2}", reader.peek()):  # `1 h 30`
                minutes += int(reader.take())
            return minutes
        if unit in ("m", "min", "mins", "minute", "minutes", "mn"):
            reader.position += 2
            return int(float(number))
    return None


def _read_duration(reader: _Reader, start: int) -> None:
    minutes = _duration_minutes(reader)
    if minutes is None:
        reader.position = min(reader.position + 1, len(reader.words))
        raise RhythmError("rhythm.bad_duration", value=reader.original(start))
    if not MIN_DURATION <= minutes <= MAX_DURATION:
        raise RhythmError("rhythm.bad_duration", value=reader.original(start))
    reader.set(start, duration_minutes=minutes)


def _read_date(reader: _Reader, start: int, word: str) -> bool:
    try:
        if ISO_DATE.match(word):
            day = date(*(int(part) for part in word.split("-")))
        elif match := FR_DATE.match(word):
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        elif re.fullmatch(r"\d{4}-[\d-]+|\d{1,2}/[\d/]+", word):
            raise ValueError(word)
        else:
            return False
    except ValueError as error:
        raise RhythmError("rhythm.bad_date", value=reader.original(start)) from error
    reader.set(start, start=day)
    return True


def _read_one(reader: _Reader) -> None:
    start = reader.position
    word = reader.take()
    if word in ("weekly", "hebdo", "hebdomadaire", "hebdomadaires"):
        reader.set(start, frequency=Frequency.WEEKLY, interval=1)
    elif word in ("biweekly", "fortnightly", "bimensuel"):
        reader.set(start, frequency=Frequency.WEEKLY, interval=2)
    elif word in ("monthly", "mensuel", "mensuelle", "mensuels"):
        reader.set(start, frequency=Frequency.MONTHLY, interval=1)
    elif word in ("every", "each", "chaque", "toutes", "tous"):
        _read_every(reader, start)
    elif word == "une" and reader.words[reader.position : reader.position + 3] == [
        "semaine",
        "sur",
        "deux",
    ]:
        reader.position += 3
        reader.set(start, frequency=Frequency.WEEKLY, interval=2)
    elif word in ORDINALS and (day := _weekday(reader.peek())) is not None:
        reader.take()
        reader.set(start, month_week=ORDINALS[word], weekday=day)
    elif (day := _weekday(word)) is not None:
        reader.set(start, weekday=day)
    elif word in DURATION_WORDS:
        _read_duration(reader, start)
    elif word in ZONE_WORDS:
        if reader.position >= len(reader.words):
            raise RhythmError("rhythm.unknown_zone", zone="")
        reader.take()
        reader.set(start, timezone=canonical_zone(reader.raw[reader.position - 1]))
    elif word in LINK_WORDS:
        if reader.position >= len(reader.words):
            raise RhythmError("rhythm.bad_link.missing")
        reader.take()
        reader.set(start, link=parse_link(reader.raw[reader.position - 1]))
    elif LINK_START.match(reader.raw[start].lstrip("<")):
        reader.set(start, link=parse_link(reader.raw[start]))
    elif word in FORMATS:
        reader.set(start, format=MeetingFormat(FORMATS[word]))
    elif word == "in" and reader.peek() == "person":
        reader.take()
        reader.set(start, format=MeetingFormat.IN_PERSON)
    elif MINUTES.match(word):
        reader.position -= 1
        _read_duration(reader, start)
    elif _read_time(reader, start, word) or _read_date(reader, start, word) or word in FILLERS:
        return
    elif "/" in word and word.count("/") == 1 and word[0].isalpha():
        reader.set(start, timezone=canonical_zone(reader.raw[start]))
    else:
        raise RhythmError("rhythm.unknown_word", word=reader.raw[start])


def parse_rhythm(text: str) -> RhythmDraft:
    """A draft from words such as `every 2 weeks on thursday at 18:00 for 1h tz Europe/Paris`."""
    raw = [w.strip(",;") for w in text.replace("’", "'").split() if w.strip(",;")]
    raw = [part for word in raw for part in _split_elision(word)]
    if not raw:
        raise RhythmError("rhythm.empty")
    reader = _Reader(raw=raw, words=[fold(w) for w in raw])
    while reader.position < len(reader.words):
        _read_one(reader)
    return reader.draft


def _split_elision(word: str) -> list[str]:
    """`l'heure` → `l'`, `heure`; `d'une` → `d'`, `une`."""
    head, apostrophe, tail = word.partition("'")
    if apostrophe and tail and len(head) <= 2:
        return [head, tail]
    return [word]


def _nth_weekday(year: int, month: int, weekday: int, month_week: int) -> date:
    """The `month_week`-th `weekday` of a month (LAST_WEEK for the last one)."""
    if month_week == LAST_WEEK:
        following = date(year + month // 12, month % 12 + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (month_week - 1))


def month_week_of(day: date) -> int:
    """Which `weekday` of its month `day` is: 1..4, or LAST_WEEK for a fifth one."""
    ordinal = (day.day - 1) // 7 + 1
    return LAST_WEEK if ordinal == 5 else ordinal


def _first_day(draft: RhythmDraft, weekday: int, at: time, zone: str, now: datetime) -> date:
    """The first day after `now` that fits the rhythm."""
    today = now.astimezone(ZoneInfo(zone)).date()
    if draft.frequency is Frequency.MONTHLY and draft.month_week is not None:
        year, month = today.year, today.month
        for _ in range(14):
            day = _nth_weekday(year, month, weekday, draft.month_week)
            if local_instant(day, at, zone) > now:
                return day
            year, month = year + month // 12, month % 12 + 1
        raise AssertionError("unreachable: every month has each weekday")
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    if local_instant(day, at, zone) <= now:
        day += timedelta(days=7)
    return day


def complete_rhythm(
    draft: RhythmDraft, *, default_timezone: str, now: datetime, not_before: datetime | None = None
) -> Rhythm:
    """A full rhythm from a draft: defaults filled, the first session's day found and checked.
    Without a first day (`from`), the first session comes after `not_before` (default: now);
    a `from` is taken as asked, as long as it is after now."""
    if draft.frequency is None:
        raise RhythmError("rhythm.missing_frequency")
    if draft.local_time is None:
        raise RhythmError("rhythm.missing_time")
    zone = canonical_zone(draft.timezone or default_timezone)
    weekday = draft.weekday
    if weekday is None:
        if draft.start is None:
            raise RhythmError("rhythm.missing_weekday")
        weekday = draft.start.weekday()
    month_week = draft.month_week
    if draft.start is not None:
        start = draft.start
        if start.weekday() != weekday:
            raise RhythmError("rhythm.start_not_weekday", date=WordedDate(start))
        if local_instant(start, draft.local_time, zone) <= now:
            raise RhythmError("rhythm.start_in_past", date=WordedDate(start))
        if draft.frequency is Frequency.MONTHLY:
            derived = month_week_of(start)
            if month_week is None:
                month_week = derived
            elif month_week != derived and not (
                month_week == LAST_WEEK
                and _nth_weekday(start.year, start.month, weekday, LAST_WEEK) == start
            ):
                raise RhythmError("rhythm.start_not_ordinal", date=WordedDate(start))
    else:
        start = _first_day(draft, weekday, draft.local_time, zone, max(now, not_before or now))
        if draft.frequency is Frequency.MONTHLY and month_week is None:
            month_week = month_week_of(start)
    return Rhythm(
        frequency=draft.frequency,
        interval=draft.interval,
        weekday=weekday,
        local_time=draft.local_time,
        duration_minutes=draft.duration_minutes or DEFAULT_DURATION,
        timezone=zone,
        start=start,
        format=draft.format or MeetingFormat.VIDEO,
        month_week=month_week if draft.frequency is Frequency.MONTHLY else None,
        link=draft.link,
    )
