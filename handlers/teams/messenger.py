"""The Teams side of the Messenger port: proactive cards to stored conversation references."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

import httpx
from microsoft_teams.api import Account
from microsoft_teams.api.activities import MessageActivityInput
from microsoft_teams.api.clients import CreateConversationParams
from microsoft_teams.api.models import Attachment
from microsoft_teams.apps import App

from bot.commands.parser import MENTION
from bot.kernel.core import Core
from bot.kernel.ports import DeliveryError, Refused, Target, Unreachable
from bot.kernel.replies import DataFile, Reply
from handlers.charts import chart_png
from handlers.failures import failure
from handlers.pacing import Pacer
from handlers.teams.activities import PLATFORM
from handlers.teams.cards import CARD_TYPE, reply_card, summary_line
from handlers.teams.files import consent_message
from handlers.teams.references import (
    display_names,
    forget_conversation,
    reference_for,
    save_conversation_id,
)
from storage.models import ConversationReference

log = logging.getLogger(__name__)
GONE = frozenset({403, 404})  # the app was removed, or never installed, for that person
PERMANENT = frozenset({400, 401, 413})


def card_message(card: dict[str, Any], summary: str | None = None) -> MessageActivityInput:
    """A message carrying one Adaptive Card; `summary` is what notifications show of it."""
    # The SDK's input model lacks the activity schema's `summary`; it sends extra fields as given.
    return MessageActivityInput(  # type: ignore[call-arg]
        summary=summary, attachments=[Attachment(content_type=CARD_TYPE, content=card)]
    )


def card_activity(
    reply: Reply, names: dict[str, str], chart_png: bytes | None = None
) -> MessageActivityInput:
    return card_message(reply_card(reply, names, chart_png), summary_line(reply))


def small_chart(reply: Reply) -> bytes | None:
    """The reply's chart drawn small enough to travel inside a card, if it has one."""
    if reply.chart is None:
        return None
    return chart_png(reply.chart, width=5.0, height=2.4, dpi=60)


def names_in(core: Core, reply: Reply) -> dict[str, str]:
    return display_names(core, set(MENTION.findall(reply.fallback_text)))


def delivery_error(error: httpx.HTTPStatusError, target: Target) -> DeliveryError:
    """429 waits as told; a person the bot may not write to is unreachable; 5xx are the
    service's trouble, retried without counting."""
    status = error.response.status_code
    if status == 429:
        retry_after = float(error.response.headers.get("Retry-After", 30))
        return DeliveryError(f"throttled ({retry_after:g}s)", retry_after=retry_after)
    if status in GONE and target.kind == "dm":
        return Unreachable(f"Teams answered {status}: the app is not installed for this person")
    if status in GONE:  # a channel the app was removed from, or that is gone
        return Refused(f"Teams answered {status}")
    return DeliveryError(
        f"Teams answered {status}", permanent=status in GONE | PERMANENT, transient=status >= 500
    )


class TeamsMessenger:
    """Sends neutral messages as the bot, to the conversation Teams gave for the target, paced
    per conversation; a 429 pauses that conversation and the message goes back to the queue."""

    platform = PLATFORM

    def __init__(self, app: App, core: Core, pacer: Pacer) -> None:
        self.app = app
        self.core = core
        self.pacer = pacer

    def reserve(self, targets: Sequence[Target]) -> None:
        self.pacer.reserve(_scope(target) for target in targets)

    async def settle(self) -> None:
        await self.pacer.settle()

    async def send(self, target: Target, message: Reply) -> str:
        reference = await asyncio.to_thread(reference_for, self.core, target.kind, target.address)
        if reference is None:
            raise Unreachable("no conversation reference: the app was never installed")
        scope = _scope(target)
        try:
            async with self.pacer.turn(scope):
                conversation_id = reference.conversation_id or await self._open_chat(reference)
                names = await asyncio.to_thread(names_in, self.core, message)
                png = await asyncio.to_thread(small_chart, message)
                sent = await self.app.send(
                    conversation_id,
                    card_activity(message, names, png),
                    service_url=reference.service_url,
                )
                if message.file is not None and target.kind == "dm":
                    await self._offer(conversation_id, reference, message.file)
        except httpx.HTTPStatusError as error:
            failure = delivery_error(error, target)
            if failure.retry_after is not None:
                self.pacer.pause(scope, failure.retry_after)
            if isinstance(failure, Unreachable) and reference.conversation_id:
                await asyncio.to_thread(forget_conversation, self.core, reference)
            raise failure from error
        except httpx.TransportError as error:
            raise DeliveryError(f"connection: {error!r}", transient=True) from error
        except httpx.InvalidURL as error:  # a reference no retry can use
            raise DeliveryError(f"unusable service URL: {error}", permanent=True) from error
        return f"{conversation_id}/{sent.id}"

    async def _offer(
        self, conversation_id: str, reference: ConversationReference, file: DataFile
    ) -> None:
        """The file's consent card after the message: a bot's file reaches a 1:1 chat only
        once the person accepts it. Not sent, it is logged: the message itself went out."""
        try:
            await self.app.send(
                conversation_id, consent_message(file), service_url=reference.service_url
            )
        except (httpx.HTTPStatusError, httpx.TransportError) as error:
            log.warning("Teams file offer in %s not delivered: %s", conversation_id, failure(error))

    async def _open_chat(self, reference: ConversationReference) -> str:
        """Create the 1:1 chat with someone known from a channel or a mention."""
        # The SDK's model lacks the schema's `isGroup` and `bot`; it sends extra fields as given.
        params = CreateConversationParams(  # type: ignore[call-arg]
            members=[Account(id=reference.address)],
            tenant_id=reference.tenant_id,
            isGroup=False,
            bot={"id": self.app.id},
        )
        api = self.app.api.clone(service_url=reference.service_url)
        created = await api.conversations.create(params)
        await asyncio.to_thread(save_conversation_id, self.core, reference, created.id)
        return created.id


def _scope(target: Target) -> str:
    """The scope a message to `target` is paced in: its conversation."""
    return f"{target.kind}:{target.address}"
