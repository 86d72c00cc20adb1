"""Catalog entries for `/mentor` commands and their answers."""

from bot.catalog.entry import Entry

EXAMPLE_PAIR = (
    "/mentor pair @claire @thomas every 2 weeks on thursday at 18:00 for 1h tz Europe/Paris"
)
EXAMPLE_PAIR_FR = (
    "/mentor binome @claire @thomas toutes les 2 semaines le jeudi à 18h pendant 1h "
    "fuseau Europe/Paris"
)

MESSAGES: dict[str, Entry] = {
    "help.title": {"en": "Mentorbot", "fr": "Mentorbot"},
    "help.intro": {
        "en": "I keep the rhythm of mentoring pairs: I remind both of you the day before each "
        "session with the agenda, ask for a short summary afterwards and share it with the "
        "other person. What you write stays between the two of you.",
        "fr": "Je tiens le rythme des binômes de mentorat : je vous rappelle à tous les deux la "
        "veille de chaque séance avec l'ordre du jour, je demande un court compte-rendu après "
        "et je le partage avec l'autre personne. Ce que vous écrivez reste entre vous deux.",
    },
    "help.commands": {
        "en": "• `/mentor pair @mentor @mentee <rhythm>` — create a pair, e.g. `"
        + EXAMPLE_PAIR
        + "` (a bare `/mentor pair` opens a form); reminders start once both accepted the "
        "agreement I send them\n"
        "• `/mentor pairs` — your pairs, your role, the next session\n"
        "• `/mentor next` — your next sessions, in your time zone\n"
        "• `/mentor agenda` — the next session's agenda; `/mentor agenda add Prepare the "
        "review`, `/mentor agenda done 1`, `/mentor agenda remove 2`\n"
        "• `/mentor skip` — skip the next session; `/mentor move 2026-12-10 18:30` — move it\n"
        "• `/mentor summary We agreed that…` — the summary of the last session (or just reply "
        "to my message after a session); `/mentor summary` alone opens a form with decisions "
        "and actions\n"
        "• `/mentor actions` — the open actions of your pairs; `/mentor actions done 1`\n"
        "• `/mentor digest #channel [tz Europe/Paris] [lang fr]` — weekly cadence digest in a "
        "channel, Mondays 09:00 in that zone and language (admins); `/mentor digest off "
        "#channel`\n"
        "• `/mentor programme` — the programme at a glance: pairs by status, agreements "
        "waiting, stalled pairs, people I cannot reach, reviews due — names and dates, never "
        "content (admins)\n"
        "• `/mentor journal What I learnt…` — your private learning journal; `/mentor journal` "
        "rereads it\n"
        "• `/mentor goals` — your pair's goals; `/mentor goals add Lead the Q1 review by "
        "2027-03-31`, `/mentor goals milestone 1 …`, `/mentor goals done 1`, "
        "`/mentor goals smart` (a SMART goal form)\n"
        "• `/mentor help-me` — tell the programme's mediators, privately, that it is not working\n"
        "• `/mentor pause until 2027-01-15` — no reminders meanwhile; `/mentor resume`\n"
        "• `/mentor review` — your private review: rhythm, priorities, format, satisfaction "
        "(I also ask every 3 months)\n"
        "• `/mentor end` — end a pair (with confirmation); "
        "`/mentor thanks @claire …` — thank them\n"
        "• `/mentor history` — all your pairs, ended ones included; `/mentor history 1` "
        "rereads one\n"
        "• `/mentor calendar` — a private link to subscribe to all your sessions in your "
        "calendar, kept up to date; `/mentor calendar reset` replaces it\n"
        "• `/mentor my-data` — everything I keep about you, as a file; `/mentor forget-me` — "
        "erase it all\n"
        "In several pairs? Name the other person: `/mentor agenda @claire add …`. "
        "Add `reverse` to `/mentor pair` for reverse mentoring.\n"
        "Rhythm words: `weekly`, `every 3 weeks`, `monthly`, `on thursday`, `at 18:00`, "
        "`for 45m`, `tz America/Montreal`, `from 2026-12-03`, `via video|in person|phone`.",
        "fr": "• `/mentor binome @mentor @mentore <rythme>` — créer un binôme, par ex. `"
        + EXAMPLE_PAIR_FR
        + "` (`/mentor binome` seul ouvre un formulaire) ; les rappels commencent quand les "
        "deux ont accepté l'accord que je leur envoie\n"
        "• `/mentor binomes` — vos binômes, votre rôle, la prochaine séance\n"
        "• `/mentor prochaine` — vos prochaines séances, à votre heure\n"
        "• `/mentor ordre-du-jour` — l'ordre du jour de la prochaine séance ; "
        "`/mentor ordre-du-jour ajouter Préparer le bilan`, `/mentor ordre-du-jour fait 1`, "
        "`/mentor ordre-du-jour supprimer 2`\n"
        "• `/mentor annuler` — annuler la prochaine séance ; `/mentor deplacer 2026-12-10 18h30` "
        "— la déplacer\n"
        "• `/mentor compte-rendu Nous avons décidé…` — le compte-rendu de la dernière séance "
        "(ou répondez simplement à mon message après une séance) ; `/mentor compte-rendu` seul "
        "ouvre un formulaire avec décisions et actions\n"
        "• `/mentor actions` — les actions en cours de vos binômes ; `/mentor actions fait 1`\n"
        "• `/mentor synthese #canal [fuseau Europe/Paris] [langue en]` — synthèse "
        "hebdomadaire du rythme dans un canal, le lundi à 9h00 dans ce fuseau et cette langue "
        "(administrateurs) ; `/mentor synthese arret #canal`\n"
        "• `/mentor programme` — le programme d'un coup d'œil : binômes par statut, accords en "
        "attente, binômes à l'arrêt, personnes injoignables, bilans à venir — des noms et des "
        "dates, jamais de contenu (administrateurs)\n"
        "• `/mentor journal Ce que j'ai appris…` — votre journal d'apprentissage privé ; "
        "`/mentor journal` pour le relire\n"
        "• `/mentor objectifs` — les objectifs du binôme ; `/mentor objectifs ajouter Animer la "
        "revue du T1 avant 2027-03-31`, `/mentor objectifs etape 1 …`, `/mentor objectifs fait "
        "1`, `/mentor objectifs smart` (un formulaire d'objectif SMART)\n"
        "• `/mentor mediation` — prévenir discrètement les médiateurs du programme que cela ne "
        "fonctionne pas\n"
        "• `/mentor pause jusqu'au 2027-01-15` — pas de rappels d'ici là ; "
        "`/mentor reprendre`\n"
        "• `/mentor bilan` — votre bilan privé : rythme, priorités, format, satisfaction "
        "(je le demande aussi tous les 3 mois)\n"
        "• `/mentor terminer` — mettre fin à un binôme (avec confirmation) ; "
        "`/mentor merci @claire …` — remercier\n"
        "• `/mentor historique` — tous vos binômes, terminés compris ; `/mentor historique 1` "
        "pour en relire un\n"
        "• `/mentor calendrier` — un lien privé pour abonner votre agenda à toutes vos séances, "
        "tenu à jour ; `/mentor calendrier reinitialiser` le remplace\n"
        "• `/mentor mes-donnees` — tout ce que je garde sur vous, en fichier ; "
        "`/mentor oublier` — tout effacer\n"
        "Plusieurs binômes ? Nommez l'autre personne : `/mentor ordre-du-jour @claire ajouter …`. "
        "Ajoutez `inverse` à `/mentor binome` pour un mentorat inversé.\n"
        "Mots du rythme : `hebdo`, `toutes les 3 semaines`, `mensuel`, `le jeudi`, `à 18h`, "
        "`pendant 45 min`, `fuseau America/Montreal`, `à partir du 2026-12-03`, "
        "`en visio|en présentiel|par téléphone`.",
    },
    "error.unknown_command": {
        "en": "I don't know the command `{word}`. Try `/mentor help` to see them all, e.g. "
        "`/mentor next`.",
        "fr": "Je ne connais pas la commande `{word}`. Tapez `/mentor aide` pour les voir "
        "toutes, par ex. `/mentor prochaine`.",
    },
    "error.internal": {
        "en": "Sorry, something went wrong on my side and nothing was changed. Please try again "
        "in a moment.",
        "fr": "Désolé, quelque chose s'est mal passé de mon côté et rien n'a été modifié. "
        "Réessayez dans un instant.",
    },
    "error.not_a_member": {
        "en": "I can't find you among the people of this workspace, so I can't do this for you. "
        "Mentorbot works for the members of the workspace it is installed in.",
        "fr": "Je ne vous trouve pas parmi les personnes de cet espace de travail : je ne peux "
        "donc pas le faire pour vous. Mentorbot travaille pour les membres de l'espace où il "
        "est installé.",
    },
    "error.form_not_opened": {
        "en": "Slack didn't let me open the form: it allows only a few seconds for it, or it is "
        "failing just now. Nothing was changed; please try again.",
        "fr": "Slack ne m'a pas laissé ouvrir le formulaire : il ne laisse que quelques secondes "
        "pour le faire, ou il a un souci en ce moment. Rien n'a été modifié ; réessayez.",
    },
    "error.dm_not_kept": {
        "en": "Slack couldn't tell me who you are just now, so I haven't kept your message. "
        "Please send it again in a moment.",
        "fr": "Slack n'a pas pu me dire à l'instant qui vous êtes : je n'ai pas gardé votre "
        "message. Renvoyez-le dans un instant.",
    },
    "error.profiles_unavailable": {
        "en": "Slack couldn't give me the profiles I need just now, so nothing was changed. "
        "Please try again in a moment.",
        "fr": "Slack n'a pas pu me donner à l'instant les profils dont j'ai besoin : rien n'a "
        "été modifié. Réessayez dans un instant.",
    },
    "error.unknown_person": {
        "en": "I don't know {who} in this workspace. Mention each person with @ and pick them "
        "in the list that opens as you type, e.g. `" + EXAMPLE_PAIR + "`.",
        "fr": "Je ne connais pas {who} dans cet espace. Mentionnez chaque personne avec @ en la "
        "choisissant dans la liste qui s'ouvre pendant la frappe, par ex. `"
        + EXAMPLE_PAIR_FR
        + "`.",
    },
    "error.too_many_people": {
        "en": "A message can name {most} people at most, and yours names {named}. Nothing was "
        "changed: please name fewer people.",
        "fr": "Un message peut nommer {most} personnes au plus, et le vôtre en nomme {named}. "
        "Rien n'a été modifié : nommez-en moins.",
    },
    "error.people_unchecked": {
        "en": "I couldn't check the people picked here with Slack in time. Nothing is lost: "
        "submit the form again in a moment.",
        "fr": "Je n'ai pas pu vérifier à temps auprès de Slack les personnes choisies ici. Rien "
        "n'est perdu : renvoyez le formulaire dans un instant.",
    },
    "error.bot_person": {
        "en": "{who} is a bot: a pair is made of two people, e.g. `" + EXAMPLE_PAIR + "`.",
        "fr": "{who} est un bot : un binôme, c'est deux personnes, par ex. `"
        + EXAMPLE_PAIR_FR
        + "`.",
    },
    "pair.usage": {
        "en": "Name the mentor, then the mentee, then the rhythm: `" + EXAMPLE_PAIR + "`. "
        "Or type `/mentor pair` alone to open a form.",
        "fr": "Nommez le mentor, puis la personne mentorée, puis le rythme : `"
        + EXAMPLE_PAIR_FR
        + "`. Ou tapez `/mentor binome` seul pour ouvrir un formulaire.",
    },
    "pair.same_person": {
        "en": "The mentor and the mentee must be two different people, e.g. `"
        + EXAMPLE_PAIR
        + "`.",
        "fr": "Le mentor et la personne mentorée doivent être deux personnes différentes, par "
        "ex. `" + EXAMPLE_PAIR_FR + "`.",
    },
    "pair.not_allowed": {
        "en": "Only one of the two people, or a programme admin, can create this pair. Ask one "
        "of them to type it, e.g. `" + EXAMPLE_PAIR + "`.",
        "fr": "Seule l'une des deux personnes, ou un administrateur du programme, peut créer "
        "ce binôme. Demandez à l'une d'elles de le taper, par ex. `" + EXAMPLE_PAIR_FR + "`.",
    },
    "pair.exists": {
        "en": "{mentor} and {mentee} are already a pair. See `/mentor pairs`.",
        "fr": "{mentor} et {mentee} forment déjà un binôme. Voir `/mentor binomes`.",
    },
    "pairs.none": {
        "en": "You are not in any mentoring pair yet. Create one with `" + EXAMPLE_PAIR + "`.",
        "fr": "Vous n'êtes dans aucun binôme pour l'instant. Créez-en un avec `"
        + EXAMPLE_PAIR_FR
        + "`.",
    },
    "pairs.title": {"en": "Your mentoring pairs", "fr": "Vos binômes de mentorat"},
    "pairs.row": {
        "en": "• {role} of {other} — {rhythm}. Next: {next}",
        "fr": "• {role} de {other} — {rhythm}. Prochaine : {next}",
    },
    "role.mentor.cap": {"en": "Mentor", "fr": "Mentor"},
    "role.mentee.cap": {"en": "Mentee", "fr": "Mentoré·e"},
    "pair.choose": {
        "en": "You are in several pairs: {pairs}. Add the other person's mention to choose, "
        "e.g. `/mentor {command} {example}`.",
        "fr": "Vous êtes dans plusieurs binômes : {pairs}. Ajoutez la mention de l'autre "
        "personne pour choisir, par ex. `/mentor {command} {example}`.",
    },
    "pair.not_member": {
        "en": "You are not in a pair with {who}. See your pairs with `/mentor pairs`.",
        "fr": "Vous n'êtes pas en binôme avec {who}. Voyez vos binômes avec `/mentor binomes`.",
    },
    "next.title": {"en": "Your next sessions", "fr": "Vos prochaines séances"},
    "next.row": {
        "en": "• *{when}* with {other} ({role}), {duration}, {format}",
        "fr": "• *{when!c}* avec {other} ({role}), {duration}, {format}",
    },
    "next.none": {"en": "not planned yet", "fr": "pas encore planifiée"},
    "next.agreement": {
        "en": "once you have both accepted the agreement",
        "fr": "quand vous aurez tous deux accepté l'accord",
    },
    "next.zone": {
        "en": "Times are in your time zone, {zone}.",
        "fr": "Heures dans votre fuseau, {zone}.",
    },
    "session.no_upcoming": {
        "en": "Your pair with {other} has no upcoming session.",
        "fr": "Votre binôme avec {other} n'a pas de séance à venir.",
    },
    "agenda.title": {"en": "Agenda for {when}", "fr": "Ordre du jour du {when}"},
    "agenda.with": {"en": "Session with {other}.", "fr": "Séance avec {other}."},
    "agenda.empty": {
        "en": "The agenda is empty. Add a topic: `/mentor agenda add Prepare my promotion case`.",
        "fr": "L'ordre du jour est vide. Ajoutez un sujet : `/mentor ordre-du-jour ajouter "
        "Préparer mon dossier de promotion`.",
    },
    "agenda.hint": {
        "en": "`/mentor agenda add …` · `/mentor agenda done 1` · `/mentor agenda remove 1`",
        "fr": "`/mentor ordre-du-jour ajouter …` · `/mentor ordre-du-jour fait 1` · "
        "`/mentor ordre-du-jour supprimer 1`",
    },
    "agenda.added": {
        "en": "Added to the agenda of {when}: {text}",
        "fr": "Ajouté à l'ordre du jour du {when} : {text}",
    },
    "agenda.already": {
        "en": "Already on the agenda of {when}: {text}",
        "fr": "Déjà à l'ordre du jour du {when} : {text}",
    },
    "agenda.marked_done": {"en": "Marked as done: {text}", "fr": "Marqué comme fait : {text}"},
    "agenda.removed": {"en": "Removed: {text}", "fr": "Supprimé : {text}"},
    "agenda.add.empty": {
        "en": "Say what to add, e.g. `/mentor agenda add Feedback on my presentation`.",
        "fr": "Dites quoi ajouter, par ex. `/mentor ordre-du-jour ajouter Retour sur ma "
        "présentation`.",
    },
    "agenda.add.too_long": {
        "en": {
            "one": "That topic is {length} characters long; please keep it to {count} character.",
            "other": "That topic is {length} characters long; please keep it to {count} "
            "characters.",
        },
        "fr": {
            "one": "Ce sujet fait {length} caractères ; merci de ne pas dépasser {count} "
            "caractère.",
            "other": "Ce sujet fait {length} caractères ; merci de ne pas dépasser {count} "
            "caractères.",
        },
    },
    "agenda.bad_number": {
        "en": "Give the number of an item between 1 and {last}, e.g. `/mentor agenda done 1`.",
        "fr": "Donnez le numéro d'un sujet entre 1 et {last}, par ex. `/mentor ordre-du-jour "
        "fait 1`.",
    },
    "agenda.no_items": {
        "en": "The agenda has no items yet: nothing to mark or remove.",
        "fr": "L'ordre du jour est vide : rien à marquer ni à supprimer.",
    },
    "agenda.unknown_action": {
        "en": "I don't know `{word}` for the agenda. Use `add`, `done` or `remove`, e.g. "
        "`/mentor agenda add Career options`.",
        "fr": "Je ne connais pas `{word}` pour l'ordre du jour. Utilisez `ajouter`, `fait` ou "
        "`supprimer`, par ex. `/mentor ordre-du-jour ajouter Options de carrière`.",
    },
    "skip.done": {
        "en": "Skipped the session of {when}. I told {other}. Next session: {next}.",
        "fr": "Séance du {when} annulée. J'ai prévenu {other}. Prochaine séance : {next}.",
    },
    "move.usage": {
        "en": "Give the new date and time in your time zone, e.g. `/mentor move 2026-12-10 18:30`.",
        "fr": "Donnez la nouvelle date et l'heure dans votre fuseau, par ex. `/mentor deplacer "
        "2026-12-10 18h30`.",
    },
    "move.past": {
        "en": "{when} is already past. Choose a time to come, e.g. `/mentor move {example}`.",
        "fr": "Le {when} est déjà passé. Choisissez un moment à venir, par ex. `/mentor deplacer "
        "{example}`.",
    },
    "move.too_far": {
        "en": "That is more than a year ahead. Pick a closer date, or skip this session.",
        "fr": "C'est à plus d'un an. Choisissez une date plus proche, ou annulez cette séance.",
    },
    "move.taken": {
        "en": "You already have a session together on {when}, for {duration}. Choose a time "
        "that does not overlap it; nothing was moved.",
        "fr": "Vous avez déjà une séance ensemble le {when}, pour {duration}. Choisissez un "
        "horaire qui ne la chevauche pas ; rien n'a été déplacé.",
    },
    "move.done": {
        "en": "Moved the session of {old} to *{new}*. I told {other}.",
        "fr": "Séance du {old} déplacée au *{new}*. J'ai prévenu {other}.",
    },
    "summary.usage": {
        "en": "Write the summary after the command, e.g. `/mentor summary Decided to apply for "
        "the lead role; Thomas sends his CV by 12/10`.",
        "fr": "Écrivez le compte-rendu après la commande, par ex. `/mentor compte-rendu Décidé "
        "de postuler au rôle de lead ; Thomas envoie son CV avant le 10/12`.",
    },
    "summary.too_long": {
        "en": {
            "one": "That summary is {length} characters long; please keep it to {count} character.",
            "other": "That summary is {length} characters long; please keep it to {count} "
            "characters.",
        },
        "fr": {
            "one": "Ce compte-rendu fait {length} caractères ; merci de ne pas dépasser {count} "
            "caractère.",
            "other": "Ce compte-rendu fait {length} caractères ; merci de ne pas dépasser "
            "{count} caractères.",
        },
    },
    "summary.no_session": {
        "en": "No session of your pair with {other} has ended yet, so there is nothing to "
        "summarise. After the session, reply to my message or type "
        "`/mentor summary We agreed that…`.",
        "fr": "Aucune séance de votre binôme avec {other} n'est encore terminée : rien à résumer. "
        "Après la séance, répondez à mon message ou tapez "
        "`/mentor compte-rendu Nous avons décidé…`.",
    },
    "summary.saved": {
        "en": "Saved as the summary of your session of {when}, and shared with {other}.",
        "fr": "Enregistré comme compte-rendu de votre séance du {when}, et partagé avec {other}.",
    },
    "summary.replaced": {
        "en": "Replaced the summary of your session of {when} (its open actions with it), and "
        "shared the new one with {other}.",
        "fr": "Compte-rendu de votre séance du {when} remplacé (ses actions en cours avec), et "
        "le nouveau partagé avec {other}.",
    },
    "digest.admins_only": {
        "en": "Only programme admins can subscribe channels to the digest.",
        "fr": "Seuls les administrateurs du programme peuvent abonner un canal à la synthèse.",
    },
    "digest.usage": {
        "en": "Name the channel: `/mentor digest #mentoring-leads` (add `tz Europe/Paris` or "
        "`lang fr` to choose its time zone or language), or `/mentor digest off "
        "#mentoring-leads`.",
        "fr": "Nommez le canal : `/mentor synthese #responsables-mentorat` (ajoutez "
        "`fuseau Europe/Paris` ou `langue en` pour choisir son fuseau ou sa langue), ou "
        "`/mentor synthese arret #responsables-mentorat`.",
    },
    "digest.subscribed": {
        "en": "{channel} will get the cadence digest every Monday at {at} ({zone}), in "
        "{language}. First one: {first}. It shows counts and dates only, never what pairs "
        "wrote.",
        "fr": "{channel} recevra la synthèse du rythme chaque lundi à {at} ({zone}), en "
        "{language}. Première : {first}. Elle ne montre que des nombres et des dates, jamais ce "
        "que les binômes ont écrit.",
    },
    "digest.unsubscribed": {
        "en": "{channel} will no longer get the digest.",
        "fr": "{channel} ne recevra plus la synthèse.",
    },
    "digest.not_subscribed": {
        "en": "{channel} was not subscribed to the digest.",
        "fr": "{channel} n'était pas abonné à la synthèse.",
    },
    "session.not_yours": {
        "en": "That session is not one of yours, so I cannot change it. See `/mentor pairs`.",
        "fr": "Cette séance n'est pas l'une des vôtres : je ne peux pas la modifier. Voir "
        "`/mentor binomes`.",
    },
    "session.not_upcoming": {
        "en": "That session is no longer upcoming (it was skipped, or it has started). See "
        "`/mentor next`.",
        "fr": "Cette séance n'est plus à venir (elle a été annulée, ou elle a commencé). Voir "
        "`/mentor prochaine`.",
    },
}
