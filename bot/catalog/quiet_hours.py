"""Catalog entries for night-time and meeting hours, and the people a message names."""

MESSAGES: dict[str, dict[str, str]] = {
    "person.former": {"en": "a former member", "fr": "un ancien membre"},
    "agreement.pending_row.you": {
        "en": "• {role} of {other} — {rhythm}. Waiting for you to accept the agreement.",
        "fr": "• {role} de {other} — {rhythm}. En attente de votre accord.",
    },
    "agreement.pending_row.you_and": {
        "en": "• {role} of {other} — {rhythm}. Waiting for you and {waiting} to accept the "
        "agreement.",
        "fr": "• {role} de {other} — {rhythm}. En attente de votre accord et de celui de "
        "{waiting}.",
    },
    "pairs.row.paused": {
        "en": "• {role} of {other} — {rhythm}. ⏸ {paused}",
        "fr": "• {role} de {other} — {rhythm}. ⏸ {paused}",
    },
    "pairs.paused_until": {
        "en": "Paused until {date}: the rhythm starts again by itself that day.",
        "fr": "En pause jusqu'au {date} : le rythme reprend de lui-même ce jour-là.",
    },
    "pairs.paused": {
        "en": "Paused until one of you types `/mentor resume`.",
        "fr": "En pause jusqu'à ce que l'un de vous tape `/mentor reprendre`.",
    },
    "digest.private_channel": {
        "en": "A public channel needs nothing more: I can post there without being a member. "
        "If it is a private channel, invite me to it (`/invite @Mentorbot`), or the digest "
        "cannot be delivered.",
        "fr": "Un canal public ne demande rien de plus : je peux y écrire sans en être membre. "
        "S'il s'agit d'un canal privé, invitez-moi (`/invite @Mentorbot`), sinon la synthèse ne "
        "pourra pas être livrée.",
    },
    "digest.bad_zone": {
        "en": "I don't know the time zone “{zone}”. Use an IANA name, e.g. `tz Europe/Paris` "
        "or `tz America/Montreal`.",
        "fr": "Je ne connais pas le fuseau « {zone} ». Utilisez un nom IANA, par ex. "
        "`fuseau Europe/Paris` ou `fuseau America/Montreal`.",
    },
    "digest.bad_lang": {
        "en": "The digest can be written in English (`lang en`) or French (`lang fr`), not "
        "“{lang}”.",
        "fr": "La synthèse peut être écrite en anglais (`langue en`) ou en français "
        "(`langue fr`), pas « {lang} ».",
    },
    "language.en": {"en": "English", "fr": "anglais"},
    "language.fr": {"en": "French", "fr": "français"},
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
