"""The simulated workspace's people: a default cast, or a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class PeopleFileError(Exception):
    """The people file cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class SimPerson:
    handle: str  # what you type after @ and after `as`
    name: str
    timezone: str
    locale: str
    admin: bool = False


DEFAULT_PEOPLE = (
    SimPerson("claire", "Claire Martin", "Europe/Paris", "fr-FR"),
    SimPerson("thomas", "Thomas Roy", "America/Montreal", "en-CA"),
    SimPerson("lea", "Léa Dubois", "Europe/Paris", "fr-FR", admin=True),
    SimPerson("sam", "Sam Taylor", "Europe/London", "en-GB"),
)


def load_people(path: Path) -> tuple[SimPerson, ...]:
    """People from a TOML file of `[[person]]` tables (handle, name, timezone, locale, admin)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise PeopleFileError(f"{path}: {error}") from error
    people = []
    for n, entry in enumerate(data.get("person", []), start=1):
        handle = str(entry.get("handle", "")).strip().lstrip("@").lower()
        if not handle or not handle.replace("-", "").replace("_", "").isalnum():
            raise PeopleFileError(f"{path}: person {n} needs a handle of letters and digits")
        zone = str(entry.get("timezone", "UTC"))
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise PeopleFileError(f"{path}: {handle} has an unknown time zone {zone!r}") from error
        people.append(
            SimPerson(
                handle=handle,
                name=str(entry.get("name", handle.title())),
                timezone=zone,
                locale=str(entry.get("locale", "en-US")),
                admin=bool(entry.get("admin", False)),
            )
        )
    if len({p.handle for p in people}) != len(people):
        raise PeopleFileError(f"{path}: two people share a handle")
    if len(people) < 2:
        raise PeopleFileError(f"{path}: at least two [[person]] tables are needed")
    return tuple(people)
