"""Catalog entries for the weekly cadence digest."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "digest.title": {
        "en": "Mentoring cadence, week of {date}",
        "fr": "Rythme du mentorat, semaine du {date}",
    },
    "digest.intro": {
        "en": "{pairs}. Last 4 weeks: {held}, {skipped}, {unsummarised} without summary. "
        "{at_risk}.",
        "fr": "{pairs}. 4 dernières semaines : {held}, {skipped}, {unsummarised} sans "
        "compte-rendu. {at_risk}.",
    },
    "digest.row": {
        "en": "{flag}*{mentor}* → *{mentee}*: {held}, {skipped}, {unsummarised} without "
        "summary; {since}; next {next}",
        "fr": "{flag}*{mentor}* → *{mentee}* : {held}, {skipped}, {unsummarised} sans "
        "compte-rendu ; {since} ; prochaine : {next}",
    },
    "digest.row.ended": {
        "en": "*{mentor}* → *{mentee}*: {held}, {skipped}, {unsummarised} without summary; "
        "ended {ended}",
        "fr": "*{mentor}* → *{mentee}* : {held}, {skipped}, {unsummarised} sans compte-rendu ; "
        "terminé le {ended}",
    },
    "digest.since.days": {
        "en": {"one": "last session {count} day ago", "other": "last session {count} days ago"},
        "fr": {
            "one": "dernière séance il y a {count} jour",
            "other": "dernière séance il y a {count} jours",
        },
    },
    "digest.since.today": {"en": "last session today", "fr": "dernière séance aujourd'hui"},
    "digest.since.never": {"en": "no session held yet", "fr": "pas encore de séance tenue"},
    "digest.next.none": {"en": "not planned", "fr": "non planifiée"},
    "digest.at_risk": {"en": "⚠️ at risk · ", "fr": "⚠️ à risque · "},
    "digest.empty": {"en": "No active pairs yet.", "fr": "Aucun binôme actif pour l'instant."},
    "digest.more": {
        "en": {
            "one": "…and {count} more pair, not shown to keep this message short.",
            "other": "…and {count} more pairs, not shown to keep this message short.",
        },
        "fr": {
            "one": "…et {count} autre binôme, non affiché pour garder ce message court.",
            "other": "…et {count} autres binômes, non affichés pour garder ce message court.",
        },
    },
    "digest.note": {
        "en": "Cadence only: the content of agendas and summaries stays with each pair. A pair "
        "is at risk when its last two sessions were skipped or left without summary.",
        "fr": "Rythme seulement : le contenu des ordres du jour et des comptes-rendus reste "
        "dans chaque binôme. Un binôme est à risque quand ses deux dernières séances ont été "
        "annulées ou laissées sans compte-rendu.",
    },
    "digest.pending": {
        "en": {
            "one": "{count} pair not started yet: waiting for both members to accept its "
            "agreement (for {days}).",
            "other": "{count} pairs not started yet: waiting for both members to accept their "
            "agreement (the oldest for {days}).",
        },
        "fr": {
            "one": "{count} binôme pas encore commencé : en attente de l'accord de ses deux "
            "membres (depuis {days}).",
            "other": "{count} binômes pas encore commencés : en attente de l'accord de leurs "
            "deux membres (le plus ancien depuis {days}).",
        },
    },
    "digest.paused": {
        "en": {"one": "{count} pair on pause.", "other": "{count} pairs on pause."},
        "fr": {"one": "{count} binôme en pause.", "other": "{count} binômes en pause."},
    },
}
