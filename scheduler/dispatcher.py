"""Sending what is owed: claim due notifications, compose, send, record — each row once."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlmodel import Session

from bot.kernel.core import Core
from bot.kernel.ports import DeliveryError, Messenger, Refused, Target, Unreachable, Withdrawn
from bot.kernel.replies import Reply
from bot.kernel.settings import DEFAULT_SENDS_AT_ONCE
from bot.kernel.workspaces import workspace_of
from bot.notices import COMPOSED_ALONE, compose_all, load_for
from bot.notices.context import Gone
from bot.pairs.lifecycle import erase_expired_content
from bot.pairs.pauses import resume_due_pauses
from bot.pairs.silences import ask_silent_members
from bot.pairs.stalled import CHECK_EVERY, tell_stalled_pairs
from bot.pairs.trial import (
    TRIAL_PAIRS_PER_RUN,
    TRIAL_SWEEP,
    announce_planned_ends,
    ask_trial_questions,
    end_planned_pairs,
)
from bot.pairs.unreachable import tell_admins_channel_refused, tell_admins_unreachable
from bot.planning.notice_kinds import ADMIN_KINDS
from bot.planning.planner import PAIRS_PER_RUN, plan
from bot.planning.quiet_hours import hold_for_the_night
from storage.batches import Gathered
from storage.db import Database, refresh_statistics
from storage.models import Notification, Person
from storage.queries.notifications import (
    DROPPED,
    FAILED,
    SENT,
    Outcome,
    claim_due,
    next_claimable_after,
    record_outcomes,
    release_claims,
    renew_leases,
)
from storage.queries.pairs import last_pair_id
from storage.queries.replies import forget_expired_replies

log = logging.getLogger(__name__)

MAX_FAILURES = 8  # failures that count: neither a rate limit, nor a 5xx, nor an outage
CONCURRENCY = DEFAULT_SENDS_AT_ONCE  # sends in flight at once, by default
CLAIM_BATCH = 64  # rows claimed and composed at once (at least `concurrency`)
CLAIM_AHEAD = 2
"""The next batch is claimed once fewer than this many slots' worth of rows wait: a claim of
64 rows on PostgreSQL took longer (44 ms median) than the sends of one slot's worth of rows
(37 ms at 430 a second), and the slots waited for it."""
OUTCOME_LINGER = 0.005  # seconds an outcome waits for others, to share their transaction
LEASE = timedelta(seconds=60)
TICK = timedelta(minutes=1)  # the minute job; sooner wake-ups are armed between ticks
STATISTICS_EVERY = timedelta(days=1)  # the planner's statistics looked at (refresh_statistics)
SHUTDOWN_GRACE = 10.0  # seconds a clean shutdown waits for the sends in flight


def expired(row: Notification, now: datetime) -> bool:
    return row.expires_at is not None and now > row.expires_at


def unrecorded_at_most(concurrency: int) -> int:
    """Sends in flight and outcomes being written, together, for a dispatcher sending
    `concurrency` at once: the messages a kill -9 can leave sent and not recorded (a send
    waits for a place)."""
    return 2 * concurrency


def backoff(attempts: int) -> timedelta:
    """After the n-th failed send: 1 s, 2 s, 4 s … capped at fifteen minutes."""
    return timedelta(seconds=min(2 ** max(attempts - 1, 0), 900))


class Held(NamedTuple):
    """A row that waits for its recipient's morning."""

    until: datetime


class Alone:
    """A row to compose on its own when its send comes (`COMPOSED_ALONE`)."""


Made = tuple[Target, Reply] | Held | Exception | None
"""A claimed row's target and message, when it should go instead (Held), what stopped it
(Gone: drop it), or None: expired."""
Composed = Made | Alone
"""What a claim made of a row, or that it is composed when its send comes (Alone)."""
Observer = Callable[[Notification, str, Target | None], None]
"""Told of each claimed row's outcome (sent, retried, failed, dropped, expired) and where it
was for, when it was composed (metrics)."""


class Outcomes:
    """Writes the outcomes of sends in small transactions: each one holds the outcomes that
    arrived while the previous one was being committed, or within `linger` seconds of the
    first (one thread hop and two statements for them all)."""

    def __init__(self, db: Database, owner: str, *, linger: float = OUTCOME_LINGER) -> None:
        self.db = db
        self.owner = owner
        self._gathered: Gathered[Outcome, bool] = Gathered(self._commit, linger=linger)

    async def write(self, outcome: Outcome) -> bool:
        """Once committed; False if the row's lease was lost meanwhile."""
        return await self._gathered(outcome)

    def _commit(self, outcomes: list[Outcome]) -> list[bool]:
        with self.db.session() as session:
            return record_outcomes(session=session, owner=self.owner, outcomes=outcomes)


