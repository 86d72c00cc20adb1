"""Catalog entries for a person's data: export (access) and erasure, and their help lines."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "data.title": {"en": "Your data", "fr": "Vos données"},
    "data.sent": {
        "en": "Here is everything Mentorbot keeps that you may read, as a JSON file: your "
        "profile, your pairs (ended ones too) with their sessions, summaries, agenda, actions, "
        "goals, thanks and your review answers, and your private journal. Nobody else received "
        "it. To have it all erased: `/mentor forget-me`.",
        "fr": "Voici tout ce que Mentorbot garde et que vous pouvez lire, en fichier JSON : votre "
        "profil, vos binômes (terminés compris) avec leurs séances, comptes-rendus, ordres du "
        "jour, actions, objectifs, remerciements et vos réponses aux bilans, et votre journal "
        "privé. Personne d'autre ne l'a reçu. Pour tout effacer : `/mentor oublier`.",
    },
    "data.file_failed": {
        "en": "I could not send you the file ({reason}). Nothing was shared with anyone; please "
        "try again in a moment or ask your programme admin.",
        "fr": "Je n'ai pas pu vous envoyer le fichier ({reason}). Rien n'a été partagé ; "
        "réessayez dans un moment ou demandez à l'admin du programme.",
    },
    "data.file_offer": {
        "en": "Your data export ({size} KB) is ready: accept the file to receive it in this chat.",
        "fr": "L'export de vos données ({size} Ko) est prêt : acceptez le fichier pour le "
        "recevoir dans cette conversation.",
    },
    "data.unknown_file": {
        "en": "this card is not one of mine",
        "fr": "cette carte ne vient pas de moi",
    },
    "data.file_declined": {
        "en": "No file sent. Ask again with `my-data` whenever you like.",
        "fr": "Aucun fichier envoyé. Redemandez-le avec `mes-donnees` quand vous voulez.",
    },
    "forget.confirm": {
        "en": "This erases you from Mentorbot, for good: your profile, your private journal, "
        "your review answers, the agenda points, goals and summaries you wrote, the actions you "
        "own and the thanks of your pairs. Your current pairs end and the other members are "
        "told, without a reason. What the other members wrote stays theirs. You may want "
        "`/mentor my-data` first. Sure? Press the button or type `/mentor forget-me confirm`.",
        "fr": "Ceci vous efface de Mentorbot, définitivement : votre profil, votre journal privé, "
        "vos réponses aux bilans, les points d'ordre du jour, objectifs et comptes-rendus que "
        "vous avez écrits, les actions à votre charge et les remerciements de vos binômes. Vos "
        "binômes en cours se terminent et les autres membres sont prévenus, sans motif. Ce que "
        "les autres ont écrit leur reste. Pensez d'abord à `/mentor mes-donnees`. Sûr·e ? "
        "Appuyez sur le bouton ou tapez `/mentor oublier confirmer`.",
    },
    "button.forget": {"en": "Erase my data", "fr": "Effacer mes données"},
    "forget.done": {
        "en": {
            "one": "Done: everything Mentorbot kept about you is erased ({count} pair ended). "
            "If you write to me again, I will start from a blank page.",
            "other": "Done: everything Mentorbot kept about you is erased ({count} pairs "
            "ended). If you write to me again, I will start from a blank page.",
        },
        "fr": {
            "one": "C'est fait : tout ce que Mentorbot gardait sur vous est effacé ({count} "
            "binôme terminé). Si vous m'écrivez à nouveau, je repartirai d'une page blanche.",
            "other": "C'est fait : tout ce que Mentorbot gardait sur vous est effacé ({count} "
            "binômes terminés). Si vous m'écrivez à nouveau, je repartirai d'une page blanche.",
        },
    },
    "forget.meanwhile": {
        "en": "Your data was erased while this request was on its way, so I did not keep it. "
        "If you write to me again, I will start from a blank page.",
        "fr": "Vos données ont été effacées pendant que cette demande arrivait : je ne l'ai "
        "pas gardée. Si vous m'écrivez à nouveau, je repartirai d'une page blanche.",
    },
    "end.body.erased": {
        "en": "Your mentoring pair has ended: the other member left the programme. No more "
        "reminders; what you wrote stays yours (`/mentor history`).",
        "fr": "Votre binôme de mentorat est terminé : l'autre membre a quitté le programme. Plus "
        "de rappels ; ce que vous avez écrit vous reste (`/mentor historique`).",
    },
    "operator.erased": {
        "en": {
            "one": "erased {person}: {count} current pair ended; the other members are told by "
            "the running bot's next dispatch",
            "other": "erased {person}: {count} current pairs ended; the other members are told "
            "by the running bot's next dispatch",
        },
        "fr": {
            "one": "{person} effacé·e : {count} binôme en cours terminé ; l'autre membre est "
            "prévenu au prochain envoi du bot en marche",
            "other": "{person} effacé·e : {count} binômes en cours terminés ; les autres membres "
            "sont prévenus au prochain envoi du bot en marche",
        },
    },
    # `mentorbot adopt-workspace`: an operator's command, in the terminal.
    "adopt.not_a_workspace": {
        "en": "{workspace} is not a Slack workspace id: give the team id (T…, in the workspace's "
        "URL or About this workspace) or, for an org-wide install, the org id (E…)",
        "fr": "{workspace} n'est pas un identifiant d'espace Slack : donnez l'identifiant de "
        "l'équipe (T…) ou, pour une installation à l'échelle de l'organisation, celui de "
        "l'organisation (E…)",
    },
    "adopt.other_workspaces": {
        "en": "nothing changed: the database already holds people or pairs of {others}; "
        "adopt-workspace gives a one-token deployment's bare ids their workspace ({workspace}), "
        "before other workspaces are installed",
        "fr": "rien n'a changé : la base contient déjà des personnes ou des binômes de {others} ; "
        "adopt-workspace donne leur espace ({workspace}) aux identifiants nus d'un déploiement à "
        "un seul jeton, avant que d'autres espaces ne soient installés",
    },
    "adopt.clashes": {
        "en": {
            "one": "nothing changed: {count} person exists both with a bare id and as "
            "{workspace}:… (the bot already ran in OAuth mode); see README, 'Any number of "
            "workspaces'",
            "other": "nothing changed: {count} people exist both with a bare id and as "
            "{workspace}:… (the bot already ran in OAuth mode); see README, 'Any number of "
            "workspaces'",
        },
        "fr": {
            "one": "rien n'a changé : {count} personne existe à la fois avec un identifiant nu et "
            "en {workspace}:… (le bot a déjà tourné en mode OAuth) ; voir le README, « Any number "
            "of workspaces »",
            "other": "rien n'a changé : {count} personnes existent à la fois avec un identifiant "
            "nu et en {workspace}:… (le bot a déjà tourné en mode OAuth) ; voir le README, « Any "
            "number of workspaces »",
        },
    },
    "adopt.done": {
        "en": "workspace {workspace} adopted: every bare Slack id now names it",
        "fr": "espace {workspace} adopté : chaque identifiant Slack nu le nomme désormais",
    },
    "adopt.count": {
        "en": {"one": "  {kind}: {count} row changed", "other": "  {kind}: {count} rows changed"},
        "fr": {
            "one": "  {kind} : {count} ligne modifiée",
            "other": "  {kind} : {count} lignes modifiées",
        },
    },
    "adopt.kind.people": {"en": "people", "fr": "personnes"},
    "adopt.kind.pairs": {"en": "pairs", "fr": "binômes"},
    "adopt.kind.digest_channels": {"en": "digest channels", "fr": "canaux de synthèse"},
    "adopt.kind.conversation_references": {
        "en": "conversation references",
        "fr": "références de conversation",
    },
    "adopt.kind.audit_entries": {"en": "audit entries", "fr": "entrées d'audit"},
    "adopt.kind.notifications": {"en": "notifications", "fr": "notifications"},
    # Kept as digests (a scope may name a person), they cannot be renamed: they are forgotten.
    "adopt.kind.api_pauses": {
        "en": "API pauses and calls in progress (forgotten)",
        "fr": "pauses et appels d'API en cours (oubliés)",
    },
    "adopt.bare_admins": {
        "en": "MENTORBOT_ADMINS still names {admins} without a workspace: write them as "
        "{workspace}:U… before serving in OAuth mode",
        "fr": "MENTORBOT_ADMINS nomme encore {admins} sans espace : écrivez-les {workspace}:U… "
        "avant de servir en mode OAuth",
    },
}
