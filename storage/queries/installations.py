"""Slack installations (OAuth mode) and the OAuth states of installs under way."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from storage.models import SlackInstallation, SlackOAuthState


def save_installation(*, session: Session, installation: SlackInstallation) -> None:
    """Record an install, or a reinstall of the same workspace (which lifts a revocation)."""
    row = session.exec(
        select(SlackInstallation).where(SlackInstallation.workspace == installation.workspace)
    ).first()
    if row is None:
        session.add(installation)
        return
    for name, value in installation.model_dump(exclude={"id"}).items():
        setattr(row, name, value)
    session.add(row)


def find_installation(*, session: Session, workspace: str) -> SlackInstallation | None:
    """The installation for `workspace` (a team id or an org-wide install's enterprise id)."""
    return session.exec(
        select(SlackInstallation).where(SlackInstallation.workspace == workspace)
    ).first()


def revoke_installation(*, session: Session, workspace: str, now: datetime) -> bool:
    """Uninstalled or revoked: the token forgotten, nothing sent there any more; the data of the
    workspace stays until the retention rule removes it. Whether there was one to revoke."""
    row = find_installation(session=session, workspace=workspace)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = now
    row.bot_token = None
    session.add(row)
    return True


def installation_admins(*, session: Session) -> list[tuple[str, str]]:
    """(workspace, user id) of whoever installed the app in each workspace still installed."""
    rows = session.exec(
        select(SlackInstallation.workspace, SlackInstallation.installer_user_id).where(
            col(SlackInstallation.revoked_at).is_(None)
        )
    ).all()
    return [(workspace, user) for workspace, user in rows if user]


def consume_state(*, session: Session, state: str, expires_at: datetime, now: datetime) -> bool:
    """Record a signed state (its nonce) as used, valid until `expires_at`: true the first time
    only. Records of expired states are cleared meanwhile: the expiry a state carries refuses
    it from then on, so the table holds no more than the redirects of the last ten minutes."""
    session.execute(delete(SlackOAuthState).where(col(SlackOAuthState.expires_at) <= now))
    if session.get(SlackOAuthState, state) is not None:
        return False
    session.add(SlackOAuthState(state=state, expires_at=expires_at))
    return True
