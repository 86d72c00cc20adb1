"""Keeping people's platform profiles (name, time zone, locale) fresh enough."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.kernel.core import Core
from storage.models import Person
from storage.queries.people import get_person, upsert_person

PROFILE_MAX_AGE = timedelta(hours=12)


@dataclass(frozen=True)
class ProfilesNeeded:
    """What a command answers before it runs when someone's profile must be fetched first."""

    external_ids: list[str]


def stale_among(
    session: Session,
    *,
    platform: str,
    external_ids: list[str],
    now: datetime,
    known: Mapping[str, Person | None] | None = None,
) -> list[str]:
    """The ids among `external_ids` whose profile is missing or older than PROFILE_MAX_AGE;
    `known`: people already looked up (None: not stored)."""
    stale = []
    for external_id in dict.fromkeys(external_ids):
        if known is not None and external_id in known:
            person = known[external_id]
        else:
            person = get_person(session=session, platform=platform, external_id=external_id)
        if person is None or person.profile_at is None or now - person.profile_at > PROFILE_MAX_AGE:
            stale.append(external_id)
    return stale


def stale_profiles(core: Core, *, platform: str, external_ids: list[str]) -> list[str]:
    """`stale_among` in a session of its own."""
    with core.db.session() as session:
        return stale_among(
            session, platform=platform, external_ids=external_ids, now=core.clock.now()
        )


def has_profile(core: Core, *, platform: str, external_id: str) -> bool:
    """Whether a profile of this person is stored, however old: it can stand in while the
    platform cannot give a fresh one."""
    with core.db.session() as session:
        person = get_person(session=session, platform=platform, external_id=external_id)
        return person is not None and person.profile_at is not None


def record_profile(
    core: Core,
    *,
    platform: str,
    external_id: str,
    name: str,
    timezone: str | None,
    locale: str | None,
) -> None:
    with core.db.session() as session:
        upsert_person(
            session=session,
            platform=platform,
            external_id=external_id,
            name=name,
            timezone=timezone,
            locale=locale,
            now=core.clock.now(),
        )
