"""Fetching people's Slack profiles (users.info) into the core's store."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.kernel.core import Core
from bot.kernel.workspaces import local_id, workspace_of
from bot.people.profiles import has_profile, record_profile, stale_profiles
from handlers.slack.api_errors import passing, reason
from handlers.slack.workspaces import SlackWorkspaces

log = logging.getLogger(__name__)
PLATFORM = "slack"


@dataclass(frozen=True)
class Lookup:
    """Whose profile `ensure` could not store: people Slack does not know (or deactivated),
    bots, and people never seen before whom Slack could not give just now."""

    unknown: set[str] = field(default_factory=set)
    bots: set[str] = field(default_factory=set)
    unavailable: set[str] = field(default_factory=set)

    @property
    def failed(self) -> bool:
        """Whether someone's profile could not be stored."""
        return bool(self.unknown or self.bots or self.unavailable)


class SlackProfiles:
    """Keeps the profiles of the people a request is about fresh enough."""

    def __init__(
        self, core: Core, client: AsyncWebClient, workspaces: SlackWorkspaces | None = None
    ) -> None:
        self.core = core
        self.client = client
        self.workspaces = workspaces or SlackWorkspaces(client)

    async def ensure(self, user_ids: list[str]) -> Lookup:
        """Store fresh profiles, in order, up to the first that cannot be stored; return who
        could not be, and why. The answer names one problem anyway, and ids made up by the
        hundred cost Slack one call, not one each."""
        stale = await asyncio.to_thread(
            stale_profiles, self.core, platform=PLATFORM, external_ids=user_ids
        )
        lookup = Lookup()
        for user_id in stale:
            if lookup.failed:
                break
            client = await self.workspaces.client(workspace_of(user_id))
            if client is None:  # the app left that workspace
                lookup.unknown.add(user_id)
                continue
            try:
                response = await client.users_info(user=local_id(user_id), include_locale=True)
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
                if not passing(error):
                    log.info("users.info %s failed: %s", user_id, reason(error))
                    lookup.unknown.add(user_id)
                elif await asyncio.to_thread(
                    has_profile, self.core, platform=PLATFORM, external_id=user_id
                ):
                    # Slack is briefly unable: the stored profile stands in (a member's
                    # summary by DM is not dropped for it).
                    log.warning(
                        "users.info %s failed (%s): stored profile kept", user_id, reason(error)
                    )
                else:
                    log.warning("users.info %s failed (%s): no profile yet", user_id, reason(error))
                    lookup.unavailable.add(user_id)
                continue
            user = response["user"]
            if user.get("deleted"):
                lookup.unknown.add(user_id)
                continue
            if user.get("is_bot"):
                lookup.bots.add(user_id)
                continue
            profile = user.get("profile") or {}
            name = (
                profile.get("display_name")
                or profile.get("real_name")
                or user.get("real_name")
                or user.get("name")
                or local_id(user_id)
            )
            await asyncio.to_thread(
                record_profile,
                self.core,
                platform=PLATFORM,
                external_id=user_id,
                name=name,
                timezone=user.get("tz"),
                locale=user.get("locale"),
            )
        return lookup
