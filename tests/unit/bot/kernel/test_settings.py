"""Settings from the environment: the retention period, and a clear error when it is wrong."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.kernel.core import Core
from bot.kernel.settings import DEFAULT_RETENTION_DAYS, Settings, SettingsError


def test_the_retention_period_defaults_to_a_year_and_takes_whole_days() -> None:
    assert Settings.from_env({}).retention_days == DEFAULT_RETENTION_DAYS == 365
    assert Settings.from_env({"MENTORBOT_RETENTION_DAYS": ""}).retention_days == 365
    assert Settings.from_env({"MENTORBOT_RETENTION_DAYS": " 30 "}).retention_days == 30
    assert Settings.from_env({"MENTORBOT_RETENTION_DAYS": "0"}).retention_days == 0


@pytest.mark.parametrize("value", ["-1", "1.5", "a year", "30d", "99999999", "²"])
def test_a_retention_period_that_is_not_whole_days_stops_start_up(value: str) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env({"MENTORBOT_RETENTION_DAYS": value})
    message = str(error.value)
    assert message.startswith("MENTORBOT_RETENTION_DAYS must be a whole number of days")
    assert repr(value.strip()) in message and "\n" not in message


def test_the_core_of_the_bot_and_of_the_operator_commands_keeps_the_configured_period(
    core: Core,
) -> None:
    settings = Settings.from_env({"MENTORBOT_RETENTION_DAYS": "7", "MENTORBOT_ADMINS": "UADA"})
    configured = Core.configured(settings, core.db, core.clock)
    assert configured.retention == timedelta(days=7) and configured.admins == {"UADA"}
