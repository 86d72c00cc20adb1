"""Block Kit rendering of a reply whose buttons share one action (a choice between sessions)."""

from __future__ import annotations

from bot.kernel.replies import Button, Reply
from handlers.slack.blocks import action_pattern, reply_blocks
from tests.fakes.block_kit import validate_blocks


def test_buttons_sharing_an_action_get_unique_action_ids_routed_to_that_action() -> None:
    reply = Reply(
        buttons=(
            Button("thomas, jeudi 3 décembre 2026 18h00", "summary.choose", "t0k:1"),
            Button("lea, jeudi 3 décembre 2026 19h30", "summary.choose", "t0k:7"),
            Button("Aucune : supprimer mon message", "summary.discard", "t0k"),
        )
    )
    blocks = reply_blocks(reply)
    assert validate_blocks(blocks) == []
    [actions] = [b for b in blocks if b["type"] == "actions"]
    ids = [e["action_id"] for e in actions["elements"]]
    assert ids == ["summary.choose#0", "summary.choose#1", "summary.discard"]
    choose = action_pattern("summary.choose")
    assert [bool(choose.match(i)) for i in ids] == [True, True, False]
    assert not choose.match("summary.chooseX") and not choose.match("home:summary.choose:1")
    assert action_pattern("summary.discard").match("summary.discard")
