"""A command whose people have fresh profiles runs in one database session; otherwise it
names the profiles to fetch first and runs nothing."""

from __future__ import annotations

from datetime import timedelta

from bot.commands import handle_command
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.replies import Reply
from bot.people.profiles import PROFILE_MAX_AGE, ProfilesNeeded
from storage.queries.people import upsert_person


def known(core: Core, external_id: str) -> None:
    with core.db.session() as session:
        upsert_person(
            session=session,
            platform="slack",
            external_id=external_id,
            name=external_id.lower(),
            timezone="Europe/Paris",
            locale="en-GB",
            now=core.clock.now(),
        )


def sessions_opened(core: Core, monkeypatch) -> list[int]:
    opened: list[int] = []
    session = core.db.session

    def counting():
        opened.append(1)
        return session()

    monkeypatch.setattr(core.db, "session", counting)
    return opened


def test_fresh_people_run_the_command_in_one_session(core: Core, monkeypatch) -> None:
    known(core, "UCLAIRE")
    known(core, "UTHOMAS")
    opened = sessions_opened(core, monkeypatch)
    result = handle_command(
        core, platform="slack", actor_id="UCLAIRE", text="help", fresh=["UTHOMAS"]
    )
    assert isinstance(result, Reply) and not result.is_error
    assert len(opened) == 1


def test_missing_or_old_profiles_are_named_and_nothing_runs(core: Core, clock: ManualClock) -> None:
    known(core, "UCLAIRE")
    assert handle_command(
        core, platform="slack", actor_id="UCLAIRE", text="help", fresh=["UTHOMAS"]
    ) == ProfilesNeeded(["UTHOMAS"])
    assert handle_command(
        core, platform="slack", actor_id="UNEW", text="help", fresh=[]
    ) == ProfilesNeeded(["UNEW"])
    clock.advance(PROFILE_MAX_AGE + timedelta(minutes=1))
    assert handle_command(
        core, platform="slack", actor_id="UCLAIRE", text="help", fresh=[]
    ) == ProfilesNeeded(["UCLAIRE"])
