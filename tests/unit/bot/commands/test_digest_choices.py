"""`/mentor digest #channel tz … lang …`: the subscription's zone and language."""

from __future__ import annotations

import pytest

from bot.commands.digest_command import zone_and_lang
from bot.kernel.errors import UserError


def test_tz_and_lang_choose_the_subscriptions_zone_and_language() -> None:
    words = ["<#C0LEADS>", "tz", "america/montreal", "lang", "fr"]
    assert zone_and_lang(words, "Europe/Paris", "en") == ("America/Montreal", "fr")
    french = ["<#C0LEADS>", "fuseau", "Europe/Paris", "langue", "anglais"]
    assert zone_and_lang(french, "UTC", "fr") == ("Europe/Paris", "en")


def test_without_a_choice_the_subscribers_own_are_kept() -> None:
    assert zone_and_lang(["<#C0LEADS>"], "Europe/Paris", "fr") == ("Europe/Paris", "fr")


@pytest.mark.parametrize(
    ("text", "key"),
    [("tz Mars/Olympus", "digest.bad_zone"), ("lang de", "digest.bad_lang")],
)
def test_an_unknown_zone_or_language_is_named_back(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        zone_and_lang(text.split(), "Europe/Paris", "en")
    assert raised.value.key == key and text.split()[1] in raised.value.params.values()