def process_name() -> str:
    """Who holds a lease: host, process id and a random part (pids are reused)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Dispatcher:
    """Runs the notification queue; one run at a time per process.

    A run leases due rows a batch at a time, sends each (at most `concurrency` at once) and
    records its outcome right after, in the background: a send's slot is free once it is
    answered, and sends in flight and outcomes being written are at most
    `unrecorded_at_most(concurrency)` together (sent again once their lease runs out, after a
    kill -9). The leases are renewed while it works. Rows whose lease ran out (their process
    died) are due again for anyone.
    """

    def __init__(
        self,
        core: Core,
        messengers: Mapping[str, Messenger],
        *,
        concurrency: int = CONCURRENCY,
        claim_batch: int = CLAIM_BATCH,
        lease: timedelta = LEASE,
        outcome_linger: float = OUTCOME_LINGER,
        observe: Observer | None = None,
    ) -> None:
        self.core = core
        self.observe = observe
        self.messengers = messengers
        self.concurrency = concurrency
        self.claim_batch = max(claim_batch, concurrency)
        self.lease = lease
        self.owner = process_name()
        self.outcomes = Outcomes(core.db, self.owner, linger=outcome_linger)
        self.unrecorded_at_most = unrecorded_at_most(concurrency)
        self._recording: set[asyncio.Task[bool]] = set()
        self._lock = asyncio.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kicked = False
        self._stopping = False
        self._wake: asyncio.TimerHandle | None = None
        self._wakeups = False
        self._running: asyncio.Task[Counter[str]] | None = None
        self.planning_behind = False
        """The last run extended as many pairs as a run may: more are waiting for the next."""
        self._owed_meanwhile = False
        """Rows were owed or requeued by this run since its last claim."""
        self._trial_checked: datetime | None = None
        self._trial_sweep: int | None = None
        """The check of every pair after start-up, TRIAL_SWEEP pair ids a run: the next id."""
        self._health_checked: datetime | None = None
        """When stalled pairs and silent members were last looked for (every CHECK_EVERY)."""
        self._statistics_at: datetime | None = None

    def start_in_background(self) -> None:
        """Send what is due (missed while down too) without holding up the caller, then keep
        waking up when something falls due or a dead process's lease runs out."""
        self._loop = asyncio.get_running_loop()
        self._wakeups = True
        self._spawn(self.run_once())

    def kick(self) -> None:
        """Ask for a run soon; safe to call from any thread. Kicks before it starts are one."""
        loop = self._loop
        if loop is None or loop.is_closed() or self._kicked:
            return
        self._kicked = True
        loop.call_soon_threadsafe(lambda: self._spawn(self.run_once()))

    def _spawn(self, run: Awaitable[Counter[str]]) -> None:
        async def logged() -> None:
            try:
                await run
            except Exception:
                log.exception("a dispatcher run failed; the next one retries")

        asyncio.get_running_loop().create_task(logged())

    async def run_once(self, *, plan: bool = True) -> Counter[str]:
        """Plan ahead, then send every notification claimable now; returns counts by outcome."""
        self._loop = asyncio.get_running_loop()
        async with self._lock:
            self._kicked = False
            if self._stopping:
                return Counter()
            self._running = asyncio.current_task()
            try:
                if plan:
                    await asyncio.to_thread(self._plan, self.core.clock.now())
                return await self._drain()
            finally:
                self._running = None
                if self._wakeups and not self._stopping:
                    await self._arm_wakeup()

    async def _drain(self) -> Counter[str]:
        """Keep up to `concurrency` sends in flight until nothing is claimable and nothing is
        in flight, then let the messengers settle what they write after their sends. Rows are
        claimed and composed a batch (`claim_batch`) at a time, the next one while the last is
        being sent (once fewer than `CLAIM_AHEAD` times `concurrency` wait), so that no slot
        waits for the database and a claim's cost is shared by many rows. A run ends once its
        outcomes are written."""
        stats: Counter[str] = Counter()
        in_flight: set[asyncio.Task[str]] = set()
        ready: deque[tuple[Notification, datetime, Composed]] = deque()
        claiming: asyncio.Task[tuple[list[tuple[Notification, Composed]], datetime]] | None = None
        more = True  # the last claim filled its batch: more rows may be claimable
        claimed_at: datetime | None = None  # the instant of the last claim
        renewing = asyncio.create_task(self._renew_leases())
        try:
            while True:
                while (
                    ready
                    and len(in_flight) < self.concurrency
                    and len(in_flight) + len(self._recording) < self.unrecorded_at_most
                    and not self._stopping
                ):
                    in_flight.add(asyncio.create_task(self._deliver(*ready.popleft())))
                if (
                    claiming is None
                    and len(ready) < CLAIM_AHEAD * self.concurrency
                    and not self._stopping
                    and (more or (not in_flight and not ready and self._maybe_more(claimed_at)))
                ):
                    self._owed_meanwhile = False
                    claimed_at = self.core.clock.now()
                    claiming = asyncio.create_task(self._claim_next(claimed_at))
                waiting: set[asyncio.Task[Any]] = {*in_flight, *([claiming] if claiming else [])}
                if ready and len(in_flight) + len(self._recording) >= self.unrecorded_at_most:
                    waiting |= self._recording
                if not waiting:
                    break
                done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
                if claiming in done:
                    claimed, now = claiming.result()
                    claiming = None
                    self._reserve(claimed)
                    ready.extend((row, now, made) for row, made in claimed)
                    more = len(claimed) == self.claim_batch
                    if not claimed and not in_flight and not ready:
                        break
                for task in done & in_flight:
                    in_flight.discard(task)
                    stats.update((task.result(),))
        finally:
            for task in [*in_flight, *([claiming] if claiming else [])]:
                task.cancel()
            if self._recording:  # written under their lease, renewed meanwhile
                await asyncio.wait(set(self._recording))
            renewing.cancel()
        await asyncio.gather(*(messenger.settle() for messenger in self.messengers.values()))
        return stats

    def _reserve(self, claimed: list[tuple[Notification, Composed]]) -> None:
        """Have each messenger take, ahead, the rate-limit scopes of the rows it is to send."""
        targets: dict[str, list[Target]] = defaultdict(list)
        for _, made in claimed:
            if isinstance(made, tuple) and not isinstance(made, Held):
                targets[made[0].platform].append(made[0])
        for platform, some in targets.items():
            if (messenger := self.messengers.get(platform)) is not None:
                messenger.reserve(some)

    def _maybe_more(self, claimed_at: datetime | None) -> bool:
        """After a claim that did not fill its batch, whether another may find rows: none has
        been made yet, time went on (rows fell due), or this run owed rows since, or put rows
        back due already (`_requeue`). Rows owed meanwhile by others kick a run of their own."""
        return claimed_at is None or self._owed_meanwhile or self.core.clock.now() > claimed_at

    async def _claim_next(
        self, now: datetime
    ) -> tuple[list[tuple[Notification, Composed]], datetime]:
        return await asyncio.to_thread(self._claim_and_compose, now, self.claim_batch), now

    async def _renew_leases(self) -> None:
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            await asyncio.to_thread(self._renew)

    def _renew(self) -> None:
        with self.core.db.session() as session:
            renew_leases(
                session=session, owner=self.owner, until=self.core.clock.now() + self.lease
            )

    async def _arm_wakeup(self) -> None:
        """Run again when the next row becomes claimable, if that comes before the next tick."""
        now = self.core.clock.now()
        with self.core.db.session() as session:
            at = next_claimable_after(session=session, after=now, owner=self.owner)
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None
        if at is not None and at - now < TICK:
            delay = (at - now).total_seconds() + 0.05
            self._wake = asyncio.get_running_loop().call_later(
                delay, lambda: self._spawn(self.run_once(plan=False))
            )

    async def shutdown(self) -> None:
        """Stop claiming, let the sends in flight finish (a grace period), give back the rest."""
        self._stopping = True
        if self._wake is not None:
            self._wake.cancel()
        running = self._running
        if running is not None:
            _, pending = await asyncio.wait({running}, timeout=SHUTDOWN_GRACE)
            for task in pending:
                task.cancel()
        if self._recording:  # the outcomes of the sends that finished, before the rest is freed
            await asyncio.wait(set(self._recording))
        released = await asyncio.to_thread(self._release)
        if released:
            log.info("gave back %d notifications on shutdown", released)

    def _release(self) -> int:
        with self.core.db.session() as session:
            return release_claims(session=session, owner=self.owner)

    def _plan(self, now: datetime) -> None:
        last = self._statistics_at
        if last is None or not (last <= now < last + STATISTICS_EVERY):
            refresh_statistics(self.core.db.engine)
            self._statistics_at = now
        with self.core.db.session() as session:
            resume_due_pauses(session=session, now=now)
            end_planned_pairs(session=session, now=now, retention=self.core.retention)
            erase_expired_content(session=session, now=now, retention=self.core.retention)
            announce_planned_ends(session=session, now=now)
            checked, sweep = self._ask_trial_questions(session, now)
            self.planning_behind = plan(session=session, now=now) >= PAIRS_PER_RUN
            forget_expired_replies(session=session, now=now)
            last = self._health_checked
            health_due = last is None or not (last <= now < last + CHECK_EVERY)
            if health_due:
                # After start-up (or if the clock went back), every stall; then only those
                # that began since the last check, with a margin.
                after = last - CHECK_EVERY if last is not None and last <= now else None
                tell_stalled_pairs(
                    session=session, now=now, admins=self.core.all_admins(), began_after=after
                )
                ask_silent_members(session=session, now=now, sent_since=after)
        self._trial_checked, self._trial_sweep = checked, sweep
        if health_due:
            self._health_checked = now

    def _ask_trial_questions(
        self, session: Session, now: datetime
    ) -> tuple[datetime | None, int | None]:
        """The question becomes due when a session ends: pairs with one that ended since the
        last complete check are the only candidates. After start-up (or if the clock went
        back), every pair is checked as well, a slice of ids a run, so that no run checks them
        all at once. The check's state after this run."""
        checked, sweep = self._trial_checked, self._trial_sweep
        if checked is None or checked > now:
            checked, sweep = None, 0
        retention = self.core.retention
        if sweep is not None:
            ids = range(sweep, sweep + TRIAL_SWEEP)
            asked = ask_trial_questions(session=session, now=now, retention=retention, pair_ids=ids)
            if asked < TRIAL_PAIRS_PER_RUN:  # the slice is done: the next one, if any
                sweep = ids.stop if ids.stop <= last_pair_id(session=session) else None
        if checked is None:
            return now, sweep
        asked = ask_trial_questions(
            session=session, now=now, retention=retention, ended_since=checked
        )
        # Every candidate was asked: the next run looks from now on.
        return (now if asked < TRIAL_PAIRS_PER_RUN else checked), sweep

    def _claim_and_compose(self, now: datetime, limit: int) -> list[tuple[Notification, Composed]]:
        """Lease up to `limit` claimable rows and compose them, in one session."""
        with self.core.db.session() as session:
            rows = claim_due(
                session=session, now=now, owner=self.owner, lease=self.lease, limit=limit
            )
            live = [row for row in rows if not expired(row, now)]
            # What the rows name, read once: the recipients' zones first, then the messages.
            loaded = load_for(session, live)
            people = {p.id: p for p in loaded if isinstance(p, Person) and p.id is not None}
            # Held rows are not composed: they are composed when their morning comes.
            held = hold_for_the_night(rows=live, now=now, people=people)
            live = [row for row in live if row.id not in held]
            made: dict[int | None, Composed] = {row_id: Held(at) for row_id, at in held.items()}
            made |= {row.id: Alone() for row in live if row.kind in COMPOSED_ALONE}
            live = [row for row in live if row.kind not in COMPOSED_ALONE]
            composed = compose_all(session, live, now, loaded=loaded)
            made.update(zip((row.id for row in live), composed, strict=True))
        return [(row, made.get(row.id)) for row in rows]

    def _compose_alone(self, row: Notification, now: datetime) -> tuple[Target, Reply] | Exception:
        """`row` composed in a session of its own."""
        with self.core.db.session() as session:
            return compose_all(session, [row], now)[0]

    def _record(self, row_id: int, status: str, outcome: str) -> None:
        self._write(Outcome(row_id, outcome, status=status, now=self.core.clock.now()))

    def _write(self, outcome: Outcome) -> None:
        """Write `outcome` in the background: the send's slot is free at once; the run waits
        for it before it ends, and for a place among `_recording` before its next send."""
        task = asyncio.get_running_loop().create_task(self.outcomes.write(outcome))
        self._recording.add(task)
        task.add_done_callback(lambda _: self._recorded(task, outcome))

    def _recorded(self, task: asyncio.Task[bool], outcome: Outcome) -> None:
        self._recording.discard(task)
        row_id = outcome.notification_id
        if task.cancelled():
            log.error("notification %s: its outcome was not written (cancelled)", row_id)
        elif (error := task.exception()) is not None:
            # Its lease runs out and it is sent again: the one duplicate a failing database makes.
            log.error("notification %s: its outcome could not be written", row_id, exc_info=error)
        elif not task.result():
            log.warning(
                "notification %s: lease lost before its outcome (%s) was recorded",
                row_id,
                outcome.status,
            )

    def _requeue(
        self, row_id: int, due_at: datetime, outcome: str, failed: bool, counted: bool
    ) -> None:
        # Only a row due again already may be found by this run's next claim.
        self._owed_meanwhile |= due_at <= self.core.clock.now()
        self._write(Outcome(row_id, outcome, due_at=due_at, failed=failed, counted=counted))

    def _tell_admins(self, target: Target, now: datetime, reason: str | None = None) -> None:
        """Owe the admins a notice about the person or channel the platform refuses (`reason`),
        or who must install the app (none); this run's next claim picks it up (it is due
        now)."""
        self._owed_meanwhile = True
        admins = self.core.admins_of(workspace_of(target.address))
        with self.core.db.session() as session:
            if target.kind == "dm":
                tell_admins_unreachable(
                    session=session,
                    platform=target.platform,
                    external_id=target.address,
                    admins=admins,
                    now=now,
                    reason=reason,
                )
            elif reason is not None:
                tell_admins_channel_refused(
                    session=session,
                    platform=target.platform,
                    channel_id=target.address,
                    admins=admins,
                    now=now,
                    reason=reason,
                )

    async def _deliver(self, row: Notification, now: datetime, composed: Composed) -> str:
        if isinstance(composed, Alone):
            composed = await asyncio.to_thread(self._compose_alone, row, now)
        outcome = await self._deliver_one(row, now, composed)
        if self.observe is not None:
            sent_to = None if isinstance(composed, Held) else composed
            self.observe(row, outcome, sent_to[0] if isinstance(sent_to, tuple) else None)
        return outcome

    async def _deliver_one(self, row: Notification, now: datetime, composed: Made) -> str:
        assert row.id is not None
        if composed is None:
            reason = f"expired; last try: {row.outcome}" if row.outcome else "expired"
            self._record(row.id, DROPPED, reason)
            return "expired"
        if isinstance(composed, Held):
            # Not a failure: neither its attempts nor its failures grow.
            self._requeue(row.id, composed.until, "held for the night", False, False)
            return "held"
        if isinstance(composed, Gone):
            self._record(row.id, DROPPED, str(composed))
            return "dropped"
        if isinstance(composed, Exception):
            log.error("could not compose notification %s", row.id, exc_info=composed)
            self._record(row.id, FAILED, "compose error")
            return "failed"
        target, message = composed
        messenger = self.messengers.get(target.platform)
        if messenger is None:
            self._record(row.id, FAILED, "platform not configured")
            return "failed"
        try:
            ref = await messenger.send(target, message)
        except Withdrawn as error:
            self._record(row.id, DROPPED, error.reason)
            return "dropped"
        except Unreachable as error:
            if target.kind == "dm" and row.kind not in ADMIN_KINDS:
                await asyncio.to_thread(self._tell_admins, target, now)
            return await self._after_failure(row, error)
        except Refused as error:
            if row.kind not in ADMIN_KINDS:
                await asyncio.to_thread(self._tell_admins, target, now, error.reason)
            return await self._after_failure(row, error)
        except DeliveryError as error:
            return await self._after_failure(row, error)
        except Exception as error:  # a bug or an unexpected client error: retry, never lose it
            log.exception("sending notification %s failed", row.id)
            return await self._after_failure(row, DeliveryError(repr(error)))
        self._record(row.id, SENT, ref)
        return "sent"

    async def _after_failure(self, row: Notification, error: DeliveryError) -> str:
        """Final errors fail the row; a rate limit waits as told; anything else is retried
        later, and only failures that count can give the row up."""
        assert row.id is not None
        if error.permanent:
            self._record(row.id, FAILED, error.reason)
            return "failed"
        if error.counts and row.failures + 1 >= MAX_FAILURES:
            reason = f"gave up after {MAX_FAILURES} failures: {error.reason}"
            self._record(row.id, FAILED, reason)
            return "failed"
        limited = error.retry_after is not None
        delay = (
            backoff(row.attempts + 1)
            if error.retry_after is None
            else timedelta(seconds=error.retry_after)
        )
        # From when the answer arrived, not from when the run began.
        due = self.core.clock.now() + delay
        self._requeue(row.id, due, error.reason, not limited, error.counts)
        return "retried"
