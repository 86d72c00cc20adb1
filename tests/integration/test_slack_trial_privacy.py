"""The trial question stays private: whatever each member answers (or not), what one reads never
depends on the other's answer beyond the outcome both are told, worded without naming anyone.

Every combination of answers is played on its own bot; the test then scans every call the fake
Slack received for each member and compares the scenarios with each other.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product
from pathlib import Path
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, add_cast
from tests.integration.harness import RunningBot, action_ids, buttons_of, text_of

# Monthly, so that no session (nor its reminder) falls in the two weeks the question stays open.
PAIR = (
    f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> monthly on the first thursday at 18:00 "
    "tz Europe/Paris"
)
# Sessions on 3 December, 7 January and 4 February; the question comes a day after the third.
STEPS = [datetime(2026, 12, 20, 8, 0, tzinfo=UTC), datetime(2027, 1, 20, 8, 0, tzinfo=UTC)]
ASKED = datetime(2027, 2, 5, 18, 0, tzinfo=UTC)
LAPSED = datetime(2027, 2, 19, 18, 0, tzinfo=UTC)
AFTER = datetime(2027, 2, 20, 10, 0, tzinfo=UTC)
ANSWERS = ("continue", "adjust", "stop", None)  # None: never answers


def outcome(*answers: str | None) -> str:
    """The rule the README states: stop wins over adjust, adjust over continue; no answer
    changes nothing."""
    return next(c for c in ("stop", "adjust", "continue") if c in (*answers, "continue"))


def seen(message: dict[str, Any]) -> str:
    """What a person reads in a message and what its buttons do (their values are ids)."""
    return f"{text_of(message)}\n{sorted(b['action_id'] for b in buttons_of(message))}"


@dataclass
class Seen:
    """What one member got in one scenario."""

    reply: str  # the answer to pressing their trial button ("" when they did not)
    public: list[str]  # DMs (any order), then Home and /mentor pairs once it is all over
    export: dict[str, Any]  # their my-data file


def press_trial(running: RunningBot, user: str, choice: str) -> str:
    """`user` answers from their trial question; everything their click led to, for them."""
    fake = running.fake
    assert fake is not None
    [question] = [m for m in fake.messages_to(user) if f"trial.{choice}" in action_ids(m)]
    opened = len(fake.calls("views.open"))
    response, name = running.press(user, question, f"trial.{choice}")
    assert response.status_code == 200, response.text
    answered = fake.wait_for(lambda: fake.responses(name) or fake.calls("views.open")[opened:])
    running.settle()
    return "\n".join(seen(a) if isinstance(a, dict) else seen(a.args["view"]) for a in answered)


def play_all(tmp: Path, scenarios: list[tuple[str | None, str | None]]) -> dict:
    """Every scenario at once, each by its own two people on one bot: {scenario: {MENTOR:
    Seen, MENTEE: Seen}}, each one's ids written as Claire's and Thomas's."""
    clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    cast = {s: (f"UCLAIRE{chr(65 + n)}", f"UTHOMAS{chr(65 + n)}") for n, s in enumerate(scenarios)}
    with FakeSlack() as fake:
        add_cast(fake)
        for mentor, mentee in cast.values():
            fake.add_user(mentor, name="claire", tz="Europe/Paris", locale="fr-FR")
            fake.add_user(mentee, name="thomas", tz="America/Montreal", locale="en-US")
        running = RunningBot(database_url=f"sqlite:///{tmp / 'bot.db'}", fake=fake, clock=clock)
        running.start()
        try:
            for mentor, mentee in cast.values():
                running.make_pair(mentee, PAIR.replace(MENTOR, mentor).replace(MENTEE, mentee))
            for step in (*STEPS, ASKED):
                clock.set(step)
                running.dispatch()
            replies = {user: "" for people in cast.values() for user in people}
            for scenario, people in cast.items():
                for user, choice in zip(people, scenario, strict=True):
                    if choice is not None:
                        replies[user] = press_trial(running, user, choice)
            for step in (LAPSED, AFTER):
                clock.set(step)
                running.dispatch()
            played = {}
            for scenario, people in cast.items():

                def canonical(text: str, people=people) -> str:
                    return text.replace(people[0], MENTOR).replace(people[1], MENTEE)

                played[scenario] = {}
                for role, user in zip((MENTOR, MENTEE), people, strict=True):
                    public = sorted(seen(m) for m in fake.messages_to(user))
                    public.append(text_of(running.home(user)))
                    public.append(text_of(running.answer(user, "pairs")))
                    running.answer(user, "my-data")
                    [file] = fake.wait_for(
                        lambda u=user: [f for f in fake.files_to(u) if f["name"].endswith(".json")]
                    )
                    export = json.loads(canonical(file["content"].decode()))
                    for pair in export["pairs"]:
                        del pair["id"]  # each scenario's pair has its own
                    reply, public = canonical(replies[user]), [canonical(p) for p in public]
                    played[scenario][role] = Seen(reply, public, export)
            return played
        finally:
            running.stop()


