"""Catalog entries for `mentorbot try` and `mentorbot simulate` (the terminal front end)."""

from bot.catalog.entry import Entry

KINDS: dict[str, tuple[str, str]] = {  # notification kind: (English, French), for the plot
    "pair_created": ("Agreements to accept", "Accords à accepter"),
    "agreement_reminder": ("Agreement reminders", "Relances d'accord"),
    "pair_started": ("Welcome to a started pair", "Bienvenue dans un binôme lancé"),
    "terms_proposed": ("New terms proposed", "Nouvelles conditions proposées"),
    "terms_reminder": ("Reminders of proposed terms", "Relances de conditions proposées"),
    "terms_answered": ("Answers to proposed terms", "Réponses aux conditions proposées"),
    "terms_lapsed": ("Proposed terms lapsed", "Conditions proposées expirées"),
    "trial_check": ("End-of-trial questions", "Questions de fin d'essai"),
    "trial_outcome": ("Trial outcomes", "Issues de l'essai"),
    "planned_end_soon": ("Planned end coming", "Fin prévue proche"),
    "reminder": ("Session reminders", "Rappels de séance"),
    "summary_request": ("Summary requests", "Demandes de compte-rendu"),
    "summary_request_next_day": (
        "Next-day summary requests",
        "Demandes de compte-rendu du lendemain",
    ),
    "summary_nudge": ("Summary nudges", "Relances de compte-rendu"),
    "summary_shared": ("Summaries shared", "Comptes-rendus partagés"),
    "summary_recorded": ("Summaries acknowledged", "Comptes-rendus confirmés"),
    "summary_twice": ("“Replace or add?” questions", "Questions « remplacer ou ajouter ? »"),
    "summary_which": ("“Which session?” questions", "Questions « quelle séance ? »"),
    "dm_not_expected": ("Answers to unexpected DMs", "Réponses aux messages inattendus"),
    "session_skipped": ("Notices of a skipped session", "Avis de séance annulée"),
    "session_moved": ("Notices of a moved session", "Avis de séance déplacée"),
    "digest": ("Weekly digests", "Synthèses hebdomadaires"),
    "help_requested": ("Help requests to mediators", "Demandes d'aide aux médiateurs"),
    "pair_ended": ("Pairs ended", "Binômes terminés"),
    "thanks": ("Thank-you messages", "Remerciements"),
    "pair_paused": ("Pairs paused", "Binômes en pause"),
    "calendar_update": ("Calendar files sent", "Fichiers d'agenda envoyés"),
    "home_refresh": ("Home tabs published again", "Onglets Accueil republiés"),
    "member_silent": (
        "Members asked about a pause after unanswered requests",
        "Membres interrogés sur une pause après des demandes sans réponse",
    ),
    "pair_stalled": (
        "Stalled pairs asked to plan a session",
        "Binômes relancés pour planifier une séance",
    ),
    "pair_resumed": ("Pairs resumed", "Binômes repris"),
    "action_due": ("Actions due tomorrow", "Actions dues demain"),
    "review_due": ("Quarterly reviews", "Bilans trimestriels"),
    "review_awaited": ("Reviews awaited", "Bilans en attente"),
    "review_result": ("Review results", "Résultats des bilans"),
    "member_unreachable": ("Member unreachable", "Membre injoignable"),
    "delivery_refused": ("Deliveries refused", "Envois refusés"),
    "member_left": ("Notices of a member who left", "Avis de départ d'un membre"),
    "stall_alert": ("Stalls told to the admins", "Arrêts signalés aux admins"),
}

