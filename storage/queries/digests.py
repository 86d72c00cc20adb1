"""Digest subscriptions."""

from __future__ import annotations

from sqlmodel import Session, col, select

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
            .where(col(DigestSubscription.active).is_(True))
            .order_by(col(DigestSubscription.id))
        )
    )
