"""What may reach a log: ids, counts and outcomes, never what people wrote or their profiles."""

from __future__ import annotations

import logging

QUIETEST = {
    # At DEBUG these dump whole requests and responses: messages, users.info profiles, tokens.
    "slack_sdk": logging.INFO,
    "slack_bolt": logging.INFO,
    "microsoft_teams": logging.INFO,
    # At INFO every URL: a Teams upload URL names the person's OneDrive and carries its token.
    "httpx": logging.WARNING,
}


def keep_content_out_of_logs() -> None:
    """These loggers never go below their level, even when the root logger is set to DEBUG."""
    for name, level in QUIETEST.items():
        logger = logging.getLogger(name)
        if logger.level < level:  # NOTSET (0) would follow the root logger down
            logger.setLevel(level)
