"""Catalog entries for forms (Slack modals, Teams cards)."""

from babel.dates import get_day_names

from bot.catalog.entry import Entry

_WEEKDAYS = {lang: get_day_names("wide", locale=lang) for lang in ("en", "fr")}  # CLDR, 0 = Monday

MESSAGES: dict[str, Entry] = {
    "form.pair.title": {"en": "New mentoring pair", "fr": "Nouveau binôme"},
    "form.submit": {"en": "Save", "fr": "Enregistrer"},
    "form.cancel": {"en": "Cancel", "fr": "Annuler"},
    "form.required": {"en": "Please fill this in.", "fr": "Merci de remplir ce champ."},
    "form.invalid": {
        "en": "Please pick one of the choices offered.",
        "fr": "Merci de choisir parmi les options proposées.",
    },
    "form.invalid.date": {
        "en": "Please write a date as YYYY-MM-DD, e.g. 2026-12-03.",
        "fr": "Merci d'écrire une date sous la forme AAAA-MM-JJ, par exemple 2026-12-03.",
    },
    "form.invalid.time": {
        "en": "Please write a time as HH:MM, e.g. 18:30.",
        "fr": "Merci d'écrire une heure sous la forme HH:MM, par exemple 18:30.",
    },
    "form.invalid.number": {
        "en": "Please write a whole number from {minimum} to {maximum}.",
        "fr": "Merci d'écrire un nombre entier de {minimum} à {maximum}.",
    },
    "form.too_long": {
        "en": {
            "one": "Please keep it to {count} character ({length} now).",
            "other": "Please keep it to {count} characters ({length} now).",
        },
        "fr": {
            "one": "Merci de ne pas dépasser {count} caractère ({length} actuellement).",
            "other": "Merci de ne pas dépasser {count} caractères ({length} actuellement).",
        },
    },
    "form.pair.mentor": {"en": "Mentor", "fr": "Mentor"},
    "form.pair.mentee": {"en": "Mentee", "fr": "Personne mentorée"},
    "form.pair.frequency": {"en": "How often", "fr": "Fréquence"},
    "form.pair.weekday": {"en": "Day", "fr": "Jour"},
    "form.pair.time": {"en": "Time", "fr": "Heure"},
    "form.pair.duration": {"en": "Duration", "fr": "Durée"},
    "form.pair.format": {"en": "Format", "fr": "Format"},
    "form.pair.link": {"en": "Meeting link", "fr": "Lien de réunion"},
    "form.pair.link.hint": {
        "en": "Optional. The video call's address (https://…), shown in every reminder.",
        "fr": "Facultatif. L'adresse de la visio (https://…), donnée dans chaque rappel.",
    },
    "form.pair.timezone": {"en": "Time zone (IANA name)", "fr": "Fuseau horaire (nom IANA)"},
    "form.pair.timezone.hint": {
        "en": "For example Europe/Paris or America/Montreal. Empty: the mentor's time zone.",
        "fr": "Par exemple Europe/Paris ou America/Montreal. Vide : le fuseau du mentor.",
    },
    "form.pair.start": {"en": "First session on or after", "fr": "Première séance à partir du"},
    "form.pair.start.hint": {
        "en": "Optional. Empty: the next matching day.",
        "fr": "Facultatif. Vide : le prochain jour qui correspond.",
    },
    "form.frequency.1w": {"en": "Every week", "fr": "Chaque semaine"},
    "form.frequency.2w": {"en": "Every 2 weeks", "fr": "Toutes les 2 semaines"},
    "form.frequency.3w": {"en": "Every 3 weeks", "fr": "Toutes les 3 semaines"},
    "form.frequency.4w": {"en": "Every 4 weeks", "fr": "Toutes les 4 semaines"},
    "form.frequency.1m": {"en": "Every month (same weekday)", "fr": "Chaque mois (même jour)"},
    **{
        f"form.weekday.{day}": {lang: names[day].capitalize() for lang, names in _WEEKDAYS.items()}
        for day in range(7)
    },
    "form.duration.30": {"en": "30 min", "fr": "30 min"},
    "form.duration.45": {"en": "45 min", "fr": "45 min"},
    "form.duration.60": {"en": "1 h", "fr": "1 h"},
    "form.duration.90": {"en": "1 h 30", "fr": "1 h 30"},
    "form.duration.120": {"en": "2 h", "fr": "2 h"},
    "form.agenda.title": {"en": "Add to the agenda", "fr": "Ajouter un sujet"},
    "form.agenda.label": {"en": "Topic", "fr": "Sujet"},
    "form.agenda.placeholder": {
        "en": "e.g. Feedback on my presentation",
        "fr": "par ex. Retour sur ma présentation",
    },
    "form.move.title": {"en": "Move the session", "fr": "Déplacer la séance"},
    "form.move.date": {"en": "New date", "fr": "Nouvelle date"},
    "form.move.time": {"en": "New time (your time zone)", "fr": "Nouvelle heure (votre fuseau)"},
    "form.session_label": {
        "en": "Session of {when} with {other}.",
        "fr": "Séance du {when} avec {other}.",
    },
}
