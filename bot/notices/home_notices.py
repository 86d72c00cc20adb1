"""A member's Home, published again. Where a platform keeps the copy of a Home the bot last
published (the Slack App Home tab), that copy stays until the bot publishes it again: once a
pair leaves a Home (it ended, or its content was erased), the copy must not keep showing what
was written in it — an erased person's words above all. The dispatcher owes it like any message,
so that it survives a restart and the erasure may have run in another process (the CLI)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.ports import Target
from bot.kernel.replies import Reply
from bot.notices.context import Gone, recipient_person
from bot.people.person import is_erased
from storage.models import Notification

HOME = "home"
"""The kind of Target that is a person's Home: the platform builds it and publishes it anew."""
HOME_PLATFORMS = frozenset({"slack"})
"""Where the bot places a copy of a person's Home (elsewhere there is nothing to refresh)."""


def home_refresh(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """The reader's Home, to publish again. The message is empty: the Home is built when it is
    sent, from what stands then."""
    reader = recipient_person(session, row.recipient)
    if reader.platform not in HOME_PLATFORMS:
        raise Gone(f"no Home kept on {reader.platform}")
    if is_erased(reader):
        raise Gone("recipient erased")
    return Target(platform=reader.platform, kind=HOME, address=reader.external_id), Reply()
