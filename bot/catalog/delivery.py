"""Catalog entries for deliveries that fail for good, members who left, and the digest's chart."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "refused.title": {
        "en": "Mentorbot's messages are refused",
        "fr": "Les messages de Mentorbot sont refusés",
    },
    "refused.person": {
        "en": "Slack or Teams refuses Mentorbot's messages to *{name}* ({platform}): {why}. "
        "Their reminders and requests cannot reach them; please check their account. You will "
        "be told again in a week at the earliest.",
        "fr": "Slack ou Teams refuse les messages de Mentorbot à *{name}* ({platform}) : {why}. "
        "Ses rappels et demandes ne peuvent pas lui parvenir ; merci de vérifier son compte. "
        "Vous ne serez pas prévenu de nouveau avant une semaine.",
    },
    "refused.channel": {
        "en": "Slack or Teams refuses the weekly digest in the channel `{channel}` ({platform}): "
        "{why}. Please add Mentorbot to the channel again, or subscribe another one. You will "
        "be told again in a week at the earliest.",
        "fr": "Slack ou Teams refuse le bilan hebdomadaire dans le canal `{channel}` "
        "({platform}) : {why}. Merci d'y ajouter de nouveau Mentorbot, ou d'abonner un autre "
        "canal. Vous ne serez pas prévenu de nouveau avant une semaine.",
    },
    "refused.left": {
        "en": "*{name}* ({platform}) has left the workspace (their account was deactivated). "
        "Their mentoring pairs are paused and the other members were told; you may end the "
        "pairs or find them a new partner.",
        "fr": "*{name}* ({platform}) a quitté l'espace de travail (son compte a été désactivé). "
        "Ses binômes de mentorat sont en pause et les autres membres ont été prévenus ; vous "
        "pouvez mettre fin à ces binômes ou leur trouver un autre partenaire.",
    },
    "refused.why.inactive": {
        "en": "the account is deactivated",
        "fr": "le compte est désactivé",
    },
    "refused.why.unknown_user": {
        "en": "the person is unknown to the workspace",
        "fr": "la personne est inconnue de l'espace de travail",
    },
    "refused.why.bot": {
        "en": "this account is a bot",
        "fr": "ce compte est un robot",
    },
    "refused.why.archived": {
        "en": "the channel is archived",
        "fr": "le canal est archivé",
    },
    "refused.why.not_in_channel": {
        "en": "Mentorbot is not a member of the channel",
        "fr": "Mentorbot n'est pas membre du canal",
    },
    "refused.why.not_found": {
        "en": "the channel cannot be found",
        "fr": "le canal est introuvable",
    },
    "refused.why.other": {
        "en": "the platform answered `{code}`",
        "fr": "la plateforme a répondu `{code}`",
    },
    "left.title": {
        "en": "Your mentoring pair is paused",
        "fr": "Votre binôme de mentorat est en pause",
    },
    "left.body": {
        "en": "{other} is no longer in the workspace, so your mentoring pair is paused and no "
        "more sessions are planned. Thank you for the time you gave each other. The programme "
        "admins know and will get in touch about what comes next.",
        "fr": "{other} ne fait plus partie de l'espace de travail : votre binôme de mentorat est "
        "en pause et plus aucune séance n'est prévue. Merci pour le temps que vous vous êtes "
        "consacré. Les responsables du programme sont prévenus et vous contacteront pour la "
        "suite.",
    },
    "digest.unreachable": {
        "en": {
            "one": "{count} member cannot be reached (last 4 weeks): {names}.",
            "other": "{count} members cannot be reached (last 4 weeks): {names}.",
        },
        "fr": {
            "one": "{count} membre injoignable (4 dernières semaines) : {names}.",
            "other": "{count} membres injoignables (4 dernières semaines) : {names}.",
        },
    },
    "digest.stalled": {
        "en": {
            "one": "{count} pair has stalled (no session held for 3 weeks or two intervals): "
            "{pairs}.",
            "other": "{count} pairs have stalled (no session held for 3 weeks or two "
            "intervals): {pairs}.",
        },
        "fr": {
            "one": "{count} binôme est à l'arrêt (aucune séance tenue depuis 3 semaines ou deux "
            "intervalles) : {pairs}.",
            "other": "{count} binômes sont à l'arrêt (aucune séance tenue depuis 3 semaines ou "
            "deux intervalles) : {pairs}.",
        },
    },
    "digest.stalled.pair": {
        "en": "*{mentor}* → *{mentee}* ({days})",
        "fr": "*{mentor}* → *{mentee}* ({days})",
    },
    "chart.title": {
        "en": "Sessions per week, last 12 weeks",
        "fr": "Séances par semaine, 12 dernières semaines",
    },
    "chart.held": {"en": "held", "fr": "tenues"},
    "chart.skipped": {"en": "skipped", "fr": "annulées"},
    "chart.unsummarised": {"en": "without summary", "fr": "sans compte-rendu"},
    "chart.alt_empty": {
        "en": "Bar chart of sessions per week over the last 12 weeks, from the week of {first} "
        "to the week of {last}: no session took place in these weeks.",
        "fr": "Graphique en barres des séances par semaine sur les 12 dernières semaines, de la "
        "semaine du {first} à celle du {last} : aucune séance n'a eu lieu ces semaines-là.",
    },
    "chart.alt": {
        "en": "Bar chart of sessions per week over the last 12 weeks, from the week of {first} "
        "to the week of {last}. In all, held: {held}; skipped: {skipped}; without summary: "
        "{unsummarised}. Busiest week: the week of {busiest}.",
        "fr": "Graphique en barres des séances par semaine sur les 12 dernières semaines, de la "
        "semaine du {first} à celle du {last}. En tout, tenues : {held} ; annulées : {skipped} ; "
        "sans compte-rendu : {unsummarised}. Semaine la plus chargée : celle du {busiest}.",
    },
}
