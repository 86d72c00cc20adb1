"""The Slack side of the Messenger port: chat.postMessage to a channel, or to a user id for their
DM with the bot (one call; Slack opens the DM)."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.ports import DeliveryError, Target
from bot.replies import DataFile, Reply
from handlers.slack.blocks import fallback, reply_blocks

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


def delivery_error(error: SlackApiError) -> DeliveryError:
    """Map a Web API failure: 429 waits as told, known errors are final, the rest are retried."""
    response = error.response
    code = str(response.get("error") or response.status_code)
    if response.status_code == 429:
        retry_after = float(
            response.headers.get("Retry-After", response.headers.get("retry-after", 30))
        )
        return DeliveryError(f"ratelimited ({retry_after:g}s)", retry_after=retry_after)
    return DeliveryError(code, permanent=code in PERMANENT_ERRORS)


class SlackMessenger:
    """Sends neutral messages as the bot; no retry handler, so a 429 goes back to the queue."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._dm_channels: dict[str, str] = {}

    async def _dm_channel(self, target: Target) -> str:
        """The DM's channel id, for the methods that take no user id (file uploads)."""
        channel = self._dm_channels.get(target.address)
        if channel is None:
            response = await self.client.conversations_open(users=target.address)
            channel = response["channel"]["id"]
            self._dm_channels[target.address] = channel
        return channel

    async def send(self, target: Target, message: Reply) -> str:
        # A user id as the channel posts in the DM with them: no conversations.open first.
        channel = target.address
        try:
            response = await self.client.chat_postMessage(
                channel=channel, text=fallback(message), blocks=reply_blocks(message)
            )
        except SlackApiError as error:
            raise delivery_error(error) from error
        except (TimeoutError, aiohttp.ClientError) as error:
            raise DeliveryError(f"connection: {error!r}") from error
        return f"{response.get('channel', channel)}/{response.get('ts', '')}"

    async def send_file(self, user_id: str, file: DataFile) -> str:
        """Upload `file` into the DM with `user_id` (files.getUploadURLExternal, the upload,
        files.completeUploadExternal); the file id."""
        target = Target(platform=self.platform, kind="dm", address=user_id)
        try:
            channel = await self._dm_channel(target)
            response = await self.client.files_upload_v2(
                channel=channel, content=file.content, filename=file.name, title=file.name
            )
        except SlackApiError as error:
            raise delivery_error(error) from error
        except SlackRequestError as error:  # the upload itself was refused
            raise DeliveryError("upload refused") from error
        except (TimeoutError, aiohttp.ClientError) as error:
            raise DeliveryError(f"connection: {error!r}") from error
        return str(response["file"]["id"])
