"""A one-token deployment moving to OAuth mode: its people, pairs and channels, named with bare
ids so far, given the workspace they were in (`mentorbot adopt-workspace T123`)."""

from __future__ import annotations

from collections import Counter

from bot.kernel.core import Core
from bot.kernel.i18n import Lang, t
from bot.kernel.workspaces import qualified, workspace_of
from storage.queries.adoption import adopt_slack_ids, clashing_people, slack_workspaces_named

KINDS = (
    "people",
    "pairs",
    "digest channels",
    "conversation references",
    "audit entries",
    "notifications",
    "api pauses",
)
"""What is counted, in the order it is told."""


class AdoptionRefused(ValueError):
    """Nothing was changed: the reason, for the operator."""


def adopt_workspace(core: Core, workspace: str, lang: Lang = "en") -> Counter[str]:
    """Qualify every bare Slack id with `workspace` (a team id `T…` or a Grid org's `E…`), all in
    one transaction; how many rows of each kind changed. Refused, with nothing changed, if the id
    is no workspace id, or if ids of another workspace are already stored."""
    if workspace_of(qualified(workspace, "U0")) != workspace:
        raise AdoptionRefused(t("adopt.not_a_workspace", lang, workspace=workspace))
    with core.db.session() as session:
        others = sorted(slack_workspaces_named(session=session) - {"", workspace})
        if others:
            raise AdoptionRefused(
                t("adopt.other_workspaces", lang, workspace=workspace, others=", ".join(others))
            )
        clashes = clashing_people(session=session, workspace=workspace)
        if clashes:
            raise AdoptionRefused(t("adopt.clashes", lang, workspace=workspace, count=clashes))
        return adopt_slack_ids(session=session, workspace=workspace)
