"""Log lines: plain text, or one JSON object a line (MENTORBOT_LOG_FORMAT=json) for a log
collector. Either way they carry ids, counts and outcomes, never what people wrote
(handlers/log_policy.py keeps the chatty libraries above DEBUG)."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime

from bot.kernel.settings import SettingsError

FORMAT_VARIABLE = "MENTORBOT_LOG_FORMAT"
PLAIN = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonLines(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, and the exception if any."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure_logging(level: int) -> None:
    """The root logger at `level`, in the format MENTORBOT_LOG_FORMAT names (plain or json)."""
    chosen = os.environ.get(FORMAT_VARIABLE, "").strip().lower() or "plain"
    if chosen not in ("plain", "json"):
        raise SettingsError(f"{FORMAT_VARIABLE} must be plain or json, not {chosen!r}.")
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines() if chosen == "json" else logging.Formatter(PLAIN))
    logging.basicConfig(level=level, handlers=[handler])
    for chatty in ("alembic", "apscheduler"):  # their start-up steps say nothing to act on
        logging.getLogger(chatty).setLevel(logging.WARNING)
