"""Issue 11, attacked on Teams: the card actions (Action.Execute) two pairs were sent, replayed
by an outsider, the admin and the other pair's member, with the other pair's ids and tampered
data; the forms' submissions with their hidden state pointing at the other pair; the calendar
files' consent cards accepted by others or pointing at the other pair. Every invoke gets a 200 and
a polite answer; no content reaches anyone outside its pair (tests/integration/
leaks.py scans every activity the fake connector received, and every invoke's answer).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.commands import COMMANDS
from bot.commands.parser import ALIASES
from bot.forms.router import BUTTONS, FORMS
from bot.kernel.clock import ManualClock
from handlers.teams.cards import EXECUTE_VERB
from handlers.teams.form_cards import FORM_VERB
from tests.conftest import clear_environment
from tests.fakes.teams_connector import FakeConnector, cards
from tests.integration.conftest import ADA, CLAIRE, THOMAS
from tests.integration.forgery import (
    STALL_MOMENTS,
    TAMPERED,
    card_actions,
    forge_card_action,
    forge_file_consent,
    forge_teams_command,
)
from tests.integration.harness import TEAMS_CLIENT_ID
from tests.integration.leaks import (
    Delivery,
    Mark,
    Secret,
    assert_no_leaks,
    mark,
    teams_deliveries,
    unread,
)
from tests.integration.teams_harness import TeamsBot, TeamsUser

LEA = TeamsUser("29:1lea-Rt5", "Lea", "Europe/Berlin", "en-GB")
BRUNO = TeamsUser("29:1bruno-Vw8", "Bruno", "Europe/Paris", "fr-FR")
OSCAR = TeamsUser("29:1oscar-Jk4", "Oscar", "Europe/London", "en-GB")
PEOPLE = [CLAIRE, THOMAS, ADA, LEA, BRUNO, OSCAR]
PAIR_A, PAIR_B = (CLAIRE, THOMAS), (BRUNO, LEA)
PAIR_OF = {p.id: pair for pair in (PAIR_A, PAIR_B) for p in pair}
INTRUDER = {PAIR_A: LEA, PAIR_B: THOMAS}
ROLES = ("outsider", "admin", "other_pair", "tampered")
CONSENT = "application/vnd.microsoft.teams.card.file.consent"
INFO = "application/vnd.microsoft.teams.card.file.info"


@dataclass
class TeamsWorld:
    teams: TeamsBot
    connector: FakeConnector
    clock: ManualClock
    secrets: list[Secret] = field(default_factory=list)
    actions: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)
    offers: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (card, to whom)

    def wrote(self, pair: tuple[TeamsUser, ...], what: str, words: str) -> str:
        self.secrets.append(Secret(words, {p.id for p in pair}, what))
        return words

    def form(self, user: TeamsUser, command: str) -> dict[str, Any]:
        """The submit button's data of the form card a command (or button) answered with."""
        before = len(self.teams.teams.sent(user.chat))
        assert self.teams.say(user, command).status_code == 200
        # The form card, not a notice the dispatcher delivers meanwhile (thanks, a calendar).
        [submit] = self.teams.teams.wait_for(
            lambda: [
                a
                for m in self.teams.teams.sent(user.chat)[before:]
                for _, a, _ in card_actions_in(m)
            ]
        )[-1:]
        return submit

    def at(self, *moments: datetime) -> None:
        for moment in moments:
            self.clock.set(moment)
            self.teams.settle()

    def press(self, user: TeamsUser, verb: str, data: dict[str, Any]) -> None:
        assert self.teams.press(user, data, verb=verb).status_code == 200
        self.teams.settle()

    def file_offers(self) -> list[tuple[dict[str, Any], str]]:
        """Every file consent card the bot sent, and to whom."""
        return [
            (attachment, person.id)
            for person in PEOPLE
            for activity in self.connector.sent(person.chat)
            for attachment in activity.get("attachments") or []
            if attachment.get("contentType") == CONSENT
        ]

    def accept_file(self, user: TeamsUser, card: dict[str, Any]) -> None:
        """`user` presses Allow on a consent card: Teams opens an upload session and invokes."""
        url = self.connector.upload_url(card["name"])
        context = card["content"]["acceptContext"]
        forge_file_consent(self.teams, user, context, card["name"], url)
        self.teams.settle()

    def last_button(self, user: TeamsUser, action: str) -> dict[str, Any]:
        sent = card_actions(self.teams)
        return [d for _, d, who in sent if who == user.id and d.get("action") == action][-1]


