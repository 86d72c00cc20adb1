"""Languages, the lookup of user-facing text in the message catalog (plural forms chosen by
CLDR's rule for the language, through Babel), and typed words folded so that English and French
read alike."""

from __future__ import annotations

import string
import unicodedata
from functools import cache
from typing import Literal

from babel import Locale
from babel.numbers import format_decimal

from bot.catalog import MESSAGES
from bot.catalog.entry import COUNT, Text

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")


def lang_from_locale(locale: str | None) -> Lang:
    """French for `fr-*` locales, English for everything else."""
    if locale and locale.lower().replace("_", "-").split("-")[0] == "fr":
        return "fr"
    return "en"


@cache
def locale_of(lang: Lang) -> Locale:
    """The CLDR locale of a language."""
    return Locale.parse(lang)


def plural_category(count: int, lang: Lang) -> str:
    """CLDR's plural category of `count` in `lang`: French says `0 binôme`, English `0 pairs`."""
    return str(locale_of(lang).plural_form(count))


def choose(text: Text, lang: Lang, count: object) -> str:
    """The form of `text` for `count` (a plain text has only one)."""
    if isinstance(text, str):
        return text
    if not isinstance(count, int):
        raise TypeError(f"a plural entry needs an integer `{COUNT}`, not {count!r}")
    return text.get(plural_category(count, lang), text["other"])


def format_number(value: float, lang: Lang, decimals: int = 0) -> str:
    """`value` as the language writes numbers (CLDR): `3.1` / `3,1`, `1,200` / `1 200`."""
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def capitalized(text: str) -> str:
    """`text` with its first letter in capitals, for a date that opens a sentence, a row or a
    heading: French writes weekdays and months in lower case."""
    return text[:1].upper() + text[1:]


class _CatalogFormatter(string.Formatter):
    """`str.format`, plus the `!c` conversion: `{when!c}` is `when` capitalized."""

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "c":
            return capitalized(str(value))
        return super().convert_field(value, conversion)


_FORMATTER = _CatalogFormatter()


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The catalog text for `key` in `lang`, with `params` filled in; an entry with plural forms
    takes the one for `params["count"]`; `{name!c}` capitalizes a value opening a sentence."""
    text = choose(MESSAGES[key][lang], lang, params.get(COUNT))
    return _FORMATTER.format(text, **params) if "!c}" in text else text.format(**params)


def fold(word: str) -> str:
    """Lower case without accents, so `Binôme` and `binome` are the same word."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
