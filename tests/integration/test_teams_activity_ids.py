"""Teams: an activity id is unique within its conversation only, so a redelivery is told from a
new activity by the conversation and the id together, for every kind of activity. Before, a
1:1 message was de-duplicated by its id alone (a summary sent in the same millisecond as
someone else's message was dropped, without a trace) and an installation not at all (each
redelivery posted the whole welcome again)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, text_of
from tests.integration.conftest import CLAIRE, NINA, THOMAS
from tests.integration.teams_harness import TeamsBot

SAME_ID = "1764781200123"  # Teams message ids are times in milliseconds
SUMMARY = "Decisions: Thomas drafts the Q1 plan by 2026-12-10."


def test_a_summary_with_the_id_of_a_message_in_another_chat_is_recorded_and_shared(
    teams_pair: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams = teams_pair
    clock.set(datetime(2026, 12, 3, 18, 0, tzinfo=UTC))  # their first session has ended
    teams.settle()  # Thomas is asked for its summary
    connector.reset()
    for person, text in ((NINA, "hello, what can you do?"), (THOMAS, SUMMARY)):
        activity = teams.message(person, text)
        activity["id"] = SAME_ID
        assert teams.post_activity(activity).status_code == 200
        teams.quiesce()
    teams.settle()
    assert connector.sent(NINA.chat)  # answered
    assert any(SUMMARY in text_of(a) for a in connector.sent(CLAIRE.chat))  # shared with her
    assert connector.sent(THOMAS.chat)  # thanked


def test_an_installation_delivered_again_is_welcomed_once(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    connector.installed.add(NINA.id)
    installed = teams.activity(NINA, "conversationUpdate")
    installed["membersAdded"] = [installed["recipient"]]
    for _ in range(3):
        assert teams.post_activity(installed).status_code == 200
        teams.quiesce()
    teams.settle()
    welcomes = connector.sent(NINA.chat)
    assert len(welcomes) == 1
    assert text_of(welcomes[0]) == text_of(teams.answer(NINA, "help"))  # the welcome is help
