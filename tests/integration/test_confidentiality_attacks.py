"""Issue 11, attacked: two pairs write everything a pair can write, then outsiders, an admin and the
members of the other pair replay every command, button and form — with ids pointing at the other
pair, tampered values and generated ones. Every request must get a 200 and a polite answer, and no
content may reach anyone outside its pair (tests/integration/leaks.py scans every call the fake
Slack received, after all the work each request started is done).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import COMMANDS
from bot.commands.parser import ALIASES
from bot.forms.router import BUTTONS, FORMS
from bot.kernel.clock import ManualClock
from handlers.slack.listeners import commands as commands_listener
from storage.models import (
    ActionItem,
    AgendaItem,
    Goal,
    MeetingSession,
    Milestone,
    Pair,
    Review,
    ReviewAnswer,
    Thanks,
)
from tests.conftest import clear_environment
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR, OUTSIDER
from tests.integration.forgery import (
    STALL_MOMENTS,
    TAMPERED,
    Opened,
    Seen,
    filled,
    forge_click,
    forge_command,
    forge_dm,
    forge_submission,
    harvest_buttons,
    harvest_modals,
)
from tests.integration.form_states import terms_state
from tests.integration.harness import RunningBot, action_ids, text_of
from tests.integration.leaks import (
    Delivery,
    Mark,
    Secret,
    assert_no_leaks,
    find_leaks,
    mark,
    slack_deliveries,
    unread,
)

BRUNO, LEA = "UBRUNO", "ULEA"
PAIR_A, PAIR_B = frozenset({MENTOR, MENTEE}), frozenset({BRUNO, LEA})
PAIR_OF = {MENTOR: PAIR_A, MENTEE: PAIR_A, BRUNO: PAIR_B, LEA: PAIR_B}
# For each pair's content, a member of the other pair who tries to read it.
INTRUDER = {PAIR_A: LEA, PAIR_B: MENTEE}
ROLES = ("outsider", "admin", "other_pair", "tampered")
# Which pair's member tries the tampered values on each button (both would do the same twice).
TAMPERED_PAIR = {action: number % 2 for number, action in enumerate(BUTTONS)}
# Where a pair's content lives: no forged request may change a row of these.
CONTENT = (
    Pair,
    MeetingSession,
    AgendaItem,
    ActionItem,
    Goal,
    Milestone,
    Review,
    ReviewAnswer,
    Thanks,
)


@dataclass
class World:
    """The running bot after the scenario, what each pair wrote, what the bot rendered."""

    running: RunningBot
    fake: FakeSlack
    clock: ManualClock
    secrets: list[Secret] = field(default_factory=list)
    buttons: list[Seen] = field(default_factory=list)
    modals: list[Opened] = field(default_factory=list)

    def wrote(self, readers: frozenset[str], what: str, words: str) -> str:
        self.secrets.append(Secret(words, readers, what))
        return words

    def said(self, user: str, command: str) -> str:
        return text_of(self.running.answer(user, command))

    def modal_by_command(self, user: str, command: str) -> dict[str, Any]:
        before = len(self.fake.calls("views.open"))
        response, _ = self.running.command(user, command)
        assert response.status_code == 200
        return self.opened(before)

    def modal_by_button(self, user: str, message: dict[str, Any], action: str) -> dict[str, Any]:
        before = len(self.fake.calls("views.open"))
        assert self.running.press(user, message, action)[0].status_code == 200
        return self.opened(before)

    def opened(self, before: int) -> dict[str, Any]:
        self.running.settle()
        [call] = self.fake.calls("views.open")[before:]
        assert call.response["ok"], call.response
        return call.args["view"]

    def last_with(self, user: str, action: str) -> dict[str, Any]:
        return [m for m in self.fake.messages_to(user) if action in action_ids(m)][-1]

    def at(self, *moments: datetime) -> None:
        for moment in moments:
            self.clock.set(moment)
            self.running.settle()

    def pair_rows(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of the two pairs' content, to show that no forged request changed it."""
        assert self.running.bot is not None
        rows = {}
        with self.running.bot.core.db.engine.connect() as connection:
            for model in CONTENT:
                table = model.__table__  # type: ignore[attr-defined]
                found = connection.execute(table.select().order_by(table.c.id))
                rows[table.name] = [tuple(row) for row in found]
        return rows


