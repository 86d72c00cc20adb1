"""Keeping people's platform profiles (name, time zone, locale) fresh enough."""

from __future__ import annotations

from datetime import timedelta

from bot.core import Core
from storage.queries.people import get_person, upsert_person

PROFILE_MAX_AGE = timedelta(hours=12)


def stale_profiles(core: Core, *, platform: str, external_ids: list[str]) -> list[str]:
    """The ids among `external_ids` whose profile is missing or older than PROFILE_MAX_AGE."""
    now = core.clock.now()
    with core.db.session() as session:
        stale = []
        for external_id in dict.fromkeys(external_ids):
            person = get_person(session=session, platform=platform, external_id=external_id)
            if (
                person is None
                or person.profile_at is None
                or now - person.profile_at > PROFILE_MAX_AGE
            ):
                stale.append(external_id)
        return stale


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
