"""Catalog entries only the Microsoft Teams front end says."""

MESSAGES: dict[str, dict[str, str]] = {
    "teams.channel_private": {
        "en": "In a channel I only take `digest` (the weekly cadence digest, for admins) and "
        "`help`. For everything else, write to me or use my buttons in our 1:1 chat, so that "
        "what concerns your pair stays between the two of you.",
        "fr": "Dans un canal, je ne traite que `synthese` (la synthèse hebdomadaire, pour les "
        "admins) et `aide`. Pour tout le reste, écrivez-moi ou utilisez mes boutons dans notre "
        "conversation privée, afin que ce qui concerne votre binôme reste entre vous deux.",
    },
    "teams.group_private": {
        "en": "In a group chat I take no requests. Write to me or use my buttons in our 1:1 "
        "chat, so that what concerns your pair stays between the two of you.",
        "fr": "Dans une conversation de groupe, je ne traite aucune demande. Écrivez-moi ou "
        "utilisez mes boutons dans notre conversation privée, afin que ce qui concerne votre "
        "binôme reste entre vous deux.",
    },
    "teams.see_below": {"en": "See my answer below.", "fr": "Voyez ma réponse ci-dessous."},
    "teams.done_unshown": {
        "en": "Done, but my answer could not be posted in this chat just now.",
        "fr": "C'est fait, mais je n'ai pas pu publier ma réponse dans cette conversation pour "
        "le moment.",
    },
    "teams.already_done": {
        "en": "Already done: this click had reached me.",
        "fr": "C'est déjà fait : ce clic m'était bien parvenu.",
    },
    "teams.app.short": {
        "en": "Keeps the cadence of mentoring pairs",
        "fr": "Tient le rythme des binômes de mentorat",
    },
    "teams.app.full": {
        "en": "Mentorbot reminds a mentor and a mentee the day before each session with the "
        "agenda, asks for a short summary afterwards and shares it between the two of them, and "
        "posts a weekly cadence digest (never any content) in a channel for programme leads.",
        "fr": "Mentorbot rappelle la veille de chaque séance l'ordre du jour au mentor et au "
        "mentoré, demande ensuite un court compte-rendu qu'il partage entre eux deux, et publie "
        "chaque semaine dans un canal une synthèse du rythme (jamais de contenu) pour les "
        "responsables du programme.",
    },
    "teams.command.help": {"en": "What I do, every command", "fr": "Ce que je fais, les commandes"},
    "teams.command.pair": {
        "en": "pair @mentor @mentee <rhythm>: create a pair",
        "fr": "binome @mentor @mentoré <rythme> : créer un binôme",
    },
    "teams.command.pairs": {"en": "My pairs and my role", "fr": "Mes binômes et mon rôle"},
    "teams.command.next": {"en": "My next sessions", "fr": "Mes prochaines séances"},
    "teams.command.agenda": {
        "en": "The next session's agenda; agenda add <text>",
        "fr": "L'ordre du jour ; ordre-du-jour ajouter <texte>",
    },
    "teams.command.skip": {"en": "Skip the next session", "fr": "Annuler la prochaine séance"},
    "teams.command.move": {
        "en": "move YYYY-MM-DD HH:MM: move the next session",
        "fr": "deplacer AAAA-MM-JJ HH:MM : déplacer la séance",
    },
    "teams.command.summary": {
        "en": "summary <text>: the last session's summary",
        "fr": "compte-rendu <texte> : le compte-rendu",
    },
    "teams.command.actions": {
        "en": "My open actions; actions done <n>",
        "fr": "Mes actions ouvertes ; actions fait <n>",
    },
    "teams.command.goals": {
        "en": "Our goals; goals add <goal> by YYYY-MM-DD",
        "fr": "Nos objectifs ; objectifs ajouter <objectif> avant AAAA-MM-JJ",
    },
    "teams.command.digest": {
        "en": "Admins: the weekly digest in this channel",
        "fr": "Admins : la synthèse hebdomadaire ici",
    },
}