def grouped(played: dict[tuple[str | None, str | None], dict[str, Seen]], key, part):
    """Scenarios grouped by what a member may legitimately know — `key(own answer, outcome,
    whether both answered)`, the last one shown by when the outcome comes: {group: {part}}."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = defaultdict(dict)
    for (mentor, mentee), members in played.items():
        known = (outcome(mentor, mentee), None not in (mentor, mentee))
        for user, own in ((MENTOR, mentor), (MENTEE, mentee)):
            label = f"claire={mentor} thomas={mentee}"
            groups[(user, *key(own, *known))][label] = part(members[user])
    return groups


def assert_same_within(groups) -> None:
    for known, variants in groups.items():
        first = next(iter(variants.values()))
        for label, value in variants.items():
            assert value == first, f"{known}: {label} differs from {next(iter(variants))}"


def test_no_member_learns_the_other_ones_trial_answer(tmp_path: Path) -> None:
    # Thomas alone answering mirrors Claire alone: one case of it (adjust) suffices.
    scenarios = [
        (mentor, mentee)
        for mentor, mentee in product(ANSWERS, ANSWERS)
        if mentor is not None or mentee in (None, "adjust")
    ]
    played = play_all(tmp_path, scenarios)

    # The answer to one's own click depends on one's own choice only …
    assert_same_within(grouped(played, lambda own, *_: (own,), lambda s: s.reply))
    # … what reaches each one afterwards on the outcome only, the same whoever chose what …
    assert_same_within(grouped(played, lambda _, *known: known, lambda s: s.public))
    # … and their export on that and their own answer (never the other's).
    assert_same_within(grouped(played, lambda *known: known, lambda s: s.export))
    for (mentor, mentee), members in played.items():
        for user, own in ((MENTOR, mentor), (MENTEE, mentee)):
            [pair] = members[user].export["pairs"]
            assert pair["my_trial_answer"] == own

    # The outcome itself, told to both alike.
    goes_on = played[("continue", "continue")]
    assert "your pair goes on" in "\n".join(goes_on[MENTEE].public)
    assert "votre binôme continue" in "\n".join(goes_on[MENTOR].public)
    adjusting = played[("continue", "adjust")]
    for user, over in ((MENTOR, "période d'essai est terminée"), (MENTEE, "trial period is over")):
        [offered] = [m for m in adjusting[user].public if over in m]
        assert "agreement.change" in offered and "<@" in offered
    stopped = played[("continue", "stop")]
    assert "ended" in "\n".join(stopped[MENTEE].public)
    assert "not in any mentoring pair" in stopped[MENTEE].public[-1]
    silent = played[(None, None)]
    assert "your pair goes on" in "\n".join(silent[MENTEE].public)
