"""What the core needs from a platform, as protocols the adapters implement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.kernel.replies import Reply


@dataclass(frozen=True)
class Target:
    """Where a message goes: a person's direct messages or a channel, on one platform."""

    platform: str
    kind: str  # "dm", "channel" or "home" (the person's Home, where a platform keeps one)
    address: str  # the platform's user id or channel id


class DeliveryError(Exception):
    """A send that failed.

    `permanent`: never worth retrying. `retry_after` (seconds): rate limited, try again then.
    `transient`: the platform or the network failed (5xx, timeout), not the message. Neither a
    rate limit nor a transient failure counts toward giving a message up.
    """

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        transient: bool = False,
    ):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after
        self.transient = transient

    @property
    def counts(self) -> bool:
        """Whether this failure brings the message closer to being given up."""
        return not (self.permanent or self.transient or self.retry_after is not None)


class Unreachable(DeliveryError):
    """The person has given the platform no way for the bot to write to them yet.

    On Teams: the app is not installed for them, so there is no conversation to post to.
    Final for this message; the programme admins are told who must act.
    """

    def __init__(self, reason: str):
        super().__init__(reason, permanent=True)


class Refused(DeliveryError):
    """The platform refuses this person or channel for good (`channel_not_found`,
    `account_inactive`, `is_archived`…): final for this message; the programme admins are told,
    at most once a week per person or channel."""

    def __init__(self, reason: str):
        super().__init__(reason, permanent=True)


class Withdrawn(DeliveryError):
    """The bot may no longer write to that workspace at all (the app was uninstalled, its
    tokens revoked): the message is dropped unsent, nobody told; the data stays until the
    retention rule removes it."""

    def __init__(self, reason: str):
        super().__init__(reason, permanent=True)


class Messenger(Protocol):
    """Sends neutral messages on one platform."""

    async def send(self, target: Target, message: Reply) -> str:
        """Deliver `message`; return the platform's id of the posted message."""
        ...

    def reserve(self, targets: Sequence[Target]) -> None:
        """Sends to `targets` are coming (a claimed batch): take their rate-limit scopes where
        the other processes see them, together and in the background, so that each send does
        not wait for it; what no send used, `settle` gives back."""
        ...

    async def settle(self) -> None:
        """Wait for what the sends so far left to write in the background, if anything (the
        rate-limit scopes given back once answered, those taken ahead and unused)."""
        ...
