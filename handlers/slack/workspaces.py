"""Which workspace a Slack request comes from, and the Web API client that writes to each.

Single-token mode serves one workspace: ids stay bare, every call goes with the one token.
OAuth mode serves every workspace that installed the app: the core sees `T123:U456` (see
bot/kernel/workspaces.py), each call goes with the token of the workspace it is about, and a
workspace that uninstalled the app gets no call at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.kernel.workspaces import qualified
from handlers.slack.installations import InstallationStore, workspace_key

REFERENCE = re.compile(r"<([@#])([A-Z0-9]+)>")


class SlackWorkspaces:
    """The workspaces of one app: `default` alone (single-token), or those of `store`."""

    def __init__(
        self,
        default: AsyncWebClient,
        *,
        store: InstallationStore | None = None,
        make_client: Callable[[str], AsyncWebClient] | None = None,
    ) -> None:
        self.default = default
        self.store = store
        self.make_client = make_client
        self._clients: dict[str, AsyncWebClient] = {}  # by token: a reinstall gets a new one

    @property
    def oauth(self) -> bool:
        return self.store is not None

    def of(self, context: Any) -> str:
        """The workspace of a request (Bolt's context); "" in single-token mode."""
        if not self.oauth or context is None:
            return ""
        return workspace_key(
            context.get("enterprise_id"),
            context.get("team_id"),
            context.get("is_enterprise_install"),
        )

    def person(self, context: Any, user_id: Any) -> str:
        """A user id of the request as the core knows the person ("" for what is no id)."""
        return qualified(self.of(context), user_id) if isinstance(user_id, str) and user_id else ""

    def references(self, context: Any, text: str) -> str:
        """Normalised text with its mentions and channels named within the request's workspace:
        someone of another workspace can never be named."""
        workspace = self.of(context)
        if not workspace:
            return text
        return REFERENCE.sub(lambda m: f"<{m[1]}{qualified(workspace, m[2])}>", text)

    async def client(self, workspace: str) -> AsyncWebClient | None:
        """The client writing to `workspace`; None when the app is not installed there (any
        more)."""
        if not workspace or self.store is None or self.make_client is None:
            return self.default
        token = await self.store.bot_token(workspace)
        if token is None:
            return None
        client = self._clients.get(token)
        if client is None:
            client = self._clients[token] = self.make_client(token)
            client.session = self.default.session  # the process's kept-alive connections
        return client

    async def revoke(self, workspace: str) -> bool:
        """Take `workspace` as uninstalled (its token refused); False in single-token mode,
        where there is no other token to wait for."""
        if not workspace or self.store is None:
            return False
        await self.store.revoke(workspace)
        return True
