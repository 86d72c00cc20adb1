"""MENTORBOT_LOG_FORMAT: plain lines by default, one JSON object a line on request."""

from __future__ import annotations

import json
import logging

import pytest

from app.cli import main
from app.logs import JsonLines, configure_logging


def test_json_lines_carry_the_level_logger_and_message() -> None:
    record = logging.LogRecord(
        "scheduler.dispatcher", logging.INFO, __file__, 1, "gave back %d", (3,), None
    )
    line = json.loads(JsonLines().format(record))
    assert line["level"] == "INFO" and line["logger"] == "scheduler.dispatcher"
    assert line["message"] == "gave back 3"
    assert line["time"].endswith("+00:00")


def test_the_json_format_is_chosen_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MENTORBOT_LOG_FORMAT", "JSON")
    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    root.handlers = []  # pytest's capture, put back below
    try:
        configure_logging(logging.INFO)
        [handler] = root.handlers
    finally:
        root.handlers, root.level = kept, level
    assert isinstance(handler.formatter, JsonLines)


def test_an_unknown_log_format_stops_start_up_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MENTORBOT_LOG_FORMAT", "xml")
    assert main(["serve"]) == 2
    assert (
        capsys.readouterr().err
        == "mentorbot: MENTORBOT_LOG_FORMAT must be plain or json, not 'xml'.\n"
    )
