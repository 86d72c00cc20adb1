"""Catalog entries for calendars: the series' titles, the .ics files sent to members, and
`/mentor calendar` (the private subscription link)."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "calendar.title": {"en": "Mentoring with {name}", "fr": "Mentorat avec {name}"},
    "calendar.title_unnamed": {"en": "Mentoring session", "fr": "Séance de mentorat"},
    "calendar.name": {"en": "Mentoring", "fr": "Mentorat"},
    "calendar.sent": {
        "en": "Your sessions with {name}, for your calendar: open the attached file to add "
        "them (or to update them). For all your pairs in one calendar that stays up to date: "
        "`/mentor calendar`.",
        "fr": "Vos séances avec {name}, pour votre agenda : ouvrez le fichier joint pour les "
        "ajouter (ou les mettre à jour). Pour tous vos binômes dans un agenda tenu à jour : "
        "`/mentor calendrier`.",
    },
    "calendar.cancelled": {
        "en": "No more sessions with {name}: open the attached file to remove them from your "
        "calendar.",
        "fr": "Plus de séances avec {name} : ouvrez le fichier joint pour les retirer de votre "
        "agenda.",
    },
    "calendar.offered": {
        "en": "Your sessions with {name}, for your calendar: accept the file below to receive "
        "it, then open it to add them (or to update them). For all your pairs in one calendar "
        "that stays up to date: `/mentor calendar`.",
        "fr": "Vos séances avec {name}, pour votre agenda : acceptez le fichier ci-dessous pour "
        "le recevoir, puis ouvrez-le pour les ajouter (ou les mettre à jour). Pour tous vos "
        "binômes dans un agenda tenu à jour : `/mentor calendrier`.",
    },
    "calendar.offered_cancel": {
        "en": "No more sessions with {name}: accept the file below, then open it to remove "
        "them from your calendar.",
        "fr": "Plus de séances avec {name} : acceptez le fichier ci-dessous, puis ouvrez-le "
        "pour les retirer de votre agenda.",
    },
    "calendar.file_offer": {
        "en": "{title}: your sessions as a calendar file (.ics, {size} KB).",
        "fr": "{title} : vos séances en fichier d'agenda (.ics, {size} Ko).",
    },
    "calendar.file_offer_cancel": {
        "en": "{title}: the cancellation of your sessions, as a calendar file (.ics, {size} KB).",
        "fr": "{title} : l'annulation de vos séances, en fichier d'agenda (.ics, {size} Ko).",
    },
    "calendar.file_declined": {
        "en": "No file sent. `/mentor calendar` gives you a private link that keeps all your "
        "sessions in your calendar, up to date.",
        "fr": "Aucun fichier envoyé. `/mentor calendrier` vous donne un lien privé qui garde "
        "toutes vos séances dans votre agenda, à jour.",
    },
    "calendar.link": {
        "en": "Your private calendar link, with the sessions of all your pairs, kept up to "
        'date:\n{url}\nAdd it to your calendar as a subscription ("from URL"). Keep it to '
        "yourself: anyone with it sees your session times. `/mentor calendar reset` replaces "
        "it and the old link stops working.",
        "fr": "Votre lien d'agenda privé, avec les séances de tous vos binômes, tenu à jour :"
        "\n{url}\nAjoutez-le à votre agenda comme abonnement (« depuis une URL »). Gardez-le "
        "pour vous : qui l'a voit les horaires de vos séances. `/mentor calendrier "
        "reinitialiser` le remplace et l'ancien lien cesse de fonctionner.",
    },
    "calendar.reset": {
        "en": "Your old calendar link no longer works. The new one:\n{url}\nReplace the "
        "subscription in your calendar with it.",
        "fr": "Votre ancien lien d'agenda ne fonctionne plus. Le nouveau :\n{url}\nRemplacez "
        "l'abonnement de votre agenda par celui-ci.",
    },
    "calendar.exists": {
        "en": "You already have a private calendar link: I keep only a fingerprint of it, so I "
        "cannot show it again. Lost it? `/mentor calendar reset` gives you a new one (the old "
        "one stops working).",
        "fr": "Vous avez déjà un lien d'agenda privé : je n'en garde qu'une empreinte, je ne "
        "peux donc pas le réafficher. Perdu ? `/mentor calendrier reinitialiser` vous en donne "
        "un nouveau (l'ancien cesse de fonctionner).",
    },
    "calendar.no_public_url": {
        "en": "Calendar links are not available here yet: the operator of Mentorbot must set "
        "MENTORBOT_PUBLIC_URL (the address where this bot is reachable) first. Sorry!",
        "fr": "Les liens d'agenda ne sont pas encore disponibles ici : l'opérateur de "
        "Mentorbot doit d'abord définir MENTORBOT_PUBLIC_URL (l'adresse où ce bot est "
        "joignable). Désolé !",
    },
    "calendar.file_name": {"en": "mentoring", "fr": "mentorat"},
}
