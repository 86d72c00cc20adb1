"""Workspace-qualified ids: `T123:U456` in OAuth mode, bare ids elsewhere."""

from __future__ import annotations

from bot.kernel.workspaces import local_id, qualified, within, workspace_of


def test_an_id_names_its_workspace_or_none() -> None:
    assert qualified("T1ALPHA", "U1") == "T1ALPHA:U1" and qualified("", "U1") == "U1"
    assert workspace_of("T1ALPHA:U1") == "T1ALPHA" and local_id("T1ALPHA:U1") == "U1"
    assert workspace_of("E0GRID:W1") == "E0GRID"  # an org-wide Grid install
    for bare in ("U1", "29:1claire-Xk2", "erased:12", "a:1bc"):  # Slack, Teams, erased
        assert workspace_of(bare) == "" and local_id(bare) == bare


def test_admins_are_admins_of_their_workspace_only() -> None:
    admins = ["T1ALPHA:UADA", "T2BETA:UBOB", "UOLD", "29:1ada"]
    assert within(admins, "T1ALPHA") == {"T1ALPHA:UADA"}
    assert within(admins, "") == {"UOLD", "29:1ada"}