def scenario(world: World) -> None:
    """Two pairs write agenda items, goals, milestones, journal entries, reviews, thanks,
    summaries and actions; every modal is opened once; every person opens their Home."""
    a, b = PAIR_A, PAIR_B
    running, fake, wrote, said = world.running, world.fake, world.wrote, world.said
    running.make_pair(
        MENTEE, f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00"
    )
    running.make_pair(LEA, f"pair <@{BRUNO}|bruno> <@{LEA}|lea> weekly on thursday at 17:00")
    said(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")

    said(MENTEE, "agenda add " + wrote(a, "A agenda", "Ask about the Lisbon reorg"))
    said(MENTOR, "ordre-du-jour ajouter " + wrote(a, "A agenda", "Parler de Zorglub"))
    said(LEA, "agenda add " + wrote(b, "B agenda", "Salary talk with Quentin"))
    said(MENTEE, f"goals add {wrote(a, 'A goal', 'Lead the Quokka migration')} by 2027-03-31")
    said(MENTOR, "objectifs etape 1 " + wrote(a, "A milestone", "Relire le plan Quokka"))
    smart = world.modal_by_command(LEA, "goals smart")
    running.submit(
        LEA,
        smart,
        {
            "specific": {"specific": signing.plain_text(wrote(b, "B goal", "Staff at Wombat"))},
            "measurable": {"measurable": signing.plain_text(wrote(b, "B goal", "Wombat offer"))},
            "target": {"target": signing.datepicker("2027-06-30")},
        },
    )
    said(LEA, "goals milestone 1 " + wrote(b, "B milestone", "Mock interview with Quentin"))
    said(MENTEE, "journal " + wrote({MENTEE}, "Thomas's journal", "I fear the Lisbon layoffs"))
    said(LEA, "journal " + wrote({LEA}, "Léa's journal", "Bruno seems tired of me"))
    said(BRUNO, "journal " + wrote({BRUNO}, "Bruno's journal", "Léa needs more structure"))
    for user, words, readers in (
        (MENTOR, "Thomas doute de lui", a),
        (MENTEE, "Claire is often late", a),
        (LEA, "Bruno never listens", {LEA}),  # Bruno has not answered: Léa's alone
    ):
        review = world.modal_by_command(user, "review")
        values = filled(review, "review")
        values["comment"] = {"comment": signing.plain_text(wrote(readers, "review", words))}
        assert running.submit(user, review, values) == {}
    said(MENTEE, f"thanks <@{MENTOR}> " + wrote(a, "A thanks", "Thanks for the Quokka advice"))
    said(BRUNO, f"merci <@{LEA}> " + wrote(b, "B thanks", "Merci pour le dossier Wombat"))

    # The reminders, with their agenda and buttons; the move and add-to-agenda forms.
    world.at(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    reminder = world.last_with(BRUNO, "agenda.add")
    add = world.modal_by_button(BRUNO, reminder, "agenda.add")
    item = wrote(b, "B agenda", "Préparer l'entretien Wombat")
    assert running.submit(BRUNO, add, {"text": {"text": signing.plain_text(item)}}) == {}
    world.modal_by_button(MENTEE, world.last_with(MENTEE, "session.move"), "session.move")

    # After the sessions: a DM summary (one request open), and the summary form with an action.
    world.at(datetime(2026, 12, 3, 18, 5, tzinfo=UTC))
    summary = wrote(a, "A summary", "Thomas wants to leave the Lisbon team")
    assert running.dm(MENTEE, summary)[0].status_code == 200
    form = world.modal_by_button(LEA, world.last_with(LEA, "summary.write"), "summary.write")
    values = filled(form, "unused")
    values |= {
        "decisions": {"decisions": signing.plain_text(wrote(b, "B summary", "Apply to Wombat"))},
        "action_1": {"action_1": signing.plain_text(wrote(b, "B action", "Call Quentin first"))},
        "action_2": {"action_2": signing.plain_text(None)},
        "action_3": {"action_3": signing.plain_text(None)},
        "owner_1": {"owner_1": signing.static_select("mentor")},
        "due_1": {"due_1": signing.datepicker("2026-12-20")},
        "notes": {"notes": signing.plain_text(wrote(b, "B summary", "Bruno est fatigué"))},
    }
    assert running.submit(LEA, form, values) == {}
    # Bruno writes one too: kept aside, unshared, until he says replace, append or keep.
    said(BRUNO, "compte-rendu " + wrote({BRUNO}, "B second summary", "Léa hésite encore"))

    # Confirmations and forms kept for the forgeries: end, forget-me, terms, a new pair.
    said(MENTOR, "terminer")
    said(LEA, "forget-me")
    said(OUTSIDER, "oublier")
    claire_card = world.last_with(MENTOR, "agreement.change")
    terms = world.modal_by_button(MENTOR, claire_card, "agreement.change")
    # New terms proposed to Thomas: the proposal, with its Accept and Decline, waits for him.
    proposal = terms_state(frequency="2w", weekday="1", at="08:30", meeting_format="phone")
    assert running.submit(MENTOR, terms, proposal) == {}
    world.modal_by_command(OUTSIDER, "pair")
    said(LEA, "help-me")
    said(BRUNO, "actions")
    # Each reads what they may: the scan then knows how each text looks when it is sent.
    for user in (MENTOR, MENTEE, BRUNO, LEA):
        said(user, "journal")
        said(user, "my-data")

    # The digest, then the third sessions and the trial question.
    world.at(
        datetime(2026, 12, 7, 8, 0, tzinfo=UTC),
        datetime(2026, 12, 10, 19, 0, tzinfo=UTC),
        datetime(2026, 12, 17, 19, 0, tzinfo=UTC),
    )
    assert fake.messages_to(LEADS_CHANNEL), "the digest came"
    # Two summary requests open: a DM reply is kept until its author says which session.
    for user, pair in ((MENTEE, a), (LEA, b)):
        words = wrote(pair, "a reply awaiting its session", f"Second thoughts of {user}")
        assert running.dm(user, words)[0].status_code == 200
        running.settle()
        assert "summary.discard" in action_ids(fake.messages_to(user)[-1])
    world.at(datetime(2026, 12, 18, 12, 0, tzinfo=UTC), datetime(2026, 12, 18, 18, 0, tzinfo=UTC))
    assert [m for m in fake.messages_to(MENTEE) if "trial.adjust" in action_ids(m)]
    # Three weeks on, no session held since the 3rd: both pairs are asked to plan one (plan,
    # pause, ask a mediator); Claire and Bruno, silent since, are asked whether to pause.
    world.at(*STALL_MOMENTS)
    assert [m for m in fake.messages_to(BRUNO) if "pair.keep" in action_ids(m)]
    assert [m for m in fake.messages_to(LEA) if "pair.help" in action_ids(m)]
    for user in (MENTOR, MENTEE, BRUNO, LEA, ADMIN, OUTSIDER):
        running.home(user)
    running.settle()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with pytest.MonkeyPatch.context() as env, FakeSlack() as fake:
        clear_environment(env)
        fake.add_user(MENTOR, name="claire", tz="Europe/Paris", locale="fr-FR")
        fake.add_user(MENTEE, name="thomas", tz="America/Montreal", locale="en-US")
        fake.add_user(BRUNO, name="bruno", tz="Europe/Paris", locale="fr-FR")
        fake.add_user(LEA, name="lea", tz="Europe/Berlin", locale="en-GB")
        fake.add_user(ADMIN, name="ada", tz="Europe/Paris", locale="en-GB")
        fake.add_user(OUTSIDER, name="oscar", tz="Europe/London", locale="en-GB")
        clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
        url = f"sqlite:///{tmp_path_factory.mktemp('attacks') / 'mentorbot.db'}"
        running = RunningBot(database_url=url, fake=fake, clock=clock, admins=(ADMIN,)).start()
        try:
            built = World(running, fake, clock)
            scenario(built)
            built.buttons = harvest_buttons(running)
            built.modals = harvest_modals(running)
            yield built
        finally:
            running.stop()


@pytest.fixture
def attack(world: World, caplog: pytest.LogCaptureFixture) -> Iterator[Mark]:
    """Scan what the test's requests caused; the pairs' content is unchanged; nothing crashed."""
    before, since = world.pair_rows(), mark(world.fake)
    with caplog.at_level(logging.ERROR):
        yield since
        world.running.settle()
    assert world.pair_rows() == before, "a forged request changed a pair's content"
    crashes = [r.getMessage() for r in caplog.records if r.exc_info]
    assert not crashes, crashes


def test_settle_waits_for_the_work_a_request_started_after_its_ack(
    running: RunningBot, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bolt answers Slack at the ack and does the work afterwards: a scan right after the HTTP
    answer would see nothing yet and pass whatever the work then sends. `settle` waits."""
    gate = threading.Event()
    run = commands_listener.handle_command

    def held(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(10)
        return run(*args, **kwargs)

    monkeypatch.setattr(commands_listener, "handle_command", held)
    response, name = running.command(OUTSIDER, "pairs")
    assert response.status_code == 200
    assert fake.responses(name) == []  # acknowledged, the work still to do
    gate.set()
    running.settle()
    [answer] = fake.responses(name)  # no polling: settled means done
    assert "not in any mentoring pair" in answer["text"]


def test_forged_direct_messages_are_filed_nowhere(world: World, attack: Mark) -> None:
    """A plain DM from someone in no pair, or from the admin, is nobody's summary."""
    for number, user in enumerate((OUTSIDER, ADMIN) * 3):
        forge_dm(world.running, user, f"Forged summary {number}: <@{MENTEE}> said it all")
    world.running.settle()
    assert_no_leaks(world.secrets, slack=world.fake, audience=world.running.audience, since=attack)


def test_a_mentor_of_two_mentees_answers_one_summary_request_by_dm(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    """Claire mentors Thomas (Thu 18:00) and Léa (Thu 19:30); the next day her only summary
    request is about Thomas, and she answers it by DM: only Thomas may read it."""
    fake.add_user(LEA, name="lea", tz="Europe/Berlin", locale="en-GB")
    running.make_pair(MENTOR, f"pair <@{MENTOR}> <@{MENTEE}> weekly on thursday at 18:00")
    running.make_pair(MENTOR, f"pair <@{MENTOR}> <@{LEA}> weekly on thursday at 19:30")
    for moment in ((2, 17, 0), (3, 18, 0), (3, 19, 30), (4, 18, 5)):
        clock.set(datetime(2026, 12, *moment, tzinfo=UTC))
        running.settle()
    [request] = [m for m in fake.messages_to(MENTOR) if "summary.write" in action_ids(m)]
    assert f"<@{MENTEE}>" in text_of(request)
    since = mark(fake)
    words = "Il veut quitter son équipe"
    assert running.dm(MENTOR, words)[0].status_code == 200
    running.settle()
    secret = Secret(words, {MENTOR, MENTEE}, "Claire's summary of her session with Thomas")
    assert_no_leaks([secret], slack=fake, audience=running.audience, since=since)


def attackers(role: str, owner: str) -> list[str]:
    """Who forges, for content shown to `owner`: nobody when `owner` would be the forger."""
    if role == "outsider":
        return [OUTSIDER] if owner != OUTSIDER else []
    if role == "admin":
        return [ADMIN] if owner != ADMIN else []
    pair = PAIR_OF.get(owner)
    return [INTRUDER[pair]] if pair else []


def test_the_scenario_itself_leaks_nothing_and_the_scanner_would_see_a_leak(
    world: World,
) -> None:
    assert_no_leaks(world.secrets, slack=world.fake, audience=world.running.audience)
    sent = slack_deliveries(world.fake, world.running.audience)
    assert unread(world.secrets, sent) == [], "each text reached its readers: the scan sees it"
    kinds = {s.what for s in world.secrets}
    assert {"A agenda", "A goal", "A milestone", "A summary", "review", "B action"} <= kinds
    planted = Delivery("a planted DM", OUTSIDER, {"text": f"FYI: {world.secrets[0].text}"})
    assert find_leaks(world.secrets, [planted]) == [f"a planted DM read by {OUTSIDER}: A agenda"]
    assert set(BUTTONS) <= {b.action for b in world.buttons}, "the scenario shows every button"
    assert set(FORMS) <= {m.callback_id for m in world.modals}, "and opens every form"


def shown(world: World, action: str) -> list[tuple[str, frozenset[str] | None, str]]:
    """The distinct values of the `action` buttons the bot rendered: each with the pair it was
    shown to (None: someone in no pair) and one person who saw it."""
    found: dict[tuple[str, frozenset[str] | None], str] = {}
    for button in world.buttons:
        if button.action == action:
            found.setdefault((button.value, PAIR_OF.get(button.owner)), button.owner)
    return [(value, pair, owner) for (value, pair), owner in found.items()]


def click_route(action: str, value: str, number: int) -> str:
    """Every other forgery comes from the Home tab (`home:<action>:<value>`), the rest from a
    message: both roads lead to the same check, both must hold."""
    return f"home:{action}:{value[:200]}" if number % 2 else action


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", BUTTONS)
def test_forged_clicks_leak_nothing(world: World, attack: Mark, action: str, role: str) -> None:
    """Every button of `action` the bot rendered, clicked (on a message or the Home tab) by
    someone it was not for; or by a pair's member with the other pair's ids and tampered ones."""
    seen = shown(world, action)
    assert seen, f"the scenario never showed a {action} button"
    forged = 0
    if role == "tampered":
        for number, pair in enumerate((PAIR_A, PAIR_B)):
            values = [v for v, shown_to, _ in seen if shown_to not in (pair, None)]
            values += list(TAMPERED) if number == TAMPERED_PAIR.get(action, 0) else []
            member = sorted(pair)[number]
            for value in values:
                forge_click(world.running, member, click_route(action, value, forged), value)
                forged += 1
    else:
        for value, _, owner in seen:
            for user in attackers(role, owner):
                forge_click(world.running, user, click_route(action, value, forged), value)
                forged += 1
    assert forged or role == "other_pair", f"no {action} button to forge"
    world.running.settle()
    assert_no_leaks(world.secrets, slack=world.fake, audience=world.running.audience, since=attack)


def _metadata_variants(opened: Opened, world: World) -> list[str]:
    """The other pair's ids in the form's hidden state, and tampered ones."""
    pair = PAIR_OF.get(opened.owner)
    keys = [k for k in opened.metadata if k in ("session", "pair")] or ["session"]
    theirs = [
        json.dumps(m.metadata)
        for m in world.modals
        if m.callback_id == opened.callback_id and PAIR_OF.get(m.owner) not in (pair, None)
    ]
    tampered = [json.dumps({k: v for k in keys}) for v in TAMPERED]
    tampered += [json.dumps({k: 10**30 for k in keys}), "not json", "[]", "", "{}"]
    return theirs + tampered


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("form", FORMS)
def test_forged_form_submissions_leak_nothing(
    world: World, attack: Mark, form: str, role: str
) -> None:
    """Every form the bot opened, submitted with valid values by someone it was not opened
    for, or by a member with the other pair's session or pair id and tampered hidden state."""
    answers = []
    distinct = {m.view["private_metadata"]: m for m in world.modals if m.callback_id == form}
    for opened in distinct.values():
        values = filled(opened.view, "Forged words")
        if "mentor" in values:  # the pair form: the two members of the pair it was opened for
            pair = sorted(PAIR_OF.get(opened.owner, PAIR_A))
            values["mentor"] = {"mentor": signing.users_select(pair[0])}
            values["mentee"] = {"mentee": signing.users_select(pair[1])}
        meta = opened.view["private_metadata"]
        if role == "tampered":
            pair = PAIR_OF.get(opened.owner)
            members = sorted(pair) if pair else [opened.owner]
            for number, variant in enumerate(_metadata_variants(opened, world)):
                user = members[number % len(members)]
                answers.append(forge_submission(world.running, user, form, variant, values))
            continue
        for user in attackers(role, opened.owner):
            answers.append(forge_submission(world.running, user, form, meta, values))
            home = json.dumps({**opened.metadata, "home": True})
            answers.append(forge_submission(world.running, user, form, home, values))
    assert answers or (form == "pair" and role in ("outsider", "other_pair"))
    world.running.settle()
    assert_no_leaks(
        world.secrets,
        slack=world.fake,
        audience=world.running.audience,
        answers=answers,
        since=attack,
    )


# Arguments that point at another pair's items ({a} and {b} are its members): for every
# subcommand, then those a subcommand reads further.
COMMAND_ARGUMENTS = ("", "<@{a}>", "<@{b}> 1", "1", "9" * 30)
ARGUMENTS_OF = {
    "agenda": ("<@{a}> done 1", "<@{b}> remove 1", "<@{a}> add Forged item"),
    "goals": ("<@{a}> done 1", "<@{b}> fait 1.1", "<@{a}> milestone 1 Forged step"),
    "actions": ("<@{a}> done 1",),
    "history": ("2", "3"),
    "move": ("<@{a}> 2026-12-24 10:00",),
    "pause": ("<@{a}> until 2027-01-10",),
    "end": ("<@{b}> confirm",),
    "forget-me": ("<@{b}> confirm",),
    "pair": ("<@{a}> <@{b}> weekly on monday at 10:00",),
    "digest": (f"<#{LEADS_CHANNEL}|leads>",),
    "thanks": ("<@{a}> Forged thanks",),
    "summary": ("<@{a}> Forged summary",),
}


def _commands(name: str) -> list[str]:
    """The words of command `name` (English and French), the canonical one first."""
    return [name, *sorted(w for w, n in ALIASES.items() if n == name and w != name)]


@pytest.mark.parametrize("role", ROLES[:3])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_forged_commands_leak_nothing(world: World, attack: Mark, name: str, role: str) -> None:
    """Every subcommand, in each of its words, pointed at either pair's items by outsiders, the
    admin (no `pair` for them: they may pair anyone) and the other pair's members."""
    words = _commands(name)
    for number, argument in enumerate(COMMAND_ARGUMENTS + ARGUMENTS_OF.get(name, ())):
        pair = (PAIR_A, PAIR_B)[number % 2]
        a, b = sorted(pair)
        user = {"outsider": OUTSIDER, "admin": ADMIN, "other_pair": INTRUDER[pair]}[role]
        if role == "other_pair" and "<@" not in argument and name != "history":
            continue  # a member of a pair acts on their own pair unless they name someone else
        if role == "other_pair" and name == "forget-me" and "confirm" in argument:
            continue  # they would erase themselves, which they may
        if role == "admin" and name == "pair" and "<@{b}>" not in argument:
            continue  # an admin may pair anyone: only an existing pair is an attack
        word = words[number % len(words)]
        forge_command(world.running, user, f"{word} {argument.format(a=a, b=b)}".strip())
    world.running.settle()
    assert_no_leaks(world.secrets, slack=world.fake, audience=world.running.audience, since=attack)


COMMAND_WORDS = st.sampled_from(sorted(ALIASES))
TEXTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(["1", "2", "1.1", "done", "fait", "add", "remove", "confirm", "until"])


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    user=st.sampled_from([OUTSIDER, ADMIN, LEA]),
    word=COMMAND_WORDS,
    target=st.sampled_from([MENTOR, MENTEE, ""]),
    rest=st.lists(TEXTS, max_size=4),
)
def test_generated_commands_from_outsiders_never_leak(
    world: World, user: str, word: str, target: str, rest: list[str]
) -> None:
    if user == LEA and not target:
        target = MENTEE  # without naming someone, Léa acts on her own pair
    if ALIASES[word] == "pair" and user == ADMIN:
        return  # an admin may pair anyone: not an attack
    if ALIASES[word] == "forget-me" and user == LEA:
        return  # Léa may erase herself
    since = mark(world.fake)
    mention = f"<@{target}> " if target else ""
    forge_command(world.running, user, f"{word} {mention}{' '.join(rest)}".strip())
    world.running.settle()
    assert_no_leaks(world.secrets, slack=world.fake, audience=world.running.audience, since=since)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    user=st.sampled_from([OUTSIDER, ADMIN, LEA]),
    action=st.sampled_from(BUTTONS),
    home=st.booleans(),
    value=st.integers(min_value=-3, max_value=60).map(str) | TEXTS,
)
def test_generated_button_values_from_outsiders_never_leak(
    world: World, user: str, action: str, home: bool, value: str
) -> None:
    if value.isdigit() and (user == LEA or action == "person.forget"):
        return  # her own pair's ids, or one's own erasure: not attacks (the cases above are)
    since = mark(world.fake)
    forge_click(world.running, user, f"home:{action}:{value[:100]}" if home else action, value)
    world.running.settle()
    assert_no_leaks(world.secrets, slack=world.fake, audience=world.running.audience, since=since)
