"""When two agenda points are the same one."""

from __future__ import annotations

import pytest

from bot.commands.agenda_command import point_key


@pytest.mark.parametrize(
    "typed",
    ["Career options", "  career   OPTIONS ", "Career\toptions\n", "CAREER OPTIONS"],
)
def test_case_and_spacing_make_no_new_point(typed: str) -> None:
    assert point_key(typed) == point_key("Career options")


@pytest.mark.parametrize("typed", ["Career option", "Careeroptions", "Carrière options"])
def test_other_words_or_accents_do(typed: str) -> None:
    assert point_key(typed) != point_key("Career options")


def test_case_folding_goes_beyond_lower_case() -> None:
    assert point_key("Straße planen") == point_key("STRASSE planen")
