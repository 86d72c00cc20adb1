"""A Home refresh targets the member's Home where a platform keeps a copy of it, and is dropped
where none is kept or the member was erased (there is nobody's Home to publish)."""

from __future__ import annotations

import pytest

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.notice_keys import PairEnd, PersonRecipient
from bot.kernel.ports import Target
from bot.notices.context import Gone
from bot.notices.home_notices import HOME, home_refresh
from storage.models import ERASED_PREFIX, Notification, Person


def refresh_for(core: Core, clock: ManualClock, platform: str, external_id: str) -> Target:
    with core.db.session() as session:
        person = Person(platform=platform, external_id=external_id)
        session.add(person)
        session.flush()
        assert person.id is not None
        row = Notification(
            kind="home_refresh",
            recipient=PersonRecipient(person.id).key,
            subject=PairEnd(1).key,
            due_at=clock.now(),
        )
        target, message = home_refresh(session, row, clock.now())
    assert message.fallback_text == ""  # the platform builds the Home when it is sent
    return target


def test_a_slack_member_has_their_home_published_again(core: Core, clock: ManualClock) -> None:
    assert refresh_for(core, clock, "slack", "UCLAIRE") == Target("slack", HOME, "UCLAIRE")


@pytest.mark.parametrize(
    ("platform", "external_id"), [("teams", "29:thomas"), ("slack", f"{ERASED_PREFIX}7")]
)
def test_no_home_kept_or_nobody_to_show_it_to_drops_it(
    core: Core, clock: ManualClock, platform: str, external_id: str
) -> None:
    with pytest.raises(Gone):
        refresh_for(core, clock, platform, external_id)
