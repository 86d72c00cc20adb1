"""Languages, the lookup of user-facing text in the message catalog, and typed words folded
so that English and French read alike."""

from __future__ import annotations

import unicodedata
from typing import Literal

from bot.catalog import MESSAGES

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")


def lang_from_locale(locale: str | None) -> Lang:
    """French for `fr-*` locales, English for everything else."""
    if locale and locale.lower().replace("_", "-").split("-")[0] == "fr":
        return "fr"
    return "en"


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The catalog text for `key` in `lang`, with `params` filled in."""
    return MESSAGES[key][lang].format(**params)


def fold(word: str) -> str:
    """Lower case without accents, so `Binôme` and `binome` are the same word."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
