"""Catalog entries for the life of a pair: journal, mediation, reverse mentoring, the end."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "journal.saved": {
        "en": {
            "one": "Saved in your private journal ({count} entry). Only you can ever read it; "
            "see it with `/mentor journal`.",
            "other": "Saved in your private journal ({count} entries). Only you can ever read "
            "it; see them with `/mentor journal`.",
        },
        "fr": {
            "one": "Enregistré dans votre journal privé ({count} entrée). Vous seul·e pouvez le "
            "lire ; relisez-le avec `/mentor journal`.",
            "other": "Enregistré dans votre journal privé ({count} entrées). Vous seul·e pouvez "
            "le lire ; relisez-le avec `/mentor journal`.",
        },
    },
    "journal.title": {"en": "Your learning journal", "fr": "Votre journal d'apprentissage"},
    "journal.empty": {
        "en": "Your journal is empty. Write what you learnt, e.g. `/mentor journal Asking for "
        "feedback early saved me a week.` Only you can read it.",
        "fr": "Votre journal est vide. Notez ce que vous avez appris, par ex. `/mentor journal "
        "Demander un retour tôt m'a fait gagner une semaine.` Vous seul·e pouvez le lire.",
    },
    "journal.row": {"en": "• *{date}* — {text}", "fr": "• *{date!c}* — {text}"},
    "journal.more": {
        "en": {
            "one": "Showing your last entry of {total}.",
            "other": "Showing your last {count} of {total} entries.",
        },
        "fr": {
            "one": "Voici votre dernière entrée sur {total}.",
            "other": "Voici vos {count} dernières entrées sur {total}.",
        },
    },
    "journal.too_long": {
        "en": {
            "one": "That entry is {length} characters long; please keep it to {count} character.",
            "other": "That entry is {length} characters long; please keep it to {count} "
            "characters.",
        },
        "fr": {
            "one": "Cette entrée fait {length} caractères ; merci de ne pas dépasser {count} "
            "caractère.",
            "other": "Cette entrée fait {length} caractères ; merci de ne pas dépasser {count} "
            "caractères.",
        },
    },
    "journal.reread": {
        "en": {
            "one": "You have {count} entry in your private journal: reread it with "
            "`/mentor journal` before the session.",
            "other": "You have {count} entries in your private journal: reread them with "
            "`/mentor journal` before the session.",
        },
        "fr": {
            "one": "Vous avez {count} entrée dans votre journal privé : relisez-la avec "
            "`/mentor journal` avant la séance.",
            "other": "Vous avez {count} entrées dans votre journal privé : relisez-les avec "
            "`/mentor journal` avant la séance.",
        },
    },
    "helpme.sent": {
        "en": "I have told the programme's mediators that your pair with {other} needs help. "
        "They know only who and when, nothing of what you wrote.",
        "fr": "J'ai prévenu les médiateurs du programme que votre binôme avec {other} a besoin "
        "d'aide. Ils savent seulement qui et quand, rien de ce que vous avez écrit.",
    },
    "helpme.no_mediator": {
        "en": "No mediator is configured for this programme yet (ask your programme manager "
        "to set MENTORBOT_ADMINS).",
        "fr": "Aucun médiateur n'est encore configuré pour ce programme (demandez au "
        "responsable du programme de renseigner MENTORBOT_ADMINS).",
    },
    "helpme.advice": {
        "en": "Most difficulties ease when they are named early: tell {other} openly, in your "
        "next session, what is not working for you, and agree on one change to try. If it "
        "still does not work, ending the relationship is fine too: `/mentor end`.",
        "fr": "La plupart des difficultés s'apaisent quand on les nomme tôt : dites ouvertement "
        "à {other}, lors de la prochaine séance, ce qui ne vous convient pas, et convenez d'un "
        "changement à essayer. Si cela ne marche toujours pas, mettre fin à la relation est "
        "aussi possible : `/mentor terminer`.",
    },
    "helpme.title": {"en": "A pair asks for help", "fr": "Un binôme demande de l'aide"},
    "helpme.body": {
        "en": "{asker} says that the mentoring pair {mentor} → {mentee} is not working "
        "(asked on {date}). Nothing of their exchanges is shared; please get in touch with "
        "{asker}.",
        "fr": "{asker} indique que le binôme {mentor} → {mentee} ne fonctionne pas (demande "
        "du {date}). Rien de leurs échanges n'est partagé ; merci de contacter {asker}.",
    },
    "end.confirm": {
        "en": "End your mentoring pair with {other}? Reminders stop; your history stays readable "
        "by the two of you. Confirm with `/mentor end {mention} confirm` or the button.",
        "fr": "Mettre fin à votre binôme avec {other} ? Les rappels s'arrêtent ; votre historique "
        "reste lisible par vous deux. Confirmez avec `/mentor terminer {mention} confirmer` ou "
        "le bouton.",
    },
    "button.end": {"en": "End the pair", "fr": "Terminer le binôme"},
    "end.done": {
        "en": "Your pair with {other} has ended. I have told {other}. Thank you for the time "
        "you gave each other.",
        "fr": "Votre binôme avec {other} est terminé. J'ai prévenu {other}. Merci pour le temps "
        "que vous vous êtes accordé.",
    },
    "end.title": {"en": "Your mentoring pair has ended", "fr": "Votre binôme est terminé"},
    "end.body": {
        "en": "{actor} ended your mentoring pair. No more reminders; what you wrote stays "
        "readable by the two of you.",
        "fr": "{actor} a mis fin à votre binôme. Plus de rappels ; ce que vous avez écrit reste "
        "lisible par vous deux.",
    },
    "end.body.planned": {
        "en": "Your mentoring pair with {other} reached the end you planned together. No more "
        "reminders; what you wrote stays readable by the two of you (`/mentor history`).",
        "fr": "Votre binôme avec {other} est arrivé à la fin que vous aviez prévue ensemble. Plus "
        "de rappels ; ce que vous avez écrit reste lisible par vous deux (`/mentor historique`).",
    },
    "end.body.self": {
        "en": "You ended your mentoring pair with {other}. No more reminders; what you wrote "
        "stays readable by the two of you.",
        "fr": "Vous avez mis fin à votre binôme avec {other}. Plus de rappels ; ce que vous avez "
        "écrit reste lisible par vous deux.",
    },
    "end.retrospective": {
        "en": "Before you move on, take five minutes for a retrospective: what has changed for "
        "you since the start, and what was most useful? `/mentor journal …` keeps it for you.",
        "fr": "Avant de passer à autre chose, prenez cinq minutes pour un bilan : qu'est-ce qui "
        "a changé pour vous depuis le début, et qu'est-ce qui a été le plus utile ? "
        "`/mentor journal …` le garde pour vous.",
    },
    "end.retention": {
        "en": "What was written in this pair (agenda, summaries, actions, goals, review answers) "
        "stays readable with `/mentor history` and `/mentor my-data` until {date}. Then it is "
        "erased for good; only the dates and counts of the sessions remain. Your journal is not "
        "part of it: it stays yours.",
        "fr": "Ce qui a été écrit dans ce binôme (ordres du jour, comptes-rendus, actions, "
        "objectifs, réponses aux bilans) reste lisible avec `/mentor historique` et "
        "`/mentor mes-donnees` jusqu'au {date}. Il est ensuite effacé définitivement ; seules "
        "les dates et le nombre des séances restent. Votre journal n'en fait pas partie : il "
        "reste à vous.",
    },
    "end.thank": {
        "en": "Want to thank {other}? `/mentor thanks {mention} Thank you for …` — I deliver it "
        "as a DM.",
        "fr": "Envie de remercier {other} ? `/mentor merci {mention} Merci pour …` — je le "
        "transmets en message privé.",
    },
    "end.become_mentor": {
        "en": "You have been mentored: you could mentor someone now. Tell your programme "
        "manager, or pair up directly with `/mentor pair @you @mentee …`.",
        "fr": "Vous avez été accompagné·e : vous pourriez maintenant accompagner quelqu'un. "
        "Dites-le au responsable du programme, ou créez un binôme avec "
        "`/mentor binome @vous @mentore …`.",
    },
    "thanks.usage": {
        "en": "Name the person and your words, e.g. `/mentor thanks @claire Thank you for your "
        "patience.`",
        "fr": "Nommez la personne et vos mots, par ex. `/mentor merci @claire Merci pour ta "
        "patience.`",
    },
    "thanks.no_pair": {
        "en": "You have never been in a mentoring pair with {who}.",
        "fr": "Vous n'avez jamais été en binôme avec {who}.",
    },
    "thanks.pair_erased": {
        "en": "Your pair with {other} ended long ago and what it held has been erased, so I no "
        "longer pass on thank-yous for it. Tell {other} directly: it will mean a lot.",
        "fr": "Votre binôme avec {other} est terminé depuis longtemps et son contenu a été "
        "effacé : je ne transmets plus de remerciements pour lui. Dites-le directement à "
        "{other}, cela comptera.",
    },
    "thanks.sent": {"en": "Delivered to {other}.", "fr": "Transmis à {other}."},
    "thanks.title": {"en": "A thank-you", "fr": "Un remerciement"},
    "thanks.body": {
        "en": "{author} thanks you for your mentoring pair:",
        "fr": "{author} vous remercie pour votre binôme :",
    },
    "pair.not_yours": {
        "en": "That pair is not one of your active pairs any more. See `/mentor pairs`.",
        "fr": "Ce binôme ne fait plus partie de vos binômes actifs. Voir `/mentor binomes`.",
    },
    "pair.reverse": {"en": "reverse mentoring", "fr": "mentorat inversé"},
}

MESSAGES |= {
    "pause.done": {
        "en": "Your pair with {other} is paused: no reminders until you type `/mentor resume`. "
        "I have told {other}.",
        "fr": "Votre binôme avec {other} est en pause : plus de rappels jusqu'à "
        "`/mentor reprendre`. J'ai prévenu {other}.",
    },
    "pause.done_until": {
        "en": "Your pair with {other} is paused until {date}: no reminders meanwhile, and the "
        "rhythm starts again by itself that day. I have told {other}.",
        "fr": "Votre binôme avec {other} est en pause jusqu'au {date} : pas de rappels d'ici "
        "là, et le rythme reprend tout seul ce jour-là. J'ai prévenu {other}.",
    },
    "pause.already": {
        "en": "Your pair with {other} is already paused. Type `/mentor resume` to start again.",
        "fr": "Votre binôme avec {other} est déjà en pause. Tapez `/mentor reprendre` pour "
        "reprendre.",
    },
    "pause.usage": {
        "en": "Pause with `/mentor pause`, or until a date: `/mentor pause until 2027-01-15`.",
        "fr": "Mettez en pause avec `/mentor pause`, ou jusqu'à une date : "
        "`/mentor pause jusqu'au 2027-01-15`.",
    },
    "pause.bad_date": {
        "en": "{date} does not work: give a day after today and within a year, e.g. "
        "`/mentor pause until 2027-01-15`.",
        "fr": "Le {date} ne convient pas : donnez un jour après aujourd'hui et dans moins d'un "
        "an, par ex. `/mentor pause jusqu'au 2027-01-15`.",
    },
    "resume.not_paused": {
        "en": "Your pair with {other} is not paused. Pause it with `/mentor pause`.",
        "fr": "Votre binôme avec {other} n'est pas en pause. Mettez-le en pause avec "
        "`/mentor pause`.",
    },
    "resume.done": {
        "en": "Your pair with {other} is back on rhythm. Next session: {next}. I have told "
        "{other}.",
        "fr": "Votre binôme avec {other} reprend son rythme. Prochaine séance : {next}. J'ai "
        "prévenu {other}.",
    },
    "paused.title": {"en": "Your mentoring pair is paused", "fr": "Votre binôme est en pause"},
    "paused.body": {
        "en": "{actor} paused your mentoring pair: no reminders until it resumes.",
        "fr": "{actor} a mis votre binôme en pause : plus de rappels jusqu'à la reprise.",
    },
    "paused.body_until": {
        "en": "{actor} paused your mentoring pair until {date}: no reminders meanwhile.",
        "fr": "{actor} a mis votre binôme en pause jusqu'au {date} : pas de rappels d'ici là.",
    },
    "resumed.title": {"en": "Your mentoring pair resumes", "fr": "Votre binôme reprend"},
    "resumed.body": {
        "en": "Your pair with {other} is back on rhythm. Next session: {next}.",
        "fr": "Votre binôme avec {other} reprend son rythme. Prochaine séance : {next}.",
    },
}

MESSAGES |= {
    "actions.title": {"en": "Open actions with {other}", "fr": "Actions en cours avec {other}"},
    "actions.by": {"en": ", by {date}", "fr": ", pour le {date}"},
    "actions.hint": {
        "en": "Mark one done with its number, e.g. `{command}`. New actions come with a "
        "session's summary (`/mentor summary` opens the form).",
        "fr": "Marquez-en une comme faite avec son numéro, par ex. `{command}`. Les nouvelles "
        "actions viennent avec le compte-rendu d'une séance (`/mentor compte-rendu` ouvre le "
        "formulaire).",
    },
    "actions.none": {
        "en": "No open actions with {other}. Actions come with a session's summary: "
        "`/mentor summary` opens the form.",
        "fr": "Aucune action en cours avec {other}. Les actions viennent avec le compte-rendu "
        "d'une séance : `/mentor compte-rendu` ouvre le formulaire.",
    },
    "actions.bad_number": {
        "en": "Give the number of an action between 1 and {last}, e.g. `{command}`.",
        "fr": "Donnez le numéro d'une action entre 1 et {last}, par ex. `{command}`.",
    },
    "actions.usage": {
        "en": "Use `/mentor actions` to list them, `/mentor actions done 1` to mark one done.",
        "fr": "Utilisez `/mentor actions` pour les voir, `/mentor actions fait 1` pour en "
        "marquer une comme faite.",
    },
    "actions.marked_done": {"en": "Done: {text}", "fr": "Fait : {text}"},
    "actions.open": {"en": "Open actions", "fr": "Actions en cours"},
    "actions.done_since": {"en": "Done since last time", "fr": "Fait depuis la dernière fois"},
    "action_due.title": {"en": "Due tomorrow", "fr": "À faire pour demain"},
    "action_due.body": {
        "en": "From your mentoring pair with {other}: {text} — due {date}. Mark it done with "
        "`{command}`.",
        "fr": "De votre binôme avec {other} : {text} — pour le {date}. Marquez-la comme faite "
        "avec `{command}`.",
    },
    "summary.form.title": {"en": "Session summary", "fr": "Compte-rendu"},
    "summary.form.decisions": {"en": "Decisions taken", "fr": "Décisions prises"},
    "summary.form.action": {"en": "Action {n}", "fr": "Action {n}"},
    "summary.form.owner": {"en": "Who does action {n}", "fr": "Qui fait l'action {n}"},
    "summary.form.due": {"en": "Action {n} due on", "fr": "Action {n} pour le"},
    "summary.form.notes": {"en": "Notes", "fr": "Notes"},
    "summary.form.empty": {
        "en": "Write at least a decision, an action or a note.",
        "fr": "Écrivez au moins une décision, une action ou une note.",
    },
    "summary.form.owner_missing": {
        "en": "Say who does this action.",
        "fr": "Indiquez qui fait cette action.",
    },
    "summary.form.due_past": {
        "en": "Pick a date from today on.",
        "fr": "Choisissez une date à partir d'aujourd'hui.",
    },
    "summary.text.decisions": {"en": "Decisions", "fr": "Décisions"},
    "summary.text.actions": {"en": "Actions", "fr": "Actions"},
    "summary.text.notes": {"en": "Notes", "fr": "Notes"},
    "button.summary": {"en": "Write the summary", "fr": "Écrire le compte-rendu"},
}
