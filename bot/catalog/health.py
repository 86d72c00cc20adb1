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
}
