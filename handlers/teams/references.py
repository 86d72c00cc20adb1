"""Keeping what Teams tells about people and conversations: profiles and references."""

from __future__ import annotations

from bot.kernel.core import Core
from handlers.teams.activities import PLATFORM, Turn
from storage.models import ConversationReference
from storage.queries.conversations import (
    conversation_reference,
    forget_conversation_id,
    save_conversation_reference,
    set_conversation_id,
)
from storage.queries.people import get_person, upsert_person


def remember(core: Core, turn: Turn) -> None:
    """Store the sender's profile and every conversation reference the activity gives.

    A 1:1 chat is the sender's reference; in a channel, the channel's. People seen in a
    channel or in a mention get its service URL and tenant if they have no reference yet, so
    a 1:1 chat can be created for them once they have installed the app; a reference of
    theirs is only ever refreshed by their own 1:1 chat.
    """
    now = core.clock.now()
    with core.db.session() as session:
        upsert_person(
            session=session,
            platform=PLATFORM,
            external_id=turn.user_id,
            name=turn.name,
            timezone=turn.timezone,
            locale=turn.locale,
            now=now,
        )
        people = {turn.user_id: turn.conversation_id if turn.personal else None}
        for user_id, name in turn.mentioned.items():
            people.setdefault(user_id, None)
            if get_person(session=session, platform=PLATFORM, external_id=user_id) is None:
                upsert_person(
                    session=session,
                    platform=PLATFORM,
                    external_id=user_id,
                    name=name,
                    timezone=None,
                    locale=None,
                    now=now,
                )
        # (kind, address, conversation id, second-hand: not from the person's own 1:1 chat)
        places = [("dm", user_id, chat, chat is None) for user_id, chat in people.items()]
        if turn.channel_id:
            places.append(("channel", turn.channel_id, turn.channel_id, False))
        for kind, address, conversation_id, second_hand in places:
            save_conversation_reference(
                session=session,
                platform=PLATFORM,
                kind=kind,
                address=address,
                service_url=turn.service_url,
                conversation_id=conversation_id,
                tenant_id=turn.tenant_id,
                now=now,
                second_hand=second_hand,
            )


def display_names(core: Core, ids: set[str]) -> dict[str, str]:
    """The names Teams gave for these user ids, to show mentions; unknown ids are left out."""
    with core.db.session() as session:
        people = (get_person(session=session, platform=PLATFORM, external_id=i) for i in ids)
        return {p.external_id: p.name for p in people if p is not None and p.name}


def reference_for(core: Core, kind: str, address: str) -> ConversationReference | None:
    with core.db.session() as session:
        return conversation_reference(
            session=session, platform=PLATFORM, kind=kind, address=address
        )


def save_conversation_id(
    core: Core, reference: ConversationReference, conversation_id: str
) -> None:
    """Keep the 1:1 chat the bot just created, so it is created once; on the reference read
    before the call only: one the person's erasure removed meanwhile stays removed."""
    assert reference.id is not None
    with core.db.session() as session:
        set_conversation_id(
            session=session,
            reference_id=reference.id,
            conversation_id=conversation_id,
            now=core.clock.now(),
        )


def forget_conversation(core: Core, reference: ConversationReference) -> None:
    """Teams refused the stored chat: the next message tries to open a new one."""
    assert reference.id is not None
    with core.db.session() as session:
        forget_conversation_id(session=session, reference_id=reference.id)
