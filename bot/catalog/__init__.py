"""The message catalog: every user-facing sentence, in English and French.

Each module of this package holds one area's entries as `{key: {"en": ..., "fr": ...}}`. An entry
whose sentence carries a number gives, per language, one text per CLDR plural category instead
(`{"en": {"one": ..., "other": ...}, "fr": {...}}`), chosen by its `count` parameter: see
`bot.catalog.entry`.
"""

from bot.catalog import (
    agreement,
    calendar,
    commands,
    counts,
    delivery,
    digest,
    forms,
    goals,
    health,
    home,
    lifecycle,
    notices,
    privacy,
    quiet_hours,
    reviews,
    rhythm,
    summaries,
    teams,
    terminal,
)
from bot.catalog.entry import Entry

AREAS = (
    agreement,
    calendar,
    commands,
    counts,
    delivery,
    digest,
    forms,
    goals,
    health,
    home,
    lifecycle,
    notices,
    privacy,
    quiet_hours,
    reviews,
    rhythm,
    summaries,
    teams,
    terminal,
)

MESSAGES: dict[str, Entry] = {key: entry for area in AREAS for key, entry in area.MESSAGES.items()}
