"""Catalog entries for the agreement, changed terms, the trial question and the history."""

MESSAGES: dict[str, dict[str, str]] = {
    "pair.proposed": {
        "en": "Done: {mentor} mentors {mentee}, {rhythm}. First session: *{first}* (your time). "
        "I have sent the agreement to both by DM; reminders start once it is accepted by "
        "{waiting}.",
        "fr": "C'est fait : {mentor} accompagne {mentee}, {rhythm}. Première séance : *{first}* "
        "(votre heure). J'ai envoyé l'accord aux deux en message privé ; les rappels "
        "commenceront une fois l'accord accepté par {waiting}.",
    },
    "agreement.and": {"en": " and ", "fr": " et "},
    "agreement.title": {
        "en": "Your mentoring agreement",
        "fr": "Votre accord de mentorat",
    },
    "agreement.reminder.title": {
        "en": "Reminder: your mentoring agreement is waiting for you",
        "fr": "Rappel : votre accord de mentorat vous attend",
    },
    "agreement.role": {
        "en": "You are the *{role}* in a mentoring pair with {other}.",
        "fr": "Vous êtes *{role}* dans un binôme de mentorat avec {other}.",
    },
    "agreement.trial": {
        "en": "*Trial:* the first {n} sessions; then I ask each of you, privately, whether to "
        "continue, adjust or stop.",
        "fr": "*Période d'essai :* les {n} premières séances ; ensuite je demande à chacun, en "
        "privé, s'il faut continuer, ajuster ou arrêter.",
    },
    "agreement.end": {
        "en": "*Planned end:* {date} (you can end sooner, or change it).",
        "fr": "*Fin prévue :* {date} (vous pouvez arrêter plus tôt, ou la changer).",
    },
    "agreement.no_end": {
        "en": "*Planned end:* none set.",
        "fr": "*Fin prévue :* aucune.",
    },
    "agreement.confidentiality": {
        "en": "*Confidentiality:* agenda, summaries, actions and goals are read by the two of "
        "you only; programme leads see only whether sessions take place.",
        "fr": "*Confidentialité :* ordre du jour, comptes-rendus, actions et objectifs ne sont "
        "lus que par vous deux ; les responsables du programme voient seulement si les "
        "séances ont lieu.",
    },
    "agreement.waiting": {
        "en": "You accepted these terms. Waiting for {other}: I will tell you when reminders "
        "start.",
        "fr": "Vous avez accepté ces conditions. En attente de {other} : je vous dirai quand les "
        "rappels commencent.",
    },
    "agreement.ask": {
        "en": "Do these terms suit you? Accept them, or propose a change to {other}.",
        "fr": "Ces conditions vous conviennent-elles ? Acceptez-les, ou proposez un changement "
        "à {other}.",
    },
    "agreement.ask.other_accepted": {
        "en": "{other} has accepted these terms. Accept them too, or propose a change.",
        "fr": "{other} a accepté ces conditions. Acceptez-les aussi, ou proposez un changement.",
    },
    "button.accept": {"en": "Accept", "fr": "Accepter"},
    "button.propose_change": {"en": "Propose a change", "fr": "Proposer un changement"},
    "agreement.accepted.waiting": {
        "en": "Thank you, your acceptance is recorded. Reminders start once {other} has "
        "accepted too.",
        "fr": "Merci, votre accord est enregistré. Les rappels commenceront quand {other} aura "
        "accepté aussi.",
    },
    "agreement.accepted.started": {
        "en": "Thank you: you have both accepted, your pair with {other} has started. I have "
        "sent you both the first session.",
        "fr": "Merci : vous avez accepté tous les deux, votre binôme avec {other} commence. Je "
        "vous ai envoyé la première séance.",
    },
    "agreement.already_accepted": {
        "en": "You have already accepted; still waiting for {other}.",
        "fr": "Vous avez déjà accepté ; on attend encore {other}.",
    },
    "agreement.already_started": {
        "en": "Your pair with {other} has already started: nothing more to accept.",
        "fr": "Votre binôme avec {other} a déjà commencé : plus rien à accepter.",
    },
    "agreement.started": {
        "en": "You have both accepted the agreement: your mentoring pair with {other} starts.",
        "fr": "Vous avez accepté l'accord tous les deux : votre binôme avec {other} commence.",
    },
    "agreement.started.admin": {
        "en": "{mentor} and {mentee} have both accepted their agreement: their pair has started.",
        "fr": "{mentor} et {mentee} ont tous deux accepté leur accord : leur binôme a commencé.",
    },
    "agreement.pending_row": {
        "en": "• {role} of {other} — {rhythm}. Waiting for {waiting} to accept the agreement.",
        "fr": "• {role} de {other} — {rhythm}. En attente de l'accord de {waiting}.",
    },
    "agreement.not_started": {
        "en": "Your pair with {other} starts once you have both accepted the agreement I sent "
        "by DM; sessions and their agenda come then. `/mentor pairs` shows who is still to "
        "answer.",
        "fr": "Votre binôme avec {other} commence quand vous aurez tous deux accepté l'accord "
        "envoyé en message privé ; les séances et leur ordre du jour viendront alors. "
        "`/mentor binomes` montre qui doit encore répondre.",
    },
    "pairs.you": {"en": "you", "fr": "vous"},
    "terms.proposed": {
        "en": "Your proposal is sent to {other}; reminders start once you have both accepted "
        "the same terms.",
        "fr": "Votre proposition est envoyée à {other} ; les rappels commenceront quand vous "
        "aurez tous deux accepté les mêmes conditions.",
    },
    "terms.applied": {
        "en": "Done: your pair with {other} now meets {rhythm}. The sessions ahead are "
        "re-planned and their agenda kept; I have told {other}.",
        "fr": "C'est fait : votre binôme avec {other} se retrouve désormais {rhythm}. Les "
        "séances à venir sont replanifiées, leur ordre du jour conservé ; j'ai prévenu {other}.",
    },
    "terms.changed": {
        "en": "{other} changed the terms of your pair. Here they are now:",
        "fr": "{other} a changé les conditions de votre binôme. Les voici :",
    },
    "form.terms.title": {"en": "Terms of the pair", "fr": "Conditions du binôme"},
    "form.terms.label": {
        "en": "The terms of your pair with {other}. Changes before the start go back to "
        "{other} for acceptance; once started, they apply at once.",
        "fr": "Les conditions de votre binôme avec {other}. Avant le début, un changement "
        "revient à {other} pour accord ; ensuite, il s'applique tout de suite.",
    },
    "form.terms.trial": {"en": "Trial period", "fr": "Période d'essai"},
    "form.terms.trial.option": {"en": "First {n} sessions", "fr": "{n} premières séances"},
    "form.terms.end": {"en": "Planned end", "fr": "Fin prévue"},
    "form.terms.end.hint": {
        "en": "Empty: no planned end. The pair ends by itself that day.",
        "fr": "Vide : pas de fin prévue. Le binôme se termine de lui-même ce jour-là.",
    },
    "form.terms.start.hint": {
        "en": "Empty: the next possible day.",
        "fr": "Vide : le prochain jour possible.",
    },
    "form.terms.end_before_start": {
        "en": "The planned end must come after the first session.",
        "fr": "La fin prévue doit venir après la première séance.",
    },
    "trial.title": {"en": "How is it going?", "fr": "Comment ça se passe ?"},
    "trial.question": {
        "en": "You have had your first {n} sessions with {other}: that was the trial period. "
        "Would you like to continue as you are, adjust the rhythm or format, or stop here?",
        "fr": "Vous avez eu vos {n} premières séances avec {other} : c'était la période "
        "d'essai. Voulez-vous continuer ainsi, ajuster le rythme ou le format, ou arrêter ici ?",
    },
    "trial.private": {
        "en": "Your answer is private: {other} is not told what you chose, only what changes.",
        "fr": "Votre réponse est privée : {other} ne sait pas ce que vous avez choisi, seulement "
        "ce qui change.",
    },
    "button.trial.continue": {"en": "Continue", "fr": "Continuer"},
    "button.trial.adjust": {"en": "Adjust", "fr": "Ajuster"},
    "button.trial.stop": {"en": "Stop", "fr": "Arrêter"},
    "trial.continued": {
        "en": "Noted: you would like to continue with {other}. Nothing else to do.",
        "fr": "C'est noté : vous souhaitez continuer avec {other}. Rien d'autre à faire.",
    },
    "trial.both_continue": {
        "en": "Noted: you both want to continue. Nothing changes; see you at the next session.",
        "fr": "C'est noté : vous voulez continuer tous les deux. Rien ne change ; bonne "
        "prochaine séance.",
    },
    "trial.stopping": {
        "en": "That is all right: a trial is there to find out, and stopping early is a fair "
        "outcome. If you are sure, end the pair below: {other} gets a kind closing message, "
        "and nothing you wrote is lost. You can also talk it over first.",
        "fr": "C'est tout à fait légitime : l'essai sert à le savoir, et arrêter tôt est une "
        "issue honnête. Si vous êtes sûr·e, terminez le binôme ci-dessous : {other} recevra un "
        "message de clôture bienveillant, et rien de ce que vous avez écrit n'est perdu. Vous "
        "pouvez aussi en parler d'abord.",
    },
    "trial.adjust.other": {
        "en": "{other} would like to adjust your rhythm or format after the trial. Talk about "
        "it at your next session, or propose new terms now.",
        "fr": "{other} aimerait ajuster votre rythme ou votre format après l'essai. Parlez-en à "
        "votre prochaine séance, ou proposez de nouvelles conditions dès maintenant.",
    },
    "history.title": {"en": "Your mentoring history", "fr": "Votre historique de mentorat"},
    "history.row": {
        "en": "{n}. {role} of {other} — {since} → {until}: {held} sessions held, {summaries} "
        "summaries",
        "fr": "{n}. {role} de {other} — {since} → {until} : {held} séances tenues, {summaries} "
        "comptes-rendus",
    },
    "history.ongoing": {"en": "ongoing", "fr": "en cours"},
    "history.hint": {
        "en": "Read one with `/mentor history 1`. Only the two members of a pair can.",
        "fr": "Lisez-en un avec `/mentor historique 1`. Seuls les deux membres d'un binôme le "
        "peuvent.",
    },
    "history.bad_number": {
        "en": "Give the number of a pair from `/mentor history` (1 to {count}).",
        "fr": "Donnez le numéro d'un binôme de `/mentor historique` (1 à {count}).",
    },
    "history.pair_title": {
        "en": "Your sessions with {other}",
        "fr": "Vos séances avec {other}",
    },
    "history.no_summary": {"en": "(no summary)", "fr": "(pas de compte-rendu)"},
    "history.summary_erased": {"en": "(summary erased)", "fr": "(compte-rendu effacé)"},
    "history.kept_until": {
        "en": "This pair has ended: what it holds stays readable by the two of you until {date}, "
        "then it is erased; only the dates and counts of its sessions remain.",
        "fr": "Ce binôme est terminé : son contenu reste lisible par vous deux jusqu'au {date}, "
        "puis il est effacé ; seules les dates et le nombre de ses séances restent.",
    },
    "history.erased": {
        "en": "What this pair held was erased on {date}, as planned when it ended; the dates "
        "and counts of its sessions remain.",
        "fr": "Le contenu de ce binôme a été effacé le {date}, comme prévu à sa fin ; les dates "
        "et le nombre de ses séances restent.",
    },
    "history.nothing": {
        "en": "No session was held yet.",
        "fr": "Aucune séance n'a encore eu lieu.",
    },
    "history.more": {
        "en": "Showing the last {shown} of {count} sessions.",
        "fr": "Voici les {shown} dernières séances sur {count}.",
    },
    "ending.soon.title": {
        "en": "The planned end of your mentoring pair is near",
        "fr": "La fin prévue de votre binôme approche",
    },
    "ending.soon": {
        "en": "Your pair with {other} ends on {date}, as planned. That day I will invite you "
        "both to a short retrospective. If you both want to go on, propose a later end date "
        "(it applies at once; tell {other} first).",
        "fr": "Votre binôme avec {other} se termine le {date}, comme prévu. Ce jour-là, je vous "
        "inviterai tous deux à un court bilan. Si vous voulez continuer, proposez une date de "
        "fin plus tardive (elle s'applique tout de suite ; prévenez {other} d'abord).",
    },
}
