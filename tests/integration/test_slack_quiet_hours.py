"""Quiet hours and the words around a pair's creation, over signed HTTP against a fake Slack."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import RunningBot, text_of
from tests.integration.test_slack_reviews import answers, open_by_command, reach_review


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def test_a_review_awaited_at_night_reaches_the_person_at_eight_their_time(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    reach_review(running, fake, clock)
    # Claire answers at 10:05 in Paris: 04:05 in Montreal, where Thomas sleeps.
    clock.set(datetime(2027, 3, 2, 9, 5, tzinfo=UTC))
    fake.reset()
    view = open_by_command(running, fake, MENTOR)
    assert running.submit(MENTOR, view, answers("keep", "yes", "keep", "4", "")) == {}
    running.settle()
    assert [text for text in dms(fake, MENTEE) if "has answered the review" in text] == []
    clock.set(datetime(2027, 3, 2, 12, 59, tzinfo=UTC))  # 07:59 in Montreal
    running.settle()
    assert [text for text in dms(fake, MENTEE) if "has answered the review" in text] == []
    clock.set(datetime(2027, 3, 2, 13, 0, tzinfo=UTC))  # 08:00 in Montreal
    running.settle()
    [awaited] = [text for text in dms(fake, MENTEE) if "has answered the review" in text]
    assert "Answer the review" in awaited or "review" in awaited


def test_a_pair_at_one_in_the_night_warns_the_proposer_naming_the_member(
    running: RunningBot, fake: FakeSlack
) -> None:
    # Thomas (Montreal, English) proposes 01:00 Paris time: Claire's night, not his.
    answer = text_of(
        running.answer(
            MENTEE,
            f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on friday at 1:00 tz Europe/Paris",
        )
    )
    assert "Done:" in answer and f"For <@{MENTOR}>, a session falls outside 07:00–22:00" in answer
    assert "Friday 4 December 2026, 01:00 (Europe/Paris)" in answer
    assert f"<@{MENTEE}>, a session" not in answer


def test_the_first_session_waits_48_hours_and_a_french_warning_reads_right(
    running: RunningBot, fake: FakeSlack
) -> None:
    # Monday 09:00 in Paris; Tuesday 11:00 is tomorrow, too soon: the first is the next week's.
    # 11:00 in Paris is 05:00 in Montreal: Claire, who proposes, hears it in French.
    answer = text_of(
        running.answer(
            MENTOR, f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on tuesday at 11:00"
        )
    )
    assert "Première séance : *mardi 8 décembre 2026, 11h00 (Europe/Paris)*" in answer
    assert f"Pour <@{MENTEE}>, une séance tombe hors de 7h00–22h00 à son heure" in answer
    assert "mardi 8 décembre 2026, 5h00 (America/Montreal)" in answer
    # `from` asks for tomorrow: granted.
    soon = text_of(
        running.answer(
            MENTOR,
            f"pair <@{MENTOR}|claire> <@{OUTSIDER}|oscar> weekly on tuesday at 11:00"
            " from 2026-12-01",
        )
    )
    assert "mardi 1" in soon and "décembre 2026" in soon and "Pour <@" not in soon


def test_an_unknown_person_is_named_in_the_answer(running: RunningBot, fake: FakeSlack) -> None:
    # Slack turns a name it knows into a mention and leaves an unknown one as typed.
    english = text_of(
        running.answer(MENTEE, f"pair <@{MENTOR}|claire> @nobody weekly on friday at 10:00")
    )
    assert "I don't know @nobody in this workspace" in english and "/mentor pair @" in english
    french = text_of(running.answer(MENTOR, "binome @personne <@UTHOMAS|thomas> hebdo lundi 9h"))
    assert "Je ne connais pas @personne dans cet espace" in french
    assert "Name the mentor, then the mentee" not in english


PAIR = (
    f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> every 2 weeks on thursday at 18:00 tz Europe/Paris"
)


def test_pairs_shows_a_pause_and_an_erased_member_is_a_former_member(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.make_pair(MENTEE, PAIR)
    assert "Tuesday 15 December 2026" in text_of(running.answer(MENTEE, "pause until 2026-12-15"))
    mine = text_of(running.answer(MENTEE, "pairs"))
    assert f"Mentee of <@{MENTOR}>" in mine
    assert "Paused until Tuesday 15 December 2026: the rhythm starts again" in mine
    theirs = text_of(running.answer(MENTOR, "binomes"))
    assert "En pause jusqu'au mardi 15 décembre 2026" in theirs and "Prochaine" not in theirs
    running.answer(MENTOR, "reprendre")
    assert "Next:" in text_of(running.answer(MENTEE, "pairs"))

    assert "erased" in text_of(running.answer(MENTEE, "forget-me confirm"))
    running.settle()
    history = text_of(running.answer(MENTOR, "historique"))
    assert "Mentor d'un ancien membre" in history


def test_the_digest_goes_out_in_the_zone_and_language_chosen_when_subscribing(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    # Ada (Paris, English) subscribes the channel for leads in Montreal who read French.
    answer = text_of(
        running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads> tz america/montreal lang fr")
    )
    assert "every Monday at 09:00 (America/Montreal), in French" in answer
    # 09:00 has passed in Paris, not yet in Montreal: the first is today's.
    assert "First one: Monday 30 November 2026, 09:00 (America/Montreal)" in answer
    # The manifest grants chat:write.public: no invitation for a public channel.
    assert "A public channel needs nothing more" in answer and "/invite @Mentorbot" in answer
    assert "Make sure I am a member" not in answer
    clock.set(datetime(2026, 11, 30, 13, 59, tzinfo=UTC))  # 08:59 in Montreal
    running.settle()
    assert fake.messages_to(LEADS_CHANNEL) == []
    clock.set(datetime(2026, 11, 30, 14, 0, tzinfo=UTC))  # 09:00 in Montreal
    running.settle()
    [digest] = fake.messages_to(LEADS_CHANNEL)
    assert "Rythme du mentorat" in text_of(digest)


def test_the_digest_defaults_to_the_subscriber_and_refuses_unknown_choices(
    running: RunningBot,
) -> None:
    answer = text_of(running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>"))
    assert "every Monday at 09:00 (Europe/Paris), in English" in answer
    bad_zone = text_of(running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads> tz Mars/Olympus"))
    assert "I don't know the time zone “Mars/Olympus”" in bad_zone
    bad_lang = text_of(running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads> lang de"))
    assert "English (`lang en`) or French (`lang fr`), not “de”" in bad_lang


def test_pairs_says_whose_agreement_is_awaited_in_both_languages(running: RunningBot) -> None:
    running.answer(ADMIN, PAIR)
    running.settle()
    theirs = text_of(running.answer(MENTOR, "binomes"))
    assert f"En attente de votre accord et de celui de <@{MENTEE}>." in theirs
    mine = text_of(running.answer(MENTEE, "pairs"))
    assert f"Waiting for you and <@{MENTOR}> to accept the agreement." in mine
