"""Settings from the environment: the retention period, and a clear error when it is wrong."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.kernel.core import Core
from bot.kernel.settings import (
    DEFAULT_RETENTION_DAYS,
    DEFAULT_SENDS_AT_ONCE,
    Settings,
    SettingsError,
)


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


def test_sixteen_sends_at_once_unless_told() -> None:
    assert Settings.from_env({}).sends_at_once == DEFAULT_SENDS_AT_ONCE == 16
    assert Settings.from_env({"MENTORBOT_SENDS_AT_ONCE": " 32 "}).sends_at_once == 32


SLACK = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3cret"}


def test_port_zero_lets_the_system_pick_a_free_one() -> None:
    assert Settings.from_env({**SLACK, "PORT": "0"}).port == 0
    assert Settings.from_env({**SLACK, "METRICS_PORT": "0"}).metrics_port == 0


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"PORT": "http"}, "PORT must be a port number, not 'http'."),
        ({"PORT": "-1"}, "PORT must be a port number, not '-1'."),
        ({"PORT": "65536"}, "PORT must be a port number, not '65536'."),
        ({"PORT": "²"}, "PORT must be a port number, not '²'."),
        (
            {"DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS": "maybe"},
            "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS must be true or false, not 'maybe'.",
        ),
        (
            {"MENTORBOT_SENDS_PER_SECOND": "fast"},
            "MENTORBOT_SENDS_PER_SECOND must be a positive number, not 'fast'.",
        ),
        (
            {"MENTORBOT_SENDS_PER_SECOND": "0"},
            "MENTORBOT_SENDS_PER_SECOND must be a positive number, not '0'.",
        ),
        (
            {"MENTORBOT_SENDS_PER_SECOND": "nan"},
            "MENTORBOT_SENDS_PER_SECOND must be a positive number, not 'nan'.",
        ),
        (
            {"MENTORBOT_SENDS_PER_SECOND": "inf"},
            "MENTORBOT_SENDS_PER_SECOND must be a positive number, not 'inf'.",
        ),
        ({"SLACK_API_URL": "notaurl"}, "SLACK_API_URL must be an http(s) URL, not 'notaurl'."),
        (
            {"SLACK_API_URL": "ftp://slack.com/api/"},
            "SLACK_API_URL must be an http(s) URL, not 'ftp://slack.com/api/'.",
        ),
        (
            {"MENTORBOT_LEASE_SECONDS": "0"},
            "MENTORBOT_LEASE_SECONDS must be a whole number of seconds, not '0'.",
        ),
        (
            {"MENTORBOT_LEASE_SECONDS": "1.5"},
            "MENTORBOT_LEASE_SECONDS must be a whole number of seconds, not '1.5'.",
        ),
        (
            {"MENTORBOT_LEASE_SECONDS": "²"},
            "MENTORBOT_LEASE_SECONDS must be a whole number of seconds, not '²'.",
        ),
        (
            {"MENTORBOT_SENDS_AT_ONCE": "0"},
            "MENTORBOT_SENDS_AT_ONCE must be a whole number from 1 to 64, not '0'.",
        ),
        (
            {"MENTORBOT_SENDS_AT_ONCE": "65"},
            "MENTORBOT_SENDS_AT_ONCE must be a whole number from 1 to 64, not '65'.",
        ),
        (
            {"MENTORBOT_SENDS_AT_ONCE": "²"},
            "MENTORBOT_SENDS_AT_ONCE must be a whole number from 1 to 64, not '²'.",
        ),
        ({"METRICS_PORT": "http"}, "METRICS_PORT must be a port number, not 'http'."),
        ({"METRICS_PORT": "70000"}, "METRICS_PORT must be a port number, not '70000'."),
    ],
)
def test_a_wrong_variable_stops_start_up_naming_it_and_its_value(
    env: dict[str, str], named: str
) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env({**SLACK, **env})
    assert str(error.value) == named


@pytest.mark.parametrize(
    ("env", "required", "named"),
    [
        ({}, (), "Missing SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Slack) or CLIENT_ID"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, (), "Missing SLACK_SIGNING_SECRET:"),
        ({"SLACK_SIGNING_SECRET": "s3cret"}, (), "Missing SLACK_BOT_TOKEN and SLACK_SIGNING"),
        (
            {**SLACK, "SLACK_BOT_TOKEN": "xoxp-1"},
            (),
            "SLACK_BOT_TOKEN does not look like a bot token (xoxb-…)",
        ),
        (
            {"SLACK_BOT_TOKEN": "abc"},
            (),
            "SLACK_BOT_TOKEN does not look like a bot token (xoxb-…): copy the Bot User OAuth "
            "Token from the app's OAuth & Permissions page. Missing SLACK_SIGNING_SECRET:",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "xoxb-1"},
            (),
            "SLACK_SIGNING_SECRET does not look like a signing secret",
        ),
        (
            {"CLIENT_ID": "my-bot"},
            (),
            "CLIENT_ID does not look like a Microsoft App ID (a GUID such as "
            "00000000-0000-0000-0000-000000000000), not 'my-bot'",
        ),
        (SLACK, ("slack_app_token",), "Missing SLACK_APP_TOKEN:"),
        (
            {**SLACK, "SLACK_APP_TOKEN": "xoxb-2"},
            ("slack_app_token",),
            "SLACK_APP_TOKEN does not look like an app-level token (xapp-…)",
        ),
        (
            {},
            ("slack_bot_token", "slack_app_token"),
            "Missing SLACK_BOT_TOKEN, SLACK_APP_TOKEN:",
        ),
    ],
)
def test_a_missing_or_wrong_platform_setting_is_named(
    env: dict[str, str], required: tuple[str, ...], named: str
) -> None:
    settings = Settings.from_env(env)
    with pytest.raises(SettingsError) as error:
        if required:
            settings.require(*required)
        else:
            settings.require_a_platform()
    message = str(error.value)
    assert message.startswith(named) and "\n" not in message


def test_teams_alone_or_slack_alone_is_enough_to_serve() -> None:
    Settings.from_env({"CLIENT_ID": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}).require_a_platform()
    Settings.from_env(SLACK).require_a_platform()
    settings = Settings.from_env({**SLACK, "PORT": "8080", "MENTORBOT_ADMINS": "UA, UB  UC"})
    assert (settings.port, settings.admins) == (8080, frozenset({"UA", "UB", "UC"}))
    assert settings.slack_api_url == "https://slack.com/api/"


def test_the_metrics_port_is_optional() -> None:
    assert Settings.from_env(SLACK).metrics_port is None
    assert Settings.from_env({**SLACK, "METRICS_PORT": "9464"}).metrics_port == 9464


OAUTH = {
    "SLACK_CLIENT_ID": "1111.2222",
    "SLACK_CLIENT_SECRET": "oauth-secret",
    "SLACK_SIGNING_SECRET": "s3cret",
    "MENTORBOT_TOKEN_KEY": "ZmRzYTRmZHNhNGZkc2E0ZmRzYTRmZHNhNGZkc2E0ZmQ=",
}


def test_oauth_mode_is_chosen_by_the_apps_credentials_instead_of_a_bot_token() -> None:
    settings = Settings.from_env(OAUTH)
    assert settings.slack_oauth and settings.slack_enabled
    settings.require_a_platform()
    assert not Settings.from_env(SLACK).slack_oauth  # one token: today's mode, unchanged
    assert not Settings.from_env({**OAUTH, **SLACK}).slack_oauth  # a bot token wins


@pytest.mark.parametrize("key", ["", "not-a-key", "c2hvcnQ=", "xoxb-1234"])
def test_oauth_mode_needs_a_fernet_key_said_in_one_line(key: str) -> None:
    settings = Settings.from_env({**OAUTH, "MENTORBOT_TOKEN_KEY": key})
    with pytest.raises(SettingsError) as error:
        settings.require_a_platform()
    message = str(error.value)
    assert "MENTORBOT_TOKEN_KEY" in message and "\n" not in message
