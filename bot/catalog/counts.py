"""Catalog entries for counted things, shared by several messages: each takes `count` and gives
the form of CLDR's plural rule for the language (French: `0 binôme actif`, `1 séance tenue`)."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "count.pairs.active": {
        "en": {"one": "{count} active pair", "other": "{count} active pairs"},
        "fr": {"one": "{count} binôme actif", "other": "{count} binômes actifs"},
    },
    "count.pairs.at_risk": {
        "en": {"one": "{count} pair at risk", "other": "{count} pairs at risk"},
        "fr": {"one": "{count} binôme à risque", "other": "{count} binômes à risque"},
    },
    "count.sessions.held": {
        "en": {"one": "{count} session held", "other": "{count} sessions held"},
        "fr": {"one": "{count} séance tenue", "other": "{count} séances tenues"},
    },
    "count.sessions.skipped": {
        "en": {"one": "{count} skipped", "other": "{count} skipped"},
        "fr": {"one": "{count} annulée", "other": "{count} annulées"},
    },
    "count.held": {
        "en": {"one": "{count} held", "other": "{count} held"},
        "fr": {"one": "{count} tenue", "other": "{count} tenues"},
    },
    "count.summaries": {
        "en": {"one": "{count} summary", "other": "{count} summaries"},
        "fr": {"one": "{count} compte-rendu", "other": "{count} comptes-rendus"},
    },
    "count.days": {
        "en": {"one": "{count} day", "other": "{count} days"},
        "fr": {"one": "{count} jour", "other": "{count} jours"},
    },
}
