"""Digest subscriptions."""

from __future__ import annotations

from sqlmodel import Session, col, exists, select

from storage.models import DigestSubscription, SlackInstallation

# A channel of a workspace the app was uninstalled from (its channel ids are `<workspace>:<id>`,
# OAuth mode): no digest is planned for it until the app is installed there again.
_WITHDRAWN = exists().where(
    col(SlackInstallation.revoked_at).is_not(None),
    col(DigestSubscription.platform) == "slack",
    col(DigestSubscription.channel_id).startswith(col(SlackInstallation.workspace) + ":"),
)


def subscription(*, session: Session, platform: str, channel_id: str) -> DigestSubscription | None:
    return session.exec(
        select(DigestSubscription).where(
            DigestSubscription.platform == platform, DigestSubscription.channel_id == channel_id
        )
    ).first()


def active_subscriptions(*, session: Session) -> list[DigestSubscription]:
    """The subscriptions whose digests are planned: active, in a workspace still served."""
    return list(session.exec(_ACTIVE))


# Built once: the planner reads it every run.
_ACTIVE = (
    select(DigestSubscription)
    .where(col(DigestSubscription.active).is_(True), ~_WITHDRAWN)
    .order_by(col(DigestSubscription.id))
)
