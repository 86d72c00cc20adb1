"""Rhythms, dates, times and durations as people read them, in English or French."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as cldr_date

from bot.kernel.i18n import Lang, t
from bot.rhythm.model import Frequency, Rhythm


def weekday_name(weekday: int, lang: Lang) -> str:
    """0 = Monday."""
    return t(f"weekday.{weekday}", lang)


def format_date(day: date, lang: Lang) -> str:
    """`Monday 30 November 2026` / `lundi 30 novembre 2026`."""
    return t(
        "date.long",
        lang,
        weekday=weekday_name(day.weekday(), lang),
        day=day.day,
        month=t(f"month.{day.month}", lang),
        year=day.year,
    )


def format_day_of(instant: datetime, zone: str, lang: Lang) -> str:
    """The day of `instant` in `zone`, as `format_date` writes it."""
    return format_date(instant.astimezone(ZoneInfo(zone)).date(), lang)


def format_reader_date(day: date, lang: Lang, locale: str | None) -> str:
    """A date as the reader's own locale writes it (CLDR, through Babel): `Tuesday, March 9,
    2027` for en-US, `Tuesday 9 March 2027` for en-GB, `mardi 9 mars 2027`. A locale of
    another language than the message's (or none, or an unknown one) gives way to it."""
    chosen = Locale.parse(lang)
    try:
        own = Locale.parse(locale.replace("-", "_")) if locale else chosen
    except (ValueError, UnknownLocaleError):
        own = chosen
    return cldr_date(day, format="full", locale=own if own.language == lang else chosen)


def format_time(at: time, lang: Lang) -> str:
    """`18:00` / `18h00`."""
    return t("time.short", lang, hour=at.hour, minute=at.minute)


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
    """`every 2 weeks on Thursday at 18:00 (Europe/Paris), 1 h, by video`."""
    weekday = weekday_name(rhythm.weekday, lang)
    many = "1" if rhythm.interval == 1 else "n"
    if rhythm.frequency is Frequency.MONTHLY:
        recurrence = t(
            f"rhythm.monthly.{many}",
            lang,
            interval=rhythm.interval,
            ordinal=t(f"ordinal.{rhythm.month_week or 1}", lang),
            weekday=weekday,
        )
    else:
        recurrence = t(f"rhythm.weekly.{many}", lang, interval=rhythm.interval, weekday=weekday)
    return t(
        "rhythm.description",
        lang,
        recurrence=recurrence,
        time=format_time(rhythm.local_time, lang),
        zone=rhythm.timezone,
        duration=format_duration(rhythm.duration_minutes, lang),
        format=t(f"format.{rhythm.format.value}", lang),
    )


def describe_pair_rhythm(rhythm: Rhythm, reverse: bool, lang: Lang) -> str:
    """The rhythm, labelled when the pair is reverse mentoring."""
    text = describe_rhythm(rhythm, lang)
    return f"{text} ({t('pair.reverse', lang)})" if reverse else text