def card_actions_in(activity: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    return [
        (a.get("verb", ""), a.get("data") or {}, "")
        for attachment in activity.get("attachments") or []
        for a in (attachment.get("content") or {}).get("actions", [])
    ]


def scenario(world: TeamsWorld) -> None:
    teams, wrote = world.teams, world.wrote
    for person in PEOPLE:
        teams.install(person)
    teams.make_pair(THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris")
    teams.make_pair(LEA, "pair @bruno @lea weekly on thursday at 17:00 tz Europe/Paris")
    # Both pairs' members are offered their calendar as a file; Thomas and Bruno accept it.
    teams.settle()
    for user in (THOMAS, BRUNO):
        [card] = [c for c, owner in world.file_offers() if owner == user.id]
        world.accept_file(user, card)
    teams.answer(THOMAS, "agenda add " + wrote(PAIR_A, "A agenda", "Ask about the Lisbon reorg"))
    teams.answer(LEA, "agenda add " + wrote(PAIR_B, "B agenda", "Salary talk with Quentin"))
    teams.answer(THOMAS, "goals add " + wrote(PAIR_A, "A goal", "Lead the Quokka migration"))
    teams.answer(BRUNO, "objectifs ajouter " + wrote(PAIR_B, "B goal", "Staff at Wombat"))
    teams.answer(THOMAS, "journal " + wrote((THOMAS,), "journal", "I fear the Lisbon layoffs"))
    teams.answer(LEA, "journal " + wrote((LEA,), "journal", "Bruno seems tired of me"))
    teams.answer(THOMAS, "thanks @claire " + wrote(PAIR_A, "A thanks", "Thanks for the Quokka"))
    answers = {"rhythm": "keep", "priorities": "yes", "format": "keep", "satisfaction": "4"}
    for user, pair, words in ((CLAIRE, PAIR_A, "Thomas doute"), (THOMAS, PAIR_A, "Claire late")):
        comment = wrote(pair, "A review", words)
        world.press(user, FORM_VERB, {**world.form(user, "review"), **answers, "comment": comment})
    comment = wrote((LEA,), "B review, Bruno has not answered", "Bruno never listens")
    world.press(LEA, FORM_VERB, {**world.form(LEA, "review"), **answers, "comment": comment})

    world.at(datetime(2026, 12, 2, 17, 0, tzinfo=UTC), datetime(2026, 12, 3, 18, 5, tzinfo=UTC))
    assert teams.say(THOMAS, wrote(PAIR_A, "A summary", "He wants to leave")).status_code == 200
    world.press(LEA, EXECUTE_VERB, world.last_button(LEA, "summary.write"))
    [(_, submit, _)] = card_actions_in(world.connector.sent(LEA.chat)[-1])
    decisions = wrote(PAIR_B, "B summary", "Apply to Wombat")
    world.press(LEA, FORM_VERB, {**submit, "decisions": decisions})
    # Bruno writes one too: he is shown both and adds his to Léa's (then shared with her).
    teams.answer(BRUNO, "compte-rendu " + wrote(PAIR_B, "B second summary", "Léa hésite"))
    world.press(BRUNO, EXECUTE_VERB, world.last_button(BRUNO, "summary.append"))
    for user in (THOMAS, LEA):
        teams.answer(user, "journal")  # read back: the scan then knows how it looks when sent
    # New terms proposed to Thomas: the proposal, with its Accept and Decline, waits for him.
    world.press(CLAIRE, EXECUTE_VERB, world.last_button(CLAIRE, "agreement.change"))
    [(_, submit, _)] = card_actions_in(world.connector.sent(CLAIRE.chat)[-1])
    inputs = {
        e["id"]: e.get("value")
        for e in cards(world.connector.sent(CLAIRE.chat)[-1])[0]["body"]
        if "id" in e
    }
    world.press(
        CLAIRE, FORM_VERB, {**submit, **{k: v for k, v in inputs.items() if v}, "weekday": "1"}
    )
    teams.answer(CLAIRE, "terminer")
    teams.answer(LEA, "forget-me")
    world.at(datetime(2026, 12, 10, 19, 0, tzinfo=UTC), datetime(2026, 12, 17, 19, 0, tzinfo=UTC))
    # Two summary requests open: the reply is kept until Thomas says which session.
    assert (
        teams.say(THOMAS, wrote(PAIR_A, "A reply", "Second thoughts on Lisbon")).status_code == 200
    )
    world.at(datetime(2026, 12, 18, 12, 0, tzinfo=UTC), datetime(2026, 12, 18, 18, 0, tzinfo=UTC))
    # Three weeks on, no session held since the 3rd: both pairs are asked to plan one (plan,
    # pause, ask a mediator); the members silent since are asked whether to pause.
    world.at(*STALL_MOMENTS)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsWorld]:
    with pytest.MonkeyPatch.context() as env, FakeConnector(client_id=TEAMS_CLIENT_ID) as fake:
        clear_environment(env)
        clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
        url = f"sqlite:///{tmp_path_factory.mktemp('teams-attacks') / 'mentorbot.db'}"
        teams = TeamsBot(
            people=PEOPLE, database_url=url, clock=clock, teams=fake, admins=(ADA.id,)
        ).start()
        try:
            built = TeamsWorld(teams, fake, clock)
            scenario(built)
            built.actions = card_actions(teams)
            built.offers = built.file_offers()
            yield built
        finally:
            teams.stop()


@pytest.fixture
def attack(world: TeamsWorld, caplog: pytest.LogCaptureFixture) -> Iterator[Mark]:
    since = mark(teams=world.connector)
    with caplog.at_level(logging.ERROR):
        yield since
        world.teams.settle()
    crashes = [r.getMessage() for r in caplog.records if r.exc_info]
    assert not crashes, crashes


def attackers(role: str, owner: str) -> list[TeamsUser]:
    if role == "outsider":
        return [OSCAR]
    if role == "admin":
        return [ADA]
    pair = PAIR_OF.get(owner)
    return [INTRUDER[pair]] if pair else []


def test_the_teams_scenario_shows_every_button_and_leaks_nothing(world: TeamsWorld) -> None:
    pressed = {d.get("action") for verb, d, _ in world.actions if verb == EXECUTE_VERB}
    assert set(BUTTONS) - {"goal.add", "goal.done", "action.done", "review.answer"} <= pressed
    assert {"agreement.accept", "trial.adjust", "summary.write", "pair.end"} <= pressed
    assert_no_leaks(world.secrets, teams=world.connector)
    # The calendar files: offered to each member of both pairs (and again at each change),
    # accepted by Thomas and Bruno only, uploaded for them, titles and times only.
    assert {owner for _, owner in world.offers} == {p.id for pair in PAIR_OF.values() for p in pair}
    assert [u.name.split("-")[0] for u in world.connector.uploads[:2]] == ["mentoring", "mentorat"]
    for upload in world.connector.uploads:
        assert upload.body.startswith(b"BEGIN:VCALENDAR")
        assert not [s.what for s in world.secrets if s.text.encode() in upload.body]
    shown = {p.id for p in PEOPLE for a in world.connector.sent(p.chat) if INFO in str(a)}
    assert shown == {THOMAS.id, BRUNO.id}
    sent = teams_deliveries(world.connector, {})
    # Léa's own review answer waits for Bruno's: only her data export (a file) shows it to her.
    assert [s.what for s in unread(world.secrets, sent)] == ["B review, Bruno has not answered"]


@pytest.mark.parametrize("role", ROLES)
def test_forged_card_actions_leak_nothing(world: TeamsWorld, attack: Mark, role: str) -> None:
    """Every button the bot sent on Teams, pressed by someone it was not for; and by a pair's
    member with the other pair's ids and tampered values."""
    seen: dict[tuple[str, str, Any], str] = {}
    for verb, data, owner in world.actions:
        if verb == EXECUTE_VERB:
            key = (str(data.get("action")), str(data.get("value")), PAIR_OF.get(owner))
            seen.setdefault(key, owner)
    answers: list[Delivery] = []
    if role == "tampered":
        for number, action in enumerate(BUTTONS):
            for count, value in enumerate(TAMPERED[number % 3 :: 3]):
                user = PAIR_A[count % 2] if number % 2 else PAIR_B[count % 2]
                data = {"action": action, "value": value}
                answers.append(forge_card_action(world.teams, user, EXECUTE_VERB, data))
    else:
        for (action, value, _), owner in seen.items():
            for user in attackers(role, owner):
                if user.id == owner:
                    continue
                data = {"action": action, "value": value}
                answers.append(forge_card_action(world.teams, user, EXECUTE_VERB, data))
    assert answers
    world.teams.settle()
    assert_no_leaks(world.secrets, teams=world.connector, answers=answers, since=attack)


@pytest.mark.parametrize("role", ROLES)
def test_forged_form_submissions_on_teams_leak_nothing(
    world: TeamsWorld, attack: Mark, role: str
) -> None:
    """Every form card's submit, with the inputs a person would give, by someone it was not
    for; or with its hidden state pointing at the other pair, or tampered."""
    forms = [(d, owner) for verb, d, owner in world.actions if verb == FORM_VERB]
    assert {d["form"] for d, _ in forms} >= {"review", "summary"}
    answers: list[Delivery] = []
    for data, owner in forms:
        inputs = {"decisions": "Forged words", "comment": "Forged words", "rhythm": "keep"}
        pair = PAIR_OF.get(owner)
        if role == "tampered":
            if pair is None:
                continue
            state = dict(data.get("state") or {})
            other = [d for d, o in forms if d["form"] == data["form"] and PAIR_OF.get(o) != pair]
            states = [d.get("state") for d in other]
            states += [{key: value for key in state} for value in TAMPERED[::3]]
            states += ["not a mapping", None]
            for number, forged in enumerate(states):
                user = pair[number % 2]
                submitted = {**data, **inputs, "state": forged}
                answers.append(forge_card_action(world.teams, user, FORM_VERB, submitted))
            continue
        for user in attackers(role, owner):
            submitted = {**data, **inputs}
            answers.append(forge_card_action(world.teams, user, FORM_VERB, submitted))
    unknown = {"form": "no-such-form", "state": {}}
    answers.append(forge_card_action(world.teams, OSCAR, FORM_VERB, unknown))
    assert set(FORMS) >= {d["form"] for d, _ in forms}
    world.teams.settle()
    assert_no_leaks(world.secrets, teams=world.connector, answers=answers, since=attack)


@pytest.mark.parametrize("role", ROLES)
def test_forged_file_consents_upload_nothing(world: TeamsWorld, attack: Mark, role: str) -> None:
    """Every calendar consent card, accepted by someone it was not for; and by a pair's member
    with the other pair's id, or tampered contexts: nothing is uploaded, nothing shown."""
    uploads = len(world.connector.uploads)
    answers: list[Delivery] = []
    pair_ids = {owner: card["content"]["acceptContext"]["calendar"] for card, owner in world.offers}
    for card, owner in world.offers:
        context, name = card["content"]["acceptContext"], card["name"]
        url = world.connector.upload_url(name)
        if role == "tampered":
            pair = PAIR_OF[owner]
            other = INTRUDER[pair]
            forged = [{"calendar": pair_ids[other.id]}, {"calendar": str(context["calendar"])}]
            forged += [{"calendar": value} for value in (*TAMPERED[::3], 0, -1, 10**30, True)]
            forged += ["calendar", None, {"command": "forget-me confirm"}]
            for number, tampered in enumerate(forged):
                user = pair[number % 2]
                answers.append(forge_file_consent(world.teams, user, tampered, name, url))
            continue
        for user in attackers(role, owner):
            answers.append(forge_file_consent(world.teams, user, context, name, url))
    assert answers
    world.teams.settle()
    assert len(world.connector.uploads) == uploads
    assert_no_leaks(world.secrets, teams=world.connector, answers=answers, since=attack)


TEAMS_ARGUMENTS = ("", "@{a}", "@{b} done 1")  # the arguments' variety is the Slack suite's


@pytest.mark.parametrize("role", ROLES[:3])
def test_forged_commands_on_teams_leak_nothing(world: TeamsWorld, attack: Mark, role: str) -> None:
    """Every subcommand, in English and French, pointed at either pair by an outsider, the
    admin and the other pair's member."""
    for number, name in enumerate(sorted(COMMANDS)):
        words = [name, *sorted(w for w, n in ALIASES.items() if n == name and w != name)]
        for count, argument in enumerate(TEAMS_ARGUMENTS):
            pair = (PAIR_A, PAIR_B)[(number + count) % 2]
            a, b = (p.name.lower() for p in pair)
            user = {"outsider": OSCAR, "admin": ADA, "other_pair": INTRUDER[pair]}[role]
            if role == "other_pair" and "@" not in argument:
                continue  # a member acts on their own pair unless they name someone else
            if role == "admin" and name == "pair":
                argument = "@{a} @{b} weekly on monday at 10:00"  # an existing pair
            if role == "other_pair" and name == "forget-me":
                continue  # they may erase themselves
            word = words[count % len(words)]
            forge_teams_command(world.teams, user, f"{word} {argument.format(a=a, b=b)}".strip())
    world.teams.settle()
    assert_no_leaks(world.secrets, teams=world.connector, since=attack)
