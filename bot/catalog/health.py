"""Catalog entries for programme health: stalled pairs, silent members, `/mentor programme`."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    # Stalled pairs: to both members, then to the mediators.
    "stall.title": {
        "en": "Shall we plan the next session?",
        "fr": "On planifie la prochaine séance ?",
    },
    "stall.body": {
        "en": {
            "one": "You and {other} have not held a session for {count} day (the last one "
            "with a summary: {since}).",
            "other": "You and {other} have not held a session for {count} days (the last one "
            "with a summary: {since}).",
        },
        "fr": {
            "one": "{other} et vous n'avez pas tenu de séance depuis {count} jour (la "
            "dernière avec un compte-rendu : {since}).",
            "other": "{other} et vous n'avez pas tenu de séance depuis {count} jours (la "
            "dernière avec un compte-rendu : {since}).",
        },
    },
    "stall.body_never": {
        "en": {
            "one": "You and {other} have not held a session with a summary in the {count} day "
            "since your pair started on {since}.",
            "other": "You and {other} have not held a session with a summary in the {count} "
            "days since your pair started on {since}.",
        },
        "fr": {
            "one": "{other} et vous n'avez pas tenu de séance avec un compte-rendu depuis "
            "{count} jour, depuis le début de votre binôme le {since}.",
            "other": "{other} et vous n'avez pas tenu de séance avec un compte-rendu depuis "
            "{count} jours, depuis le début de votre binôme le {since}.",
        },
    },
    "stall.options": {
        "en": "Plan the next one (or type `/mentor next`, then `/mentor move`), take a pause, "
        "or ask a mediator for help: nobody else is told what you wrote. If you met, write "
        "its summary with `/mentor summary`.",
        "fr": "Planifiez la prochaine (ou tapez `/mentor prochaine`, puis `/mentor deplacer`), "
        "faites une pause, ou demandez l'aide d'un médiateur : personne d'autre ne lit ce que "
        "vous avez écrit. Si vous vous êtes vus, écrivez le compte-rendu avec "
        "`/mentor cr`.",
    },
    "stall.plan": {"en": "Plan the next session", "fr": "Planifier la prochaine séance"},
    "stall.pause": {"en": "Pause our pair", "fr": "Mettre en pause"},
    "stall.mediator": {"en": "Ask a mediator", "fr": "Demander un médiateur"},
    "stall.alert_title": {"en": "A pair has stalled", "fr": "Un binôme est à l'arrêt"},
    "stall.alert_body": {
        "en": {
            "one": "{mentor} (mentor) and {mentee} (mentee) have held no session for {count} "
            "day (since {since}); both were asked a week ago. Last activity: {activity}.",
            "other": "{mentor} (mentor) and {mentee} (mentee) have held no session for {count} "
            "days (since {since}); both were asked a week ago. Last activity: {activity}.",
        },
        "fr": {
            "one": "{mentor} (mentor) et {mentee} (mentoré) n'ont tenu aucune séance depuis "
            "{count} jour (depuis le {since}) ; tous deux ont été relancés il y a une semaine. "
            "Dernière activité : {activity}.",
            "other": "{mentor} (mentor) et {mentee} (mentoré) n'ont tenu aucune séance depuis "
            "{count} jours (depuis le {since}) ; tous deux ont été relancés il y a une semaine. "
            "Dernière activité : {activity}.",
        },
    },
    "stall.alert_privacy": {
        "en": "You are told this once for this stall; nothing the pair wrote is shared.",
        "fr": "Vous n'en êtes informé qu'une fois pour cet arrêt ; rien de ce que le binôme a "
        "écrit n'est partagé.",
    },
    "stall.no_activity": {"en": "none recorded", "fr": "aucune enregistrée"},
    # A silent member, asked alone.
    "silent.title": {"en": "Shall we pause for a while?", "fr": "On fait une pause ?"},
    "silent.body": {
        "en": "I have had no answer from you to my last messages about three sessions with "
        "{other}. That happens! If now is not a good time, you can pause your pair: no more "
        "reminders until one of you types `/mentor resume`.",
        "fr": "Je n'ai pas eu de réponse de votre part à mes derniers messages sur trois "
        "séances avec {other}. Cela arrive ! Si le moment est mal choisi, vous pouvez mettre "
        "votre binôme en pause : plus de rappels jusqu'à ce que l'un de vous tape "
        "`/mentor reprendre`.",
    },
    "silent.private": {
        "en": "Only you get this question; {other} and the programme's admins are not told.",
        "fr": "Vous seul recevez cette question ; ni {other} ni les responsables du programme "
        "n'en sont informés.",
    },
    "silent.keep": {"en": "Carry on", "fr": "Continuer"},
    "silent.kept": {
        "en": "Good: the reminders go on as before.",
        "fr": "Très bien : les rappels continuent comme avant.",
    },
    # `/mentor programme` (admins) and the admin's Home.
    "programme.admins_only": {
        "en": "The programme overview is for the programme's admins. For your own pairs, try "
        "`/mentor pairs`.",
        "fr": "La vue du programme est réservée à ses administrateurs. Pour vos binômes, "
        "tapez `/mentor binomes`.",
    },
    "programme.title": {"en": "The programme at a glance", "fr": "Le programme d'un coup d'œil"},
    "programme.privacy": {
        "en": "Names, counts and dates only: nothing a pair wrote appears here.",
        "fr": "Des noms, des nombres et des dates seulement : rien de ce qu'un binôme a écrit "
        "n'apparaît ici.",
    },
    "programme.by_status": {"en": "Pairs by status", "fr": "Binômes par statut"},
    "programme.status.active": {
        "en": {"one": "{count} active pair", "other": "{count} active pairs"},
        "fr": {"one": "{count} binôme actif", "other": "{count} binômes actifs"},
    },
    "programme.status.pending": {
        "en": {
            "one": "{count} pair waiting for agreement",
            "other": "{count} pairs waiting for agreement",
        },
        "fr": {
            "one": "{count} binôme en attente d'accord",
            "other": "{count} binômes en attente d'accord",
        },
    },
    "programme.status.paused": {
        "en": {"one": "{count} paused pair", "other": "{count} paused pairs"},
        "fr": {"one": "{count} binôme en pause", "other": "{count} binômes en pause"},
    },
    "programme.status.ended": {
        "en": {"one": "{count} ended pair", "other": "{count} ended pairs"},
        "fr": {"one": "{count} binôme terminé", "other": "{count} binômes terminés"},
    },
    "programme.pair": {"en": "{mentor} → {mentee}", "fr": "{mentor} → {mentee}"},
    "programme.pending": {
        "en": {
            "one": "{count} agreement waiting for more than 3 days",
            "other": "{count} agreements waiting for more than 3 days",
        },
        "fr": {
            "one": "{count} accord en attente depuis plus de 3 jours",
            "other": "{count} accords en attente depuis plus de 3 jours",
        },
    },
    "programme.pending_row": {
        "en": "• {pair}: proposed on {date}, waiting for {waiting}",
        "fr": "• {pair} : proposé le {date}, en attente de {waiting}",
    },
    "programme.pending.none": {"en": "None.", "fr": "Aucun."},
    "programme.stalled": {
        "en": {"one": "{count} stalled pair", "other": "{count} stalled pairs"},
        "fr": {"one": "{count} binôme à l'arrêt", "other": "{count} binômes à l'arrêt"},
    },
    "programme.stalled_row": {
        "en": {
            "one": "• {pair}: no session held for {count} day (since {since}); last activity: "
            "{activity}",
            "other": "• {pair}: no session held for {count} days (since {since}); last "
            "activity: {activity}",
        },
        "fr": {
            "one": "• {pair} : aucune séance tenue depuis {count} jour (depuis le {since}) ; "
            "dernière activité : {activity}",
            "other": "• {pair} : aucune séance tenue depuis {count} jours (depuis le {since}) ; "
            "dernière activité : {activity}",
        },
    },
    "programme.stalled.none": {"en": "None.", "fr": "Aucun."},
    "programme.unreachable": {
        "en": {
            "one": "{count} person I could not reach (last 30 days)",
            "other": "{count} people I could not reach (last 30 days)",
        },
        "fr": {
            "one": "{count} personne injoignable (30 derniers jours)",
            "other": "{count} personnes injoignables (30 derniers jours)",
        },
    },
    "programme.unreachable_row": {
        "en": "• {person}: last told on {date}",
        "fr": "• {person} : signalé pour la dernière fois le {date}",
    },
    "programme.unreachable.none": {"en": "Nobody.", "fr": "Personne."},
    "programme.reviews": {
        "en": {
            "one": "{count} review due (two weeks either side of today)",
            "other": "{count} reviews due (two weeks either side of today)",
        },
        "fr": {
            "one": "{count} bilan prévu (deux semaines avant ou après aujourd'hui)",
            "other": "{count} bilans prévus (deux semaines avant ou après aujourd'hui)",
        },
    },
    "programme.review_row": {
        "en": "• {pair}: review {number} on {date}",
        "fr": "• {pair} : bilan {number} le {date}",
    },
    "programme.reviews.none": {"en": "None.", "fr": "Aucun."},
}
