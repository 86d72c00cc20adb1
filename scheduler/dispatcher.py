"""Sending what is owed: claim due notifications, compose, send, record — each row once."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.core import Core
from bot.lifecycle import erase_expired_content
from bot.notice_kinds import MEMBER_UNREACHABLE
from bot.notices import compose_all
from bot.notices.context import Gone
from bot.pauses import resume_due_pauses
from bot.ports import DeliveryError, Messenger, Target, Unreachable
from bot.replies import Reply
from bot.trial import (
    TRIAL_PAIRS_PER_RUN,
    announce_planned_ends,
    ask_trial_questions,
    end_planned_pairs,
)
from bot.unreachable import tell_admins_unreachable
from scheduler.planner import PAIRS_PER_RUN, plan
from storage.models import Notification
from storage.queries.notifications import (
    DROPPED,
    FAILED,
    SENT,
    claim_due,
    finish,
    release_stale_claims,
    retry_later,
)
from storage.queries.replies import forget_expired_replies

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=10)


def expired(row: Notification, now: datetime) -> bool:
    return row.expires_at is not None and now > row.expires_at


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … capped at one hour."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


class Dispatcher:
    """Runs the notification queue; one run at a time per process."""

    def __init__(
        self,
        core: Core,
        messengers: Mapping[str, Messenger],
        *,
        batch: int = 200,
        concurrency: int = 8,
    ) -> None:
        self.core = core
        self.messengers = messengers
        self.batch = batch
        self._lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(concurrency)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.planning_behind = False
        self._trial_checked: datetime | None = None
        """The last run extended as many pairs as a run may: more are waiting for the next."""

    async def start_up(self) -> Counter[str]:
        """Requeue claims left by a crashed process, then send what is due (missed ones too)."""
        self._loop = asyncio.get_running_loop()
        now = self.core.clock.now()
        with self.core.db.session() as session:
            released = release_stale_claims(session=session, now=now, older_than=STALE_CLAIM)
        if released:
            log.warning("requeued %d notifications claimed by a process that stopped", released)
        return await self.run_once()

    def kick(self) -> None:
        """Ask for a run soon; safe to call from any thread."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(lambda: loop.create_task(self.run_once()))

    async def run_once(self, *, plan: bool = True) -> Counter[str]:
        """Plan ahead, then send every notification due now; returns counts by outcome."""
        self._loop = asyncio.get_running_loop()
        async with self._lock:
            now = self.core.clock.now()
            if plan:
                await asyncio.to_thread(self._plan, now)
            stats: Counter[str] = Counter()
            while rows := await asyncio.to_thread(self._claim, now):
                composed = await asyncio.to_thread(self._compose_all, rows, now)
                pairs = zip(rows, composed, strict=True)
                outcomes = await asyncio.gather(*(self._deliver(r, now, c) for r, c in pairs))
                stats.update(outcomes)
            return stats

    def _plan(self, now: datetime) -> None:
        with self.core.db.session() as session:
            resume_due_pauses(session=session, now=now)
            end_planned_pairs(session=session, now=now, retention=self.core.retention)
            erase_expired_content(session=session, now=now, retention=self.core.retention)
            announce_planned_ends(session=session, now=now)
            # The question becomes due when a session ends: pairs with one that ended since
            # the last complete check (all of them at start-up) are the only candidates.
            checked = self._trial_checked
            since = checked if checked is not None and checked <= now else None
            asked = ask_trial_questions(
                session=session, now=now, retention=self.core.retention, ended_since=since
            )
            self.planning_behind = plan(session=session, now=now) >= PAIRS_PER_RUN
            forget_expired_replies(session=session, now=now)
        if asked < TRIAL_PAIRS_PER_RUN:  # every candidate was asked: the next run looks later
            self._trial_checked = now

    def _claim(self, now: datetime) -> list[Notification]:
        with self.core.db.session() as session:
            return claim_due(session=session, now=now, limit=self.batch)

    def _compose_all(
        self, rows: list[Notification], now: datetime
    ) -> list[tuple[Target, Reply] | Exception | None]:
        """The claimed rows composed in one session (None: expired, nothing to compose)."""
        live = [row for row in rows if not expired(row, now)]
        with self.core.db.session() as session:
            made = dict(zip((row.id for row in live), compose_all(session, live, now), strict=True))
        return [made.get(row.id) for row in rows]

    def _record(self, row_id: int, status: str, now: datetime, outcome: str) -> None:
        with self.core.db.session() as session:
            finish(session=session, notification_id=row_id, status=status, now=now, outcome=outcome)

    def _requeue(self, row_id: int, due_at: datetime, outcome: str) -> None:
        with self.core.db.session() as session:
            retry_later(session=session, notification_id=row_id, due_at=due_at, outcome=outcome)

    def _tell_admins(self, target: Target, now: datetime) -> None:
        """Owe the admins a notice; this run's next claim picks it up (it is due now)."""
        with self.core.db.session() as session:
            tell_admins_unreachable(
                session=session,
                platform=target.platform,
                external_id=target.address,
                admins=self.core.admins,
                now=now,
            )

    async def _deliver(
        self, row: Notification, now: datetime, composed: tuple[Target, Reply] | Exception | None
    ) -> str:
        assert row.id is not None
        if composed is None:
            await asyncio.to_thread(self._record, row.id, DROPPED, now, "expired")
            return "expired"
        if isinstance(composed, Gone):
            await asyncio.to_thread(self._record, row.id, DROPPED, now, str(composed))
            return "dropped"
        if isinstance(composed, Exception):
            log.error("could not compose notification %s", row.id, exc_info=composed)
            await asyncio.to_thread(self._record, row.id, FAILED, now, "compose error")
            return "failed"
        target, message = composed
        messenger = self.messengers.get(target.platform)
        if messenger is None:
            await asyncio.to_thread(self._record, row.id, FAILED, now, "platform not configured")
            return "failed"
        try:
            async with self._slots:
                ref = await messenger.send(target, message)
        except Unreachable as error:
            if target.kind == "dm" and row.kind != MEMBER_UNREACHABLE:
                await asyncio.to_thread(self._tell_admins, target, now)
            return await self._after_failure(row, now, error)
        except DeliveryError as error:
            return await self._after_failure(row, now, error)
        except Exception as error:  # a bug or an unexpected client error: retry, never lose it
            log.exception("sending notification %s failed", row.id)
            return await self._after_failure(row, now, DeliveryError(repr(error)))
        await asyncio.to_thread(self._record, row.id, SENT, now, ref)
        return "sent"

    async def _after_failure(self, row: Notification, now: datetime, error: DeliveryError) -> str:
        assert row.id is not None
        if error.permanent or row.attempts >= MAX_ATTEMPTS:
            await asyncio.to_thread(self._record, row.id, FAILED, now, error.reason)
            return "failed"
        delay = (
            timedelta(seconds=error.retry_after)
            if error.retry_after is not None
            else backoff(row.attempts)
        )
        await asyncio.to_thread(self._requeue, row.id, now + delay, error.reason)
        return "retried"
