"""A pair's meeting link over Teams, as Bot Framework activities: typed with the rhythm
(`link …`), shown in the answer, the agreement card, `/mentor pairs` and the reminder card's
"how" line (before the agenda), in English and French; a bad one refused politely."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, text_of
from tests.integration.conftest import CLAIRE, THOMAS
from tests.integration.teams_harness import TeamsBot

PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris for 45m"
LINK = "https://meet.example.com/abc-defg?pwd=x1&lang=fr"


def texts(connector: FakeConnector, chat: str) -> list[str]:
    return [text_of(activity) for activity in connector.sent(chat)]


def test_the_link_reads_in_the_answer_the_agreement_the_pairs_and_the_reminder_cards(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    made = text_of(teams.make_pair(THOMAS, f"{PAIR} link {LINK}"))
    assert f"45 min, by video, link: {LINK}" in made, made
    agreement = next(m for m in texts(connector, CLAIRE.chat) if "lien :" in m)
    assert f"45 min, en visio, lien : {LINK}" in agreement, agreement
    assert LINK in text_of(teams.answer(CLAIRE, "binomes"))
    assert LINK in text_of(teams.answer(THOMAS, "pairs"))

    # The reminder cards, a day before Thursday 3 December 18:00 Paris: when and with whom,
    # then how (the format and the link), before the agenda.
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    teams.settle()
    english = [m for m in texts(connector, THOMAS.chat) if "Mentoring session tomorrow" in m][-1]
    french = [m for m in texts(connector, CLAIRE.chat) if "Séance de mentorat demain" in m][-1]
    assert (
        "With <at>Claire</at>: **Thursday 3 December 2026, 12:00 (America/Montreal)**, 45 min, "
        f"by video: {LINK}" in english
    ), english
    assert (
        "Avec <at>Thomas</at> : **jeudi 3 décembre 2026, 18h00 (Europe/Paris)**, 45 min, "
        f"en visio : {LINK}" in french
    ), french
    assert english.index(LINK) < english.index("Agenda so far")
    assert french.index(LINK) < french.index("Ordre du jour")
    assert connector.rejected() == []


def test_a_bad_link_is_refused_politely_on_teams_and_nothing_is_made(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    refused = text_of(teams.answer(THOMAS, f"{PAIR} link meet.example.com/abc"))
    assert "not a meeting link I can use" in refused and "https://" in refused, refused
    refused = text_of(teams.answer(CLAIRE, f"{PAIR} lien https://a.example/{'x' * 600}"))
    assert "trop long" in refused and "caractères au plus" in refused, refused
    teams.settle()
    assert "not in any mentoring pair yet" in text_of(teams.answer(THOMAS, "pairs"))
