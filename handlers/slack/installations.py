"""OAuth mode: Slack installations and OAuth states in the app's own database, behind
slack_sdk's store interfaces, with each bot token encrypted (Fernet, MENTORBOT_TOKEN_KEY)."""

from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import timedelta
from logging import Logger
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.kernel.core import Core
from bot.kernel.workspaces import qualified
from bot.pairs.lifecycle import workspace_left, workspace_returned
from storage.models import SlackInstallation
from storage.queries.installations import (
    consume_state,
    find_installation,
    installation_admins,
    issue_state,
    revoke_installation,
    save_installation,
)

log = logging.getLogger(__name__)
STATE_LIFETIME = timedelta(minutes=10)  # Bolt's own default for an install under way


def workspace_key(enterprise_id: str | None, team_id: str | None, org_wide: bool | None) -> str:
    """An installation's workspace: the org of an org-wide Grid install, else the team."""
    return (enterprise_id if org_wide and enterprise_id else team_id) or ""


def _stored(row: SlackInstallation, token: str) -> dict[str, Any]:
    """What slack_sdk's Bot and Installation both take from a row."""
    return {
        "app_id": row.app_id,
        "enterprise_id": row.enterprise_id,
        "team_id": row.team_id,
        "bot_token": token,
        "bot_scopes": row.bot_scopes,
        "is_enterprise_install": row.is_enterprise_install,
        "installed_at": row.installed_at.timestamp(),
    }


class InstallationStore(AsyncInstallationStore):
    """One row per workspace; saving a reinstall replaces the token and lifts a revocation."""

    def __init__(self, core: Core, key: str) -> None:
        self.core = core
        self.fernet = Fernet(key.encode())

    @property
    def logger(self) -> Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        workspace = workspace_key(
            installation.enterprise_id, installation.team_id, installation.is_enterprise_install
        )
        token = installation.bot_token
        row = SlackInstallation(
            workspace=workspace,
            team_id=installation.team_id,
            enterprise_id=installation.enterprise_id,
            is_enterprise_install=bool(installation.is_enterprise_install),
            app_id=installation.app_id,
            bot_id=installation.bot_id,
            bot_user_id=installation.bot_user_id,
            bot_scopes=",".join(installation.bot_scopes or []),
            installer_user_id=installation.user_id,
            bot_token=self.fernet.encrypt(token.encode()).decode() if token else None,
            installed_at=self.core.clock.now(),
        )
        await asyncio.to_thread(self._save, row)
        log.info("installed in workspace %s", workspace)

    def _save(self, row: SlackInstallation) -> None:
        with self.core.db.session() as session:
            save_installation(session=session, installation=row)
            workspace_returned(session=session, workspace=row.workspace)

    async def async_save_bot(self, bot: Bot) -> None:
        """Bolt saves the bot with the installation; one row holds both."""

    def _row(self, workspace: str) -> SlackInstallation | None:
        with self.core.db.session() as session:
            return find_installation(session=session, workspace=workspace)

    def token_of(self, row: SlackInstallation | None) -> str | None:
        """The row's bot token in clear; None when revoked (or unreadable with this key)."""
        if row is None or row.revoked_at is not None or row.bot_token is None:
            return None
        try:
            return self.fernet.decrypt(row.bot_token.encode()).decode()
        except InvalidToken:
            log.error("the bot token of workspace %s does not decrypt with this key", row.workspace)
            return None

    async def bot_token(self, workspace: str) -> str | None:
        """The bot token that writes to `workspace`; None if the app is not (or no longer)
        installed there."""
        return self.token_of(await asyncio.to_thread(self._row, workspace))

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        row = await asyncio.to_thread(
            self._row, workspace_key(enterprise_id, team_id, is_enterprise_install)
        )
        token = self.token_of(row)
        if row is None or token is None or row.bot_id is None or row.bot_user_id is None:
            return None
        return Bot(**_stored(row, token), bot_id=row.bot_id, bot_user_id=row.bot_user_id)

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        row = await asyncio.to_thread(
            self._row, workspace_key(enterprise_id, team_id, is_enterprise_install)
        )
        token = self.token_of(row)
        if row is None or token is None or row.installer_user_id is None:
            return None
        if user_id is not None and user_id != row.installer_user_id:
            return None  # no user tokens are kept: only the installer's installation exists
        return Installation(
            **_stored(row, token),
            bot_id=row.bot_id,
            bot_user_id=row.bot_user_id,
            user_id=row.installer_user_id,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.revoke(workspace_key(enterprise_id, team_id, enterprise_id is not None))

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        if user_id is None:
            await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    async def revoke(self, workspace: str) -> bool:
        """Stop writing to `workspace`: its token forgotten, its data kept."""
        revoked = await asyncio.to_thread(self._revoke, workspace)
        if revoked:
            log.info("uninstalled from workspace %s: nothing is sent there any more", workspace)
        return revoked

    def _revoke(self, workspace: str) -> bool:
        now = self.core.clock.now()
        with self.core.db.session() as session:
            if not revoke_installation(session=session, workspace=workspace, now=now):
                return False
            workspace_left(
                session=session, workspace=workspace, now=now, retention=self.core.retention
            )
            return True

    def installers(self) -> frozenset[str]:
        """Who installed the app in each workspace still installed: that workspace's admins."""
        with self.core.db.session() as session:
            return frozenset(
                qualified(workspace, user)
                for workspace, user in installation_admins(session=session)
            )


class OAuthStateStore(AsyncOAuthStateStore):
    """A state per install started, valid ten minutes and consumed once, in the database (so
    that any replica may serve the redirect)."""

    def __init__(self, core: Core) -> None:
        self.core = core

    @property
    def logger(self) -> Logger:
        return log

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        state = secrets.token_urlsafe(24)
        await asyncio.to_thread(self._issue, state)
        return state

    def _issue(self, state: str) -> None:
        with self.core.db.session() as session:
            issue_state(
                session=session, state=state, expires_at=self.core.clock.now() + STATE_LIFETIME
            )

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self._consume, state)

    def _consume(self, state: str) -> bool:
        with self.core.db.session() as session:
            return consume_state(session=session, state=state, now=self.core.clock.now())
