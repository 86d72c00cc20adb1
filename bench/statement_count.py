"""The statements a simulated programme runs, counted by where they come from, printing figures.

Runs `mentorbot simulate` (the real planner, dispatcher and members' actions over simulated
time) with an engine event counting every statement sent to the database: the total, the
share sent through the ORM (a `Session.exec` or `Session.execute` of a select, a flush) rather
than on a Core connection, the statements a notification sent or dropped, and the call sites
of our code that send the most. A DM reply's statements are counted on their own, since it is
what a member waits for.

Run from the repository root (a few minutes at the defaults, each statement's caller found by
walking its stack):
    .venv/bin/python bench/statement_count.py [--pairs 300] [--weeks 12] [--top 25]
"""

from __future__ import annotations

import argparse
import io
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app import simulation
from app.cli import SIMULATION_SEED, SIMULATION_START

ROOT = Path(__file__).resolve().parents[1]
OUR_PACKAGES = ("app", "bot", "scheduler", "storage", "handlers")


class Counts:
    """Statements by (call site, ORM or Core), and those of the DM replies apart."""

    def __init__(self) -> None:
        self.by_site: Counter[tuple[str, str]] = Counter()
        self.replies: list[int] = []
        self._reply: int | None = None  # statements of the DM reply under way

    def statement(self) -> None:
        stack = traceback.extract_stack()
        orm = any("/sqlalchemy/orm/" in frame.filename for frame in stack)
        self.by_site[(_site(stack), "ORM" if orm else "Core")] += 1
        if self._reply is not None:
            self._reply += 1

    @contextmanager
    def reply(self) -> Iterator[None]:
        self._reply = 0
        try:
            yield
        finally:
            self.replies.append(self._reply)
            self._reply = None


def _site(stack: traceback.StackSummary) -> str:
    """The innermost frame of our storage code, else of any of our packages."""
    ours = [
        frame
        for frame in stack
        if (relative := _relative(frame.filename)) and relative.startswith(OUR_PACKAGES)
    ]
    storage = [frame for frame in ours if _relative(frame.filename).startswith("storage/")]
    frame = (storage or ours or [stack[-1]])[-1]
    return f"{_relative(frame.filename) or frame.filename}:{frame.name}"


def _relative(filename: str) -> str:
    path = Path(filename)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--top", type=int, default=25, help="call sites printed")
    args = parser.parse_args()

    counts = Counts()

    def count(*_: Any) -> None:
        counts.statement()

    event.listen(Engine, "before_cursor_execute", count)
    summary = simulation.Programme._summary

    def counted_summary(programme: simulation.Programme, who: str, session_id: int) -> None:
        with counts.reply():
            summary(programme, who, session_id)

    simulation.Programme._summary = counted_summary  # type: ignore[method-assign,assignment]
    report = simulation.simulate(
        pairs=args.pairs,
        weeks=args.weeks,
        seed=SIMULATION_SEED,
        start=date.fromisoformat(SIMULATION_START),
        out=io.StringIO(),
        lang="en",
    )
    total = sum(counts.by_site.values())
    orm = sum(n for (_, kind), n in counts.by_site.items() if kind == "ORM")
    notifications = len(report.sent) + report.dropped
    print(f"simulate --pairs {args.pairs} --weeks {args.weeks} --seed {SIMULATION_SEED}:")
    print(f"  {total:,} statements, {orm:,} through the ORM ({orm / total:.0%})")
    print(
        f"  {notifications:,} notifications sent or dropped:"
        f" {total / notifications:.1f} statements each, everything included"
    )
    if counts.replies:
        average = sum(counts.replies) / len(counts.replies)
        print(f"  {len(counts.replies):,} DM replies: {average:.1f} statements each")
    print(f"  the {args.top} call sites that send the most:")
    for (site, kind), n in counts.by_site.most_common(args.top):
        print(f"  {n:>9,}  {kind:4}  {site}")


if __name__ == "__main__":
    main()
