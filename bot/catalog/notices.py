"""Catalog entries for the messages the bot sends by itself."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "role.mentor": {"en": "mentor", "fr": "mentor"},
    "role.mentee": {"en": "mentee", "fr": "mentoré·e"},
    "pair.created.title": {"en": "A new mentoring pair", "fr": "Un nouveau binôme de mentorat"},
    "pair.created.rhythm": {"en": "*Rhythm:* {rhythm}", "fr": "*Rythme :* {rhythm}"},
    "pair.created.first": {
        "en": "*First session:* {when}",
        "fr": "*Première séance :* {when}",
    },
    "pair.created.how": {
        "en": "I will remind you both the day before each session with the agenda so far, "
        "and ask for a short summary afterwards. Add topics any time with `/mentor agenda add …`.",
        "fr": "Je vous rappellerai la veille de chaque séance, avec l'ordre du jour, puis je "
        "demanderai un court compte-rendu. Ajoutez des sujets quand vous voulez avec "
        "`/mentor ordre-du-jour ajouter …`.",
    },
    "confidential.note": {
        "en": "What you two write here stays between you: leads only see whether sessions "
        "take place.",
        "fr": "Ce que vous écrivez ici reste entre vous deux : les responsables voient "
        "seulement si les séances ont lieu.",
    },
    "reminder.title": {"en": "Mentoring session tomorrow", "fr": "Séance de mentorat demain"},
    "reminder.when": {
        "en": "With {other}: *{when}*, {duration}, {format}.",
        "fr": "Avec {other} : *{when}*, {duration}, {format}.",
    },
    "reminder.when.link": {
        "en": "With {other}: *{when}*, {duration}, {format}: {link}",
        "fr": "Avec {other} : *{when}*, {duration}, {format} : {link}",
    },
    "reminder.agenda": {"en": "Agenda so far", "fr": "Ordre du jour"},
    "reminder.agenda.empty": {
        "en": "Nothing yet. Add a topic with `/mentor agenda add …` or the button below.",
        "fr": "Rien pour l'instant. Ajoutez un sujet avec `/mentor ordre-du-jour ajouter …` ou le "
        "bouton ci-dessous.",
    },
    "reminder.prepare": {
        "en": "To prepare, send {other} a short update: what you did since last time, what is "
        "still unclear, and the decisions you would like help with (two or three concrete "
        "challenges are plenty).",
        "fr": "Pour préparer, envoyez à {other} un court point d'étape : ce que vous avez fait "
        "depuis la dernière fois, ce qui reste flou, et les décisions sur lesquelles vous "
        "voulez de l'aide (deux ou trois défis concrets suffisent).",
    },
    "reminder.prepare.mentor": {
        "en": "Have a look at the agenda and add anything you want to bring.",
        "fr": "Jetez un œil à l'ordre du jour et ajoutez ce que vous voulez apporter.",
    },
    "button.skip": {"en": "Skip this session", "fr": "Annuler cette séance"},
    "button.move": {"en": "Move it", "fr": "La déplacer"},
    "button.agenda_add": {"en": "Add to agenda", "fr": "Ajouter à l'ordre du jour"},
    "summary.request.title": {"en": "How did it go?", "fr": "Comment s'est passée la séance ?"},
    "summary.request.body": {
        "en": "Your session with {other} on {when} should be over. Reply to this message with a "
        "short summary: the decisions taken, the actions with who does what, and the dates. "
        "I will keep it and share it with {other}.",
        "fr": "Votre séance du {when} avec {other} devrait être terminée. Répondez à ce message "
        "par un court compte-rendu : les décisions prises, les actions (qui fait quoi) et les "
        "dates. Je le garde et le partage avec {other}.",
    },
    "summary.request.or_command": {
        "en": "You can also use `/mentor summary …`.",
        "fr": "Vous pouvez aussi utiliser `/mentor compte-rendu …`.",
    },
    "summary.nudge.title": {"en": "A summary, still?", "fr": "Un compte-rendu, quand même ?"},
    "summary.nudge.body": {
        "en": "Nobody has written the summary of your session with {other} on {when} yet. A few "
        "lines are enough: decisions, actions, dates. Just reply here. This is my last reminder "
        "for that session.",
        "fr": "Personne n'a encore écrit le compte-rendu de votre séance du {when} avec {other}. "
        "Quelques lignes suffisent : décisions, actions, dates. Répondez simplement ici. C'est "
        "mon dernier rappel pour cette séance.",
    },
    "summary.shared.title": {"en": "Session summary", "fr": "Compte-rendu de séance"},
    "summary.shared.body": {
        "en": "{author} wrote the summary of your session of {when}:",
        "fr": "{author} a écrit le compte-rendu de votre séance du {when} :",
    },
    "summary.recorded": {
        "en": "Thank you! I recorded this as the summary of your session of {when} with "
        "{other}, and shared it with them.",
        "fr": "Merci ! C'est enregistré comme compte-rendu de votre séance du {when} avec "
        "{other}, et partagé avec cette personne.",
    },
    "dm.not_expected": {
        "en": "Thanks for your message. I record a plain reply as a summary only after a "
        "session, when I have asked for one, and none is awaited from you right now. "
        "Type `/mentor help` to see what I can do.",
        "fr": "Merci pour votre message. J'enregistre une simple réponse comme compte-rendu "
        "seulement après une séance, quand je l'ai demandé, et aucun n'est attendu de vous "
        "pour l'instant. Tapez `/mentor aide` pour voir ce que je sais faire.",
    },
    "reply.which.title": {
        "en": "Which session is your message about?",
        "fr": "De quelle séance parle votre message ?",
    },
    "reply.which.quote": {"en": "Your message: “{text}”", "fr": "Votre message : « {text} »"},
    "reply.which.body": {
        "en": "I asked you for the summary of several sessions. I keep your message aside and "
        "share it with no one until you choose the session it is about:",
        "fr": "Je vous ai demandé le compte-rendu de plusieurs séances. Je garde votre message "
        "de côté, sans le partager, jusqu'à ce que vous choisissiez la séance dont il parle :",
    },
    "reply.which.until": {
        "en": "If you have not chosen by {until}, I delete it.",
        "fr": "Si vous n'avez pas choisi d'ici le {until}, je le supprime.",
    },
    "reply.which.button": {"en": "{name}, {date} {time}", "fr": "{name}, {date} {time}"},
    "reply.which.someone": {"en": "(no name)", "fr": "(sans nom)"},
    "reply.which.discard": {
        "en": "None: delete my message",
        "fr": "Aucune : supprimer mon message",
    },
    "reply.discarded": {
        "en": "Deleted. Your message was neither recorded nor shared.",
        "fr": "Supprimé. Votre message n'a été ni enregistré ni partagé.",
    },
    "reply.gone": {
        "en": "That message is no longer waiting for a choice (it was already recorded, deleted "
        "or it expired), so I changed nothing.",
        "fr": "Ce message n'attend plus de choix (il a déjà été enregistré, supprimé, ou il a "
        "expiré) : je n'ai rien changé.",
    },
    "reply.session_closed": {
        "en": "That session no longer waits for a summary from you, so I did not record your "
        "message there. It is still waiting: choose another session, or delete it.",
        "fr": "Cette séance n'attend plus de compte-rendu de votre part : je n'y ai pas "
        "enregistré votre message. Il attend toujours : choisissez une autre séance, ou "
        "supprimez-le.",
    },
    "session.skipped": {
        "en": "{actor} skipped the session of {when}. The rhythm goes on: next session {next}.",
        "fr": "{actor} a annulé la séance du {when}. Le rythme continue : prochaine séance {next}.",
    },
    "session.moved": {
        "en": "{actor} moved your session of {old} to *{new}*.",
        "fr": "{actor} a déplacé votre séance du {old} au *{new}*.",
    },
    "session.none_planned": {"en": "not planned yet", "fr": "pas encore planifiée"},
    "format.video": {"en": "by video", "fr": "en visio"},
    "format.in_person": {"en": "in person", "fr": "en présentiel"},
    "format.phone": {"en": "by phone", "fr": "par téléphone"},
    "agenda.more": {
        "en": {"one": "…and {count} more topic", "other": "…and {count} more topics"},
        "fr": {"one": "…et {count} autre sujet", "other": "…et {count} autres sujets"},
    },
    "agenda.done_mark": {"en": "(done)", "fr": "(fait)"},
    "unreachable.title": {
        "en": "Someone cannot receive Mentorbot's messages",
        "fr": "Quelqu'un ne reçoit pas les messages de Mentorbot",
    },
    "unreachable.body": {
        "en": "*{name}* ({platform}) is in a mentoring pair but has not installed the Mentorbot "
        "app, so their reminders and requests cannot reach them. Please ask them to install it "
        "(in Teams: *Apps* → Mentorbot → *Add*); what is owed to them from then on will arrive.",
        "fr": "*{name}* ({platform}) fait partie d'un binôme de mentorat mais n'a pas installé "
        "l'application Mentorbot : ses rappels et demandes ne peuvent pas lui parvenir. "
        "Demandez-lui de l'installer (dans Teams : *Applications* → Mentorbot → *Ajouter*) ; "
        "ce qui lui sera dû ensuite lui parviendra.",
    },
    "platform.slack": {"en": "Slack", "fr": "Slack"},
    "platform.teams": {"en": "Microsoft Teams", "fr": "Microsoft Teams"},
}
