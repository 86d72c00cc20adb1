"""The agreement before the start, the trial question after it, and the planned end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, MENTEE, MENTOR, OUTSIDER
from tests.integration.form_states import terms_state
from tests.integration.harness import RunningBot, action_ids, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def with_button(fake: FakeSlack, user: str, action_id: str) -> dict[str, Any]:
    """The latest message to `user` that carries the button `action_id`."""
    return fake.wait_for(lambda: [m for m in fake.messages_to(user) if action_id in action_ids(m)])[
        -1
    ]


def press(running: RunningBot, user: str, action_id: str) -> dict[str, Any]:
    """`user` presses `action_id` on their latest message with it; the ephemeral answer."""
    response, name = running.press(user, with_button(running.fake, user, action_id), action_id)
    assert response.status_code == 200, response.text
    return running.fake.wait_for(lambda: running.fake.responses(name))[-1]


def test_reminders_start_only_once_both_accepted(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    proposed = text_of(running.answer(MENTEE, PAIR))
    assert f"accepted by <@{MENTOR}>" in proposed
    running.settle()
    card = with_button(fake, MENTOR, "agreement.accept")
    read = text_of(card)
    for term in ("chaque semaine le jeudi à 18h00", "3 premières séances", "Fin prévue", "2027"):
        assert term in read
    assert "Confidentialité" in read
    # Thomas proposed it, so he has accepted; he is shown who has not answered yet.
    assert "agreement.accept" not in action_ids(fake.messages_to(MENTEE)[0])
    assert f"<@{MENTOR}>" in text_of(running.answer(MENTEE, "pairs"))
    assert "Waiting" in text_of(running.answer(MENTEE, "pairs"))
    assert "accept" in text_of(running.answer(MENTEE, "agenda add Budget")).lower()

    # No reminder while Claire has not answered; one reminder of the agreement after 3 days.
    clock.set(REMINDER_AT)
    running.dispatch()
    assert not [m for m in dms(fake, MENTOR) if "demain" in m]
    clock.set(datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    reminded = [m for m in dms(fake, MENTOR) if "Rappel : votre accord" in m]
    assert len(reminded) == 1
    assert not [m for m in dms(fake, MENTEE) if "Reminder: your mentoring agreement" in m]

    # Claire accepts: both are told the first session, and reminders start.
    accepted = text_of(press(running, MENTOR, "agreement.accept"))
    assert "vous avez accepté tous les deux" in accepted
    running.settle()
    # The first session is tonight: announced, without a belated "tomorrow" reminder.
    started = dms(fake, MENTEE)[-1]
    assert "starts" in started and "Thursday 3 December 2026, 12:00" in started
    assert "déjà commencé" in text_of(press(running, MENTOR, "agreement.accept"))
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    running.dispatch()
    assert [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m]
    assert [m for m in dms(fake, MENTOR) if "Séance de mentorat demain" in m]


def test_a_change_of_terms_goes_back_to_the_other_member(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.answer(MENTEE, PAIR)
    running.settle()
    response, _ = running.press(
        MENTOR, with_button(fake, MENTOR, "agreement.change"), "agreement.change"
    )
    assert response.status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.response["ok"], opened.response
    view = opened.args["view"]
    assert view["callback_id"] == "terms"
    initial = {
        block["block_id"]: block["element"].get("initial_option", {}).get("value")
        for block in view["blocks"]
        if block["type"] == "input" and block["element"]["type"] == "static_select"
    }
    assert initial == {
        "frequency": "1w",
        "weekday": "3",
        "duration": "60",
        "format": "video",
        "trial": "3",
    }

    values = terms_state(
        frequency="2w",
        weekday="1",
        at="08:30",
        duration="45",
        meeting_format="phone",
        trial="2",
        end="2026-12-01",
    )
    bad = running.submit(MENTOR, view, values)
    assert bad["response_action"] == "errors" and set(bad["errors"]) == {"end"}
    values["end"] = {"end": signing.datepicker("2027-06-30")}
    assert running.submit(MENTOR, view, values) == {}
    running.settle()

    # Thomas gets the new terms to accept; Claire, who proposed them, has accepted.
    card = text_of(with_button(fake, MENTEE, "agreement.accept"))
    assert "every 2 weeks on Tuesday at 08:30" in card and "by phone" in card
    assert "First 2 sessions" in card and "30 June 2027" in card
    # Who changed what: the terms before beside the terms now.
    assert f"<@{MENTOR}> changed the terms before the start" in card and "Before → now" in card
    assert "every week on Thursday at 18:00" in card
    assert "→ *every 2 weeks on Tuesday at 08:30" in card and "First 3 sessions →" in card
    assert "Vous avez accepté ces conditions" in dms(fake, MENTOR)[-1]
    assert "you have both accepted" in text_of(press(running, MENTEE, "agreement.accept"))
    running.settle()
    # Tomorrow's Tuesday is too soon for terms still to be accepted: the next one.
    assert "Tuesday 8 December 2026" in dms(fake, MENTEE)[-1]


def test_an_admin_pair_waits_for_both_and_the_admin_is_told(
    running: RunningBot, fake: FakeSlack
) -> None:
    proposed = text_of(running.answer(ADMIN, PAIR))
    assert f"<@{MENTOR}> and <@{MENTEE}>" in proposed
    running.settle()
    # Each card names the admin who proposed the pair, in its reader's language.
    assert f"Proposed by <@{ADMIN}>." in text_of(with_button(fake, MENTEE, "agreement.accept"))
    assert f"Proposé par <@{ADMIN}>." in text_of(with_button(fake, MENTOR, "agreement.accept"))
    press(running, MENTOR, "agreement.accept")
    assert "start" not in " ".join(dms(fake, ADMIN))
    press(running, MENTEE, "agreement.accept")
    running.settle()
    [told] = fake.wait_for(lambda: dms(fake, ADMIN))
    assert "have both accepted" in told
    # Someone else's card cannot be accepted by an outsider.
    card = with_button(fake, MENTEE, "agreement.accept")
    response, name = running.press(OUTSIDER, card, "agreement.accept")
    assert response.status_code == 200
    assert "not one of your" in text_of(fake.wait_for(lambda: fake.responses(name))[-1])


def test_the_trial_question_after_three_sessions(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    # A trial answer forged before the question is asked changes nothing.
    forged = {
        "blocks": [{"type": "actions", "elements": [{"action_id": "trial.stop", "value": "1"}]}]
    }
    response, name = running.press(MENTEE, forged, "trial.stop")
    assert response.status_code == 200
    assert "nothing to answer yet" in text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    # Sessions on 3, 10 and 17 December; the question comes a day after the third one.
    clock.set(datetime(2026, 12, 17, 18, 30, tzinfo=UTC))
    running.dispatch()
    clock.set(datetime(2026, 12, 18, 17, 59, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "How is it going?" in m]
    clock.set(datetime(2026, 12, 18, 18, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    asked = [m for m in dms(fake, MENTEE) if "How is it going?" in m]
    assert len(asked) == 1 and "first 3 sessions" in asked[0]
    assert len([m for m in dms(fake, MENTOR) if "Comment ça se passe" in m]) == 1

    # Claire continues, Thomas would adjust: each is only told their answer is noted; once both
    # answered, both hear the same outcome — terms may change — and neither who asked for it.
    noted = text_of(press(running, MENTOR, "trial.continue"))
    assert "Continuer" in noted and "privée" in noted
    running.settle()
    assert not [m for m in dms(fake, MENTEE) if "trial period is over" in m]
    noted = text_of(press(running, MENTEE, "trial.adjust"))
    assert "Adjust" in noted and "private" in noted
    assert not fake.calls("views.open")
    running.settle()
    for user, over in ((MENTOR, "période d'essai avec"), (MENTEE, "trial period with")):
        [outcome] = [m for m in fake.messages_to(user) if over in text_of(m)]
        assert "agreement.change" in action_ids(outcome)
    assert "your answers call for a change of terms" in dms(fake, MENTEE)[-1]

    # Thomas proposes a new rhythm from it: Claire is asked, and accepts; Thomas is told.
    response, _ = running.press(
        MENTEE, with_button(fake, MENTEE, "agreement.change"), "agreement.change"
    )
    assert response.status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.args["view"]["callback_id"] == "terms"
    view = opened.args["view"]
    values = terms_state(frequency="2w", start="2026-12-31")
    assert running.submit(MENTEE, view, values) == {}
    running.settle()
    proposed = text_of(with_button(fake, MENTOR, "terms.accept"))
    assert "propose de changer" in proposed and "toutes les 2 semaines" in proposed
    assert "aucune" in proposed and "jeudi 24 décembre 2026" in proposed
    assert "toutes les 2 semaines" in text_of(press(running, MENTOR, "terms.accept"))
    running.settle()
    accepted = dms(fake, MENTEE)[-1]
    assert "accepted the terms you proposed" in accepted and "every 2 weeks" in accepted
    assert "Next session:* Thursday 31 December 2026" in accepted


def test_stopping_after_the_trial_offers_a_kind_end(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 18, 18, 0, tzinfo=UTC))
    running.dispatch()
    assert "ne sait ce que l'autre a choisi" in next(
        m for m in dms(fake, MENTOR) if "Comment ça se passe" in m
    )
    assert "Stop" in text_of(press(running, MENTEE, "trial.stop"))
    assert "Continuer" in text_of(press(running, MENTOR, "trial.continue"))
    running.settle()
    # Both get the same kind closing message; it names no one's choice.
    [ended] = [m for m in dms(fake, MENTEE) if "has ended" in m]
    assert "trial period with <@UCLAIRE> is over, and your pair ends here" in ended
    assert "fair outcome" in ended and "retrospective" in ended
    [ended] = [m for m in dms(fake, MENTOR) if "est terminé" in m]
    assert "votre binôme s'arrête ici" in ended and "issue honnête" in ended
    assert "not in any mentoring pair" in text_of(running.answer(MENTEE, "pairs"))


def test_the_planned_end_ends_the_pair_and_stops_reminders(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    # The default planned end is twelve months after the first session (3 December 2027).
    clock.set(datetime(2027, 11, 26, 8, 0, tzinfo=UTC))
    running.dispatch()
    assert "Thursday 2 December 2027" in text_of(running.answer(MENTEE, "next"))
    clock.set(datetime(2027, 12, 2, 20, 0, tzinfo=UTC))
    running.dispatch()
    assert "December 2027" not in text_of(running.answer(MENTEE, "next"))
    clock.set(datetime(2027, 12, 2, 23, 0, tzinfo=UTC))
    running.dispatch()
    ended = [m for m in dms(fake, MENTEE) if "reached the end you planned" in m]
    assert len(ended) == 1 and "retrospective" in ended[0]
    assert "you could mentor someone now" in ended[0]
    fake.reset()
    clock.advance(timedelta(days=30))
    running.dispatch()
    assert fake.messages_to(MENTEE) == [] and fake.messages_to(MENTOR) == []
    assert "not in any mentoring pair" in text_of(running.answer(MENTEE, "pairs"))


def test_history_stays_readable_by_the_two_members_only(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 3, 18, 5, tzinfo=UTC))
    running.dispatch()
    response, _ = running.dm(MENTEE, "We agreed on the Lisbon plan.")
    assert response.status_code == 200
    fake.wait_for(lambda: [m for m in dms(fake, MENTOR) if "Lisbon" in m])
    assert "terminé" in text_of(running.answer(MENTOR, "terminer confirmer"))

    listed = text_of(running.answer(MENTEE, "history"))
    assert "1 session held, 1 summary" in listed and "ongoing" not in listed
    assert "Lisbon plan" in text_of(running.answer(MENTEE, "history 1"))
    assert "Lisbon plan" in text_of(running.answer(MENTOR, "historique 1"))
    for reader in (ADMIN, OUTSIDER):
        assert "Lisbon" not in text_of(running.answer(reader, "history 1"))
    assert "1 to 1" in text_of(running.answer(MENTEE, "history 4"))

    # The same two people pair again: a new relationship, its history kept apart.
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    running.make_pair(MENTEE, PAIR)
    listed = text_of(running.answer(MENTEE, "history"))
    assert "1. Mentee" in listed and "ongoing" in listed and "2. Mentee" in listed
    fresh = text_of(running.answer(MENTEE, "history 1"))
    assert "No session was held yet." in fresh and "Lisbon" not in fresh


def test_the_digest_counts_pairs_still_waiting_for_their_agreement(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.answer(MENTEE, PAIR)
    running.answer(ADMIN, "digest <#C0LEADS|leads>")
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    running.dispatch()
    [digest] = fake.wait_for(lambda: fake.messages_to("C0LEADS"))
    read = text_of(digest)
    assert "1 pair not started yet" in read and "its agreement (for 7 days)" in read
    assert "0 active pairs" in read


def test_the_planned_end_is_announced_and_can_be_pushed_back(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2027, 11, 2, 22, 59, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "planned end" in m]
    clock.set(datetime(2027, 11, 2, 23, 0, tzinfo=UTC))
    running.dispatch()
    running.dispatch()
    near = [m for m in dms(fake, MENTEE) if "planned end of your mentoring pair" in m]
    assert len(near) == 1 and "Friday 3 December 2027" in near[0]

    response, _ = running.press(
        MENTEE, with_button(fake, MENTEE, "agreement.change"), "agreement.change"
    )
    assert response.status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    values = terms_state(end="2028-06-30")
    assert running.submit(MENTEE, opened.args["view"], values) == {}
    running.settle()
    # The later end applies once Claire accepts it.
    proposed = text_of(with_button(fake, MENTOR, "terms.accept"))
    assert "vendredi 3 décembre 2027 → *vendredi 30 juin 2028*" in proposed
    assert "inchangé" in proposed
    press(running, MENTOR, "terms.accept")
    clock.set(datetime(2027, 12, 3, 12, 0, tzinfo=UTC))
    running.dispatch()
    assert not [m for m in dms(fake, MENTEE) if "reached the end" in m]
    assert "Thursday 9 December 2027" in text_of(running.answer(MENTEE, "next"))


def test_the_home_asks_for_the_agreement_then_the_trial_answer(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.answer(MENTEE, PAIR)
    home = text_of(running.home(MENTOR))
    assert "Votre accord avec" in home
    assert "Your agreement" not in text_of(running.home(MENTEE))
    published = len(running.home_publishes(MENTOR))
    running.press_home(MENTOR, "home:agreement.accept:1")
    refreshed = text_of(running.wait_home(MENTOR, published))
    assert "vous avez accepté tous les deux" in refreshed and "Votre accord avec" not in refreshed

    clock.set(datetime(2026, 12, 18, 17, 59, tzinfo=UTC))
    running.dispatch()
    assert "Votre essai" not in text_of(running.home(MENTOR))
    clock.set(datetime(2026, 12, 18, 18, 0, tzinfo=UTC))
    assert "Votre essai avec" in text_of(running.home(MENTOR))
    published = len(running.home_publishes(MENTOR))
    running.press_home(MENTOR, "home:trial.continue:1")
    refreshed = text_of(running.wait_home(MENTOR, published))
    assert "Votre essai avec" not in refreshed and "reste privée" in refreshed
