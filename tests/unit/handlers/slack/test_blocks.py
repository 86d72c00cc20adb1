"""Block Kit rendering of replies: valid for slack_sdk's block models whatever the core says,
and buttons that share one action (a choice between sessions) routed to it."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.kernel.replies import Button, Reply, Section
from handlers.slack.blocks import action_pattern, reply_blocks, slack_text
from tests.fakes.block_kit import validate_blocks

MESSAGE_BLOCKS = 50


def texts(limit: int) -> st.SearchStrategy[str]:
    """Short texts, and texts around `limit` characters (Slack's limit for where they go), made
    of a short one repeated (random text that long would exhaust hypothesis's data budget)."""
    return st.text(max_size=20) | st.builds(
        lambda piece, size: (piece * size)[:size],
        st.text(min_size=1, max_size=8),
        st.integers(limit - 3, limit + 3),
    )


TEXT = texts(3000)
BUTTONS = st.builds(
    Button,
    label=texts(75),
    action=st.from_regex(r"[a-z]{1,12}(\.[a-z_]{1,12}){0,2}", fullmatch=True),
    value=st.from_regex(r"[0-9a-f]{1,32}(:[0-9]{1,9})?", fullmatch=True),
    style=st.sampled_from([None, "primary", "danger"]),
)
REPLIES = st.builds(
    Reply,
    sections=st.lists(st.builds(Section, text=TEXT, heading=st.none() | texts(80)), max_size=8).map(
        tuple
    ),
    title=st.none() | texts(150),
    buttons=st.lists(BUTTONS, max_size=30).map(tuple),
    note=st.none() | texts(2000),
    is_error=st.booleans(),
)


def as_slack_models(blocks: list[dict[str, Any]]) -> list[Block]:
    """Each block read by slack_sdk's model of its type, validated, and written back the same
    (a key the model does not know would be lost on the way)."""
    models = []
    for block in blocks:
        model = Block.parse(block)
        assert model is not None, f"no slack_sdk model for {block}"
        model.validate_json()
        assert model.to_dict() == block
        models.append(model)
    return models


@given(REPLIES)
def test_any_reply_renders_blocks_slack_s_models_accept(reply: Reply) -> None:
    blocks = reply_blocks(reply)
    assert len(blocks) <= MESSAGE_BLOCKS
    as_slack_models(blocks)
    ids = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(ids) == len(set(ids))


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


def test_slack_reads_the_cores_references_within_its_workspace() -> None:
    text = "<@T1ALPHA:UCLAIRE> and <@UTHOMAS> in <#T1ALPHA:C0LEADS>, not <@29:1ada>"
    assert slack_text(text) == "<@UCLAIRE> and <@UTHOMAS> in <#C0LEADS>, not <@29:1ada>"
