"""Every catalog entry that takes a number, rendered with 0, 1, 2 and 5 in both languages, reads
the form of the language's CLDR plural rule: French `0 binôme`, English `0 pairs`."""

from __future__ import annotations

import re
import string

import pytest
from babel import Locale

from bot.catalog import MESSAGES
from bot.catalog.entry import COUNT
from bot.kernel.i18n import LANGS, Lang, t

COUNTED = sorted(k for k, e in MESSAGES.items() if any(not isinstance(v, str) for v in e.values()))


def params(key: str, count: int) -> dict[str, object]:
    names = {
        name
        for text in MESSAGES[key].values()
        for form in ([text] if isinstance(text, str) else text.values())
        for _, name, _, _ in string.Formatter().parse(form)
        if name
    }
    return {name: 7 if name != COUNT else count for name in names}


def render(key: str, lang: Lang, count: int) -> str:
    return t(key, lang, **params(key, count))


def shape(text: str) -> str:
    """The sentence with its numbers blanked, to compare forms."""
    return re.sub(r"\d+", "#", text)


def test_there_are_counted_entries() -> None:
    assert len(COUNTED) >= 2


@pytest.mark.parametrize("key", COUNTED)
@pytest.mark.parametrize("lang", LANGS)
def test_each_count_reads_the_form_of_its_cldr_category(key: str, lang: Lang) -> None:
    forms = MESSAGES[key][lang]
    assert not isinstance(forms, str)
    rule = Locale(lang).plural_form
    for count in (0, 1, 2, 5):
        expected = forms.get(rule(count), forms["other"]).format(**params(key, count))
        assert render(key, lang, count) == expected, (key, lang, count)


@pytest.mark.parametrize("key", COUNTED)
def test_singular_and_plural_differ_where_the_languages_say(key: str) -> None:
    """French: 0 and 1 take the singular; English: only 1. Some words change in one language
    only (`1 skipped`, `1 annulée`), but an entry with plural forms changes in one at least."""
    en = {n: shape(render(key, "en", n)) for n in (0, 1, 2, 5)}
    fr = {n: shape(render(key, "fr", n)) for n in (0, 1, 2, 5)}
    assert en[0] == en[2] == en[5], en
    assert fr[0] == fr[1] and fr[2] == fr[5], fr
    assert en[1] != en[2] or fr[1] != fr[2], (en, fr)
