"""The core's dependencies, gathered once and handed to every service."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta

from bot.kernel.clock import Clock
from bot.kernel.settings import DEFAULT_RETENTION_DAYS, Settings
from bot.kernel.workspaces import within, workspace_of
from storage.db import Database


@dataclass
class Core:
    """Storage, time and programme settings; `owed_now` is called when messages are due at once
    (`tell_owed_now`)."""

    db: Database
    clock: Clock
    admins: frozenset[str] = frozenset()
    retention: timedelta = timedelta(days=DEFAULT_RETENTION_DAYS)  # an ended pair's content
    owed_now: Callable[[], None] = field(default=lambda: None)
    public_url: str | None = None  # calendar links; None: not offered
    # Admins known otherwise than by the settings: who installed the app in each workspace.
    installers: Callable[[], frozenset[str]] = field(default=lambda: frozenset())

    @classmethod
    def configured(cls, settings: Settings, db: Database, clock: Clock) -> Core:
        """The core of a running programme: its admins and retention from the settings."""
        return cls(
            db=db,
            clock=clock,
            admins=settings.admins,
            retention=timedelta(days=settings.retention_days),
            public_url=settings.public_url,
        )

    def tell_owed_now(self) -> None:
        """Messages are due at once: `owed_now`, or, while an answer is being made in this
        context (`answer_first`), once it is sent."""
        waiting = _ANSWERING.get()
        if waiting is None:
            self.owed_now()
        else:
            waiting.append(self.owed_now)

    def all_admins(self) -> frozenset[str]:
        return self.admins | self.installers()

    def admins_of(self, workspace: str) -> frozenset[str]:
        """The admins of one workspace: a workspace's admins never hear of another's."""
        return within(self.all_admins(), workspace)

    def is_admin(self, external_id: str) -> bool:
        return external_id in self.admins_of(workspace_of(external_id))


_ANSWERING: ContextVar[list[Callable[[], None]] | None] = ContextVar("answering", default=None)


@contextmanager
def answer_first() -> Iterator[None]:
    """What the core's work owes at once inside it (its thread hops share the context) is told
    as it ends: an adapter that answers a person where the notices go too (Teams' 1:1 chat, a
    Slack command typed in the bot's DM) sends the answer before the messages it caused."""
    waiting: list[Callable[[], None]] = []
    token = _ANSWERING.set(waiting)
    try:
        yield
    finally:
        _ANSWERING.reset(token)
        for owed_now in waiting:
            owed_now()
