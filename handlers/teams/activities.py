"""Reading a Teams activity into what the core needs: who, where, and the text in core markup."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from typing import Any

from microsoft_teams.api import ActivityBase
from microsoft_teams.api.models import MentionEntity

from bot.commands.parser import NAMED_AT_MOST

PLATFORM = "teams"
PREFIX = re.compile(r"^\s*/mentor\b\s*", re.IGNORECASE)  # `/mentor agenda`, as help shows it
TAG = re.compile(r"<(?!@)[^<>]*>")


@dataclass(frozen=True)
class Turn:
    """One incoming activity, neutral: the sender, the conversation and the text."""

    user_id: str
    name: str
    timezone: str | None
    locale: str | None
    conversation_id: str
    conversation_type: str  # "personal", "channel" or "groupChat"
    service_url: str
    tenant_id: str | None
    channel_id: str | None  # the channel (team scope), without any `;messageid=` suffix
    channel_name: str | None = None
    text: str = ""
    slash: bool = False  # typed as `/mentor …`: a command even when the word is unknown
    mentioned: dict[str, str] = field(default_factory=dict)  # other people: id → name
    mentions: int = 0  # of other people, in the text: past NAMED_AT_MOST, none is in `mentioned`

    @property
    def personal(self) -> bool:
        return self.conversation_type == "personal"

    @property
    def names(self) -> dict[str, str]:
        """Names this activity gave, to show mentions and channel references."""
        channel = (
            {self.channel_id: self.channel_name} if self.channel_id and self.channel_name else {}
        )
        return {self.user_id: self.name, **self.mentioned, **channel}


def timezone_of(activity: ActivityBase) -> str | None:
    """Teams sends the sender's IANA zone as `localTimezone` (and in the clientInfo entity)."""
    extra: dict[str, Any] = activity.model_extra or {}
    zone = extra.get("localTimezone")
    for entity in activity.entities or []:
        zone = zone or getattr(entity, "timezone", None)
    return zone if isinstance(zone, str) and zone else None


def core_text(text: str, activity: ActivityBase) -> tuple[str, bool, dict[str, str], int]:
    """`<at>Thomas</at>` → `<@29:…>` (the bot's own mention removed), HTML dropped; and how many
    times people are mentioned. Past NAMED_AT_MOST none is read: the request is refused, and
    thousands of mentions cost neither a replacement in the text nor a stored person each."""
    mentioned: dict[str, str] = {}
    bot_id = activity.recipient.id if activity.recipient else ""
    mentions = [
        (entity, entity.mentioned)
        for entity in activity.entities or []
        if isinstance(entity, MentionEntity) and entity.mentioned is not None
    ]
    # Each mention counts (it costs a replacement in the text), but one of the bot's own.
    people = len(mentions) - min(1, sum(person.id == bot_id for _, person in mentions))
    if people > NAMED_AT_MOST:
        return "", False, {}, people
    for entity, person in mentions:
        shown = entity.text or f"<at>{person.name}</at>"
        token = "" if person.id == bot_id else f"<@{person.id}>"
        if token:
            mentioned[person.id] = person.name or person.id
        text = text.replace(shown, token, 1)
    text = " ".join(html.unescape(TAG.sub(" ", text)).replace("\xa0", " ").split())
    return PREFIX.sub("", text), bool(PREFIX.match(text)), mentioned, people


def delivery_id(activity: ActivityBase) -> str:
    """The activity's id, made unique across conversations, to tell a redelivery from a new
    activity. Teams ids are unique within a conversation only (two chats may share one); the
    conversation's id names the person in a 1:1 chat, so only a digest of the two is kept (an
    erasure leaves no identifier behind)."""
    place = f"{activity.conversation.id}/{activity.id}"
    return hashlib.sha256(place.encode()).hexdigest()


def read_turn(activity: ActivityBase, text: str = "") -> Turn:
    channel_data = activity.channel_data
    conversation = activity.conversation
    channel = channel_data.channel if channel_data else None
    tenant = (channel_data.tenant.id if channel_data and channel_data.tenant else None) or (
        conversation.tenant_id
    )
    kind = str(conversation.conversation_type or "personal")
    body, slash, mentioned, mentions = core_text(text, activity) if text else ("", False, {}, 0)
    return Turn(
        user_id=activity.from_.id,
        name=activity.from_.name or activity.from_.id,
        timezone=timezone_of(activity),
        locale=activity.locale,
        conversation_id=conversation.id,
        conversation_type=kind,
        service_url=activity.service_url or "",
        tenant_id=tenant,
        channel_id=(channel.id if channel else conversation.id.split(";")[0])
        if kind == "channel"
        else None,
        channel_name=channel.name if channel else None,
        text=body,
        slash=slash,
        mentioned=mentioned,
        mentions=mentions,
    )
