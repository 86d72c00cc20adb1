"""The rhythm fields shared by the pair form and the terms form, and reading them."""

from __future__ import annotations

from bot.kernel.form_model import Choice, Field, Kind, Phrase, Values
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import FieldErrors
from bot.rhythm.grammar import RhythmError
from bot.rhythm.link import MAX_LINK, parse_link
from bot.rhythm.model import Frequency, MeetingFormat, RhythmDraft

FREQUENCIES = {
    "1w": (Frequency.WEEKLY, 1),
    "2w": (Frequency.WEEKLY, 2),
    "3w": (Frequency.WEEKLY, 3),
    "4w": (Frequency.WEEKLY, 4),
    "1m": (Frequency.MONTHLY, 1),
}
DURATIONS = (30, 45, 60, 90, 120)


def _choice(field_id: str, label: str, options: dict[str, str], default: str = "") -> Field:
    choices = tuple(Choice(value, Phrase(key)) for value, key in options.items())
    return Field(field_id, Kind.CHOICE, label, required=True, choices=choices, default=default)


RHYTHM_FIELDS = (
    _choice("frequency", "form.pair.frequency", {k: f"form.frequency.{k}" for k in FREQUENCIES}),
    _choice("weekday", "form.pair.weekday", {str(d): f"form.weekday.{d}" for d in range(7)}),
    Field("time", Kind.TIME, "form.pair.time", required=True, default="18:00"),
    _choice(
        "duration",
        "form.pair.duration",
        {str(m): f"form.duration.{m}" for m in DURATIONS},
        default="60",
    ),
    _choice(
        "format",
        "form.pair.format",
        {f.value: f"format.{f.value}" for f in MeetingFormat},
        default=MeetingFormat.VIDEO.value,
    ),
)


def zone_and_start(start_hint: str) -> tuple[Field, Field, Field]:
    """The optional meeting link, time zone and first day of the pair and terms forms."""
    return (
        Field("link", Kind.TEXT, "form.pair.link", max_length=MAX_LINK, hint="form.pair.link.hint"),
        Field(
            "timezone",
            Kind.TEXT,
            "form.pair.timezone",
            max_length=64,
            hint="form.pair.timezone.hint",
        ),
        Field("start", Kind.DATE, "form.pair.start", hint=start_hint),
    )


def rhythm_draft(values: Values) -> RhythmDraft:
    """The rhythm chosen in a form whose rhythm fields were read."""
    frequency, interval = FREQUENCIES[values.text("frequency")]
    local_time = values.time("time")
    assert local_time is not None  # a required field
    return RhythmDraft(
        frequency=frequency,
        interval=interval,
        weekday=int(values.text("weekday")),
        local_time=local_time,
        duration_minutes=int(values.text("duration")),
        timezone=values.text("timezone") or None,
        start=values.date("start"),
        format=MeetingFormat(values.text("format")),
        link=parse_link(values.text("link")),
    )


def rhythm_error(error: RhythmError, lang: Lang) -> FieldErrors:
    """A rhythm the form's fields could not complete, shown at the field it comes from."""
    field = "timezone" if error.code == "rhythm.unknown_zone" else "start"
    if error.code.startswith("rhythm.bad_link"):
        field = "link"
    return FieldErrors({field: t(error.code, lang, **error.params)})
