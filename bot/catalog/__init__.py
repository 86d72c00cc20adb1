"""The message catalog: every user-facing sentence, in English and French.

Each module of this package holds one area's entries as `{key: {"en": ..., "fr": ...}}`.
"""

from bot.catalog import (
    agreement,
    commands,
    digest,
    forms,
    goals,
    home,
    lifecycle,
    notices,
    privacy,
    reviews,
    rhythm,
    summaries,
    teams,
    terminal,
)

AREAS = (
    agreement,
    commands,
    digest,
    forms,
    goals,
    home,
    lifecycle,
    notices,
    privacy,
    reviews,
    rhythm,
    summaries,
    teams,
    terminal,
)

MESSAGES: dict[str, dict[str, str]] = {
    key: entry for area in AREAS for key, entry in area.MESSAGES.items()
}
