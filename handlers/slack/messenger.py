"""The Slack side of the Messenger port: chat.postMessage to a channel, or to a user id for their
DM with the bot (one call; Slack opens the DM); views.publish for a person's Home tab."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.kernel.ports import DeliveryError, Refused, Target, Withdrawn
from bot.kernel.replies import Chart, DataFile, Reply
from bot.kernel.workspaces import local_id, qualified, workspace_of
from bot.notices.home_notices import HOME
from handlers.charts import chart_png
from handlers.pacing import Pacer
from handlers.slack.blocks import fallback, reply_blocks
from handlers.slack.workspaces import SlackWorkspaces

T = TypeVar("T")
HomeView = Callable[[str], Awaitable[dict[str, Any] | None]]
"""A person's Home tab as it stands (None: nobody's to publish), by their user id."""
log = logging.getLogger(__name__)

CHART_FILE = "mentoring-cadence.png"
ALT_MAX = 1000  # files.getUploadURLExternal refuses a longer alt_txt (alt_txt_too_large)

PERMANENT_ERRORS = frozenset(
    {
        "account_inactive",
        "cannot_dm_bot",
        "channel_not_found",
        "invalid_auth",
        "invalid_blocks",
        "is_archived",
        "missing_scope",
        "msg_too_long",
        "not_authed",
        "not_in_channel",
        "restricted_action",
        "token_revoked",
        "user_disabled",
        "user_not_found",
        "users_not_found",
    }
)
TOKEN_GONE = frozenset({"token_revoked", "invalid_auth"})
"""Answers about the bot token itself: in OAuth mode its workspace is taken as uninstalled."""
REFUSALS = frozenset(
    {
        "account_inactive",
        "cannot_dm_bot",
        "channel_not_found",
        "is_archived",
        "not_in_channel",
        "user_disabled",
        "user_not_found",
        "users_not_found",
    }
)
"""Final answers about the person or the channel, not the message: the admins are told."""


def delivery_error(error: SlackApiError) -> DeliveryError:
    """Map a Web API failure: 429 waits as told, 5xx are Slack's trouble, known errors are
    final, the rest are retried."""
    response = error.response
    code = str(response.get("error") or response.status_code)
    if response.status_code == 429:
        retry_after = float(
            response.headers.get("Retry-After", response.headers.get("retry-after", 30))
        )
        return DeliveryError(f"ratelimited ({retry_after:g}s)", retry_after=retry_after)
    if response.status_code >= 500:
        return DeliveryError(f"Slack answered {response.status_code} ({code})", transient=True)
    if code in REFUSALS:
        return Refused(code)
    return DeliveryError(code, permanent=code in PERMANENT_ERRORS)


class SlackMessenger:
    """Sends neutral messages as the bot, paced per channel; no retry handler: a 429 pauses
    the channel here and the message goes back to the queue."""

    platform = "slack"

    def __init__(
        self, client: AsyncWebClient, pacer: Pacer, workspaces: SlackWorkspaces | None = None
    ) -> None:
        self.client = client
        self.pacer = pacer
        self.workspaces = workspaces or SlackWorkspaces(client)
        self.home_view: HomeView | None = None
        """How a Home tab is built: set with the listeners, which publish it the same way."""
        self._dm_channels: dict[str, str] = {}

    async def _client(self, address: str) -> tuple[AsyncWebClient, str]:
        """The client writing to the workspace of `address`, and the id within it; a workspace
        that uninstalled the app is never called."""
        client = await self.workspaces.client(workspace_of(address))
        if client is None:
            raise Withdrawn("app uninstalled from the workspace")
        return client, local_id(address)

    async def _api(self, scope: str, call: Callable[[], Awaitable[T]], workspace: str = "") -> T:
        """One Web API call for `scope`: not while a 429 pauses it; a 429 pauses it. In OAuth
        mode a token Slack no longer takes uninstalls `workspace`, as `tokens_revoked` would."""
        self.pacer.check(scope)
        try:
            return await call()
        except SlackApiError as error:
            failure = delivery_error(error)
            if failure.retry_after is not None:
                self.pacer.pause(scope, failure.retry_after)
            if str(failure) in TOKEN_GONE and workspace and await self.workspaces.revoke(workspace):
                raise Withdrawn("app uninstalled from the workspace") from error
            raise failure from error
        except (TimeoutError, aiohttp.ClientError) as error:
            raise DeliveryError(f"connection: {error!r}", transient=True) from error

    async def _dm_channel(self, target: Target) -> str:
        """The DM's channel id, for the methods that take no user id (file uploads)."""
        channel = self._dm_channels.get(target.address)
        if channel is None:
            client, user = await self._client(target.address)
            workspace = workspace_of(target.address)
            response = await self._api(
                f"conversations.open:{workspace}" if workspace else "conversations.open",
                lambda: client.conversations_open(users=user),
                workspace,
            )
            channel = qualified(workspace, response["channel"]["id"])
            self._dm_channels[target.address] = channel
        return channel

    def reserve(self, targets: Sequence[Target]) -> None:
        self.pacer.reserve(_post_scope(target) for target in targets)

    async def settle(self) -> None:
        await self.pacer.settle()

    async def send(self, target: Target, message: Reply) -> str:
        if target.kind == HOME:
            return await self._publish_home(target)
        # A user id as the channel posts in the DM with them: no conversations.open first.
        client, channel = await self._client(target.address)
        scope = _post_scope(target)
        async with self.pacer.turn(scope):
            response = await self._api(
                scope,
                lambda: client.chat_postMessage(
                    channel=channel, text=fallback(message), blocks=reply_blocks(message)
                ),
                workspace_of(target.address),
            )
        posted = str(response.get("channel", channel))
        if message.chart is not None:
            await self._send_chart(client, posted, message.chart)
        ref = f"{posted}/{response.get('ts', '')}"
        if message.file is not None and target.kind == "dm":
            ref += await self._send_attached(target.address, message.file)
        return ref

    async def _publish_home(self, target: Target) -> str:
        """Publish the person's Home tab anew (the core owes it once a pair left it), built
        now. A refusal is this refresh's failure only: the admins hear of it from messages."""
        if self.home_view is None:
            raise DeliveryError("no Home tab in this process", permanent=True)
        client, user = await self._client(target.address)
        view = await self.home_view(target.address)
        if view is None:
            raise DeliveryError("nobody's Home to publish", permanent=True)
        scope = _post_scope(target)
        try:
            async with self.pacer.turn(scope):
                await self._api(
                    scope,
                    lambda: client.views_publish(user_id=user, view=view),
                    workspace_of(target.address),
                )
        except Refused as refused:
            raise DeliveryError(refused.reason, permanent=True) from refused
        return f"home/{target.address}"

    async def _send_attached(self, user_id: str, file: DataFile) -> str:
        """Upload the file a message comes with (a calendar), after the message, into the same
        DM; a failure is logged, never a reason to send the message again."""
        try:
            return f" file {await self.send_file(user_id, file)}"
        except DeliveryError as error:
            log.warning("the file of a message to %s was not uploaded: %s", user_id, error)
            return " file not sent"

    async def _send_chart(self, client: AsyncWebClient, channel: str, chart: Chart) -> None:
        """Upload the message's chart as a PNG with its alt text, after the message; without
        matplotlib, or when the upload fails, the message stands alone (it was posted: a
        failure here must not send it again)."""
        png = await asyncio.to_thread(chart_png, chart)
        if png is None:
            return
        try:
            await self._api(
                "files.upload",
                lambda: client.files_upload_v2(
                    channel=channel,
                    content=png,
                    filename=CHART_FILE,
                    title=chart.title,
                    alt_txt=chart.alt[:ALT_MAX],
                ),
            )
        except (DeliveryError, SlackRequestError) as error:
            log.warning("the chart of a message to %s was not uploaded: %s", channel, error)

    async def send_file(self, user_id: str, file: DataFile) -> str:
        """Upload `file` into the DM with `user_id` (files.getUploadURLExternal, the upload,
        files.completeUploadExternal); the file id."""
        target = Target(platform=self.platform, kind="dm", address=user_id)
        client, _ = await self._client(user_id)
        channel = local_id(await self._dm_channel(target))
        try:
            response = await self._api(
                "files.upload",
                lambda: client.files_upload_v2(
                    channel=channel, content=file.content, filename=file.name, title=file.name
                ),
                workspace_of(user_id),
            )
        except SlackRequestError as error:  # the upload itself was refused
            raise DeliveryError("upload refused") from error
        return str(response["file"]["id"])


def _post_scope(target: Target) -> str:
    """The scope a message to `target` is paced in. Rate limits are a workspace's: the scope
    names the channel (or the Home's user) within its workspace."""
    method = "views.publish" if target.kind == HOME else "chat.postMessage"
    return f"{method}:{target.address}"
