"""`mentorbot simulate` timed beside a baseline commit run at the same instant, printing figures.

Each run is a whole `python -m app simulate --pairs N --weeks W --seed S --lang en` process,
its weekly report written to a file: wall time, CPU (user + system) and peak memory, read from
the kernel when it exits. With `--baseline REV`, that commit is checked out in a temporary git
worktree and the same simulation of it starts together with ours, one process per core: both
meet the same machine, so that a drift of the machine between runs (seen here: the same two
commits 0.79× in one series taking turns and 1.00× in the next) moves both alike. The two
weekly reports are then compared byte for byte. The baseline runs with this checkout's
environment (`.venv`): a commit whose dependencies differ needs its own.

Before the runs, a ten-million-step Python loop is timed, the yardstick `bench/NOTES.md` gives
every machine by. Targets (issue 12): < 60 s at 2,000 pairs, < 5 min at 10,000, < 300 MB.

Run from the repository root:
    .venv/bin/python bench/simulate_bench.py [--pairs 2000] [--weeks 12] [--seed 7]
        [--baseline REV] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.cli import SIMULATION_SEED  # noqa: E402 (the repository's root on the path first)

TARGET_SECONDS = {2000: 60.0, 10_000: 300.0}
TARGET_MB = 300


@dataclass(frozen=True)
class Run:
    """One simulation process, once it exited."""

    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float
    report: bytes  # what it printed: the weekly report and the exactly-once check

    def figures(self) -> str:
        return f"{self.wall:.1f} s (CPU {self.cpu:.1f} s, {self.peak_mb:.0f} MB)"


def loop_seconds() -> float:
    """The yardstick of a machine's speed: a ten-million-step Python loop."""
    start, total = time.perf_counter(), 0
    for step in range(10_000_000):
        total += step
    return time.perf_counter() - start


@contextmanager
def checkout(rev: str) -> Iterator[Path]:
    """`rev` checked out in a temporary worktree of this repository, its modules compiled,
    removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="mentorbot-baseline-") as scratch:
        tree = Path(scratch) / "tree"
        git = ["git", "-C", str(ROOT), "worktree"]
        added = subprocess.run([*git, "add", "--detach", str(tree), rev], capture_output=True)
        if added.returncode != 0:
            sys.exit(f"--baseline {rev}: {added.stderr.decode().strip()}")
        # Compiled ahead, as this tree's modules are: not compiled on the clock.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree)], check=True)
        try:
            yield tree
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=False)


def simulations(trees: list[Path], args: argparse.Namespace, scratch: Path) -> list[Run]:
    """The same simulation of each tree, all started at once; their figures once all exited."""
    command = [sys.executable, "-m", "app", "simulate"]
    command += ["--pairs", str(args.pairs), "--weeks", str(args.weeks)]
    command += ["--seed", str(args.seed), "--lang", "en"]
    runs: list[Run | None] = [None] * len(trees)
    failures: list[str] = []

    def run(index: int, tree: Path) -> None:
        out = scratch / f"report-{index}.txt"
        environment = {**os.environ, "PYTHONPATH": str(tree)}
        with out.open("wb") as report:
            start = time.monotonic()
            process = subprocess.Popen(
                command, cwd=tree, env=environment, stdout=report, stderr=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            failures.append(f"{tree}: exit code {process.returncode}")
            return
        cpu = usage.ru_utime + usage.ru_stime
        runs[index] = Run(wall, cpu, usage.ru_maxrss / 1024, out.read_bytes())

    threads = [threading.Thread(target=run, args=(i, tree)) for i, tree in enumerate(trees)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit("a simulation failed: " + "; ".join(failures))
    return [run for run in runs if run is not None]


def difference(ours: bytes, theirs: bytes) -> str:
    """'the same report', or where the two reports first differ."""
    if ours == theirs:
        return "the same report"
    mine, other = ours.decode().splitlines(), theirs.decode().splitlines()
    differing = [(a, b) for a, b in zip(mine, other, strict=False) if a != b]
    count = len(differing) + abs(len(mine) - len(other))
    if not differing:
        return f"the reports differ in {count} lines (one is longer)"
    first, second = differing[0]
    return f"the reports differ in {count} lines\n    ours:     {first}\n    baseline: {second}"


def compare(args: argparse.Namespace, baseline: Path | None) -> tuple[list[Run], list[Run]]:
    """`args.runs` runs of this tree, each beside one of `baseline` if any, printed as they
    end; the runs of each."""
    trees = [ROOT, *([baseline] if baseline else [])]
    ours: list[Run] = []
    theirs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="mentorbot-simulate-") as scratch:
        for number in range(1, args.runs + 1):
            runs = simulations(trees, args, Path(scratch))
            ours.append(runs[0])
            line = f"run {number}: this tree {runs[0].figures()}"
            if baseline:
                theirs.append(runs[1])
                line += f" · {args.baseline} {runs[1].figures()}"
                line += f" · {runs[0].wall / runs[1].wall:.2f}× the wall"
                line += f", {runs[0].cpu / runs[1].cpu:.2f}× the CPU"
                line += f" · {difference(runs[0].report, runs[1].report)}"
            print(line, flush=True)
    return ours, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--seed", type=int, default=SIMULATION_SEED)
    parser.add_argument("--baseline", help="a commit to run beside this tree, at the same time")
    parser.add_argument("--runs", type=int, default=1, help="runs (pairs of runs) in turn")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")

    target = TARGET_SECONDS.get(args.pairs)
    goal = f"< {target:.0f} s, " if target else ""
    print(f"simulate --pairs {args.pairs:,} --weeks {args.weeks} --seed {args.seed}", end="")
    print(f" (target: {goal}< {TARGET_MB} MB)")
    print(f"machine: a ten-million-step Python loop takes {loop_seconds():.2f} s", flush=True)
    with ExitStack() as stack:
        baseline = stack.enter_context(checkout(args.baseline)) if args.baseline else None
        ours, theirs = compare(args, baseline)
    if args.runs > 1:
        summary = f"median: this tree {statistics.median(run.wall for run in ours):.1f} s"
        if theirs:
            ratios = [a.wall / b.wall for a, b in zip(ours, theirs, strict=True)]
            summary += f" · {statistics.median(run.wall for run in theirs):.1f} s for the baseline"
            summary += f" · {statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f}×)"
        print(summary)
    if target:
        met = max(run.wall for run in ours) < target and max(r.peak_mb for r in ours) < TARGET_MB
        print(f"target {'met' if met else 'not met'} by this tree on this machine")
    print(ours[-1].report.decode().strip().splitlines()[-1])


if __name__ == "__main__":
    main()
