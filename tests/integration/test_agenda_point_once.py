"""An agenda point is on a session's agenda once: a double click on Save (Slack, Teams), the
same point typed again with other capitals or spaces, submissions racing each other."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from bot.commands import agenda_command
from bot.kernel.clock import ManualClock
from storage.db import make_engine
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector, buttons, cards
from tests.integration.conftest import CLAIRE, MENTEE, MENTOR, THOMAS
from tests.integration.harness import RunningBot, text_of
from tests.integration.races import at_once, meet_after_reading
from tests.integration.teams_harness import TeamsBot

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
TEAMS_PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 5, tzinfo=UTC)


@pytest.fixture
def readers_meet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each add reads the agenda, then waits for another add to have read it too."""
    meet_after_reading(monkeypatch, agenda_command, "agenda_of")


def agenda_rows(url: str) -> list[tuple[str, bool]]:
    """Every agenda item's text and whether it is done, in the order they were added."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT text, done FROM agendaitem ORDER BY id"))
            return [(point, bool(done)) for point, done in found]
    finally:
        engine.dispose()


def test_three_slack_submissions_racing_store_the_point_once(
    served: RunningBot, fake: FakeSlack, clock: ManualClock, migrated_database_url: str
) -> None:
    served.make_pair(MENTEE, PAIR)
    clock.set(REMINDER_AT)
    served.settle()
    view = served.open_form(MENTEE, "agenda.add")
    told = len(fake.messages_to(MENTEE))

    values = {"text": {"text": signing.plain_text("Prepare my promotion case")}}
    acks = at_once([lambda: served.submit(MENTEE, view, values) for _ in range(3)])
    served.settle()

    assert acks == [{}, {}, {}]  # each modal closes: none is left showing an error
    assert agenda_rows(migrated_database_url) == [("Prepare my promotion case", False)]
    answers = [text_of(m) for m in fake.messages_to(MENTEE)[told:]]
    assert sum("Added to the agenda" in a for a in answers) == 1
    assert sum("Already on the agenda" in a for a in answers) == 2


def test_two_teams_invokes_of_one_double_click_store_the_point_once(
    teams_served: TeamsBot, connector: FakeConnector, clock: ManualClock, migrated_database_url: str
) -> None:
    for person in (CLAIRE, THOMAS):
        teams_served.install(person)
    teams_served.make_pair(THOMAS, TEAMS_PAIR)
    clock.set(REMINDER_AT)
    teams_served.settle()
    reminder = [
        a
        for a in connector.sent(THOMAS.chat)
        if any(b.get("action") == "agenda.add" for b in buttons(a))
    ][-1]
    [add] = [b for b in buttons(reminder) if b.get("action") == "agenda.add"]
    shown = len(connector.sent(THOMAS.chat))
    teams_served.press(THOMAS, add, verb="button")
    teams_served.settle()
    form = connector.sent(THOMAS.chat)[shown:]
    [save] = [
        a for f in form for c in cards(f) for a in c.get("actions", []) if a.get("verb") == "form"
    ]
    data = {**save["data"], "text": "Feedback on my  talk"}

    answers = at_once([lambda: teams_served.press(THOMAS, data, verb="form") for _ in range(2)])
    teams_served.settle()

    assert [a.status_code for a in answers] == [200, 200]
    said = sorted(a.text for a in answers)
    assert "Added to the agenda" in said[0] and "Already on the agenda" in said[1]
    assert agenda_rows(migrated_database_url) == [("Feedback on my  talk", False)]


@pytest.mark.usefixtures("readers_meet")
def test_both_members_adding_the_same_point_at_once_store_it_once(
    served: RunningBot, fake: FakeSlack, migrated_database_url: str
) -> None:
    """Each member's requests take turns anyway (the actor is held); the two members' do not,
    but for their session's agenda."""
    served.make_pair(MENTEE, PAIR)

    statuses = served.commands_at_once(
        {MENTOR: "ordre-du-jour ajouter Budget 2027", MENTEE: "agenda add budget 2027"}
    )
    served.settle()

    assert statuses == [200, 200]
    [(point, done)] = agenda_rows(migrated_database_url)
    assert point in ("Budget 2027", "budget 2027") and not done
    said = [text_of(fake.wait_for(lambda u=u: fake.responses(u))[-1]) for u in (MENTOR, MENTEE)]
    assert sum("Déjà à l'ordre du jour" in a or "Already on the agenda" in a for a in said) == 1


def test_the_same_point_typed_again_is_not_added_until_it_is_done(
    served: RunningBot, migrated_database_url: str
) -> None:
    served.make_pair(MENTEE, PAIR)
    assert "Added to the agenda" in text_of(served.answer(MENTEE, "agenda add Career  options"))

    again = text_of(served.answer(MENTEE, "agenda add   career OPTIONS "))
    assert "Already on the agenda of Thursday 3 December 2026, 12:00" in again
    assert again.endswith("Career  options")
    encore = text_of(served.answer(MENTOR, "ordre-du-jour ajouter CAREER options"))
    assert "Déjà à l'ordre du jour du jeudi 3 décembre 2026, 18h00" in encore
    assert agenda_rows(migrated_database_url) == [("Career  options", False)]

    # Once done, it is no longer an open point: it may come back.
    served.answer(MENTEE, "agenda done 1")
    assert "Added to the agenda" in text_of(served.answer(MENTEE, "agenda add Career options"))
    assert agenda_rows(migrated_database_url) == [
        ("Career  options", True),
        ("Career options", False),
    ]
