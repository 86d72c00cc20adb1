"""Catalog entries for the 3-month review: the invitation, the form, the shared answers."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "review.due.title": {"en": "Time for your 3-month review", "fr": "L'heure du bilan"},
    "review.due.body": {
        "en": {
            "one": "You and {other} have been working together for {count} month. Take two "
            "minutes to look back: is the rhythm right, are your priorities still the right "
            "ones, does the format suit you, how satisfied are you?",
            "other": "You and {other} have been working together for {count} months. Take two "
            "minutes to look back: is the rhythm right, are your priorities still the right "
            "ones, does the format suit you, how satisfied are you?",
        },
        "fr": {
            "one": "Voilà {count} mois que vous travaillez avec {other}. Prenez deux minutes "
            "pour faire le point : le rythme vous convient-il, vos priorités sont-elles "
            "toujours les bonnes, le format est-il le bon, êtes-vous satisfait·e ?",
            "other": "Voilà {count} mois que vous travaillez avec {other}. Prenez deux minutes "
            "pour faire le point : le rythme vous convient-il, vos priorités sont-elles "
            "toujours les bonnes, le format est-il le bon, êtes-vous satisfait·e ?",
        },
    },
    "review.private": {
        "en": "Your answers stay private until {other} has answered too; then I show you both "
        "answers together. Nobody else ever sees them.",
        "fr": "Vos réponses restent privées tant que {other} n'a pas répondu ; ensuite je vous "
        "montre les deux réponses ensemble. Personne d'autre ne les voit jamais.",
    },
    "review.button": {"en": "Answer the review", "fr": "Répondre au bilan"},
    "review.awaited.title": {"en": "Your review is awaited", "fr": "Votre bilan est attendu"},
    "review.awaited.body": {
        "en": "{other} has answered the review of your pair. It's your turn: rhythm, "
        "priorities, format, satisfaction.",
        "fr": "{other} a répondu au bilan de votre binôme. À vous : rythme, priorités, format, "
        "satisfaction.",
    },
    "review.form.title": {"en": "3-month review", "fr": "Bilan trimestriel"},
    "review.form.label": {
        "en": "Review of your pair with {other}. Your answers stay private until {other} has "
        "answered too; then you both see both.",
        "fr": "Bilan de votre binôme avec {other}. Vos réponses restent privées tant que "
        "{other} n'a pas répondu ; ensuite vous voyez tous les deux les deux réponses.",
    },
    "review.form.rhythm": {"en": "Our rhythm", "fr": "Notre rythme"},
    "review.form.priorities": {
        "en": "Are our priorities still the right ones?",
        "fr": "Nos priorités sont-elles toujours les bonnes ?",
    },
    "review.form.format": {"en": "Format", "fr": "Format"},
    "review.form.satisfaction": {
        "en": "How satisfied are you with the mentoring?",
        "fr": "Êtes-vous satisfait·e du mentorat ?",
    },
    "review.form.comment": {"en": "A comment (optional)", "fr": "Un commentaire (facultatif)"},
    "review.form.comment.hint": {
        "en": "Shown to the other member only, once you have both answered.",
        "fr": "Montré à l'autre membre seulement, une fois que vous avez répondu tous les deux.",
    },
    "review.rhythm.keep": {"en": "Keep it as it is", "fr": "Le garder tel quel"},
    "review.rhythm.more": {"en": "Meet more often", "fr": "Se voir plus souvent"},
    "review.rhythm.less": {"en": "Meet less often", "fr": "Se voir moins souvent"},
    "review.priorities.yes": {"en": "Yes, still right", "fr": "Oui, toujours les bonnes"},
    "review.priorities.revisit": {"en": "To revisit", "fr": "À revoir"},
    "review.format.keep": {"en": "Keep it as it is", "fr": "Le garder tel quel"},
    "review.format.keep_current": {
        "en": "Keep it as it is ({format})",
        "fr": "Le garder tel quel ({format})",
    },
    "review.format.video": {"en": "Switch to video", "fr": "Passer en visio"},
    "review.format.in_person": {"en": "Switch to in person", "fr": "Passer en présentiel"},
    "review.format.phone": {"en": "Switch to phone", "fr": "Passer au téléphone"},
    "review.satisfaction.1": {"en": "1 — not at all", "fr": "1 — pas du tout"},
    "review.satisfaction.2": {"en": "2 — not really", "fr": "2 — plutôt pas"},
    "review.satisfaction.3": {"en": "3 — so-so", "fr": "3 — moyennement"},
    "review.satisfaction.4": {"en": "4 — satisfied", "fr": "4 — satisfait·e"},
    "review.satisfaction.5": {"en": "5 — very satisfied", "fr": "5 — très satisfait·e"},
    "review.saved.first": {
        "en": "Thank you, your answers are saved. They stay private until {other} has answered "
        "too; then you will both see both.",
        "fr": "Merci, vos réponses sont enregistrées. Elles restent privées tant que {other} "
        "n'a pas répondu ; ensuite vous verrez tous les deux les deux réponses.",
    },
    "review.saved.both": {
        "en": "Thank you — {other} had already answered: I am sending you both answers together.",
        "fr": "Merci — {other} avait déjà répondu : je vous envoie les deux réponses ensemble.",
    },
    "review.already_answered": {
        "en": "You have already answered this review. I will show you both answers once "
        "{other} has answered too.",
        "fr": "Vous avez déjà répondu à ce bilan. Je vous montrerai les deux réponses dès que "
        "{other} aura répondu.",
    },
    "review.result.title": {"en": "Your review, side by side", "fr": "Votre bilan, côte à côte"},
    "review.result.of": {"en": "{who} ({role})", "fr": "{who} ({role})"},
    "review.line.rhythm": {"en": "Rhythm: {choice}", "fr": "Rythme : {choice}"},
    "review.line.priorities": {"en": "Priorities: {choice}", "fr": "Priorités : {choice}"},
    "review.line.format": {"en": "Format: {choice}", "fr": "Format : {choice}"},
    "review.line.satisfaction": {"en": "Satisfaction: {score}/5", "fr": "Satisfaction : {score}/5"},
    "review.line.comment": {"en": "Comment: {comment}", "fr": "Commentaire : {comment}"},
    "review.outcome.rhythm.more": {
        "en": "You both want to meet more often: your rhythm is now *{rhythm}*. Next session: "
        "{next}.",
        "fr": "Vous voulez tous les deux vous voir plus souvent : votre rythme est désormais "
        "*{rhythm}*. Prochaine séance : {next}.",
    },
    "review.outcome.rhythm.less": {
        "en": "You both want to meet less often: your rhythm is now *{rhythm}*. Next session: "
        "{next}.",
        "fr": "Vous voulez tous les deux vous voir moins souvent : votre rythme est désormais "
        "*{rhythm}*. Prochaine séance : {next}.",
    },
    "review.outcome.ladder_end.more": {
        "en": "You both want to meet more often, but you already meet every week, the most "
        "often I plan: the rhythm stays as it is.",
        "fr": "Vous voulez tous les deux vous voir plus souvent, mais vous vous voyez déjà "
        "chaque semaine, le plus souvent que je planifie : le rythme ne change pas.",
    },
    "review.outcome.ladder_end.less": {
        "en": "You both want to meet less often, but once every 4 weeks or a month is the "
        "least often I plan: the rhythm stays as it is.",
        "fr": "Vous voulez tous les deux vous voir moins souvent, mais toutes les 4 semaines "
        "ou une fois par mois, c'est le moins souvent que je planifie : le rythme ne change "
        "pas.",
    },
    "review.outcome.rhythm.kept": {
        "en": "Rhythm: you both keep it as it is.",
        "fr": "Rythme : vous le gardez tous les deux tel quel.",
    },
    "review.outcome.rhythm.different": {
        "en": "Rhythm: you chose differently, so nothing changes.",
        "fr": "Rythme : vous avez fait des choix différents, donc rien ne change.",
    },
    "review.outcome.format.applied": {
        "en": "Format: you both chose it, your sessions are now {format}.",
        "fr": "Format : vous l'avez choisi tous les deux, vos séances se font désormais {format}.",
    },
    "review.outcome.format.different": {
        "en": "Format: you chose differently, so nothing changes.",
        "fr": "Format : vous avez fait des choix différents, donc rien ne change.",
    },
    "review.outcome.priorities.revisit": {
        "en": "At least one of you wants to revisit your priorities: put it on the next agenda "
        "with `/mentor agenda add …`.",
        "fr": "Au moins l'un de vous veut revoir vos priorités : mettez-le à l'ordre du jour "
        "de la prochaine séance avec `/mentor ordre-du-jour ajouter …`.",
    },
    "review.outcome.talk": {
        "en": "Where you differ, talk it over with {other} at your next session; "
        "`/mentor review` starts a new review whenever you like.",
        "fr": "Là où vos avis diffèrent, parlez-en avec {other} à la prochaine séance ; "
        "`/mentor bilan` lance un nouveau bilan quand vous voulez.",
    },
    "review.result.note": {
        "en": "Only the two of you see these answers. Programme leads only learn that the "
        "review took place.",
        "fr": "Vous seuls voyez ces réponses. Les responsables du programme apprennent "
        "seulement que le bilan a eu lieu.",
    },
    "digest.reviews": {
        "en": {
            "one": "Reviews: {count} pair held its review in the last 3 months ({this_week} "
            "this week).",
            "other": "Reviews: {count} pairs held their review in the last 3 months "
            "({this_week} this week).",
        },
        "fr": {
            "one": "Bilans : {count} binôme a fait son bilan ces 3 derniers mois ({this_week} "
            "cette semaine).",
            "other": "Bilans : {count} binômes ont fait leur bilan ces 3 derniers mois "
            "({this_week} cette semaine).",
        },
    },
    "digest.reviews.average": {
        "en": "Average satisfaction across these pairs: {average}/5.",
        "fr": "Satisfaction moyenne de ces binômes : {average}/5.",
    },
    "digest.reviews.average_hidden": {
        "en": {
            "one": "The average satisfaction is shown once at least {count} pair has reviewed.",
            "other": "The average satisfaction is shown once at least {count} pairs have reviewed.",
        },
        "fr": {
            "one": "La satisfaction moyenne s'affiche dès qu'au moins {count} binôme a fait son "
            "bilan.",
            "other": "La satisfaction moyenne s'affiche dès qu'au moins {count} binômes ont "
            "fait leur bilan.",
        },
    },
}
