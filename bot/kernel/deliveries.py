"""Platform deliveries handled once: a platform that delivers an activity again (its retry of
one it thinks was lost) finds it already handled."""

from __future__ import annotations

from bot.kernel.core import Core
from storage.queries.events import first_delivery


def first_time(core: Core, *, platform: str, delivery_id: str) -> bool:
    """Record `delivery_id` of `platform`; True the first time, False for a redelivery."""
    with core.db.session() as session:
        return first_delivery(
            session=session, event_id=f"{platform}:{delivery_id}", now=core.clock.now()
        )
