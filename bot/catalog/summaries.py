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
}
