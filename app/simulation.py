"""`mentorbot simulate`: a synthetic programme run by the real scheduler over simulated time.

Pairs get rhythms from a realistic mix, zones across Europe and the Americas; members skip some
sessions and leave some summaries unwritten. Every message goes through the real planner and
dispatcher to a recording sender; the report gives the load per week and checks that every
notification owed was sent exactly once.
"""

from __future__ import annotations

import asyncio
import heapq
import random
import tempfile
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Literal, TextIO, TypeVar

from sqlalchemy import ColumnElement, bindparam, func
from sqlalchemy import select as columns
from sqlmodel import Session, col, select
from tqdm import tqdm

from bot.forms.router import press_button
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import Target
from bot.kernel.replies import Reply
from bot.pairs.creation import create_agreed_pairs
from bot.people.acting import act
from bot.planning.planner import plan_digest
from bot.rhythm.grammar import complete_rhythm
from bot.rhythm.model import Frequency, MeetingFormat, Rhythm, RhythmDraft
from bot.rhythm.wording import format_weekday_time
from bot.sessions.summaries import REPLY_CHOOSE, handle_direct_message
from scheduler.dispatcher import Dispatcher
from scheduler.virtual_time import advance
from storage.db import Database, execute_core, make_engine, migrate
from storage.models import DigestSubscription, MeetingSession, Notification, Pair, Person
from storage.queries.notifications import DROPPED, FAILED, PENDING, SENT
from storage.queries.people import Profile, upsert_people

PLATFORM = "sim"
ZONES = (
    "Europe/Paris", "Europe/London", "Europe/Berlin", "Europe/Madrid", "Europe/Lisbon",
    "Europe/Brussels", "America/Montreal", "America/New_York", "America/Chicago",
    "America/Denver", "America/Los_Angeles", "America/Mexico_City", "America/Sao_Paulo",
)  # fmt: skip
RHYTHMS = (  # (frequency, interval, weight)
    (Frequency.WEEKLY, 1, 20), (Frequency.WEEKLY, 2, 35), (Frequency.WEEKLY, 3, 10),
    (Frequency.WEEKLY, 4, 15), (Frequency.MONTHLY, 1, 20),
)  # fmt: skip
FREQUENCIES = [(frequency, interval) for frequency, interval, _ in RHYTHMS]
RHYTHM_WEIGHTS = [weight for _, _, weight in RHYTHMS]
CREATED_PER_BATCH = 250  # pairs created, and their people upserted, in one transaction
FATES = {"skip": 8, "mentee": 55, "mentor": 15, "none": 22}  # fate: weight
FATE_NAMES = tuple(FATES)
SKIP_BEFORE = timedelta(hours=30)  # before the reminder, which comes 24 h before
MENTEE_ANSWERS_AFTER = timedelta(hours=2)
MENTOR_ANSWERS_AFTER = timedelta(hours=26)  # after being asked, 24 h after the end
CHOOSES_AFTER = timedelta(minutes=1)
NEW_SESSIONS = (  # built once: read at every stop, only the columns a fate needs
    columns(
        col(MeetingSession.id),
        col(MeetingSession.starts_at),
        col(MeetingSession.duration_minutes),
        col(Pair.mentor_id),
        col(Pair.mentee_id),
    )
    .join(Pair, col(Pair.id) == col(MeetingSession.pair_id))
    .where(col(MeetingSession.id) > bindparam("seen"))
    .order_by(col(MeetingSession.id))
)
DAYS_BAR = "{desc}: {percentage:3.0f}%|{bar}| {n:.0f}/{total:.0f} [{elapsed}<{remaining}]"


@dataclass(frozen=True, slots=True)
class SessionFate:
    """What the simulated members do about one session."""

    fate: str  # skip / mentee (writes the summary) / mentor / none
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Sent:
    """A message sent: its ref, to whom (an address of the platform), when."""

    ref: str
    address: str
    at: datetime


