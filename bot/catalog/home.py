"""Catalog entries for a person's Home (the Slack App Home tab)."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "home.title": {"en": "Your mentoring", "fr": "Votre mentorat"},
    "home.intro": {
        "en": "Only you see this page. What you and your partners write stays between you; "
        "every button here does what the matching `/mentor` command does.",
        "fr": "Vous seul voyez cette page. Ce que vous écrivez avec vos binômes reste entre "
        "vous ; chaque bouton fait ce que fait la commande `/mentor` correspondante.",
    },
    "home.none": {
        "en": "You are not in any mentoring pair yet. Start one with `/mentor pair @mentor "
        "@mentee every 2 weeks on thursday at 18:00`; `/mentor help` tells you more.",
        "fr": "Vous n'êtes dans aucun binôme pour l'instant. Lancez-en un avec `/mentor binome "
        "@mentor @mentore toutes les 2 semaines le jeudi à 18h` ; `/mentor aide` en dit plus.",
    },
    "home.more": {"en": "…and {hidden} more", "fr": "…et {hidden} de plus"},
    "home.with": {"en": " — with {other}", "fr": " — avec {other}"},
    "home.pending": {"en": "Waiting for you", "fr": "En attente de vous"},
    "home.pending.none": {"en": "Nothing is waiting for you.", "fr": "Rien ne vous attend."},
    "home.summary_owed": {
        "en": "The summary of your session with {other} on {when} is still to be written.",
        "fr": "Le compte-rendu de votre séance du {when} avec {other} reste à écrire.",
    },
    "home.pairs": {"en": "My pairs", "fr": "Mes binômes"},
    "home.paused": {"en": " (paused)", "fr": " (en pause)"},
    "home.paused_until": {"en": " (paused until {date})", "fr": " (en pause jusqu'au {date})"},
    "home.sessions": {"en": "Next sessions", "fr": "Prochaines séances"},
    "home.sessions.none": {
        "en": "No session planned.",
        "fr": "Aucune séance prévue.",
    },
    "home.session.row": {
        "en": "*{when}* with {other} — {agenda}",
        "fr": "*{when!c}* avec {other} — {agenda}",
    },
    "home.agenda.count": {
        "en": {"one": "{count} point on the agenda", "other": "{count} points on the agenda"},
        "fr": {
            "one": "{count} point à l'ordre du jour",
            "other": "{count} points à l'ordre du jour",
        },
    },
    "home.agenda.empty": {"en": "agenda still empty", "fr": "ordre du jour encore vide"},
    "home.actions": {"en": "Open actions", "fr": "Actions en cours"},
    "home.actions.none": {
        "en": "No open actions. They come with a session's summary.",
        "fr": "Aucune action en cours. Elles viennent avec le compte-rendu d'une séance.",
    },
    "home.goals": {"en": "Goals", "fr": "Objectifs"},
    "home.goals.none": {
        "en": "No open goals. Write one, SMART: specific, measurable, achievable, relevant, dated.",
        "fr": "Aucun objectif en cours. Écrivez-en un, SMART : spécifique, mesurable, "
        "atteignable, pertinent, daté.",
    },
    "home.button.smart_with": {"en": "SMART goal with {name}", "fr": "Objectif SMART avec {name}"},
    "button.action_done": {"en": "Done", "fr": "Fait"},
    "home.agreement": {
        "en": "Your agreement with {other} is waiting for your answer.",
        "fr": "Votre accord avec {other} attend votre réponse.",
    },
    "home.terms": {
        "en": "{other} proposes new terms for your pair (details in your DMs): accept them?",
        "fr": "{other} propose de nouvelles conditions pour votre binôme (détails en message "
        "privé) : les acceptez-vous ?",
    },
    "home.trial": {
        "en": "Your trial with {other} is over: continue, adjust or stop? (private)",
        "fr": "Votre essai avec {other} est terminé : continuer, ajuster ou arrêter ? (privé)",
    },
    "home.review": {
        "en": "Your review with {other} is waiting for your answers (private until you both "
        "answered).",
        "fr": "Le bilan avec {other} attend vos réponses (privées jusqu'à ce que vous ayez "
        "répondu tous les deux).",
    },
}
