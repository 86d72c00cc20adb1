"""Platform events recorded once: a redelivery is told from the first delivery."""

from __future__ import annotations

from bot.kernel.core import Core
from storage.models import ProcessedEvent
from storage.queries.events import KEY_MAX, event_key, first_delivery


def test_an_event_is_first_delivered_once_whatever_its_ids_length(
    core_on_each_database: Core,
) -> None:
    core = core_on_each_database
    now = core.clock.now()
    long_id = "teams:" + "x" * KEY_MAX
    for event_id in ("slack:Ev1", long_id):
        with core.db.session() as session:
            assert first_delivery(session=session, event_id=event_id, now=now)
        with core.db.session() as session:
            assert not first_delivery(session=session, event_id=event_id, now=now)
            assert not first_delivery(session=session, event_id=event_id, now=now)
    with core.db.session() as session:
        assert session.get(ProcessedEvent, "slack:Ev1") is not None
        stored = session.get(ProcessedEvent, event_key(long_id))
        assert stored is not None and len(stored.event_id) <= KEY_MAX
        # A delivery rolled back with what it did is recorded by its retry.
        assert first_delivery(session=session, event_id="slack:Ev2", now=now)
        session.rollback()
        assert first_delivery(session=session, event_id="slack:Ev2", now=now)
