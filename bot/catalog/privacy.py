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
}
