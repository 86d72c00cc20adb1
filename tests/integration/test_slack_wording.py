"""Every sentence right in both languages, over signed HTTP: counts take the plural form of the
reader's language (French `1 binôme actif`, `0 binôme à risque`; English `1 active pair`,
`0 pairs at risk`), dates come from CLDR with `1er` and a capital where a row opens on one, and a
time names its zone once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

# Weekly, Tuesday 18:00 Paris: 1, 8, 15 December 2026 … (created Saturday 28 November, so the
# first session is more than 48 hours ahead).
PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on tuesday at 18:00 tz Europe/Paris"
FRENCH_LEADS = "C0LEADSFR"
SUMMARY = "Thomas drafts the staffing plan before the holidays."


@pytest.fixture
def running(fake: FakeSlack, sqlite_url: str, clock: ManualClock) -> Iterator[RunningBot]:
    """Claire, who reads French, is a programme admin too: she subscribes a channel in French."""
    bot = RunningBot(database_url=sqlite_url, fake=fake, clock=clock, admins=(ADMIN, MENTOR))
    yield bot.start()
    bot.stop()


def latest(fake: FakeSlack, channel: str) -> str:
    return text_of(fake.messages_to(channel)[-1])


def test_counts_and_dates_read_right_in_french_and_english(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    fake.add_channel(FRENCH_LEADS)
    clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    subscribed = text_of(running.answer(MENTOR, f"synthese <#{FRENCH_LEADS}|leads-fr>"))
    assert "recevra la synthèse" in subscribed, subscribed

    # The first session is on the first of the month: `1er` in French, a capital opening a row,
    # and the zone said once (no "(Europe/Paris) (votre heure)").
    nexts = text_of(running.answer(MENTOR, "prochaine"))
    assert "Mardi 1er décembre 2026, 18h00 (Europe/Paris)* avec" in nexts, nexts
    assert "votre heure" not in nexts and "1 décembre" not in nexts
    assert "Tuesday 1 December 2026, 12:00 (America/Montreal)" in text_of(
        running.answer(MENTEE, "next")
    )
    past = text_of(running.answer(MENTOR, "deplacer 2026-11-27 18h00"))
    assert re.search(r"Le vendredi 27 novembre 2026, 18h00 \(Europe/Paris\) est déjà passé", past)
    assert re.search(r"`/mentor deplacer \d{4}-\d\d-\d\d 18h00`", past), past

    # The session of 1 December is held and summarised by DM.
    clock.set(datetime(2026, 12, 1, 18, 5, tzinfo=UTC))
    running.dispatch()
    before = len(fake.messages_to(MENTOR))
    running.dm(MENTEE, SUMMARY)
    fake.wait_for(lambda: fake.messages_to(MENTOR)[before:])
    running.settle()

    history_fr = text_of(running.answer(MENTOR, "historique"))
    assert "1 séance tenue, 1 compte-rendu" in history_fr, history_fr
    history_en = text_of(running.answer(MENTEE, "history"))
    assert "1 session held, 1 summary" in history_en, history_en

    # Monday 7 December, 09:00 Paris: both digests, each in its reader's language.
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    running.dispatch()
    english, french = latest(fake, LEADS_CHANNEL), latest(fake, FRENCH_LEADS)
    assert "1 active pair. Last 4 weeks: 1 session held, 0 skipped" in english, english
    assert "0 pairs at risk." in english and "last session 5 days ago" in english, english
    assert "1 binôme actif. 4 dernières semaines : 1 séance tenue, 0 annulée" in french, french
    assert "0 binôme à risque." in french and "dernière séance il y a 5 jours" in french
    assert "1 tenue, 0 annulée, 0 sans compte-rendu" in french
    for text in (english, french, history_fr, history_en):
        assert "(s)" not in text and not re.search(r"\b1 (pairs|sessions|binômes|séances)\b", text)

    # Thomas ends the pair: Claire's copy names him, never "your pair with" himself.
    clock.set(datetime(2026, 12, 7, 10, 0, tzinfo=UTC))
    running.answer(MENTEE, f"end <@{MENTOR}|claire> confirm")
    running.settle()
    ended = fake.wait_for(
        lambda: [t for m in fake.messages_to(MENTOR) if "a mis fin" in (t := text_of(m))]
    )[-1]
    assert f"<@{MENTEE}> a mis fin à votre binôme." in ended, ended
    assert "binôme avec" not in ended.split("a mis fin")[1].split(".")[0]
