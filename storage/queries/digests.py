"""Digest subscriptions."""

from __future__ import annotations

from sqlmodel import Session, select

from storage.models import DigestSubscription


def subscription(*, session: Session, platform: str, channel_id: str) -> DigestSubscription | None:
    return session.exec(
        select(DigestSubscription).where(
            DigestSubscription.platform == platform, DigestSubscription.channel_id == channel_id
        )
    ).first()


def active_subscriptions(*, session: Session) -> list[DigestSubscription]:
    return list(
        session.exec(
            select(DigestSubscription)
            .where(DigestSubscription.active.is_(True))  # type: ignore[attr-defined]
            .order_by(DigestSubscription.id)
        )
    )
