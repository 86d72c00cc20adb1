"""`mentorbot simulate`: its totals are what the pairs' rhythms and members' choices imply."""

from __future__ import annotations

import asyncio
import io
import random
import re
import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from tqdm import tqdm

from app import simulation
from app.cli import main
from app.simulation import (
    CHOOSE,
    MENTEE,
    MENTEE_ANSWERS_AFTER,
    MENTOR,
    MENTOR_ANSWERS_AFTER,
    SKIP,
    SKIP_BEFORE,
    SUMMARY,
    Agenda,
    FateLog,
    KindsByRef,
    Sent,
    SentLog,
    SessionFate,
    simulate,
)
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.rhythm.recurrence import session_starts
from storage.db import Database, make_engine

DAY = timedelta(days=1)


def test_fifty_pairs_over_four_weeks_add_up() -> None:
    out = io.StringIO()
    report = simulate(pairs=50, weeks=4, seed=3, start=date(2027, 1, 4), out=out, lang="en")
    begin, end = report.start, report.end
    sent = report.by_kind()
    sessions = list(report.fates.values())

    # The sessions the planner stored are exactly those the rhythms give.
    horizon = end + DAY
    from_rhythms = sum(len(session_starts(r, after=begin, until=horizon)) for r in report.rhythms)
    assert from_rhythms == sum(1 for s in sessions if s.start <= horizon)

    before_end = [s for s in sessions if s.start - DAY < end]
    held = [s for s in before_end if s.fate != "skip"]
    assert sent["pair_started"] == 2 * 50
    assert sent["reminder"] == 2 * len(held)
    assert sent["session_skipped"] == sum(
        1 for s in sessions if s.fate == "skip" and s.start - SKIP_BEFORE < end
    )
    assert sent["summary_request"] == sum(1 for s in held if s.end < end)
    assert sent["summary_request_next_day"] == sum(
        1 for s in held if s.fate in ("mentor", "none") and s.end + DAY < end
    )
    written = [
        s
        for s in held
        if (s.fate == "mentee" and s.end + MENTEE_ANSWERS_AFTER < end)
        or (s.fate == "mentor" and s.end + MENTOR_ANSWERS_AFTER < end)
    ]
    # A reply is recorded at once, or after the member chose its session when asked which.
    assert (
        sent["summary_shared"] == sent["summary_recorded"] + sent["summary_which"] == len(written)
    )
    assert sent["summary_which"] > 0
    assert sent["summary_nudge"] == 2 * sum(
        1 for s in held if s.fate == "none" and s.end + 2 * DAY < end
    )
    assert sent["digest"] == 3  # Mondays 09:00 Paris after the first day
    assert report.ok, report.problems

    printed = out.getvalue().splitlines()
    assert printed[0].startswith("Simulated programme: 50 pairs over 4 weeks")
    assert [line.split(" (")[0] for line in printed[1:5]] == [f"week {n}" for n in range(1, 5)]
    # The launch announcements, each with the pair's calendar file.
    assert sent["calendar_update"] >= 2 * 50
    assert "busiest minute Monday 08:00 UTC with 200" in printed[1]
    assert (
        printed[-1].startswith("check: OK")
        and f"{sum(sent.values())} sent exactly once" in printed[-1]
    )


def test_the_same_seed_gives_the_same_programme() -> None:
    first = simulate(
        pairs=10, weeks=2, seed=11, start=date(2027, 3, 1), out=io.StringIO(), lang="fr"
    )
    second = simulate(
        pairs=10, weeks=2, seed=11, start=date(2027, 3, 1), out=io.StringIO(), lang="fr"
    )
    assert first.by_kind() == second.by_kind()
    assert Counter(f.fate for f in first.fates.values()) == Counter(
        f.fate for f in second.fates.values()
    )


