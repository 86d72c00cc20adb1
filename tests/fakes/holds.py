"""A post a fake platform keeps in flight until a test releases it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hold:
    """The next post to a conversation (or response_url), kept in flight: `reached` is set once
    it arrived; it is answered once released (a send the bot waits on while something else
    happens)."""

    reached: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.released.set()

    def keep(self) -> None:
        """Called by the fake's serving thread: in flight until released (30 s at most)."""
        self.reached.set()
        assert self.released.wait(30), "a held post was never released"


class Holds:
    """The holds a fake keeps, by key (a conversation, "response_url"…): each is taken by the
    next post to its key; all are released when the fake stops, at the latest."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, Hold] = {}
        self._all: list[Hold] = []

    def add(self, key: str) -> Hold:
        """Hold the next post to `key`."""
        hold = Hold()
        with self._lock:
            self._waiting[key] = hold
            self._all.append(hold)
        return hold

    def take(self, *keys: str) -> Hold | None:
        """The hold of the first of `keys` that has one, taken off (None: the post goes)."""
        with self._lock:
            for key in keys:
                if key in self._waiting:
                    return self._waiting.pop(key)
        return None

    def release_all(self) -> None:
        with self._lock:
            held = list(self._all)
        for hold in held:
            hold.release()
