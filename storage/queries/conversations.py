"""Conversation references: where the bot may write to a person or a channel unprompted."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from storage.models import ConversationReference


def conversation_reference(
    *, session: Session, platform: str, kind: str, address: str
) -> ConversationReference | None:
    return session.exec(
        select(ConversationReference).where(
            ConversationReference.platform == platform,
            ConversationReference.kind == kind,
            ConversationReference.address == address,
        )
    ).first()


def save_conversation_reference(
    *,
    session: Session,
    platform: str,
    kind: str,
    address: str,
    service_url: str,
    conversation_id: str | None,
    tenant_id: str | None,
    now: datetime,
    second_hand: bool = False,
) -> ConversationReference:
    """Create or refresh a reference; a known conversation id is kept when none is given.
    `second_hand`: learned from someone else's activity (a mention, a channel), which only
    fills in a reference there is none of: another chat's service URL and tenant may be
    another region's or another tenant's, and never replace what the person's own
    activity gave."""
    reference = conversation_reference(
        session=session, platform=platform, kind=kind, address=address
    )
    if reference is not None and second_hand:
        return reference
    reference = reference or ConversationReference(
        platform=platform, kind=kind, address=address, service_url=service_url, updated_at=now
    )
    reference.service_url = service_url
    reference.conversation_id = conversation_id or reference.conversation_id
    reference.tenant_id = tenant_id or reference.tenant_id
    reference.updated_at = now
    session.add(reference)
    session.flush()
    return reference


def set_conversation_id(
    *, session: Session, reference_id: int, conversation_id: str, now: datetime
) -> bool:
    """Keep the conversation the bot opened on a reference, if the reference is still there
    (False: it was erased meanwhile, and is not brought back)."""
    reference = session.get(ConversationReference, reference_id)
    if reference is None:
        return False
    reference.conversation_id = conversation_id
    reference.updated_at = now
    session.add(reference)
    return True


def forget_conversation_id(*, session: Session, reference_id: int) -> None:
    """The platform no longer lets the bot write there (the app was removed)."""
    reference = session.get(ConversationReference, reference_id)
    if reference is not None:
        reference.conversation_id = None
        session.add(reference)
