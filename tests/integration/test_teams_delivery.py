"""Teams specifics: authentication, card actions, bad input, missing references, restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.kernel.clock import ManualClock
from storage.models import ConversationReference, Notification
from tests.fakes.teams_connector import FakeConnector, buttons, cards, text_of
from tests.integration.conftest import ADA, CLAIRE, LEADS, NINA, TEAMS_PEOPLE, THOMAS
from tests.integration.teams_harness import TeamsBot

PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def chat(connector: FakeConnector, user) -> list[str]:
    return [text_of(a) for a in connector.sent(user.chat)]


def test_requests_need_a_bot_framework_jwt_by_default(
    connector: FakeConnector, sqlite_url: str, clock: ManualClock
) -> None:
    bot = TeamsBot(
        people=TEAMS_PEOPLE,
        database_url=sqlite_url,
        clock=clock,
        teams=connector,
        teams_unauthenticated=False,
    ).start()
    try:
        unsigned = bot.say(CLAIRE, "help")
        forged = bot.post_activity(
            bot.message(CLAIRE, "help"), {"Authorization": "Bearer not.a.jwt"}
        )
        assert (unsigned.status_code, forged.status_code) == (401, 401)
        bearer = {"Authorization": "Bearer not.a.jwt"}
        for headers in ({}, bearer):  # a bad token is 401 whatever the body holds
            malformed = bot.http.post("/api/messages", content=b"{not json", headers=headers)
            assert malformed.status_code == 401
        assert connector.posts == []
    finally:
        bot.stop()


def test_install_stores_the_reference_and_the_bot_writes_there(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(CLAIRE)
    [welcome] = connector.sent(CLAIRE.chat)
    assert "binome" in text_of(welcome)  # Claire's Teams locale is French
    teams.install(THOMAS)
    teams.make_pair(THOMAS, PAIR)
    teams.settle()
    assert "binôme" in connector.wait_for(lambda: chat(connector, CLAIRE)[1:])[0]
    assert connector.creations() == []  # both chats came with the installs


def test_card_buttons_open_a_form_whose_submission_answers_in_place(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    teams.make_pair(THOMAS, PAIR)
    clock.set(REMINDER_AT)
    teams.dispatch()
    reminder = connector.sent(CLAIRE.chat)[-1]
    [add] = [b for b in buttons(reminder) if b["action"] == "agenda.add"]
    pressed = teams.press(CLAIRE, add, verb="button")
    assert pressed.status_code == 200
    assert pressed.json()["type"] == "application/vnd.microsoft.activity.message"
    form = connector.sent(CLAIRE.chat)[-1]
    [submit] = buttons(form)
    assert submit["form"] == "agenda_add" and "Thomas" in text_of(form)

    empty = teams.press(CLAIRE, {**submit, "text": "  "}, verb="form").json()
    assert empty["type"] == "application/vnd.microsoft.card.adaptive"
    errors = [e for e in empty["value"]["body"] if e.get("color") == "attention"]
    assert errors and empty["value"]["actions"][0]["data"] == submit  # shown again, same form
    done = teams.press(CLAIRE, {**submit, "text": "Parler de ma mobilité"}, verb="form").json()
    assert "Parler de ma mobilité" in str(done["value"]["body"])
    assert "Parler de ma mobilité" in text_of(teams.answer(THOMAS, "agenda"))

    forged = teams.press(ADA, {"action": "session.skip", "value": add["value"]}, verb="button")
    assert forged.status_code == 200
    assert "not" in text_of(connector.sent(ADA.chat)[-1]).lower()
    assert "Mentoring session" not in text_of(connector.sent(THOMAS.chat)[-1])


def test_a_bare_pair_opens_the_pair_card_with_people_to_pick(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    form = teams.answer(THOMAS, "pair")
    [card] = cards(form)
    [mentor] = [e for e in card["body"] if e.get("id") == "mentor"]
    assert {"title": "Claire", "value": CLAIRE.id} in mentor["choices"]
    [submit] = buttons(form)
    chosen = {"frequency": "2w", "weekday": "3", "time": "18:00", "duration": "60"}
    missing = teams.press(THOMAS, {**submit, "mentor": CLAIRE.id, **chosen}, verb="form").json()
    assert missing["type"] == "application/vnd.microsoft.card.adaptive"  # mentee, format
    assert sum(e.get("color") == "attention" for e in missing["value"]["body"]) == 2
    full = {**submit, "mentor": CLAIRE.id, "mentee": THOMAS.id, "format": "video", **chosen}
    created = teams.press(THOMAS, full, verb="form").json()
    assert "Thursday" in str(created["value"]["body"])
    teams.settle()
    assert "binôme" in connector.wait_for(lambda: chat(connector, CLAIRE)[1:])[0]


def test_bad_input_is_answered_politely_and_never_a_500(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(THOMAS)
    assert "not in any mentoring pair" in text_of(teams.answer(THOMAS, "move tomorrow-ish"))
    assert "frobnicate" in text_of(teams.answer(THOMAS, "/mentor frobnicate"))
    assert "pair" in text_of(teams.answer(THOMAS, "pair @claire"))
    assert teams.http.post("/api/messages", content=b"{not json").status_code == 400
    assert teams.http.post("/api/messages", json={"type": "message"}).status_code == 400
    assert teams.press(THOMAS, {"action": "nope"}, verb="mystery").status_code == 200
    refused = teams.in_channel(THOMAS, "agenda", channel=LEADS, name="Leads")
    assert refused.status_code == 200
    [answer] = connector.sent(f"{LEADS};messageid=1764490000000")
    assert "1:1" in text_of(answer)
    for activity in connector.sent():
        for card in cards(activity):
            assert card["version"] == "1.5"
    assert connector.rejected() == []


def test_a_member_without_a_reference_makes_the_admins_told(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    teams.install(ADA)
    teams.install(CLAIRE)
    teams.answer(CLAIRE, "pair @claire @nina weekly on thursday at 18:00 tz Europe/Paris")
    teams.settle()
    alerts = connector.wait_for(lambda: chat(connector, ADA)[1:])
    assert "Nina" in alerts[0] and "install" in alerts[0]
    assert [p.status for p in connector.creations()] == [403]  # the 1:1 chat was refused

    # Nina installs the app; the reminder of the agreement reaches her, and she accepts.
    teams.install(NINA)
    clock.set(clock.now() + timedelta(days=3, hours=1))
    teams.dispatch()
    assert len(chat(connector, ADA)) == 2  # told once, not at every message
    [reminder] = [a for a in connector.sent(NINA.chat) if buttons(a)]
    [accept] = [b for b in buttons(reminder) if b["action"] == "agreement.accept"]
    assert teams.press(NINA, accept, verb="button").status_code == 200
    teams.settle()
    clock.set(REMINDER_AT + timedelta(days=7))  # the first Thursday after both accepted
    teams.dispatch()
    assert any("Mentoring session" in t or "Séance" in t for t in chat(connector, CLAIRE))
    assert any("Mentoring session" in t or "Séance" in t for t in chat(connector, NINA))
    assert len(chat(connector, ADA)) == 2


def test_a_reference_whose_service_url_is_unusable_fails_its_messages_at_once(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    """No retry can send to a service URL httpx cannot read: the message fails at once, with
    the reason, instead of being retried as an unexpected error (eight tries, a traceback
    each)."""
    teams.install(THOMAS)
    teams.install(CLAIRE)
    teams.make_pair(THOMAS, PAIR)
    assert teams.bot is not None
    with teams.bot.core.db.session() as session:
        [claire] = session.exec(
            select(ConversationReference).where(ConversationReference.address == CLAIRE.id)
        ).all()
        claire.service_url = connector.url.replace("//", "//\x1c", 1)  # in the host
        session.add(claire)
    clock.set(REMINDER_AT)
    assert teams.dispatch()["failed"] == 1  # Claire's reminder; Thomas's went out
    with teams.bot.core.db.session() as session:
        failed = session.exec(select(Notification).where(Notification.status == "failed")).all()
    assert [n.recipient for n in failed] and all(
        "unusable service URL" in (n.outcome or "") for n in failed
    )
    assert all(n.attempts == 0 for n in failed)


def test_throttling_waits_as_told_and_an_uninstall_makes_the_admins_told(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    for person in (ADA, CLAIRE, THOMAS):
        teams.install(person)
    teams.make_pair(THOMAS, PAIR)
    teams.settle()
    connector.reset()
    connector.fail_next(CLAIRE.chat, 429, retry_after=90)
    connector.uninstall(THOMAS.chat, THOMAS.id)
    clock.set(REMINDER_AT)
    outcomes = teams.dispatch()
    assert outcomes["retried"] == 1 and outcomes["failed"] == 1
    assert connector.sent(CLAIRE.chat) == []
    [alert] = chat(connector, ADA)
    assert "Thomas" in alert and "install" in alert
    clock.set(REMINDER_AT + timedelta(seconds=89))
    assert teams.dispatch()["sent"] == 0
    clock.set(REMINDER_AT + timedelta(seconds=90))
    assert teams.dispatch()["sent"] == 1
    assert "Séance de mentorat demain" in chat(connector, CLAIRE)[0]


def test_restart_sends_nothing_twice(
    connector: FakeConnector, clock: ManualClock, migrated_database_url: str
) -> None:
    def start() -> TeamsBot:
        return TeamsBot(
            people=TEAMS_PEOPLE, database_url=migrated_database_url, clock=clock, teams=connector
        ).start()

    running = start()
    running.install(CLAIRE)
    running.install(THOMAS)
    running.make_pair(THOMAS, PAIR)
    clock.set(datetime(2026, 12, 2, 17, 30, tzinfo=UTC))
    running.dispatch()
    sent = len(connector.sent())
    # welcome, agreement card, answer to her Accept, the pair started, its calendar (a message
    # and the file's consent card on Teams), the reminder
    assert len(connector.sent(CLAIRE.chat)) == 7
    running.stop()

    clock.set(datetime(2026, 12, 3, 18, 30, tzinfo=UTC))
    again = start()
    try:
        connector.wait_for(lambda: len(connector.sent()) == sent + 1)
        again.dispatch()
        again.dispatch()
        assert len(connector.sent()) == sent + 1
        assert "How did it go?" in text_of(connector.sent(THOMAS.chat)[-1])
    finally:
        again.stop()


def test_a_digest_channel_teams_refuses_is_told_to_the_admins_once_a_week(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    assert teams.say(ADA, "help").status_code == 200  # the admin has the app
    assert teams.in_channel(ADA, "digest", channel=LEADS, name="Leads").status_code == 200
    teams.dispatch()
    connector.reset()
    for week in range(2):  # two Mondays' digests, a week apart, both refused
        clock.set(datetime(2026, 12, 7, 8, 1, tzinfo=UTC) + timedelta(weeks=week))
        connector.fail_next(LEADS, 404)
        teams.dispatch()
        told = [t for t in chat(connector, ADA) if "refuses the weekly digest" in t]
        assert len(told) == week + 1, chat(connector, ADA)
        assert LEADS in told[-1] and "Microsoft Teams" in told[-1]
    assert not connector.sent(LEADS)
