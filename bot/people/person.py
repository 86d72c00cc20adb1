"""People as the core sees them: language, time zone, how to name them."""

from __future__ import annotations

import re
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.kernel.i18n import Lang, lang_from_locale, t
from bot.kernel.notice_keys import PersonRecipient
from bot.kernel.replies import rewrite_text
from storage.models import ERASED_PREFIX, Person
from storage.queries.personal_data import ERASED_MENTION

DEFAULT_ZONE = "UTC"
T = TypeVar("T")


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
    return is_erased_id(person.external_id)


def is_erased_id(external_id: str) -> bool:
    """`is_erased` of the person with this platform id."""
    return external_id.startswith(ERASED_PREFIX)


FORMER_MEMBER = ERASED_MENTION
"""Stands for an erased person until the message meets its reader's language."""


def mention(person: Person) -> str:
    """The core's mention token for a person; for an erased person, a token that
    `in_readers_language` turns into "a former member" in the reader's language."""
    return FORMER_MEMBER if is_erased(person) else f"<@{person.external_id}>"


def in_readers_language(value: T, lang: Lang) -> T:
    """`value` (a reply, a form, a page) with every erased person named in `lang`."""
    former = t("person.former", lang)
    capital = former[:1].upper() + former[1:]

    def named(text: str) -> str:
        # At the start of a sentence, a capital: "A former member accepted…".
        text = _SENTENCE_START.sub(lambda m: m.group(1) + capital, text)
        if lang == "fr":  # "de un ancien membre" → "d'un ancien membre", "que un" → "qu'un"
            text = _FRENCH_ELISION.sub(lambda m: m.group(1)[:-1] + "'" + former, text)
        return text.replace(FORMER_MEMBER, former)

    return rewrite_text(value, named, lambda text: FORMER_MEMBER in text)


_FRENCH_ELISION = re.compile(r"\b([dD]e|[qQ]ue) " + re.escape(FORMER_MEMBER))
_SENTENCE_START = re.compile(r"(^|[.!?:]\s+|\n(?:• )?|\*)" + re.escape(FORMER_MEMBER))


def recipient(person: Person) -> PersonRecipient:
    """The notification recipient key of a person."""
    assert person.id is not None
    return PersonRecipient(person.id)