MESSAGES: dict[str, Entry] = {
    **{f"simulate.kind.{kind}": {"en": en, "fr": fr} for kind, (en, fr) in KINDS.items()},
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
        "fr": "Il est {now}. {locals!c}",
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
    "try.form.empty": {
        "en": "Form “{title}” (an empty answer leaves a field empty; `cancel` leaves the form):",
        "fr": "Formulaire « {title} » (une réponse vide laisse le champ vide ; `annuler` quitte "
        "le formulaire) :",
    },
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
        "en": {
            "one": "week {week} ({start}): {count} message — {kinds}; busiest minute {peak_at} "
            "UTC with {peak}",
            "other": "week {week} ({start}): {count} messages — {kinds}; busiest minute "
            "{peak_at} UTC with {peak}",
        },
        "fr": {
            "one": "semaine {week} ({start}) : {count} message — {kinds} ; minute la plus "
            "chargée {peak_at} UTC avec {peak}",
            "other": "semaine {week} ({start}) : {count} messages — {kinds} ; minute la plus "
            "chargée {peak_at} UTC avec {peak}",
        },
    },
    "simulate.quiet_week": {
        "en": "week {week} ({start}): no messages",
        "fr": "semaine {week} ({start}) : aucun message",
    },
    "simulate.header": {
        "en": {
            "one": "Simulated programme: {count} pair over {weeks} from {start} (seed {seed}); "
            "{skipped}, {unanswered}.",
            "other": "Simulated programme: {count} pairs over {weeks} from {start} (seed "
            "{seed}); {skipped}, {unanswered}.",
        },
        "fr": {
            "one": "Programme simulé : {count} binôme sur {weeks} à partir du {start} (graine "
            "{seed}) ; {skipped}, {unanswered}.",
            "other": "Programme simulé : {count} binômes sur {weeks} à partir du {start} "
            "(graine {seed}) ; {skipped}, {unanswered}.",
        },
    },
    "simulate.skipped": {
        "en": {"one": "{count} session skipped", "other": "{count} sessions skipped"},
        "fr": {"one": "{count} séance annulée", "other": "{count} séances annulées"},
    },
    "simulate.unanswered": {
        "en": {"one": "{count} summary never written", "other": "{count} summaries never written"},
        "fr": {
            "one": "{count} compte-rendu jamais écrit",
            "other": "{count} comptes-rendus jamais écrits",
        },
    },
    "simulate.check_ok": {
        "en": {
            "one": "check: OK — {count} notification owed and due, {sent}, {dropped}, 0 failed, "
            "0 left pending.",
            "other": "check: OK — {count} notifications owed and due, {sent}, {dropped}, 0 "
            "failed, 0 left pending.",
        },
        "fr": {
            "one": "vérification : OK — {count} notification due, {sent}, {dropped}, 0 en "
            "échec, 0 en attente.",
            "other": "vérification : OK — {count} notifications dues, {sent}, {dropped}, 0 en "
            "échec, 0 en attente.",
        },
    },
    "simulate.sent": {
        "en": {"one": "{count} sent exactly once", "other": "{count} sent exactly once"},
        "fr": {
            "one": "{count} envoyée exactement une fois",
            "other": "{count} envoyées exactement une fois",
        },
    },
    "simulate.dropped": {
        "en": {
            "one": "{count} dropped as no longer useful",
            "other": "{count} dropped as no longer useful",
        },
        "fr": {
            "one": "{count} abandonnée car devenue inutile",
            "other": "{count} abandonnées car devenues inutiles",
        },
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
    "simulate.plot.title": {
        "en": {
            "one": "Mentorbot simulation: {count} pair over {weeks} from {start}",
            "other": "Mentorbot simulation: {count} pairs over {weeks} from {start}",
        },
        "fr": {
            "one": "Simulation de Mentorbot : {count} binôme sur {weeks} à partir du {start}",
            "other": "Simulation de Mentorbot : {count} binômes sur {weeks} à partir du {start}",
        },
    },
    "simulate.plot.weeks": {
        "en": {"one": "{count} week", "other": "{count} weeks"},
        "fr": {"one": "{count} semaine", "other": "{count} semaines"},
    },
    "simulate.plot.messages": {
        "en": "Messages sent per day, by kind",
        "fr": "Messages envoyés par jour, par type",
    },
    "simulate.plot.messages_axis": {"en": "messages per day", "fr": "messages par jour"},
    "simulate.plot.off_scale": {
        "en": {
            "one": "{count} message on {day}, off the scale: {kinds}",
            "other": "{count} messages on {day}, off the scale: {kinds}",
        },
        "fr": {
            "one": "{count} message le {day}, hors échelle : {kinds}",
            "other": "{count} messages le {day}, hors échelle : {kinds}",
        },
    },
    "simulate.plot.health": {
        "en": "Programme health per week: what happened to the sessions planned",
        "fr": "Santé du programme par semaine : ce que sont devenues les séances prévues",
    },
    "simulate.plot.health_axis": {"en": "sessions", "fr": "séances"},
    "simulate.plot.held": {
        "en": "held, summary written",
        "fr": "tenues, compte-rendu écrit",
    },
    "simulate.plot.no_summary": {
        "en": "held, no summary",
        "fr": "tenues, sans compte-rendu",
    },
    "simulate.plot.skipped": {"en": "skipped", "fr": "annulées"},
    "simulate.plot.week": {"en": "week {week}\n{start}", "fr": "semaine {week}\n{start}"},
    "simulate.plot.pace": {
        "en": "Slack's pace, per channel: the busiest channel of each day, in its busiest minute",
        "fr": "Le rythme de Slack, par canal : le canal le plus chargé de chaque jour, dans sa "
        "minute la plus chargée",
    },
    "simulate.plot.pace_axis": {
        "en": "messages in one minute, one channel",
        "fr": "messages en une minute, un canal",
    },
    "simulate.plot.busiest": {
        "en": "busiest channel (a DM or the digest channel)",
        "fr": "canal le plus chargé (un message privé ou le canal de synthèse)",
    },
    "simulate.plot.slack_limit": {
        "en": "Slack: about 1 message per second per channel (60 a minute)",
        "fr": "Slack : environ 1 message par seconde et par canal (60 par minute)",
    },
    "simulate.plot.pace_peak": {
        "en": {
            "one": "At most {count} message in a minute in any one channel: {share} of "
            "what Slack accepts",
            "other": "At most {count} messages in a minute in any one channel: {share} of "
            "what Slack accepts",
        },
        "fr": {
            "one": "Au plus {count} message en une minute dans un même canal : {share} de "
            "ce que Slack accepte",
            "other": "Au plus {count} messages en une minute dans un même canal : {share} de "
            "ce que Slack accepte",
        },
    },
    "simulate.progress_pairs": {"en": "pairs created", "fr": "binômes créés"},
    "simulate.progress_days": {"en": "days simulated", "fr": "jours simulés"},
}
