"""Real `mentorbot serve` processes against a FakeSlack: a programme with reminders due now,
processes started, killed with SIGKILL and restarted, deliveries counted at the fake."""

from __future__ import annotations

import functools
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import delete, select, update

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.notice_keys import PersonRecipient
from bot.pairs.creation import create_pair
from bot.planning.notice_kinds import REMINDER
from bot.rhythm.model import Frequency, Rhythm
from storage.db import Database, make_engine, migrate
from storage.models import MeetingSession, Notification, Pair
from storage.queries.notifications import SENDING, SENT, counts_by_status
from storage.queries.people import upsert_person
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import SIGNING_SECRET

MENTORBOT = Path(sys.executable).with_name("mentorbot")


def daytime_zone() -> str:
    """A zone where it is about noon now: what the programme owes is not held for the night
    (quiet hours), whenever the tests run."""
    offset = 12 - datetime.now(UTC).hour  # -11 … +12 hours from UTC
    return f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"


@dataclass(frozen=True)
class Programme:
    """Pairs whose members owe reminders now: `people` Slack user ids, one entry a reminder."""

    database_url: str
    people: list[str]

    @property
    def due(self) -> int:
        return len(self.people)


def seed_programme(
    database_url: str, *, pairs: int, unplanned: int = 0, ring: bool = False
) -> Programme:
    """`pairs` agreed pairs whose first session starts in 23 hours, so both members' reminders
    are due now (real time) and nothing else, and `unplanned` more pairs with no session
    stored yet (the first dispatcher run plans them; nothing of theirs is due now). In a
    `ring`, each pair's mentee is the next pair's mentor: everyone owes two reminders, in
    the same DM."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    session_at = now + timedelta(hours=23)
    engine = make_engine(database_url)
    migrate(engine)
    # Planned two hours ago, when the reminders were still ahead.
    core = Core(
        db=Database(engine), clock=ManualClock(now - timedelta(hours=2)), admins=frozenset()
    )
    rhythm = Rhythm(
        frequency=Frequency.WEEKLY,
        interval=1,
        weekday=session_at.weekday(),
        local_time=session_at.time(),
        duration_minutes=45,
        timezone="UTC",
        start=session_at.date(),
    )
    people = []
    total = pairs + unplanned

    def member(role: str, n: int):  # type: ignore[no-untyped-def]
        if ring:
            role, n = "MR", n % total
        return upsert_person(
            session=session,
            platform="slack",
            external_id=f"U{role}{n:05d}",
            name=f"{role}{n}",
            timezone=daytime_zone(),
            locale="en-GB",
            now=core.clock.now(),
        )

    with core.db.session() as session:
        for n in range(total):
            mentor, mentee = member("MR", n), member("ME", n + 1 if ring else n)
            if n < pairs:
                people += [mentor.external_id, mentee.external_id]
            create_pair(
                session=session,
                platform="slack",
                actor=mentor,
                mentor=mentor,
                mentee=mentee,
                rhythm=rhythm,
                now=core.clock.now(),
                agreed=True,
            )
    with core.db.session() as session:
        # The pairs' start notices went out when they were created: only reminders are due.
        session.execute(
            update(Notification)
            .where(Notification.kind != REMINDER, Notification.due_at <= now)
            .values(status=SENT, sent_at=core.clock.now(), outcome="sent at creation")
        )
        later = session.scalars(select(Pair).where(Pair.id > pairs)).all()  # type: ignore[operator]
        members = [
            PersonRecipient(m).key for pair in later for m in (pair.mentor_id, pair.mentee_id)
        ]
        session.execute(delete(Notification).where(Notification.recipient.in_(members)))  # type: ignore[attr-defined]
        session.execute(delete(MeetingSession).where(MeetingSession.pair_id > pairs))  # type: ignore[arg-type]
        session.execute(update(Pair).where(Pair.id > pairs).values(planned_until=None))  # type: ignore[arg-type]
    engine.dispose()
    return Programme(database_url, people)


def fake_for(programme: Programme) -> FakeSlack:
    fake = FakeSlack()
    for user in set(programme.people):
        fake.add_user(user, name=user.lower(), tz=daytime_zone(), locale="en-GB")
    return fake


LISTENING = re.compile(rb"Uvicorn running on http://[^ ]*:(\d+) ")
"""uvicorn's line once it listens, with the port it was given (the one the system picked)."""


@functools.cache
def observer(database_url: str) -> Database:
    """One engine per database for the test's own reads: a connection opened (and closed) for
    each poll stalls the served process's SQLite writers."""
    return Database(make_engine(database_url))


def statuses(database_url: str) -> dict[str, int]:
    with observer(database_url).session() as session:
        return counts_by_status(session=session)


class Serve:
    """One `mentorbot serve` process, logging to `log`; `mentorbot socket` with
    `command="socket"` (then `env` names its SLACK_APP_TOKEN, and the port is METRICS_PORT).
    It listens on a port the system picks when it binds (port 0), read from its log: a port
    probed free here could be taken by another connection before the process binds it."""

    def __init__(
        self, programme: Programme, fake: FakeSlack, log: Path, command: str = "serve", **env: str
    ) -> None:
        self.command = command
        self._port: int | None = None  # once the process logged it
        self.log = log
        self._logged_from = 0  # where this start's lines begin in `log`
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE"))},
            "SLACK_BOT_TOKEN": "xoxb-fault-test",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.base_url,
            "DATABASE_URL": programme.database_url,
            "PORT" if command == "serve" else "METRICS_PORT": "0",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Serve:
        self._port = None  # a new port at each start
        self._logged_from = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [str(MENTORBOT), self.command], env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        return self

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        """SIGTERM, as a deployment does; returns once the process has exited."""
        assert self.process is not None
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    @property
    def port(self) -> int | None:
        """The port this start listens on, once uvicorn has logged it."""
        if self._port is None:
            with self.log.open("rb") as lines:
                lines.seek(self._logged_from)
                found = LISTENING.search(lines.read())
            self._port = int(found[1]) if found else None
        return self._port

    def health(self) -> httpx.Response | None:
        if self.port is None:
            return None
        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2)
        except httpx.HTTPError:
            return None


def wait_until(predicate, *, timeout: float, step: float = 0.05) -> bool:
    """Poll real time (these are real processes) until `predicate()`; whether it came true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


def sent_count(fake: FakeSlack) -> int:
    return sum(fake.delivered().values())


@dataclass
class Tally:
    """Deliveries counted at the fake against what the programme owed, person by person."""

    owed: Counter[str]
    delivered: dict[str, int]

    @property
    def lost(self) -> int:
        return sum(max(0, n - self.delivered.get(user, 0)) for user, n in self.owed.items())

    @property
    def duplicates(self) -> int:
        return sum(max(0, n - self.owed[user]) for user, n in self.delivered.items())


def tally(programme: Programme, fake: FakeSlack) -> Tally:
    return Tally(Counter(programme.people), fake.delivered())


def settle(programme: Programme, fake: FakeSlack, *, timeout: float) -> bool:
    """Wait until everyone owed a message got one, no row is being sent, and the fake has seen
    no new delivery for a second (a late duplicate would show); whether that came."""
    last = [-1, time.monotonic()]

    def quiet() -> bool:
        count = sent_count(fake)
        if count != last[0]:
            last[:] = [count, time.monotonic()]
            return False
        return (
            time.monotonic() - last[1] > 1
            and tally(programme, fake).lost == 0
            and SENDING not in statuses(programme.database_url)
        )

    return wait_until(quiet, timeout=timeout, step=0.2)
