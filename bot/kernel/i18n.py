"""Languages and the lookup of user-facing text in the message catalog."""

from __future__ import annotations

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
