"""A Teams pair's whole life through the same core: agreement, goals, journal, review, end."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, buttons, cards, text_of
from tests.integration.conftest import ADA, CLAIRE, THOMAS
from tests.integration.teams_harness import TeamsBot

PAIR = "pair @claire @thomas every 2 weeks on thursday at 18:00 tz Europe/Paris"


def chat(connector: FakeConnector, user) -> list[str]:
    return [text_of(a) for a in connector.sent(user.chat)]


def button(activity: dict, action: str) -> dict:
    [found] = [b for b in buttons(activity) if b.get("action") == action]
    return found


def test_no_reminder_before_both_accept_the_agreement(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    for person in (CLAIRE, THOMAS):
        teams.install(person)
    assert "Claire" in text_of(teams.answer(THOMAS, PAIR))
    teams.settle()
    [card] = [a for a in connector.sent(CLAIRE.chat) if buttons(a)]
    assert {b["action"] for b in buttons(card)} == {"agreement.accept", "agreement.change"}
    assert "Claire" in text_of(teams.answer(THOMAS, "pairs"))  # who has not accepted yet
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    teams.dispatch()
    assert not any("Mentoring session" in t for t in chat(connector, THOMAS))

    changed = teams.press(CLAIRE, button(card, "agreement.change"), verb="button")
    assert changed.status_code == 200
    form = connector.sent(CLAIRE.chat)[-1]
    [submit] = buttons(form)
    assert submit["form"] == "terms"
    inputs = {e["id"]: e for e in cards(form)[0]["body"] if "id" in e}
    assert inputs["weekday"]["value"] == "3"  # prefilled with the current terms
    values = {k: e.get("value") for k, e in inputs.items() if e.get("value") is not None}
    proposed = teams.press(CLAIRE, {**submit, **values, "weekday": "1"}, verb="form").json()
    assert proposed["type"] == "application/vnd.microsoft.card.adaptive"
    teams.settle()
    [again] = [a for a in connector.sent(THOMAS.chat) if "agreement.accept" in str(buttons(a))]
    assert "Tuesday" in text_of(again)
    assert teams.press(THOMAS, button(again, "agreement.accept"), verb="button").status_code == 200
    teams.settle()
    assert "Tuesday" in text_of(teams.answer(THOMAS, "next"))


def test_goals_journal_review_and_end_on_teams(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    for person in (CLAIRE, THOMAS, ADA):
        teams.install(person)
    teams.make_pair(THOMAS, PAIR)

    added = text_of(teams.answer(THOMAS, "goals add Lead the Q1 roadmap review by 2027-03-01"))
    assert "Lead the Q1 roadmap review" in added
    assert "Lead the Q1 roadmap review" in text_of(teams.answer(CLAIRE, "objectifs"))

    teams.answer(THOMAS, "journal Presenting to the board taught me to start with the ask.")
    assert "the ask" in text_of(teams.answer(THOMAS, "journal"))
    for reader in (CLAIRE, ADA):
        assert "the ask" not in text_of(teams.answer(reader, "journal"))

    answers = {"rhythm": "more", "priorities": "yes", "format": "keep", "satisfaction": "4"}
    for person in (THOMAS, CLAIRE):
        form = teams.answer(person, "review")
        [submit] = buttons(form)
        assert submit["form"] == "review"
        missing = teams.press(person, {**submit, "rhythm": "more"}, verb="form").json()
        assert sum(e.get("color") == "attention" for e in missing["value"]["body"]) == 3
        teams.press(person, {**submit, **answers}, verb="form")
        teams.settle()
    shown = connector.wait_for(
        lambda: [t for t in chat(connector, CLAIRE) if "4/5" in t or "4 / 5" in t]
    )
    assert shown
    assert "every week" in text_of(teams.answer(THOMAS, "pairs"))  # both chose "more often"

    asked = teams.answer(THOMAS, "end")
    ended = teams.press(THOMAS, button(asked, "pair.end"), verb="button")
    assert ended.status_code == 200
    teams.settle()
    assert any("retrospective" in t for t in chat(connector, THOMAS))
    assert any("a mis fin" in t for t in chat(connector, CLAIRE))
    connector.reset()
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    teams.dispatch()
    assert connector.sent() == []


def test_a_summary_that_starts_with_a_command_word_is_still_the_summary(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    for person in (CLAIRE, THOMAS):
        teams.install(person)
    teams.make_pair(THOMAS, PAIR)
    clock.set(datetime(2026, 12, 3, 18, 0, tzinfo=UTC))
    teams.dispatch()
    connector.reset()
    summary = "Next steps: Thomas drafts the Q1 plan by 2026-12-10."
    assert teams.say(THOMAS, summary).status_code == 200
    shared = connector.wait_for(lambda: chat(connector, CLAIRE))
    assert summary in shared[0]
    # A command word alone, or with the words it takes, is still the command.
    assert "Claire" in text_of(teams.answer(THOMAS, "next"))
    assert "Thomas" in text_of(teams.answer(CLAIRE, "/mentor next steps please"))
