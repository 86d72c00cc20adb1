"""The installation store of OAuth mode: one row a workspace (or Grid org), tokens encrypted."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store.models.installation import Installation
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from handlers.slack.installations import InstallationStore, OAuthStateStore
from storage.models import SlackInstallation

KEY = Fernet.generate_key().decode()


def installation(token: str, **where: object) -> Installation:
    return Installation(
        app_id="A0MENTOR",
        bot_token=token,
        bot_id="BBOT",
        bot_user_id="UBOT",
        bot_scopes="commands,chat:write",
        user_id="UINSTALLER",
        **where,  # type: ignore[arg-type]
    )


def test_an_org_wide_install_serves_every_workspace_of_the_org_with_one_encrypted_token(
    core: Core,
) -> None:
    store = InstallationStore(core, KEY)
    org = {"enterprise_id": "E0GRID", "team_id": None, "is_enterprise_install": True}
    asyncio.run(store.async_save(installation("xoxb-grid-1", **org)))
    asyncio.run(store.async_save(installation("xoxb-team-1", team_id="T1ALPHA")))
    bot = asyncio.run(
        store.async_find_bot(enterprise_id="E0GRID", team_id="T9ANY", is_enterprise_install=True)
    )
    assert bot is not None and bot.bot_token == "xoxb-grid-1"
    assert asyncio.run(store.bot_token("T1ALPHA")) == "xoxb-team-1"
    with core.db.session() as session:
        stored = [row.bot_token or "" for row in session.exec(select(SlackInstallation))]
    assert len(stored) == 2 and not any("xoxb" in token for token in stored)
    # Whoever installed is the admin of that workspace or org, named within it.
    assert store.installers() == {"E0GRID:UINSTALLER", "T1ALPHA:UINSTALLER"}
    # Another key reads nothing: no token leaves the database usable without it.
    other_key = InstallationStore(core, Fernet.generate_key().decode())
    assert asyncio.run(other_key.bot_token("T1ALPHA")) is None


def test_a_revoked_workspace_has_no_token_until_it_installs_again(core: Core) -> None:
    store = InstallationStore(core, KEY)
    asyncio.run(store.async_save(installation("xoxb-team-1", team_id="T1ALPHA")))
    assert asyncio.run(store.revoke("T1ALPHA")) and not asyncio.run(store.revoke("T1ALPHA"))
    assert asyncio.run(store.bot_token("T1ALPHA")) is None
    assert store.installers() == frozenset()
    found = asyncio.run(store.async_find_installation(enterprise_id=None, team_id="T1ALPHA"))
    assert found is None
    asyncio.run(store.async_save(installation("xoxb-team-2", team_id="T1ALPHA")))
    assert asyncio.run(store.bot_token("T1ALPHA")) == "xoxb-team-2"


def test_an_oauth_state_is_good_once_and_for_ten_minutes(core: Core, clock: ManualClock) -> None:
    states = OAuthStateStore(core, KEY)
    first, second = asyncio.run(states.async_issue()), asyncio.run(states.async_issue())
    assert asyncio.run(states.async_consume(first)) and not asyncio.run(states.async_consume(first))
    assert not asyncio.run(states.async_consume("never-issued"))
    clock.advance(timedelta(minutes=11))
    assert not asyncio.run(states.async_consume(second))
