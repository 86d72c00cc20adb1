"""A messenger that records what it is asked to send, failing first as a test scripts it."""

from __future__ import annotations

from collections.abc import Sequence

from bot.kernel.ports import DeliveryError, Target
from bot.kernel.replies import Reply


class RecordingSender:
    """Each send raises the next scripted failure, if any; otherwise it is recorded and gets a
    reference `ref-N`."""

    def __init__(self, *failures: DeliveryError) -> None:
        self.failures = list(failures)
        self.sent: list[tuple[Target, Reply]] = []
        self.tried: list[Target] = []

    def reserve(self, targets: Sequence[Target]) -> None:
        """Nothing is paced here."""

    async def settle(self) -> None:
        """Nothing of a send is left to write once it returns."""

    async def send(self, target: Target, message: Reply) -> str:
        self.tried.append(target)
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((target, message))
        return f"ref-{len(self.sent)}"

    @property
    def addresses(self) -> list[str]:
        return [target.address for target, _ in self.sent]
