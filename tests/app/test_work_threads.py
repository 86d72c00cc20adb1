"""A serving process's thread hops share a couple of threads, so that its event loop (and the
acks it sends) never waits behind a crowd of them for the interpreter lock."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from app import service
from app.work_threads import WORK_THREADS, use_work_threads


def test_thread_hops_share_the_work_threads_and_all_complete() -> None:
    names: list[str] = []
    running = 0
    most = 0
    lock = threading.Lock()

    def job(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
            names.append(threading.current_thread().name)
        time.sleep(0.02)
        with lock:
            running -= 1
        return n

    async def main() -> list[int]:
        use_work_threads()
        return list(await asyncio.gather(*(asyncio.to_thread(job, n) for n in range(12))))

    assert asyncio.run(main()) == list(range(12))
    assert len(names) == 12
    assert all(name.startswith("mentorbot-work") for name in names)
    assert len(set(names)) == WORK_THREADS
    assert most == WORK_THREADS


class Built(Exception):
    """Raised where the bot would be built: far enough to see what came before."""


@pytest.mark.parametrize("command", ["serve", "socket"])
def test_serve_and_socket_take_the_work_threads_before_anything_runs(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def build(settings: Any) -> None:
        calls.append("build")
        raise Built

    monkeypatch.setattr(service, "use_work_threads", lambda: calls.append("threads"))
    monkeypatch.setattr(service, "build_mentorbot", build)
    with pytest.raises(Built):
        getattr(service, command)(object())
    assert calls == ["threads", "build"]
