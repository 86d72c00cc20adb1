"""Catalog entries for the weekly cadence digest."""

MESSAGES: dict[str, dict[str, str]] = {
    "digest.title": {
        "en": "Mentoring cadence, week of {date}",
        "fr": "Rythme du mentorat, semaine du {date}",
    },
    "digest.intro": {
        "en": "{pairs} active pairs. Last 4 weeks: {held} sessions held, {skipped} skipped, "
        "{unsummarised} without summary. {at_risk} pairs at risk.",
        "fr": "{pairs} binômes actifs. 4 dernières semaines : {held} séances tenues, {skipped} "
        "annulées, {unsummarised} sans compte-rendu. {at_risk} binômes à risque.",
    },
    "digest.row": {
        "en": "{flag}*{mentor}* → *{mentee}*: {held} held, {skipped} skipped, {unsummarised} "
        "without summary; last session {since}; next {next}",
        "fr": "{flag}*{mentor}* → *{mentee}* : {held} tenues, {skipped} annulées, "
        "{unsummarised} sans compte-rendu ; dernière séance {since} ; prochaine {next}",
    },
    "digest.row.ended": {
        "en": "*{mentor}* → *{mentee}*: {held} held, {skipped} skipped, {unsummarised} "
        "without summary; ended {ended}",
        "fr": "*{mentor}* → *{mentee}* : {held} tenues, {skipped} annulées, "
        "{unsummarised} sans compte-rendu ; terminé le {ended}",
    },
    "digest.since.days": {"en": "{days} days ago", "fr": "il y a {days} jours"},
    "digest.since.today": {"en": "today", "fr": "aujourd'hui"},
    "digest.since.never": {"en": "none yet", "fr": "aucune encore"},
    "digest.next.none": {"en": "not planned", "fr": "non planifiée"},
    "digest.at_risk": {"en": "⚠️ at risk · ", "fr": "⚠️ à risque · "},
    "digest.empty": {"en": "No active pairs yet.", "fr": "Aucun binôme actif pour l'instant."},
    "digest.more": {
        "en": "…and {count} more pairs, not shown to keep this message short.",
        "fr": "…et {count} autres binômes, non affichés pour garder ce message court.",
    },
    "digest.note": {
        "en": "Cadence only: the content of agendas and summaries stays with each pair. A pair "
        "is at risk when its last two sessions were skipped or left without summary.",
        "fr": "Rythme seulement : le contenu des ordres du jour et des comptes-rendus reste "
        "dans chaque binôme. Un binôme est à risque quand ses deux dernières séances ont été "
        "annulées ou laissées sans compte-rendu.",
    },
    "digest.pending": {
        "en": "{count} pairs not started yet: waiting for both members to accept their "
        "agreement (the oldest for {days} days).",
        "fr": "{count} binômes pas encore commencés : en attente de l'accord de leurs deux "
        "membres (le plus ancien depuis {days} jours).",
    },
    "digest.paused": {
        "en": "{count} pairs on pause.",
        "fr": "{count} binômes en pause.",
    },
}
