"""Naming a failure in a log line: its kind and where it was raised, never its message (which
may quote what people wrote)."""

from __future__ import annotations

import traceback


def failure(error: BaseException) -> str:
    """`KeyError at handlers/…/x.py:12`: enough to find the bug, no data in it."""
    frames = traceback.extract_tb(error.__traceback__)
    place = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__} at {place}"
