"""Catalog entries for summaries laid out as lists, a second summary for a session, and the
commands action hints name."""

MESSAGES: dict[str, dict[str, str]] = {
    "actions.overdue_mark": {"en": "*(overdue)*", "fr": "*(en retard)*"},
    "actions.done_command": {
        "en": "/mentor actions {pair}done {n}",
        "fr": "/mentor actions {pair}fait {n}",
    },
    "reminder.actions.hint.one": {
        "en": "Already done? `{command}` marks it done.",
        "fr": "Déjà faite ? `{command}` la marque comme faite.",
    },
    "reminder.actions.hint": {
        "en": "One already done? Mark it with its number, e.g. `{command}`.",
        "fr": "Une déjà faite ? Marquez-la avec son numéro, par ex. `{command}`.",
    },
    "summary.text.empty": {"en": "(nothing written)", "fr": "(rien d'écrit)"},
    "summary.twice.title": {
        "en": "This session already has a summary",
        "fr": "Cette séance a déjà un compte-rendu",
    },
    "summary.twice.body": {
        "en": "{author} already wrote the summary of your session of {when}.",
        "fr": "{author} a déjà écrit le compte-rendu de votre séance du {when}.",
    },
    "summary.twice.own": {
        "en": "You already wrote the summary of your session of {when}.",
        "fr": "Vous avez déjà écrit le compte-rendu de votre séance du {when}.",
    },
    "summary.shared.added": {
        "en": "{author} added to the summary of your session of {when}:",
        "fr": "{author} a complété le compte-rendu de votre séance du {when} :",
    },
    "summary.twice.first": {"en": "The summary as it stands", "fr": "Le compte-rendu actuel"},
    "summary.twice.yours": {"en": "What you just wrote", "fr": "Ce que vous venez d'écrire"},
    "summary.twice.ask": {
        "en": "Add yours to it, or replace it with yours? Until you choose, yours is shared "
        "with no one; if you have not chosen by {until}, I delete it.",
        "fr": "Ajouter le vôtre à la suite, ou le remplacer par le vôtre ? Tant que vous n'avez "
        "pas choisi, le vôtre n'est partagé avec personne ; sans choix d'ici le {until}, je le "
        "supprime.",
    },
    "summary.twice.append": {"en": "Add mine to it", "fr": "Ajouter le mien à la suite"},
    "summary.twice.replace": {"en": "Replace it with mine", "fr": "Le remplacer par le mien"},
    "summary.twice.keep": {
        "en": "Keep it as it is, drop mine",
        "fr": "Le garder tel quel, supprimer le mien",
    },
    "summary.appended": {
        "en": "Added to the summary of your session of {when}, and shared the whole summary "
        "with {other}.",
        "fr": "Ajouté au compte-rendu de votre séance du {when}, et compte-rendu complet "
        "partagé avec {other}.",
    },
    "summary.kept_first": {
        "en": "The summary of your session of {when} stays as it was; what you wrote was "
        "deleted and shared with no one.",
        "fr": "Le compte-rendu de votre séance du {when} reste tel quel ; ce que vous avez écrit "
        "a été supprimé sans être partagé.",
    },
}
