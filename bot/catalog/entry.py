"""The shape of a catalog entry: one text per language, or, for a sentence that carries a count,
one text per CLDR plural category (`one`, `many`, `other`), chosen by the `count` parameter."""

from __future__ import annotations

from collections.abc import Mapping

COUNT = "count"
"""The parameter that picks the plural form of an entry that has several."""

Forms = Mapping[str, str]
"""CLDR plural category -> text; `other` is always there and serves any category left out."""

Text = str | Forms
Entry = Mapping[str, Text]
