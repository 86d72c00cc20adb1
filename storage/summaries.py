"""A session's summary as stored: decisions and notes, each item with its author, as JSON in
the `meeting_session.summary` text column; its actions are `action_item` rows of the session.

Text rather than a JSON column so that erasure's mention replacement and search (`LIKE`,
`replace()`) work on it as on every other free-text column, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    text: str
    by: int  # the person who wrote it


@dataclass(frozen=True)
class SummaryDoc:
    decisions: tuple[Item, ...] = ()
    notes: tuple[Item, ...] = ()

    def dump(self) -> str:
        return json.dumps(
            {
                "decisions": [{"text": i.text, "by": i.by} for i in self.decisions],
                "notes": [{"text": i.text, "by": i.by} for i in self.notes],
            },
            ensure_ascii=False,
        )

    @classmethod
    def load(cls, stored: str) -> SummaryDoc:
        data = json.loads(stored)

        def items(key: str) -> tuple[Item, ...]:
            return tuple(Item(str(i["text"]), int(i["by"])) for i in data.get(key, ()))

        return cls(decisions=items("decisions"), notes=items("notes"))

    def plus(self, other: SummaryDoc) -> SummaryDoc:
        """This summary with `other`'s items after its own."""
        return SummaryDoc(self.decisions + other.decisions, self.notes + other.notes)

    def without(self, person_id: int) -> SummaryDoc:
        """This summary without what `person_id` wrote."""
        return SummaryDoc(
            tuple(i for i in self.decisions if i.by != person_id),
            tuple(i for i in self.notes if i.by != person_id),
        )

    @property
    def authors(self) -> set[int]:
        return {i.by for i in self.decisions + self.notes}
