"""Making writers of one thing take turns: a write that changes nothing, held to the end of
the transaction (PostgreSQL locks the row, SQLite the database)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, SQLModel


def hold_row(*, session: Session, model: type[SQLModel], row_id: int, column: Any) -> None:
    """Hold the row `row_id` of `model` until the transaction ends, by writing its `column`
    (one of `model`'s) to itself: whoever holds it next waits, then reads what this
    transaction committed."""
    session.execute(
        update(model)
        .where(model.id == row_id)  # type: ignore[attr-defined]
        .values({column: column})
        .execution_options(synchronize_session=False)
    )