def test_simulated_time_never_waits_in_real_time(monkeypatch) -> None:
    """No run waits out a sleep: a wait of real time at each stop of the simulated clock (an
    outcome waiting for others to share its transaction) made the run a third slower. (The
    lease renewal's sleep is started and cancelled with each run: it never ends.)"""
    waits: list[float] = []
    sleep = asyncio.sleep

    async def recorded(delay: float, result: object = None) -> object:
        answer = await sleep(delay, result)
        if delay > 0:
            waits.append(delay)
        return answer

    monkeypatch.setattr(asyncio, "sleep", recorded)
    report = simulate(
        pairs=5, weeks=2, seed=11, start=date(2027, 3, 1), out=io.StringIO(), lang="en"
    )
    assert report.ok and len(report.sent) > 20
    assert waits == []


def test_command_line_with_a_plot(tmp_path, capsys) -> None:
    picture = tmp_path / "load.png"
    assert (
        main(["simulate", "--pairs", "5", "--weeks", "2", "--plot", str(picture), "--lang", "fr"])
        == 0
    )
    printed = capsys.readouterr().out
    assert "semaine 1" in printed and "vérification : OK" in printed
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["simulate", "--pairs", "0"]) == 2


def test_progress_shows_the_pairs_created_then_the_days_simulated(monkeypatch) -> None:
    """The bars redrawn at every step: by default they redraw at most every 0.1 s, and a run
    this small can end before that, which would leave nothing but 0% to read."""
    monkeypatch.setattr(simulation, "tqdm", partial(tqdm, mininterval=0, miniters=0))
    progress = io.StringIO()
    report = simulate(
        pairs=3,
        weeks=1,
        seed=5,
        start=date(2027, 1, 4),
        out=io.StringIO(),
        lang="en",
        progress=progress,
    )
    assert report.ok
    shown = progress.getvalue()
    assert re.search(r"pairs created:\s+\d+%\|[^|]*\| \d/3 ", shown)
    days = re.findall(r"days simulated:\s+(\d+)%\|[^|]*\| (\d+)/7 ", shown)
    assert days and int(days[-1][0]) > int(days[0][0])
    assert shown.index("pairs created") < shown.index("days simulated")


def test_the_record_of_messages_sent_gives_back_what_was_sent_and_checks_each_once() -> None:
    """Kept in arrays, the log gives back each message as sent; a row marked sent with a ref
    that was never sent, or marked twice, or a message no row marks, is caught."""
    at = datetime(2027, 1, 4, 8, 0, 0, 123456, tzinfo=UTC)
    log = SentLog()
    refs = [log.append(address, at + n * DAY) for n, address in enumerate(("ada", "bob", "ada"))]
    assert refs == ["sim-1", "sim-2", "sim-3"]
    assert list(log) == [
        Sent("sim-1", "ada", at),
        Sent("sim-2", "bob", at + DAY),
        Sent("sim-3", "ada", at + 2 * DAY),
    ]
    kinds = KindsByRef(len(log))
    assert kinds.mark("sim-1", "reminder") and kinds.mark("sim-3", "digest")
    assert not kinds.mark("sim-1", "reminder")  # marked twice
    assert not kinds.mark("sim-4", "reminder") and not kinds.mark("ref-2", "reminder")
    assert not kinds.mark("sim-0", "reminder") and not kinds.mark("sim-", "reminder")
    assert not kinds.mark("sim-02", "reminder") and not kinds.mark("sim-²", "reminder")
    assert kinds.unmarked() == 1 and dict(kinds) == {"sim-1": "reminder", "sim-3": "digest"}
    with pytest.raises(KeyError):
        kinds["sim-2"]


def test_the_agenda_gives_actions_back_by_time_then_in_the_order_sessions_were_planned() -> None:
    origin = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
    agenda = Agenda(origin)
    two_hours, far = origin + timedelta(hours=2), origin + timedelta(days=400)
    agenda.add(two_hours, 5, MENTEE, SUMMARY)
    agenda.add(origin + timedelta(hours=1), 7, MENTOR, SKIP)
    agenda.add(two_hours, 3, MENTOR, CHOOSE)
    agenda.add(far, 2**32 - 1, MENTEE, CHOOSE)  # past what two digits of an int hold
    assert agenda.next_at() == origin + timedelta(hours=1)
    assert list(agenda.pop_due(origin + timedelta(minutes=59))) == []
    assert list(agenda.pop_due(two_hours)) == [
        (7, MENTOR, SKIP),
        (3, MENTOR, CHOOSE),
        (5, MENTEE, SUMMARY),
    ]
    assert agenda.next_at() == far
    assert list(agenda.pop_due(far)) == [(2**32 - 1, MENTEE, CHOOSE)]
    assert agenda.next_at() is None
    with pytest.raises(ValueError):
        agenda.add(origin + timedelta(milliseconds=1), 1, MENTOR, SKIP)
    with pytest.raises(ValueError):
        agenda.add(origin, 2**32, MENTOR, SKIP)


