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
