"""Catalog entries for night-time and meeting hours, and the people a message names."""

MESSAGES: dict[str, dict[str, str]] = {
    "person.former": {"en": "a former member", "fr": "un ancien membre"},
    "agreement.proposed_by": {
        "en": "Proposed by {who}.",
        "fr": "Proposé par {who}.",
    },
    "agreement.changed_by": {
        "en": "{who} changed the terms before the start:",
        "fr": "{who} a modifié les conditions avant le début :",
    },
    "agreement.compare.heading": {
        "en": "Before → now",
        "fr": "Avant → maintenant",
    },
    "meeting_hours.warning": {
        "en": "⚠️ For {who}, a session falls outside {earliest}–{latest} their time: {when}. "
        "I kept the rhythm; check with them that it suits them.",
        "fr": "⚠️ Pour {who}, une séance tombe hors de {earliest}–{latest} à son heure : "
        "{when}. J'ai gardé le rythme ; vérifiez avec cette personne que cela lui convient.",
    },
}
