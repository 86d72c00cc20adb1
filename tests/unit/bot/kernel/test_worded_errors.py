"""Errors raised before the reader's language is known word their dates and numbers in it once
written: `mardi 1er décembre 2026`, not `2026-12-01`; `2 000 caractères`, not `2000`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

import pytest

from bot.growth.goals import check_target
from bot.kernel.errors import UserError
from bot.kernel.i18n import Number, t
from bot.rhythm.grammar import RhythmError, complete_rhythm
from bot.rhythm.model import Frequency, RhythmDraft
from bot.rhythm.wording import WordedDate

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_a_past_goal_date_is_worded_in_each_language() -> None:
    with pytest.raises(UserError) as raised:
        check_target(date(2026, 12, 1), date(2026, 12, 3))
    error = raised.value
    english, french = (t(error.key, lang, **error.params) for lang in ("en", "fr"))
    assert english.startswith("Tuesday 1 December 2026 has already passed")
    assert french.startswith("Le mardi 1er décembre 2026 est déjà passé")
    assert not ISO.search(english + french)


def test_a_rhythm_start_off_its_weekday_is_worded() -> None:
    draft = RhythmDraft(
        frequency=Frequency.WEEKLY,
        interval=1,
        weekday=3,
        local_time=time(18),
        timezone="Europe/Paris",
        start=date(2026, 12, 20),
    )
    with pytest.raises(RhythmError) as raised:
        complete_rhythm(draft, default_timezone="Europe/Paris", now=NOW)
    error = raised.value
    french = t(error.code, "fr", **error.params)
    assert "dimanche 20 décembre 2026" in french and not ISO.search(french)
    assert "Sunday 20 December 2026" in t(error.code, "en", **error.params)


def test_limits_take_cldr_numbers_and_plurals() -> None:
    params = {"count": 2000, "length": Number(2345)}
    assert t("journal.too_long", "en", **params) == (
        "That entry is 2,345 characters long; please keep it to 2,000 characters."
    )
    french = t("journal.too_long", "fr", **params)
    assert re.search(r"2\s345 caractères ; merci de ne pas dépasser 2\s000 caractères\.", french)
    assert t("rhythm.bad_link.long", "en", count=1) == (
        "This meeting link is too long: at most 1 character."
    )
    assert t("rhythm.bad_link.long", "fr", count=0).endswith("0 caractère au plus.")
    assert WordedDate(date(2027, 1, 15)).in_lang("fr") == "vendredi 15 janvier 2027"
