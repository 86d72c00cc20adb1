"""Catalog entries for the agreement, changed terms, the trial question and the history."""

from bot.catalog.entry import Entry

MESSAGES: dict[str, Entry] = {
    "pair.proposed": {
        "en": "Done: {mentor} mentors {mentee}, {rhythm}. First session: *{first}*. "
        "I have sent the agreement to both by DM; reminders start once it is accepted by "
        "{waiting}.",
        "fr": "C'est fait : {mentor} accompagne {mentee}, {rhythm}. Première séance : *{first}*. "
        "J'ai envoyé l'accord aux deux en message privé ; les rappels "
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
        "en": {
            "one": "*Trial:* the first session; then I ask each of you, privately, whether to "
            "continue, adjust or stop.",
            "other": "*Trial:* the first {count} sessions; then I ask each of you, privately, "
            "whether to continue, adjust or stop.",
        },
        "fr": {
            "one": "*Période d'essai :* la première séance ; ensuite je demande à chacun, en "
            "privé, s'il faut continuer, ajuster ou arrêter.",
            "other": "*Période d'essai :* les {count} premières séances ; ensuite je demande à "
            "chacun, en privé, s'il faut continuer, ajuster ou arrêter.",
        },
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
        "sent you both the date of the first session.",
        "fr": "Merci : vous avez accepté tous les deux, votre binôme avec {other} commence. Je "
        "vous ai envoyé à tous les deux la date de la première séance.",
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
    "terms.proposed": {
        "en": "Your proposal is sent to {other}; reminders start once you have both accepted "
        "the same terms.",
        "fr": "Votre proposition est envoyée à {other} ; les rappels commenceront quand vous "
        "aurez tous deux accepté les mêmes conditions.",
    },
    "form.terms.title": {"en": "Terms of the pair", "fr": "Conditions du binôme"},
    "form.terms.trial": {"en": "Trial period", "fr": "Période d'essai"},
    "form.terms.trial.option": {
        "en": {"one": "First session", "other": "First {count} sessions"},
        "fr": {"one": "Première séance", "other": "{count} premières séances"},
    },
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
        "en": {
            "one": "You have had your first session with {other}: that was the trial period. "
            "Would you like to continue as you are, adjust the rhythm or format, or stop here?",
            "other": "You have had your first {count} sessions with {other}: that was the trial "
            "period. Would you like to continue as you are, adjust the rhythm or format, or stop "
            "here?",
        },
        "fr": {
            "one": "Vous avez eu votre première séance avec {other} : c'était la période "
            "d'essai. Voulez-vous continuer ainsi, ajuster le rythme ou le format, ou arrêter "
            "ici ?",
            "other": "Vous avez eu vos {count} premières séances avec {other} : c'était la "
            "période d'essai. Voulez-vous continuer ainsi, ajuster le rythme ou le format, ou "
            "arrêter ici ?",
        },
    },
    "button.trial.continue": {"en": "Continue", "fr": "Continuer"},
    "button.trial.adjust": {"en": "Adjust", "fr": "Ajuster"},
    "button.trial.stop": {"en": "Stop", "fr": "Arrêter"},
    "history.title": {"en": "Your mentoring history", "fr": "Votre historique de mentorat"},
    "history.row": {
        "en": "{n}. {role} of {other} — {since} → {until}: {held}, {summaries}",
        "fr": "{n}. {role} de {other} — {since} → {until} : {held}, {summaries}",
    },
    "history.ongoing": {"en": "ongoing", "fr": "en cours"},
    "history.hint": {
        "en": "Read one with `/mentor history 1`. Only the two members of a pair can.",
        "fr": "Lisez-en un avec `/mentor historique 1`. Seuls les deux membres d'un binôme le "
        "peuvent.",
    },
    "history.bad_number": {
        "en": "Give the number of a pair from `/mentor history` (1 to {last}).",
        "fr": "Donnez le numéro d'un binôme de `/mentor historique` (1 à {last}).",
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
        "en": {
            "one": "Showing the last session of {total}.",
            "other": "Showing the last {count} of {total} sessions.",
        },
        "fr": {
            "one": "Voici la dernière séance sur {total}.",
            "other": "Voici les {count} dernières séances sur {total}.",
        },
    },
    "ending.soon.title": {
        "en": "The planned end of your mentoring pair is near",
        "fr": "La fin prévue de votre binôme approche",
    },
    "trial.private": {
        "en": "Your answer is private: neither of you is told what the other chose. Once you "
        "have both answered, or two weeks from now, I tell you both what follows, without "
        "saying who chose what: any *Stop* ends the pair, otherwise any *Adjust* lets you "
        "propose new terms, otherwise your pair goes on.",
        "fr": "Votre réponse est privée : aucun de vous deux ne sait ce que l'autre a choisi. "
        "Quand vous aurez répondu tous les deux, ou dans deux semaines, je vous dirai à tous "
        "deux ce qui suit, sans dire qui a choisi quoi : un *Arrêter* met fin au binôme, sinon "
        "un *Ajuster* vous permet de proposer de nouvelles conditions, sinon votre binôme "
        "continue.",
    },
    "trial.noted": {
        "en": "Noted: *{choice}*. Your answer stays private. Once you have both answered (by "
        "{date} at the latest), I tell you both what follows, without saying who chose what. "
        "You can change your answer until then.",
        "fr": "C'est noté : *{choice}*. Votre réponse reste privée. Quand vous aurez répondu "
        "tous les deux (au plus tard le {date}), je vous dirai à tous deux ce qui suit, sans "
        "dire qui a choisi quoi. Vous pouvez changer d'avis d'ici là.",
    },
    "trial.not_asked": {
        "en": "The trial question comes after your first sessions; nothing to answer yet.",
        "fr": "La question de l'essai vient après vos premières séances ; rien à répondre pour "
        "l'instant.",
    },
    "trial.settled": {
        "en": "The trial period is over and its outcome was sent to you both: nothing more to "
        "answer.",
        "fr": "La période d'essai est terminée et sa conclusion vous a été envoyée à tous deux : "
        "plus rien à répondre.",
    },
    "trial.outcome.title": {
        "en": "Your trial period is over",
        "fr": "Votre période d'essai est terminée",
    },
    "trial.outcome.continue": {
        "en": "Your trial period with {other} is over: your pair goes on as agreed. See you at "
        "the next session.",
        "fr": "Votre période d'essai avec {other} est terminée : votre binôme continue comme "
        "convenu. Bonne prochaine séance.",
    },
    "trial.outcome.adjust": {
        "en": "Your trial period with {other} is over: your pair goes on, and your answers "
        "call for a change of terms (rhythm, format, planned end…). Either of you may propose "
        "new terms below; they apply once the other accepts them. Until then, nothing changes.",
        "fr": "Votre période d'essai avec {other} est terminée : votre binôme continue, et vos "
        "réponses appellent un changement de conditions (rythme, format, fin prévue…). L'un "
        "ou l'autre peut proposer de nouvelles conditions ci-dessous ; elles s'appliquent "
        "quand l'autre les accepte. D'ici là, rien ne change.",
    },
    "end.body.trial": {
        "en": "Your trial period with {other} is over, and your pair ends here. Finding out is "
        "what a trial is for, and this is a fair outcome; neither of you is told who chose "
        "what. What you wrote stays readable by the two of you (`/mentor history`).",
        "fr": "Votre période d'essai avec {other} est terminée, et votre binôme s'arrête ici. "
        "L'essai sert à le savoir, et c'est une issue honnête ; aucun de vous deux ne sait qui "
        "a choisi quoi. Ce que vous avez écrit reste lisible par vous deux "
        "(`/mentor historique`).",
    },
    "form.terms.label": {
        "en": "The terms of your pair with {other}. A change goes to {other} and applies once "
        "{other} accepts it; until then your current terms and sessions hold.",
        "fr": "Les conditions de votre binôme avec {other}. Un changement est envoyé à {other} "
        "et s'applique quand {other} l'accepte ; d'ici là, vos conditions et séances actuelles "
        "restent.",
    },
    "terms.proposed.started": {
        "en": "Your proposal is sent to {other}. Until {other} accepts it, your current terms "
        "and sessions hold. Without an answer I remind {other} once in 3 days; the proposal "
        "lapses on {date}.",
        "fr": "Votre proposition est envoyée à {other}. Tant que {other} ne l'a pas acceptée, "
        "vos conditions et séances actuelles restent. Sans réponse, je le rappelle une fois à "
        "{other} dans 3 jours ; la proposition devient caduque le {date}.",
    },
    "terms.unchanged": {
        "en": "These are your terms already: nothing to propose.",
        "fr": "Ce sont déjà vos conditions : rien à proposer.",
    },
    "terms.proposal.title": {
        "en": "{proposer} proposes new terms for your pair",
        "fr": "{proposer} propose de nouvelles conditions pour votre binôme",
    },
    "terms.reminder.title": {
        "en": "Reminder: {proposer} is still waiting for your answer about new terms",
        "fr": "Rappel : {proposer} attend toujours votre réponse sur de nouvelles conditions",
    },
    "terms.proposal.body": {
        "en": "{proposer} proposes to change the terms of your pair. Until you accept, your "
        "current terms and the sessions planned with them stay.",
        "fr": "{proposer} propose de changer les conditions de votre binôme. Tant que vous "
        "n'avez pas accepté, vos conditions actuelles et les séances prévues restent.",
    },
    "terms.compare.heading": {
        "en": "Now → proposed",
        "fr": "Actuellement → proposé",
    },
    "terms.label.rhythm": {"en": "Rhythm", "fr": "Rythme"},
    "terms.no_end": {"en": "none", "fr": "aucune"},
    "terms.line.changed": {
        "en": "*{label}:* {old} → *{new}*",
        "fr": "*{label} :* {old} → *{new}*",
    },
    "terms.line.same": {
        "en": "*{label}:* {old} (unchanged)",
        "fr": "*{label} :* {old} (inchangé)",
    },
    "terms.next": {
        "en": "*Next session:* {when}",
        "fr": "*Prochaine séance :* {when}",
    },
    "terms.proposal.ask": {
        "en": "Accept, decline, or propose something else to {proposer}. Without an answer "
        "the proposal lapses on {date} and nothing changes.",
        "fr": "Acceptez, refusez, ou proposez autre chose à {proposer}. Sans réponse, la "
        "proposition devient caduque le {date} et rien ne change.",
    },
    "button.terms.accept": {"en": "Accept the new terms", "fr": "Accepter"},
    "button.terms.decline": {"en": "Decline", "fr": "Refuser"},
    "button.terms.counter": {"en": "Propose something else", "fr": "Proposer autre chose"},
    "terms.proposal.own": {
        "en": "You made this proposal yourself: it is for {other} to answer it.",
        "fr": "Vous avez fait cette proposition vous-même : c'est à {other} d'y répondre.",
    },
    "terms.proposal.replaced": {
        "en": "This proposal was replaced by a newer one: answer that one.",
        "fr": "Cette proposition a été remplacée par une plus récente : répondez à celle-ci.",
    },
    "terms.proposal.answered": {
        "en": "This proposal was already answered.",
        "fr": "Il a déjà été répondu à cette proposition.",
    },
    "terms.proposal.lapsed": {
        "en": "This proposal has lapsed: your terms stay as they were. Either of you may "
        "propose new terms again.",
        "fr": "Cette proposition est caduque : vos conditions restent les mêmes. L'un ou l'autre "
        "peut en proposer de nouvelles.",
    },
    "terms.applied": {
        "en": "Done: your pair with {other} now holds the new terms below. The sessions ahead "
        "are re-planned and their agenda kept; I have told {other}.",
        "fr": "C'est fait : votre binôme avec {other} suit désormais les nouvelles conditions "
        "ci-dessous. Les séances à venir sont replanifiées, leur ordre du jour conservé ; j'ai "
        "prévenu {other}.",
    },
    "terms.declined.done": {
        "en": "Noted: the terms stay as they were. I have told {other}; you can talk it over at "
        "your next session.",
        "fr": "C'est noté : les conditions restent les mêmes. J'ai prévenu {other} ; vous "
        "pourrez en parler à votre prochaine séance.",
    },
    "terms.accepted": {
        "en": "{other} accepted the terms you proposed; they apply from now on:",
        "fr": "{other} a accepté les conditions que vous avez proposées ; elles s'appliquent "
        "dès maintenant :",
    },
    "terms.declined": {
        "en": "{other} declined the terms you proposed: your terms stay as they were. You can "
        "talk it over at your next session.",
        "fr": "{other} a refusé les conditions que vous avez proposées : vos conditions restent "
        "les mêmes. Vous pourrez en parler à votre prochaine séance.",
    },
    "terms.lapsed": {
        "en": "The new terms {other} proposed on {date} were not answered and have lapsed: "
        "your terms stay as they were.",
        "fr": "Les nouvelles conditions proposées par {other} le {date} sont restées sans "
        "réponse et sont caduques : vos conditions restent les mêmes.",
    },
    "terms.lapsed.mine": {
        "en": "{other} did not answer the new terms you proposed on {date}; the proposal has "
        "lapsed and your terms stay as they were.",
        "fr": "{other} n'a pas répondu aux nouvelles conditions que vous avez proposées le "
        "{date} ; la proposition est caduque et vos conditions restent les mêmes.",
    },
    "ending.soon": {
        "en": "Your pair with {other} ends on {date}, as planned. That day I will invite you "
        "both to a short retrospective. If you both want to go on, propose a later end date: "
        "it applies once {other} accepts it.",
        "fr": "Votre binôme avec {other} se termine le {date}, comme prévu. Ce jour-là, je vous "
        "inviterai tous deux à un court bilan. Si vous voulez continuer, proposez une date de "
        "fin plus tardive : elle s'applique quand {other} l'accepte.",
    },
}
