"""OAuth mode: Slack installations and OAuth states in the app's own database, behind
slack_sdk's store interfaces, with each bot token encrypted (Fernet, MENTORBOT_TOKEN_KEY)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
import secrets
import struct
from datetime import UTC, datetime, timedelta
from logging import Logger
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy.exc import IntegrityError

from bot.kernel.core import Core
from bot.kernel.workspaces import qualified
from bot.pairs.lifecycle import workspace_left, workspace_returned
from storage.models import SlackInstallation
from storage.queries.installations import (
    consume_state,
    find_installation,
    installation_admins,
    revoke_installation,
    save_installation,
)

log = logging.getLogger(__name__)
STATE_LIFETIME = timedelta(minutes=10)  # Bolt's own default for an install under way
# A state: a random nonce, its expiry (Unix seconds) and the HMAC-SHA256 of both, in URL-safe
# base64 without padding (56 bytes make 75 characters).
NONCE_BYTES = 16
EXPIRY = struct.Struct(">Q")
MAC_BYTES = hashlib.sha256().digest_size
STATE_SHAPE = re.compile(r"[A-Za-z0-9_-]{75}")


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


def _text(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class OAuthStateStore(AsyncOAuthStateStore):
    """States that cost nothing to hand out: each carries its expiry and is signed, so that
    anyone may open `GET /slack/install` without a database write, and any replica can check
    the redirect. The signing key derives from MENTORBOT_TOKEN_KEY, which OAuth mode always
    has (and which, unlike the client secret, Slack never sees). A state is recorded only when
    a redirect consumes it (Bolt asks only once the state cookie matches), to refuse it a second
    time; the records of expired states are cleared then."""

    def __init__(self, core: Core, key: str) -> None:
        self.core = core
        # A key of its own: the tokens' encryption key itself signs nothing.
        self.mac_key = hmac.new(key.encode(), b"slack oauth state", hashlib.sha256).digest()

    @property
    def logger(self) -> Logger:
        return log

    def _mac(self, body: bytes) -> bytes:
        return hmac.new(self.mac_key, body, hashlib.sha256).digest()

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        expires = int((self.core.clock.now() + STATE_LIFETIME).timestamp())
        body = secrets.token_bytes(NONCE_BYTES) + EXPIRY.pack(expires)
        return _text(body + self._mac(body))

    def _opened(self, state: str) -> tuple[str, datetime] | None:
        """The nonce and expiry of a state this app signed; None for anything else."""
        if not isinstance(state, str) or STATE_SHAPE.fullmatch(state) is None:
            return None
        raw = base64.urlsafe_b64decode(state + "=")
        if _text(raw) != state:  # the one spelling issued, not a variant of its last bits
            return None
        body, mac = raw[:-MAC_BYTES], raw[-MAC_BYTES:]
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        [expires] = EXPIRY.unpack(body[NONCE_BYTES:])
        return _text(body[:NONCE_BYTES]), datetime.fromtimestamp(expires, UTC)

    async def async_consume(self, state: str) -> bool:
        opened = self._opened(state)
        if opened is None or opened[1] <= self.core.clock.now():
            return False
        return await asyncio.to_thread(self._consume, *opened)

    def _consume(self, nonce: str, expires_at: datetime) -> bool:
        try:
            with self.core.db.session() as session:
                return consume_state(
                    session=session, state=nonce, expires_at=expires_at, now=self.core.clock.now()
                )
        except IntegrityError:  # the same state consumed at the same moment by another request
            return False
