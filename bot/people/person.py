"""People as the core sees them: language, time zone, how to name them."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.kernel.i18n import Lang, lang_from_locale
from bot.kernel.notice_keys import PersonRecipient
from storage.models import ERASED_PREFIX, Person

DEFAULT_ZONE = "UTC"


def lang_of(person: Person) -> Lang:
    return lang_from_locale(person.locale)


def zone_of(person: Person, fallback: str = DEFAULT_ZONE) -> str:
    """The person's IANA zone if known and valid, else `fallback`."""
    if person.timezone:
        try:
            ZoneInfo(person.timezone)
            return person.timezone
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return fallback


def is_erased(person: Person) -> bool:
    """Someone whose data was erased at their request: nothing is left to name them."""
    return person.external_id.startswith(ERASED_PREFIX)


def mention(person: Person) -> str:
    """The core's mention token for a person (a dash for an erased person)."""
    return "—" if is_erased(person) else f"<@{person.external_id}>"


def recipient(person: Person) -> PersonRecipient:
    """The notification recipient key of a person."""
    assert person.id is not None
    return PersonRecipient(person.id)
