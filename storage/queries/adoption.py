"""A one-token Slack deployment moving to OAuth mode: its bare Slack ids given their workspace.

Every column that names a Slack person or channel: people, pairs' workspace, digest channels,
conversation references, the operators' audit, the recipients of notifications (`u:slack:…`,
`c:slack:…`); the API scopes paused or being called, stored as digests, are forgotten. A bare
Slack id has no colon; a qualified one is `<workspace>:<id>`, an erased person's `erased:…`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import ColumnElement, Delete, Update, delete, literal, update
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, func, select

from storage.models import (
    ApiPause,
    ConversationReference,
    DigestSubscription,
    Notification,
    OperatorAudit,
    Pair,
    Person,
)
from storage.queries.slices import among, in_slices

SLACK = "slack"
_RECIPIENT_HEADS = ("u:slack:", "c:slack:")  # UserRecipient, ChannelRecipient
_ID_COLUMNS: tuple[tuple[str, Any, Any], ...] = (
    ("people", Person, Person.external_id),
    ("digest channels", DigestSubscription, DigestSubscription.channel_id),
    ("conversation references", ConversationReference, ConversationReference.address),
    ("audit entries", OperatorAudit, OperatorAudit.external_id),  # NULL: never bare
)
"""Each table (with a `platform` column) and its column naming a Slack person or channel."""


def _bare(column: Mapped[str] | Mapped[str | None]) -> ColumnElement[bool]:
    """A bare id: no workspace before it (nor `erased:`)."""
    return ~column.contains(":")


def slack_workspaces_named(*, session: Session) -> set[str]:
    """The workspaces the Slack ids stored so far name ("" for bare ids): the part before the
    colon of people's ids (erased people aside), and the pairs' workspaces."""
    ids = session.exec(
        select(Person.external_id).where(col(Person.platform) == SLACK).distinct()
    ).all()
    named = {i.partition(":")[0] if ":" in i else "" for i in ids if not i.startswith("erased:")}
    pairs = session.exec(select(Pair.workspace).where(col(Pair.platform) == SLACK).distinct()).all()
    return named | set(pairs)


def clashing_people(*, session: Session, workspace: str) -> int:
    """Bare Slack people who also exist qualified with `workspace` (the deployment already ran
    in OAuth mode): adopting would give two people the same id."""
    bare = select(Person.external_id).where(
        col(Person.platform) == SLACK, _bare(col(Person.external_id))
    )
    qualified = {f"{workspace}:{i}" for i in session.exec(bare).all()}
    return sum(
        len(
            session.exec(
                select(Person.id).where(
                    col(Person.platform) == SLACK, among(col(Person.external_id), some)
                )
            ).all()
        )
        for some in in_slices(qualified)  # a workspace's members: more than a statement takes
    )


def adopt_slack_ids(*, session: Session, workspace: str) -> Counter[str]:
    """Qualify every bare Slack id with `workspace`, in the caller's transaction; how many rows
    of each kind changed."""
    prefix = f"{workspace}:"
    changed: Counter[str] = Counter()

    def run(name: str, statement: Update | Delete) -> None:
        result = session.execute(statement, execution_options={"synchronize_session": False})
        changed[name] += int(result.rowcount)  # type: ignore[attr-defined]

    for name, model, column in _ID_COLUMNS:
        run(
            name,
            update(model)
            .where(col(model.platform) == SLACK, _bare(col(column)))
            .values({column: literal(prefix) + col(column)}),
        )
    run(
        "pairs",
        update(Pair)
        .where(col(Pair.platform) == SLACK, col(Pair.workspace) == "")
        .values(workspace=workspace),
    )
    for head in _RECIPIENT_HEADS:
        rest = func.substr(col(Notification.recipient), len(head) + 1)
        run(
            "notifications",
            update(Notification)
            .where(col(Notification.recipient).startswith(head))
            .where(~rest.contains(":"))
            .values(recipient=literal(head + prefix) + rest),
        )
    # A scope is stored as a digest (it may name a person), which cannot be renamed: Slack's
    # pauses and calls in progress, a few rows lasting seconds, are forgotten instead.
    run("api pauses", delete(ApiPause).where(col(ApiPause.scope).startswith(f"{SLACK}:")))
    session.flush()
    return changed