REF = "sim-"  # the n-th message sent (from 1) has the ref `sim-n`
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class SentLog:
    """The messages a run sent, in order, kept in arrays: a large run sends hundreds of
    thousands, and an object for each would weigh on the run's memory. The n-th (from 1) has
    the ref `sim-n`; each address is kept once."""

    def __init__(self) -> None:
        self._at = array("q")  # microseconds since the epoch
        self._address = array("I")  # an index into _addresses
        self._addresses: list[str] = []
        self._indexes: dict[str, int] = {}

    def append(self, address: str, at: datetime) -> str:
        """Record a message sent to `address` at `at`; its ref."""
        index = self._indexes.setdefault(address, len(self._addresses))
        if index == len(self._addresses):
            self._addresses.append(address)
        self._address.append(index)
        self._at.append((at - EPOCH) // timedelta(microseconds=1))
        return f"{REF}{len(self._at)}"

    def __len__(self) -> int:
        return len(self._at)

    def __iter__(self) -> Iterator[Sent]:
        addresses = self._addresses
        for n, (index, at) in enumerate(zip(self._address, self._at, strict=True), 1):
            yield Sent(f"{REF}{n}", addresses[index], EPOCH + timedelta(microseconds=at))


class FateLog(Mapping[int, SessionFate]):
    """Each session's fate and members, by session id, kept in arrays: a large run plans a
    hundred thousand sessions, and an object with its two instants for each would weigh on
    the run's memory, scattered among the short-lived ones. Sessions come in increasing id
    order; each has an index, its rank in that order."""

    def __init__(self) -> None:
        self._ids = array("q")
        self._starts = array("q")  # microseconds since the epoch
        self._ends = array("q")
        self._fates = bytearray()  # an index into FATE_NAMES
        self._members = array("q")  # the mentor's then the mentee's person id, per session

    def add(
        self, session_id: int, fate: str, start: datetime, end: datetime, members: tuple[int, int]
    ) -> int:
        """Record a session newer than those recorded; its index."""
        if self._ids and session_id <= self._ids[-1]:
            raise ValueError(f"session {session_id} comes after {self._ids[-1]}")
        self._ids.append(session_id)
        self._starts.append((start - EPOCH) // timedelta(microseconds=1))
        self._ends.append((end - EPOCH) // timedelta(microseconds=1))
        self._fates.append(FATE_NAMES.index(fate))
        self._members.extend(members)
        return len(self._ids) - 1

    def session_id(self, index: int) -> int:
        return self._ids[index]

    def member(self, index: int, side: Side) -> int:
        """The person id of the session's mentor (side 0) or mentee (side 1)."""
        return self._members[2 * index + side]

    def __getitem__(self, session_id: int) -> SessionFate:
        index = bisect_left(self._ids, session_id)
        if index == len(self._ids) or self._ids[index] != session_id:
            raise KeyError(session_id)
        return SessionFate(
            FATE_NAMES[self._fates[index]],
            EPOCH + timedelta(microseconds=self._starts[index]),
            EPOCH + timedelta(microseconds=self._ends[index]),
        )

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


Side = Literal[0, 1]  # a session's mentor, or its mentee
MENTOR: Side = 0
MENTEE: Side = 1
SKIP, SUMMARY, CHOOSE = range(3)  # what a member does about a session


class Agenda:
    """What the members will do, earliest first: each action a single int in a heap (a
    large run holds tens of thousands, and a tuple, an instant and a closure for each would
    weigh on its memory). Its bits, from the highest: the second it is due (from `origin`),
    the session's index in the `FateLog`, who acts, what they do. Actions due the same second
    come in the order their sessions were planned."""

    SESSION_BITS = 32
    LOW_BITS = SESSION_BITS + 3  # the session's index, the side (1 bit), the action (2 bits)

    def __init__(self, origin: datetime) -> None:
        self.origin = origin
        self._heap: list[int] = []

    def add(self, at: datetime, index: int, side: Side, action: int) -> None:
        """`side` does `action` about the session of `index` at `at` (a whole second)."""
        second, rest = divmod(at - self.origin, timedelta(seconds=1))
        if rest or not 0 <= index < 1 << self.SESSION_BITS:
            raise ValueError(f"action at {at} about session #{index}")
        heapq.heappush(self._heap, second << self.LOW_BITS | index << 3 | side << 2 | action)

    def next_at(self) -> datetime | None:
        """When the earliest action is due (None: nothing left to do)."""
        if not self._heap:
            return None
        return self.origin + timedelta(seconds=self._heap[0] >> self.LOW_BITS)

    def first(self) -> tuple[datetime, int, Side, int] | None:
        """The earliest action, left in place: (when, index, side, action); None if none."""
        if not self._heap:
            return None
        code = self._heap[0]
        side: Side = MENTEE if code >> 2 & 1 else MENTOR
        at = self.origin + timedelta(seconds=code >> self.LOW_BITS)
        return at, code >> 3 & ((1 << self.SESSION_BITS) - 1), side, code & 3

    def drop_first(self) -> None:
        heapq.heappop(self._heap)

    def pop_due(self, now: datetime) -> Iterator[tuple[int, Side, int]]:
        """The actions due at `now` or before, earliest first: (index, side, action) each."""
        due = (now - self.origin) // timedelta(seconds=1)
        while self._heap and self._heap[0] >> self.LOW_BITS <= due:
            code = heapq.heappop(self._heap)
            side: Side = MENTEE if code >> 2 & 1 else MENTOR
            yield code >> 3 & ((1 << self.SESSION_BITS) - 1), side, code & 3


class KindsByRef(Mapping[str, str]):
    """The notification kind of each message of a `SentLog`, by ref: a byte per message."""

    def __init__(self, count: int) -> None:
        self._codes = bytearray(count)  # 0: no row marked sent carries this ref
        self._names: list[str] = [""]
        self._known: dict[str, int] = {}

    def mark(self, ref: str, kind: str) -> bool:
        """`ref` was marked sent as a `kind`; False if it is no message sent, or marked twice."""
        number = _ref_number(ref)
        if number is None or not 1 <= number <= len(self._codes) or self._codes[number - 1]:
            return False
        code = self._known.setdefault(kind, len(self._names))
        if code == len(self._names):
            self._names.append(kind)
        self._codes[number - 1] = code
        return True

    def unmarked(self) -> int:
        """Messages sent that no row marked sent carries."""
        return self._codes.count(0)

    def __getitem__(self, ref: str) -> str:
        number = _ref_number(ref)
        if number is None or not 1 <= number <= len(self._codes) or not self._codes[number - 1]:
            raise KeyError(ref)
        return self._names[self._codes[number - 1]]

    def __iter__(self) -> Iterator[str]:
        return (f"{REF}{n}" for n, code in enumerate(self._codes, 1) if code)

    def __len__(self) -> int:
        return len(self._codes) - self.unmarked()


def _ref_number(ref: str) -> int | None:
    """n for the ref `sim-n` written as the log writes it, else None."""
    digits = ref.removeprefix(REF)
    if not (digits.isascii() and digits.isdigit()) or f"{REF}{int(digits)}" != ref:
        return None
    return int(digits)


@dataclass
class SimulationReport:
    """What the run sent, per kind and week, and whether each owed message went out once."""

    start: datetime
    end: datetime
    kinds: Mapping[str, str]  # message ref → notification kind
    sent: SentLog
    fates: Mapping[int, SessionFate]  # by session id
    rhythms: list[Rhythm]
    dropped: int = 0  # owed, then no longer useful (skipped session, summary already written)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def by_kind(self) -> Counter[str]:
        return Counter(self.kinds[s.ref] for s in self.sent)


T = TypeVar("T")


class InlineLoop(asyncio.SelectorEventLoop):
    """An event loop that runs the work the dispatcher hands to a thread (`asyncio.to_thread`)
    at once, in its own thread, and hands back a future already done: in simulated time
    nothing else waits for the loop meanwhile. A thread hop for each database call would cost
    more than the call; so would the loop's wake-up through its self-pipe (a write, a select
    and a read) that a future done by an executor costs, even one that runs the work inline."""

    def run_in_executor(  # type: ignore[override]
        self, executor: Executor | None, func: Callable[..., T], *args: Any
    ) -> asyncio.Future[T]:
        future: asyncio.Future[T] = self.create_future()
        try:
            future.set_result(func(*args))
        except Exception as error:
            future.set_exception(error)
        return future


class RecordingMessenger:
    """A sender that keeps what it was asked to send, and when (not the messages themselves:
    only the last "this session" button shown to each member for each session)."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.sent = SentLog()
        self.choices: dict[tuple[str, str], str] = {}  # (address, session id) → button value

    def reserve(self, targets: Sequence[Target]) -> None:
        """Nothing is paced here."""

    async def settle(self) -> None:
        """Nothing of a send is left to write once it returns."""

    async def send(self, target: Target, message: Reply) -> str:
        ref = self.sent.append(target.address, self.clock.now())
        for button in message.buttons:
            if button.action == REPLY_CHOOSE:
                self.choices[(target.address, button.value.rpartition(":")[2])] = button.value
        return ref


class Programme:
    """The synthetic pairs and what their members do, driven through the core."""

    def __init__(
        self, core: Core, rng: random.Random, messenger: RecordingMessenger, begin: datetime
    ) -> None:
        self.core = core
        self.messenger = messenger
        self.rng = rng
        self.fates = FateLog()
        self.rhythms: list[Rhythm] = []
        self.agenda = Agenda(begin)
        self._seen_session = 0
        self._handles: dict[int, str] = {}  # person id → their platform id, kept at creation

    def create(self, pairs: int, lang: Lang, now: datetime, progress: tqdm) -> None:
        """The admin, the digest channel, then the pairs, a batch at a time through the core
        (people upserted and pairs started in a few statements per batch)."""
        with self.core.db.session() as session:
            (admin,) = self._people(
                session, [Profile("admin", "admin", "Europe/Paris", f"{lang}-FR")], now
            )
            subscription = DigestSubscription(
                platform=PLATFORM,
                channel_id="programme-leads",
                timezone="Europe/Paris",
                lang=lang,
                created_by_id=admin.id or 0,
                created_at=now,
            )
            session.add(subscription)
            session.flush()
            plan_digest(session=session, subscription=subscription, now=now)
        for first in range(0, pairs, CREATED_PER_BATCH):
            batch = [
                self._draw(n, now) for n in range(first, min(pairs, first + CREATED_PER_BATCH))
            ]
            with self.core.db.session() as session:
                people = self._people(
                    session,
                    [profile for mentor, mentee, _ in batch for profile in (mentor, mentee)],
                    now,
                )
                couples = [
                    (people[2 * k], people[2 * k + 1], rhythm)
                    for k, (_, _, rhythm) in enumerate(batch)
                ]
                create_agreed_pairs(session=session, platform=PLATFORM, couples=couples, now=now)
            progress.update(len(batch))

    def _draw(self, n: int, now: datetime) -> tuple[Profile, Profile, Rhythm]:
        """Pair n's members and rhythm, drawn at random."""
        zone = self.rng.choice(ZONES)
        locale = self.rng.choice(("en-US", "fr-FR", "en-GB", "fr-CA"))
        mentor = Profile(f"mentor{n:04d}", f"mentor{n:04d}", zone, locale)
        mentee = Profile(f"mentee{n:04d}", f"mentee{n:04d}", self.rng.choice(ZONES), locale)
        frequency, interval = self.rng.choices(FREQUENCIES, RHYTHM_WEIGHTS)[0]
        draft = RhythmDraft(
            frequency=frequency,
            interval=interval,
            weekday=self.rng.randrange(5),
            local_time=time(self.rng.randrange(8, 19), self.rng.choice((0, 30))),
            duration_minutes=self.rng.choice((30, 45, 60, 60, 90)),
            timezone=zone,
            format=self.rng.choice(tuple(MeetingFormat)),
        )
        # First sessions from two days on, so every one of them gets its reminder.
        rhythm = complete_rhythm(draft, default_timezone=zone, now=now + timedelta(days=2))
        self.rhythms.append(rhythm)
        return mentor, mentee, rhythm

    def _people(self, session, profiles: list[Profile], now: datetime) -> list[Person]:
        people = upsert_people(session=session, platform=PLATFORM, profiles=profiles, now=now)
        for person in people:
            assert person.id is not None
            self._handles[person.id] = person.external_id
        return people

    def next_event(self) -> datetime | None:
        """When the members act next. A press of "this session" due by the next minute is
        dropped first if the bot asked that member nothing about the session: no stop can
        come before it to ask, so it would do nothing, and a stop of the clock for it would
        cost a dispatcher run (a fifth of the stops at 300 pairs)."""
        soon = self.messenger.clock.now() + CHOOSES_AFTER
        while (first := self.agenda.first()) is not None:
            at, index, side, action = first
            if at > soon or action != CHOOSE or self._choice(index, side) is not None:
                break
            self.agenda.drop_first()
        return self.agenda.next_at()

    def _choice(self, index: int, side: Side) -> str | None:
        """The value of the newest "this session" button shown to the member on `side` for
        the session of `index`, if any."""
        who = self._handles[self.fates.member(index, side)]
        return self.messenger.choices.get((who, str(self.fates.session_id(index))))

    async def on_stop(self, now: datetime) -> None:
        """Give new sessions their fate, then do what is due: skips and summaries."""
        self._plan_fates()
        for index, side, action in self.agenda.pop_due(now):
            who = self._handles[self.fates.member(index, side)]
            session_id = self.fates.session_id(index)
            if action == SKIP:
                self._skip(who, session_id)
            elif action == SUMMARY:
                self._summary(who, session_id)
            elif (value := self._choice(index, side)) is not None:
                self._choose(who, value)

    def _plan_fates(self) -> None:
        with self.core.db.session() as session:
            rows = execute_core(session, NEW_SESSIONS, {"seen": self._seen_session}).all()
        names, weights = list(FATES), list(FATES.values())
        for meeting_id, starts_at, duration, mentor_id, mentee_id in rows:
            assert meeting_id is not None
            self._seen_session = meeting_id
            fate = self.rng.choices(names, weights)[0]
            end = starts_at + timedelta(minutes=duration)
            index = self.fates.add(meeting_id, fate, starts_at, end, (mentor_id, mentee_id))
            if fate == "skip":
                side = self.rng.choice((MENTOR, MENTEE))
                self.agenda.add(starts_at - SKIP_BEFORE, index, side, SKIP)
            elif fate in ("mentee", "mentor"):
                side, after = (
                    (MENTEE, MENTEE_ANSWERS_AFTER)
                    if fate == "mentee"
                    else (MENTOR, MENTOR_ANSWERS_AFTER)
                )
                self.agenda.add(end + after, index, side, SUMMARY)
                # Asked which session the reply is about (an earlier one still awaits its
                # summary), the member picks this one a minute later.
                self.agenda.add(end + after + CHOOSES_AFTER, index, side, CHOOSE)

    def _skip(self, who: str, session_id: int) -> None:
        act(
            self.core,
            platform=PLATFORM,
            actor_id=who,
            work=lambda ctx: press_button(ctx, "session.skip", str(session_id)),
        )

    def _summary(self, who: str, session_id: int) -> None:
        handle_direct_message(
            self.core,
            platform=PLATFORM,
            event_id=f"summary-{session_id}",
            author_id=who,
            text="Decisions, actions and dates of the session.",
            message_ref=f"{who}/{session_id}",
        )

    def _choose(self, who: str, value: str) -> None:
        """Press the "this session" button of `value` the bot showed `who`."""
        act(
            self.core,
            platform=PLATFORM,
            actor_id=who,
            work=lambda ctx: press_button(ctx, REPLY_CHOOSE, value),
        )


def simulate(
    *,
    pairs: int,
    weeks: int,
    seed: int,
    start: date,
    out: TextIO,
    lang: Lang,
    plot: Path | None = None,
    progress: TextIO | None = None,
) -> SimulationReport:
    """Run the programme and print the weekly load and the exactly-once check; with
    `progress`, a progress bar of the pairs created, then of the simulated days, goes there."""
    begin = datetime.combine(start, time(8, 0), UTC)
    end = begin + timedelta(weeks=weeks)  # exclusive: the run stops the minute before
    clock = ManualClock(begin)
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(f"sqlite:///{Path(scratch) / 'simulation.db'}", scratch=True)
        migrate(engine)
        core = Core(db=Database(engine), clock=clock, admins=frozenset({"admin"}))
        core.owed_now = lambda: None
        messenger = RecordingMessenger(clock)
        # Outcomes written at once: in simulated time no other send would share their
        # transaction, and waiting for one would only add real time to every stop.
        dispatcher = Dispatcher(core, {PLATFORM: messenger}, outcome_linger=0)
        programme = Programme(core, random.Random(seed), messenger, begin)
        bar = partial(tqdm, file=progress, disable=progress is None, leave=False)
        with bar(total=pairs, desc=t("simulate.progress_pairs", lang), unit="") as created:
            programme.create(pairs, lang, begin, created)
        days = bar(
            total=weeks * 7,
            desc=t("simulate.progress_days", lang),
            bar_format=DAYS_BAR,
        )

        async def on_stop(now: datetime) -> None:
            days.update((now - begin) / timedelta(days=1) - days.n)
            await programme.on_stop(now)

        async def run() -> None:
            await advance(
                dispatcher,
                clock,
                end - timedelta(minutes=1),
                next_event=programme.next_event,
                on_stop=on_stop,
            )

        with days, asyncio.Runner(loop_factory=InlineLoop) as runner:
            runner.run(run())
        report = _report(core, begin, end, messenger.sent, programme)
        engine.dispose()
    _print(report, out, lang, pairs=pairs, weeks=weeks, seed=seed)
    if plot is not None:
        from app.simulation_plot import plot_report

        plot_report(report, plot, out, lang)
    return report


def _report(
    core: Core,
    begin: datetime,
    end: datetime,
    sent: SentLog,
    programme: Programme,
) -> SimulationReport:
    """The notifications' outcomes read in a few narrow queries (a large run owes many), the
    rows marked sent streamed against the messages sent: each one once."""
    status, due_at = col(Notification.status), col(Notification.due_at)
    kinds = KindsByRef(len(sent))
    rows = strays = 0
    with core.db.session() as session:
        marked = columns(col(Notification.outcome), col(Notification.kind)).where(status == SENT)
        for outcome, kind in session.execute(marked.execution_options(yield_per=10_000)):
            rows += 1
            strays += not kinds.mark(outcome or "", kind)
        count = partial(_count, session)
        dropped = count(status == DROPPED, due_at < end)
        late = count(status == PENDING, due_at < end)
        failed = count(status == FAILED)
    report = SimulationReport(begin, end, kinds, sent, programme.fates, programme.rhythms, dropped)
    if rows != len(sent) or strays or kinds.unmarked():
        report.problems.append(f"messages sent: {len(sent)}, rows marked sent: {rows}")
    if late:
        report.problems.append(f"notifications due but still pending: {late}")
    if failed:
        report.problems.append(f"notifications failed: {failed}")
    return report


def _count(session: Session, *conditions: ColumnElement[bool]) -> int:
    return session.exec(select(func.count()).select_from(Notification).where(*conditions)).one()


def _print(
    report: SimulationReport, out: TextIO, lang: Lang, *, pairs: int, weeks: int, seed: int
) -> None:
    fates = Counter(f.fate for f in report.fates.values() if f.start <= report.end)
    print(
        t(
            "simulate.header",
            lang,
            count=pairs,
            weeks=t("simulate.plot.weeks", lang, count=weeks),
            start=f"{report.start:%Y-%m-%d}",
            seed=seed,
            skipped=t("simulate.skipped", lang, count=fates["skip"]),
            unanswered=t("simulate.unanswered", lang, count=fates["none"]),
        ),
        file=out,
    )
    week_kinds: list[Counter[str]] = [Counter() for _ in range(weeks)]
    week_minutes: list[Counter[datetime]] = [Counter() for _ in range(weeks)]
    for message in report.sent:  # one pass: a large run sent hundreds of thousands
        week = (message.at - report.start) // timedelta(weeks=1)
        if 0 <= week < weeks:
            week_kinds[week][report.kinds[message.ref]] += 1
            week_minutes[week][message.at.replace(second=0, microsecond=0)] += 1
    for week, (kinds, minutes) in enumerate(zip(week_kinds, week_minutes, strict=True)):
        week_start = report.start + timedelta(weeks=week)
        if not kinds:
            print(
                t("simulate.quiet_week", lang, week=week + 1, start=f"{week_start:%Y-%m-%d}"),
                file=out,
            )
            continue
        peak_at, peak = minutes.most_common(1)[0]
        print(
            t(
                "simulate.week",
                lang,
                week=week + 1,
                start=f"{week_start:%Y-%m-%d}",
                count=kinds.total(),
                kinds=", ".join(
                    f"{t(f'simulate.kind.{kind}', lang).lower()} {count}"
                    for kind, count in kinds.most_common()
                ),
                peak_at=format_weekday_time(peak_at, lang),
                peak=peak,
            ),
            file=out,
        )
    if report.ok:
        owed = len(report.sent) + report.dropped
        print(
            t(
                "simulate.check_ok",
                lang,
                count=owed,
                sent=t("simulate.sent", lang, count=len(report.sent)),
                dropped=t("simulate.dropped", lang, count=report.dropped),
            ),
            file=out,
        )
    else:
        print(t("simulate.check_failed", lang, problems="; ".join(report.problems)), file=out)
