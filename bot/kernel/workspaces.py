"""Workspaces: one process may serve several (Slack's OAuth mode, one per installation).

A platform that serves several names its people and channels `<workspace>:<id>` (a Slack team
id or an Enterprise Grid org's id, then the user or channel id: `T123:U456`), so that the same
person in two workspaces is two people and nothing of one workspace ever matches another's.
Where one workspace is served (one bot token, Teams) ids are bare and the workspace is "".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

QUALIFIED = re.compile(r"^([TE][A-Z0-9]{2,}):([^:]+)$")
"""Slack team ids start with T and org ids with E, in capitals and digits; a Teams id
(`29:…`), an erased person's (`erased:…`) or a bare id never matches."""


def qualified(workspace: str, local_id: str) -> str:
    """`local_id` named within `workspace` ("" leaves it bare)."""
    return f"{workspace}:{local_id}" if workspace else local_id


def workspace_of(external_id: str) -> str:
    """The workspace of a person's or channel's id; "" for a bare id."""
    match = QUALIFIED.match(external_id)
    return match.group(1) if match else ""


def local_id(external_id: str) -> str:
    """The id within its workspace, as the platform knows it."""
    match = QUALIFIED.match(external_id)
    return match.group(2) if match else external_id


def within(ids: Iterable[str], workspace: str) -> frozenset[str]:
    """Those of `ids` that belong to `workspace`."""
    return frozenset(i for i in ids if workspace_of(i) == workspace)
