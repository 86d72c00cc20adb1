"""Catalog entries for rhythms: the words that describe them, and parse errors. Weekday and
month names come from CLDR (see `bot.rhythm.wording`)."""

from bot.catalog.entry import Entry

EXAMPLE = "`/mentor pair @claire @thomas every 2 weeks on thursday at 18:00 for 1h tz Europe/Paris`"
EXAMPLE_FR = (
    "`/mentor binome @claire @thomas toutes les 2 semaines le jeudi à 18h pendant 1h "
    "fuseau Europe/Paris`"
)

ORDINALS_EN = {"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}
ORDINALS_FR = {"1": "premier", "2": "deuxième", "3": "troisième", "4": "quatrième", "-1": "dernier"}

MESSAGES: dict[str, Entry] = {
    **{f"ordinal.{k}": {"en": ORDINALS_EN[k], "fr": ORDINALS_FR[k]} for k in ORDINALS_EN},
    "when.long": {"en": "{date}, {time} ({zone})", "fr": "{date}, {time} ({zone})"},
    "duration.minutes": {"en": "{minutes} min", "fr": "{minutes} min"},
    "duration.hours": {"en": "{hours} h", "fr": "{hours} h"},
    "duration.hours_minutes": {"en": "{hours} h {minutes:02d}", "fr": "{hours} h {minutes:02d}"},
    "rhythm.weekly": {
        "en": {"one": "every week on {weekday}", "other": "every {count} weeks on {weekday}"},
        "fr": {
            "one": "chaque semaine le {weekday}",
            "other": "toutes les {count} semaines le {weekday}",
        },
    },
    "rhythm.monthly": {
        "en": {
            "one": "every month on the {ordinal} {weekday}",
            "other": "every {count} months on the {ordinal} {weekday}",
        },
        "fr": {
            "one": "chaque mois le {ordinal} {weekday}",
            "other": "tous les {count} mois le {ordinal} {weekday}",
        },
    },
    "rhythm.description": {
        "en": "{recurrence} at {time} ({zone}), {duration}, {format}",
        "fr": "{recurrence} à {time} ({zone}), {duration}, {format}",
    },
    "rhythm.with_link": {"en": "{rhythm}, link: {link}", "fr": "{rhythm}, lien : {link}"},
    "rhythm.bad_link.missing": {
        "en": "After `link`, give the meeting's address, like `link https://meet.example.com/abc`.",
        "fr": "Après `lien`, donnez l'adresse de la réunion, comme "
        "`lien https://meet.example.com/abc`.",
    },
    "rhythm.bad_link.long": {
        "en": {
            "one": "This meeting link is too long: at most {count} character.",
            "other": "This meeting link is too long: at most {count} characters.",
        },
        "fr": {
            "one": "Ce lien de réunion est trop long : {count} caractère au plus.",
            "other": "Ce lien de réunion est trop long : {count} caractères au plus.",
        },
    },
    "rhythm.bad_link.scheme": {
        "en": "“{value}” is not a meeting link I can use: it must start with `https://` "
        "(or `http://`).",
        "fr": "« {value} » n'est pas un lien de réunion utilisable : il doit commencer par "
        "`https://` (ou `http://`).",
    },
    "rhythm.bad_link.characters": {
        "en": "“{value}” is not a meeting link I can use: a link has no spaces, quotes or "
        "angle brackets. Paste it as your video tool gives it.",
        "fr": "« {value} » n'est pas un lien de réunion utilisable : un lien ne contient ni "
        "espace, ni guillemet, ni chevron. Collez-le tel que votre outil de visio le donne.",
    },
    "rhythm.bad_link.host": {
        "en": "“{value}” is not a meeting link I can use: the address after `https://` is "
        "missing or not a site name.",
        "fr": "« {value} » n'est pas un lien de réunion utilisable : l'adresse après "
        "`https://` manque ou n'est pas un nom de site.",
    },
    "rhythm.empty": {
        "en": "Tell me the rhythm after the two people, e.g. " + EXAMPLE + ".",
        "fr": "Indiquez le rythme après les deux personnes, par ex. " + EXAMPLE_FR + ".",
    },
    "rhythm.unknown_word": {
        "en": "I did not understand “{word}” in the rhythm. Example: " + EXAMPLE + ".",
        "fr": "Je n'ai pas compris « {word} » dans le rythme. Exemple : " + EXAMPLE_FR + ".",
    },
    "rhythm.bad_time": {
        "en": "“{value}” is not a time of day. Write it like `at 18:00`, `at 9:30` or `at 6pm`.",
        "fr": "« {value} » n'est pas une heure. Écrivez-la comme `à 18h00`, `à 9h30` ou `à 18h`.",
    },
    "rhythm.bad_duration": {
        "en": "“{value}” is not a duration I can use: between 15 minutes and 8 hours, like "
        "`for 45m`, `for 1h` or `for 1h30`.",
        "fr": "« {value} » n'est pas une durée utilisable : entre 15 minutes et 8 heures, comme "
        "`pendant 45 min`, `pendant 1h` ou `pendant 1h30`.",
    },
    "rhythm.bad_date": {
        "en": "“{value}” is not a date. Write it as YYYY-MM-DD, like `from 2026-12-03`.",
        "fr": "« {value} » n'est pas une date. Écrivez-la AAAA-MM-JJ, comme "
        "`à partir du 2026-12-03`.",
    },
    "rhythm.bad_interval": {
        "en": "“{value}” is not a rhythm I can keep: from every week to every 12 weeks or months, "
        "like `every 2 weeks` or `monthly`.",
        "fr": "« {value} » n'est pas un rythme que je peux tenir : de chaque semaine à toutes "
        "les 12 semaines ou tous les 12 mois, comme `toutes les 2 semaines` ou `mensuel`.",
    },
    "rhythm.conflict": {
        "en": "The rhythm says “{first}” and “{second}”: which one? Example: " + EXAMPLE + ".",
        "fr": "Le rythme dit « {first} » et « {second} » : lequel ? Exemple : " + EXAMPLE_FR + ".",
    },
    "rhythm.unknown_zone": {
        "en": "I don't know the time zone “{zone}”. Use an IANA name such as `tz Europe/Paris` "
        "or `tz America/Montreal`.",
        "fr": "Je ne connais pas le fuseau « {zone} ». Utilisez un nom IANA comme "
        "`fuseau Europe/Paris` ou `fuseau America/Montreal`.",
    },
    "rhythm.missing_frequency": {
        "en": "How often? Say `weekly`, `every 2 weeks` or `monthly`, e.g. " + EXAMPLE + ".",
        "fr": "À quelle fréquence ? Dites `hebdo`, `toutes les 2 semaines` ou `mensuel`, par ex. "
        + EXAMPLE_FR
        + ".",
    },
    "rhythm.missing_weekday": {
        "en": "Which day of the week? Say `on thursday`, e.g. " + EXAMPLE + ".",
        "fr": "Quel jour de la semaine ? Dites `le jeudi`, par ex. " + EXAMPLE_FR + ".",
    },
    "rhythm.missing_time": {
        "en": "At what time? Say `at 18:00`, e.g. " + EXAMPLE + ".",
        "fr": "À quelle heure ? Dites `à 18h`, par ex. " + EXAMPLE_FR + ".",
    },
    "rhythm.start_in_past": {
        "en": "The first session cannot be in the past ({date}). Give a later `from` date, or "
        "leave it out and I will pick the next matching day.",
        "fr": "La première séance ne peut pas être dans le passé ({date}). Donnez une date "
        "`à partir du` plus tardive, ou omettez-la et je prendrai le prochain jour qui convient.",
    },
    "rhythm.start_not_weekday": {
        "en": "{date} is not on the weekday of the sessions. Give a `from` date on that day, "
        "or leave it out and I will pick the next one.",
        "fr": "Le {date} ne tombe pas le jour des séances. Donnez une date `à partir du` ce "
        "jour-là, ou omettez-la et je prendrai le prochain.",
    },
    "rhythm.start_not_ordinal": {
        "en": "{date} is not the day of the month you chose (e.g. the first Thursday). Give a "
        "matching `from` date, or leave it out and I will pick the next one.",
        "fr": "Le {date} n'est pas le jour du mois choisi (par ex. le premier jeudi). Donnez "
        "une date `à partir du` qui correspond, ou omettez-la et je prendrai la prochaine.",
    },
}