def test_the_fate_log_is_a_mapping_of_the_sessions_recorded_in_id_order() -> None:
    log = FateLog()
    start = datetime(2027, 1, 6, 17, 30, tzinfo=UTC)
    first = SessionFate("skip", start, start + timedelta(minutes=45))
    second = SessionFate("mentee", start + DAY, start + DAY + timedelta(hours=1))
    assert log.add(4, first.fate, first.start, first.end, (10, 11)) == 0
    assert log.add(9, second.fate, second.start, second.end, (12, 13)) == 1
    assert dict(log) == {4: first, 9: second}
    assert (log.session_id(1), log.member(1, MENTOR), log.member(1, MENTEE)) == (9, 12, 13)
    assert 5 not in log and 10 not in log and len(log) == 2
    with pytest.raises(ValueError):
        log.add(9, "none", start, start, (12, 13))


def test_a_press_of_this_session_that_would_do_nothing_stops_no_clock() -> None:
    """The member presses the "this session" button a minute after writing, if the bot asked
    which session: when it did not, no stop of the clock is kept for that minute."""
    begin = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
    clock = ManualClock(begin)
    messenger = simulation.RecordingMessenger(clock)
    core = Core(db=Database(make_engine("sqlite://")), clock=clock)
    programme = simulation.Programme(core, random.Random(1), messenger, begin)
    programme._handles.update({1: "U-MENTOR", 2: "U-MENTEE", 3: "U-OTHER", 4: "U-ASKED"})
    start = begin - timedelta(hours=3)
    end = start + timedelta(hours=1)
    quiet = programme.fates.add(10, "mentee", start, end, (1, 2))
    asked = programme.fates.add(11, "mentee", start, end, (3, 4))
    minute = begin + simulation.CHOOSES_AFTER
    programme.agenda.add(minute, quiet, MENTEE, CHOOSE)
    assert programme.next_event() is None  # asked nothing: the press would do nothing
    programme.agenda.add(minute, asked, MENTEE, CHOOSE)
    messenger.choices[("U-ASKED", "11")] = "summary.choose:token:11"
    assert programme.next_event() == minute
    later = minute + timedelta(minutes=1)  # a stop may come before it and ask: kept
    programme.agenda.add(later, quiet, MENTEE, CHOOSE)
    assert list(programme.agenda.pop_due(minute)) == [(asked, MENTEE, CHOOSE)]
    assert programme.next_event() == later


def test_work_handed_to_a_thread_is_done_at_once_without_waking_the_loop() -> None:
    """`asyncio.to_thread` under `simulate`'s loop runs the work in the loop's own thread and
    resumes the caller at once, with its result or its exception: no wake-up of the loop
    through its self-pipe (an executor's future, even done inline, costs one each)."""
    wakeups = 0

    class Counting(simulation.InlineLoop):
        def _write_to_self(self) -> None:
            nonlocal wakeups
            wakeups += 1
            super()._write_to_self()

    def fail() -> None:
        raise LookupError("gone")

    async def work() -> list[int]:
        threads = [await asyncio.to_thread(threading.get_ident) for _ in range(5)]
        with pytest.raises(LookupError, match="gone"):
            await asyncio.to_thread(fail)
        return threads

    with asyncio.Runner(loop_factory=Counting) as runner:
        threads = runner.run(work())
    assert threads == [threading.get_ident()] * 5
    assert wakeups == 0
