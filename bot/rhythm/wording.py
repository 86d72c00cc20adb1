"""Rhythms, dates, times and durations as people read them, in English or French."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as cldr_date
from babel.dates import format_skeleton, get_date_format, get_day_names
from babel.dates import format_time as cldr_time

from bot.kernel.i18n import Lang, Worded, locale_of, t
from bot.kernel.replies import escape_markup
from bot.rhythm.model import Frequency, Rhythm

# CLDR gives the words (weekdays, months); the order is the one these messages always used, so
# that English reads `Tuesday 1 December 2026` whatever the reader's country.
DATE_PATTERN = "EEEE d MMMM y"
FIRST_OF_MONTH_PATTERN = {"en": DATE_PATTERN, "fr": "EEEE d'er' MMMM y"}  # le 1er décembre
TIME_PATTERN = {"en": "HH:mm", "fr": "H'h'mm"}


def weekday_name(weekday: int, lang: Lang) -> str:
    """0 = Monday: `Thursday` / `jeudi`."""
    return str(get_day_names("wide", locale=locale_of(lang))[weekday])


@lru_cache(maxsize=1024)  # CLDR formatting costs a fifth of a millisecond; reminders repeat days
def format_date(day: date, lang: Lang) -> str:
    """`Monday 30 November 2026` / `lundi 30 novembre 2026`, `mardi 1er décembre 2026`."""
    pattern = FIRST_OF_MONTH_PATTERN[lang] if day.day == 1 else DATE_PATTERN
    return cldr_date(day, pattern, locale=locale_of(lang))


@dataclass(frozen=True)
class WordedDate(Worded):
    """A day an error names, written as `format_date` does once the reader's language is known."""

    day: date

    def in_lang(self, lang: Lang) -> str:
        return format_date(self.day, lang)


def format_short_date(day: date, lang: Lang) -> str:
    """`7 Dec` / `7 déc.`: day and abbreviated month, as CLDR writes them (a chart's axis)."""
    return format_skeleton("dMMM", day, locale=locale_of(lang))


def format_day_of(instant: datetime, zone: str, lang: Lang) -> str:
    """The day of `instant` in `zone`, as `format_date` writes it."""
    return format_date(instant.astimezone(ZoneInfo(zone)).date(), lang)


def format_reader_date(day: date, lang: Lang, locale: str | None) -> str:
    """A date as the reader's own locale writes it (CLDR, through Babel): `Tuesday, March 9,
    2027` for en-US, `Tuesday 9 March 2027` for en-GB, `mardi 9 mars 2027`. A locale of
    another language than the message's (or none, or an unknown one) gives way to it."""
    chosen = locale_of(lang)
    try:
        own = Locale.parse(locale.replace("-", "_")) if locale else chosen
    except (ValueError, UnknownLocaleError):
        own = chosen
    if own.language != lang:
        return format_date(day, lang)
    pattern = get_date_format("full", locale=own).pattern
    if lang == "fr" and day.day == 1:
        pattern = re.sub(r"(?<![d'])d(?![d'])", "d'er'", pattern)
    return cldr_date(day, pattern, locale=own)


@lru_cache(maxsize=1024)
def format_time(at: time, lang: Lang) -> str:
    """`18:00` / `18h00`."""
    return cldr_time(at, TIME_PATTERN[lang], locale=locale_of(lang))


def format_weekday_time(local: datetime, lang: Lang) -> str:
    """`Monday 09:00` / `lundi 9h00`: the weekday and time of `local`, as it reads there."""
    return f"{weekday_name(local.weekday(), lang)} {format_time(local.time(), lang)}"


def format_when(instant: datetime, zone: str, lang: Lang) -> str:
    """`Thursday 3 December 2026, 18:00 (Europe/Paris)`, read in `zone`."""
    local = instant.astimezone(ZoneInfo(zone))
    return t(
        "when.long",
        lang,
        date=format_date(local.date(), lang),
        time=format_time(local.time(), lang),
        zone=zone,
    )


def format_duration(minutes: int, lang: Lang) -> str:
    """`45 min`, `1 h`, `1 h 30`."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("duration.minutes", lang, minutes=rest)
    if not rest:
        return t("duration.hours", lang, hours=hours)
    return t("duration.hours_minutes", lang, hours=hours, minutes=rest)


def describe_rhythm(rhythm: Rhythm, lang: Lang) -> str:
    """`every 2 weeks on Thursday at 18:00 (Europe/Paris), 1 h, by video` (`, link: …`)."""
    weekday = weekday_name(rhythm.weekday, lang)
    if rhythm.frequency is Frequency.MONTHLY:
        ordinal = t(f"ordinal.{rhythm.month_week or 1}", lang)
        recurrence = t(
            "rhythm.monthly", lang, count=rhythm.interval, ordinal=ordinal, weekday=weekday
        )
    else:
        recurrence = t("rhythm.weekly", lang, count=rhythm.interval, weekday=weekday)
    text = t(
        "rhythm.description",
        lang,
        recurrence=recurrence,
        time=format_time(rhythm.local_time, lang),
        zone=rhythm.timezone,
        duration=format_duration(rhythm.duration_minutes, lang),
        format=t(f"format.{rhythm.format.value}", lang),
    )
    if rhythm.link:
        return t("rhythm.with_link", lang, rhythm=text, link=escape_markup(rhythm.link))
    return text


def describe_pair_rhythm(rhythm: Rhythm, reverse: bool, lang: Lang) -> str:
    """The rhythm, labelled when the pair is reverse mentoring."""
    text = describe_rhythm(rhythm, lang)
    return f"{text} ({t('pair.reverse', lang)})" if reverse else text
