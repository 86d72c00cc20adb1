"""Errors a user can fix: each carries a catalog key and the values its text needs."""

from __future__ import annotations


class UserError(Exception):
    """Something the user typed or chose that cannot be done; nothing was changed."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
