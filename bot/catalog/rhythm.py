"""Catalog entries for rhythms: parse errors and descriptions."""

MESSAGES: dict[str, dict[str, str]] = {}
