"""The rhythm fields shared by the pair form and the terms form: choices and reading them."""

from __future__ import annotations

from datetime import date, time

from bot.kernel.i18n import Lang, t
from bot.rhythm.model import Frequency, MeetingFormat, RhythmDraft

FREQUENCIES = {
    "1w": (Frequency.WEEKLY, 1),
    "2w": (Frequency.WEEKLY, 2),
    "3w": (Frequency.WEEKLY, 3),
    "4w": (Frequency.WEEKLY, 4),
    "1m": (Frequency.MONTHLY, 1),
}
DURATIONS = (30, 45, 60, 90, 120)


def pair_form_choices(lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """The options of the pair form's choice fields, as (value, label)."""
    return {
        "frequency": [(key, t(f"form.frequency.{key}", lang)) for key in FREQUENCIES],
        "weekday": [(str(day), t(f"form.weekday.{day}", lang)) for day in range(7)],
        "duration": [(str(minutes), t(f"form.duration.{minutes}", lang)) for minutes in DURATIONS],
        "format": [(f.value, t(f"format.{f.value}", lang)) for f in MeetingFormat],
    }


def required_field(
    values: dict[str, str | None], name: str, errors: dict[str, str], lang: Lang
) -> str:
    value = (values.get(name) or "").strip()
    if not value:
        errors[name] = t("form.required", lang)
    return value


def rhythm_draft(
    frequency: str,
    weekday: str,
    at: str,
    duration: str,
    meeting_format: str,
    values: dict[str, str | None],
    errors: dict[str, str],
    lang: Lang,
) -> RhythmDraft | None:
    """The rhythm chosen in the form; None (with `errors` filled) when a value is not an option."""
    invalid = t("form.invalid", lang)
    if frequency not in FREQUENCIES:
        errors["frequency"] = invalid
    if weekday not in {str(day) for day in range(7)}:
        errors["weekday"] = invalid
    if duration not in {str(minutes) for minutes in DURATIONS}:
        errors["duration"] = invalid
    if meeting_format not in {f.value for f in MeetingFormat}:
        errors["format"] = invalid
    try:
        local_time = time.fromisoformat(at)
    except ValueError:
        errors["time"] = invalid
    start_text = (values.get("start") or "").strip()
    try:
        start = date.fromisoformat(start_text) if start_text else None
    except ValueError:
        errors["start"] = invalid
    if errors:
        return None
    return RhythmDraft(
        frequency=FREQUENCIES[frequency][0],
        interval=FREQUENCIES[frequency][1],
        weekday=int(weekday),
        local_time=local_time,
        duration_minutes=int(duration),
        timezone=(values.get("timezone") or "").strip() or None,
        start=start,
        format=MeetingFormat(meeting_format),
    )
