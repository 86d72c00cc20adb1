"""Catalog entries for `mentorbot try` and `mentorbot simulate` (the terminal front end)."""

MESSAGES: dict[str, dict[str, str]] = {
    "terminal.file": {
        "en": "📎 {name} ({size} KB): in Slack or Teams this file arrives privately",
        "fr": "📎 {name} ({size} Ko) : dans Slack ou Teams ce fichier arrive en privé",
    },
    "try.welcome": {
        "en": "Mentorbot in a simulated workspace. People: {people}. You are {actor}. "
        "The clock shows {now}. Type `help` for what you can do.",
        "fr": "Mentorbot dans un espace simulé. Personnes : {people}. Vous êtes {actor}. "
        "L'horloge indique {now}. Tapez `aide` pour voir ce que vous pouvez faire.",
    },
    "try.help": {
        "en": "as NAME — type as someone else ({people})\n"
        "/mentor …  — any Mentorbot command, e.g. /mentor pair @claire @thomas every 2 weeks "
        "on thursday at 18:00 tz Europe/Paris\n"
        "any other text — a direct message to the bot (a reply to its summary request)\n"
        "press N — press button [N] of the latest message that showed you buttons\n"
        "clock — the simulated time; advance 1d / 3h / 30m — move it; "
        "at 2026-12-03 18:05 — move it to a moment (UTC)\n"
        "people — who is here; quit — leave",
        "fr": "comme NOM — écrire en tant qu'une autre personne ({people})\n"
        "/mentor …  — toute commande de Mentorbot, par ex. /mentor binome @claire @thomas "
        "toutes les 2 semaines le jeudi à 18h fuseau Europe/Paris\n"
        "tout autre texte — un message privé au bot (une réponse à sa demande de compte-rendu)\n"
        "appuyer N — appuyer sur le bouton [N] du dernier message qui vous a montré des "
        "boutons\n"
        "horloge — l'heure simulée ; avancer 1j / 3h / 30m — la faire avancer ; "
        "a 2026-12-03 18:05 — l'amener à un moment (UTC)\n"
        "personnes — qui est là ; quitter — sortir",
    },
    "try.now_acting": {"en": "You are now {actor}.", "fr": "Vous êtes maintenant {actor}."},
    "try.unknown_person": {
        "en": "There is nobody called “{name}” here. People: {people}.",
        "fr": "Personne ne s'appelle « {name} » ici. Personnes : {people}.",
    },
    "try.clock": {
        "en": "It is {now}. {locals}",
        "fr": "Il est {now}. {locals}",
    },
    "try.clock.local": {"en": "{time} for {name}", "fr": "{time} pour {name}"},
    "try.bad_duration": {
        "en": "Say how far to move the clock, e.g. `advance 1d`, `advance 3h`, `advance 45m`.",
        "fr": "Dites de combien avancer l'horloge, par ex. `avancer 1j`, `avancer 3h`, "
        "`avancer 45m`.",
    },
    "try.bad_moment": {
        "en": "Give a moment to come, in UTC, e.g. `at 2026-12-03 18:05`.",
        "fr": "Donnez un moment à venir, en UTC, par ex. `a 2026-12-03 18:05`.",
    },
    "try.no_button": {
        "en": "There is no button [{number}] in the latest message that showed you buttons. "
        "`press N` presses button [N] of that message; type `as NAME` to press someone "
        "else's.",
        "fr": "Il n'y a pas de bouton [{number}] dans le dernier message qui vous a montré des "
        "boutons. `appuyer N` appuie sur le bouton [N] de ce message ; tapez `comme NOM` pour "
        "appuyer sur ceux d'une autre personne.",
    },
    "try.dm_to": {"en": "DM to {name}", "fr": "Message privé à {name}"},
    "try.channel": {"en": "in #{channel}", "fr": "dans #{channel}"},
    "try.only_you": {"en": "only {name} sees", "fr": "visible seulement par {name}"},
    "try.form": {
        "en": "Form “{title}” (an empty answer keeps the value in brackets; `cancel` leaves "
        "the form):",
        "fr": "Formulaire « {title} » (une réponse vide garde la valeur entre crochets ; "
        "`annuler` quitte le formulaire) :",
    },
    "try.form.prompt": {"en": "  {label}: ", "fr": "  {label} : "},
    "try.form.again": {"en": "  {problem} Try again.", "fr": "  {problem} Réessayez."},
    "try.form.errors": {
        "en": "Nothing was saved: {errors}",
        "fr": "Rien n'a été enregistré : {errors}",
    },
    "try.form.ended": {
        "en": "Form left: nothing was saved.",
        "fr": "Formulaire quitté : rien n'a été enregistré.",
    },
    "try.failed": {
        "en": "Sorry, that went wrong on Mentorbot's side; nothing else changed. The session "
        "goes on.",
        "fr": "Désolé, cela a échoué du côté de Mentorbot ; rien d'autre n'a changé. La session "
        "continue.",
    },
    "try.bye": {"en": "Bye.", "fr": "Au revoir."},
    "simulate.week": {
        "en": "week {week} ({start}): {total} messages — {kinds}; busiest minute {peak_at} UTC "
        "with {peak}",
        "fr": "semaine {week} ({start}) : {total} messages — {kinds} ; minute la plus chargée "
        "{peak_at} UTC avec {peak}",
    },
    "simulate.quiet_week": {
        "en": "week {week} ({start}): no messages",
        "fr": "semaine {week} ({start}) : aucun message",
    },
    "simulate.header": {
        "en": "Simulated programme: {pairs} pairs over {weeks} weeks from {start} (seed {seed}); "
        "{skipped} sessions skipped, {unanswered} summaries never written.",
        "fr": "Programme simulé : {pairs} binômes sur {weeks} semaines à partir du {start} "
        "(graine {seed}) ; {skipped} séances annulées, {unanswered} comptes-rendus jamais écrits.",
    },
    "simulate.check_ok": {
        "en": "check: OK — {owed} notifications owed and due, {sent} sent exactly once, "
        "{dropped} dropped as no longer useful, 0 failed, 0 left pending.",
        "fr": "vérification : OK — {owed} notifications dues, {sent} envoyées exactement une "
        "fois, {dropped} abandonnées car devenues inutiles, 0 en échec, 0 en attente.",
    },
    "simulate.check_failed": {
        "en": "check: FAILED — {problems}",
        "fr": "vérification : ÉCHEC — {problems}",
    },
    "simulate.plot_missing": {
        "en": "--plot needs matplotlib: pip install 'mentorbot[plot]'.",
        "fr": "--plot a besoin de matplotlib : pip install 'mentorbot[plot]'.",
    },
    "simulate.plotted": {"en": "Plot written to {path}.", "fr": "Graphique écrit dans {path}."},
    "simulate.progress_pairs": {"en": "pairs created", "fr": "binômes créés"},
    "simulate.progress_days": {"en": "days simulated", "fr": "jours simulés"},
}
