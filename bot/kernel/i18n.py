"""Languages, the lookup of user-facing text in the message catalog (plural forms chosen by
CLDR's rule for the language, through Babel), and typed words folded so that English and French
read alike."""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass
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


class Worded:
    """A value written in the reader's language only when the text is made (a date, a number),
    for errors raised where the language is not known yet."""

    def in_lang(self, lang: Lang) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Number(Worded):
    """A number as the language writes it (CLDR): `2,000` / `2 000`."""

    value: float

    def in_lang(self, lang: Lang) -> str:
        return format_number(self.value, lang)


def _written(name: str, value: object, lang: Lang) -> object:
    if isinstance(value, Worded):
        return value.in_lang(lang)
    if name == COUNT and isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, lang)
    return value


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The catalog text for `key` in `lang`, with `params` filled in; an entry with plural forms
    takes the one for `params["count"]` (written as the language writes numbers); a `Worded`
    value is written in `lang`; `{name!c}` capitalizes a value opening a sentence."""
    text = choose(MESSAGES[key][lang], lang, params.get(COUNT))
    if params:
        params = {name: _written(name, value, lang) for name, value in params.items()}
    return _FORMATTER.format(text, **params) if "!c}" in text else text.format(**params)


def fold(word: str) -> str:
    """Lower case without accents, so `Binôme` and `binome` are the same word."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
