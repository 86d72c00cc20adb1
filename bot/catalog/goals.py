"""Catalog entries for a pair's goals, their milestones and the SMART goal form."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "goals.title": {"en": "Goals with {other}", "fr": "Objectifs avec {other}"},
    "goals.none": {
        "en": "No goals yet with {other}. Set one with `/mentor goals add Lead the Q1 review by "
        "2027-03-31`, or write a SMART goal with the button.",
        "fr": "Pas encore d'objectif avec {other}. Fixez-en un avec `/mentor objectifs ajouter "
        "Animer la revue du T1 avant 2027-03-31`, ou écrivez un objectif SMART avec le bouton.",
    },
    "goals.hint": {
        "en": "`/mentor goals add <goal> by 2027-03-31` · `/mentor goals milestone 1 <step> by "
        "2027-01-15` · `/mentor goals done 1` (`done 1.2` for a milestone) · "
        "`/mentor goals smart` opens the SMART form. Only the two of you see your goals.",
        "fr": "`/mentor objectifs ajouter <objectif> avant 2027-03-31` · `/mentor objectifs etape "
        "1 <étape> avant 2027-01-15` · `/mentor objectifs fait 1` (`fait 1.2` pour une étape) · "
        "`/mentor objectifs smart` ouvre le formulaire SMART. Vos objectifs ne sont visibles "
        "que de vous deux.",
    },
    "goals.usage": {
        "en": "Use `/mentor goals` to see them, `/mentor goals add <goal> by 2027-03-31`, "
        "`/mentor goals milestone 1 <step> by 2027-01-15`, `/mentor goals done 1` (or `done 1.2` "
        "for milestone 2 of goal 1), `/mentor goals smart` for the SMART form.",
        "fr": "Utilisez `/mentor objectifs` pour les voir, `/mentor objectifs ajouter <objectif> "
        "avant 2027-03-31`, `/mentor objectifs etape 1 <étape> avant 2027-01-15`, "
        "`/mentor objectifs fait 1` (ou `fait 1.2` pour l'étape 2 de l'objectif 1), "
        "`/mentor objectifs smart` pour le formulaire SMART.",
    },
    "goals.added": {
        "en": "Goal {number} set: {text}{by}. {other} sees it too with `/mentor goals`.",
        "fr": "Objectif {number} fixé : {text}{by}. {other} le voit aussi avec "
        "`/mentor objectifs`.",
    },
    "goals.add.empty": {
        "en": "Say what it is, e.g. `/mentor goals add Lead the Q1 review by 2027-03-31`.",
        "fr": "Dites de quoi il s'agit, par ex. `/mentor objectifs ajouter Animer la revue du T1 "
        "avant 2027-03-31`.",
    },
    "goals.too_long": {
        "en": {
            "one": "That is {length} characters; a goal holds at most {count} character. Keep "
            "it short and put the steps in milestones.",
            "other": "That is {length} characters; a goal holds at most {count} characters. "
            "Keep it short and put the steps in milestones.",
        },
        "fr": {
            "one": "Cela fait {length} caractères ; un objectif en contient {count} au plus. "
            "Restez bref et mettez les étapes à part.",
            "other": "Cela fait {length} caractères ; un objectif en contient {count} au plus. "
            "Restez bref et mettez les étapes à part.",
        },
    },
    "goals.bad_date": {
        "en": "I could not read the date {word}: write it as YYYY-MM-DD, e.g. `by 2027-03-31`.",
        "fr": "Je n'ai pas compris la date {word} : écrivez-la AAAA-MM-JJ, par ex. "
        "`avant 2027-03-31`.",
    },
    "goals.date_past": {
        "en": "{date} has already passed: choose a target date from today on.",
        "fr": "Le {date} est déjà passé : choisissez une date cible à partir d'aujourd'hui.",
    },
    "goals.no_goals": {
        "en": "No goals yet. Set one with `/mentor goals add …` or `/mentor goals smart`.",
        "fr": "Pas encore d'objectif. Fixez-en un avec `/mentor objectifs ajouter …` ou "
        "`/mentor objectifs smart`.",
    },
    "goals.bad_number": {
        "en": "Give the number of a goal between 1 and {last}, e.g. `/mentor goals done 1` "
        "(`done 1.2` for milestone 2 of goal 1).",
        "fr": "Donnez le numéro d'un objectif entre 1 et {last}, par ex. `/mentor objectifs "
        "fait 1` (`fait 1.2` pour l'étape 2 de l'objectif 1).",
    },
    "goals.no_milestones": {
        "en": "Goal {goal} has no milestones yet: add one with `/mentor goals milestone {goal} …`.",
        "fr": "L'objectif {goal} n'a pas encore d'étape : ajoutez-en une avec "
        "`/mentor objectifs etape {goal} …`.",
    },
    "goals.bad_milestone": {
        "en": {
            "one": "Goal {goal} has {count} milestone: give {goal}.1.",
            "other": "Goal {goal} has {count} milestones: give one from {goal}.1 to "
            "{goal}.{count}.",
        },
        "fr": {
            "one": "L'objectif {goal} a {count} étape : donnez {goal}.1.",
            "other": "L'objectif {goal} a {count} étapes : donnez-en une de {goal}.1 à "
            "{goal}.{count}.",
        },
    },
    "goals.marked_done": {
        "en": "Goal reached: {text}. Well done to you both!",
        "fr": "Objectif atteint : {text}. Bravo à vous deux !",
    },
    "goals.already_done": {
        "en": "That goal was already reached: {text}",
        "fr": "Cet objectif était déjà atteint : {text}",
    },
    "goals.milestone_added": {
        "en": "Milestone {goal}.{number} added: {text}{by}.",
        "fr": "Étape {goal}.{number} ajoutée : {text}{by}.",
    },
    "goals.milestone_done": {"en": "Milestone done: {text}", "fr": "Étape franchie : {text}"},
    "goals.reminder.heading": {"en": "Your goals", "fr": "Vos objectifs"},
    "goals.reminder.count": {
        "en": {
            "one": "{count} open goal in all — `/mentor goals`",
            "other": "{count} open goals in all — `/mentor goals`",
        },
        "fr": {
            "one": "{count} objectif en cours en tout — `/mentor objectifs`",
            "other": "{count} objectifs en cours en tout — `/mentor objectifs`",
        },
    },
    "goals.button.smart": {"en": "Write a SMART goal", "fr": "Écrire un objectif SMART"},
    "goals.button.done": {"en": "Reached", "fr": "Atteint"},
    "goals.form.title": {"en": "SMART goal", "fr": "Objectif SMART"},
    "goals.form.label": {"en": "A goal with {other}", "fr": "Un objectif avec {other}"},
    "goals.form.specific": {
        "en": "Specific: what exactly do you want to achieve?",
        "fr": "Spécifique : que voulez-vous atteindre, précisément ?",
    },
    "goals.form.specific.hint": {
        "en": 'One concrete result, e.g. "Lead my team\'s Q1 roadmap review".',
        "fr": "Un résultat concret, par ex. « Animer la revue de feuille de route du T1 ».",
    },
    "goals.form.measurable": {
        "en": "Measurable: how will you both know it is done?",
        "fr": "Mesurable : comment saurez-vous tous les deux que c'est fait ?",
    },
    "goals.form.measurable.hint": {
        "en": 'A sign you can check, e.g. "the review held, the plan approved by my manager".',
        "fr": "Un signe vérifiable, par ex. « la revue a eu lieu, le plan est validé par ma "
        "responsable ».",
    },
    "goals.form.achievable": {
        "en": "Achievable: what makes it within reach?",
        "fr": "Atteignable : qu'est-ce qui le rend à votre portée ?",
    },
    "goals.form.achievable.hint": {
        "en": 'The time, help or skills you have or will get, e.g. "two hours a week, my '
        "mentor's review of the draft\".",
        "fr": "Le temps, l'aide ou les compétences dont vous disposez, par ex. « deux heures par "
        "semaine, la relecture du brouillon par ma mentore ».",
    },
    "goals.form.relevant": {
        "en": "Relevant: why does it matter to you now?",
        "fr": "Pertinent : pourquoi est-ce important pour vous maintenant ?",
    },
    "goals.form.relevant.hint": {
        "en": 'How it serves your development or your role, e.g. "a step towards leading a team".',
        "fr": "Ce que cela apporte à votre parcours ou à votre poste, par ex. « un pas vers le "
        "management d'une équipe ».",
    },
    "goals.form.target": {
        "en": "Dated: by when?",
        "fr": "Daté : pour quand ?",
    },
    "goals.form.target.hint": {
        "en": "The target date; you can add dated milestones afterwards with "
        "`/mentor goals milestone`.",
        "fr": "La date cible ; vous pourrez ajouter des étapes datées ensuite avec "
        "`/mentor objectifs etape`.",
    },
    "goals.form.too_long": {
        "en": {
            "one": "Keep it to {count} character ({length} now).",
            "other": "Keep it to {count} characters ({length} now).",
        },
        "fr": {
            "one": "Pas plus de {count} caractère ({length} actuellement).",
            "other": "Pas plus de {count} caractères ({length} actuellement).",
        },
    },
    "goals.smart.measure": {"en": "measure: {value}", "fr": "mesure : {value}"},
    "goals.smart.how": {"en": "how: {value}", "fr": "moyens : {value}"},
    "goals.smart.why": {"en": "why: {value}", "fr": "pourquoi : {value}"},
}
