"""The state values of the bot's rhythm forms as a Slack modal submits them."""

from __future__ import annotations

from typing import Any

from tests.fakes import signing

State = dict[str, dict[str, dict[str, Any]]]


def rhythm_state(
    *,
    frequency: str = "1w",
    weekday: str = "3",
    at: str = "18:00",
    duration: str = "60",
    meeting_format: str = "video",
    zone: str = "Europe/Paris",
    start: str | None = None,
) -> State:
    """A rhythm's fields (Thursdays at 18:00 Paris, weekly, an hour by video unless told)."""
    return {
        "frequency": {"frequency": signing.static_select(frequency)},
        "weekday": {"weekday": signing.static_select(weekday)},
        "time": {"time": signing.timepicker(at)},
        "duration": {"duration": signing.static_select(duration)},
        "format": {"format": signing.static_select(meeting_format)},
        "timezone": {"timezone": signing.plain_text(zone)},
        "start": {"start": signing.datepicker(start)},
    }


def pair_state(mentor: str, mentee: str, **rhythm: Any) -> State:
    """The pair form: both people and their rhythm."""
    return {
        "mentor": {"mentor": signing.users_select(mentor)},
        "mentee": {"mentee": signing.users_select(mentee)},
        **rhythm_state(**rhythm),
    }


def terms_state(*, trial: str = "3", end: str | None = None, **rhythm: Any) -> State:
    """The terms form: the rhythm, the trial's length and the planned end."""
    return {
        **rhythm_state(**rhythm),
        "trial": {"trial": signing.static_select(trial)},
        "end": {"end": signing.datepicker(end)},
    }
