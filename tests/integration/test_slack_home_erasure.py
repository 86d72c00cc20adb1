"""The Home tab is a copy the bot placed in Slack: when someone's words are erased (forget-me, an
operator's erasure), the other member's Home is published again without them, by the
dispatcher — not left holding them until it is opened again."""

from __future__ import annotations

import json

from bot.kernel.clock import ManualClock
from bot.privacy.personal_data import erase, on_request
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
AGENDA = "HOMESECRET from thomas"
GOAL = "HOMEGOAL of thomas"


def claire_sees_thomas_on_her_home(running: RunningBot) -> int:
    """Thomas writes an agenda point and a goal, Claire opens her Home and sees the goal (the
    agenda as a count); how many Homes she was published so far."""
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, f"agenda add {AGENDA}")
    running.answer(MENTEE, f"goals add {GOAL}")
    running.settle()
    view = running.home(MENTOR)
    assert GOAL in text_of(view) and "1 point" in text_of(view)
    running.settle()  # the Home's own work, if any, before counting
    return len(running.home_publishes(MENTOR))


def assert_republished_without_thomas(running: RunningBot, fake: FakeSlack, before: int) -> None:
    """Claire did not open her Home again: the bot published it anew, with none of his words."""
    view = running.wait_home(MENTOR, before)
    assert fake.home_of(MENTOR) == view and fake.rejections() == []
    stored = json.dumps(view)
    assert GOAL not in stored and AGENDA not in stored and MENTEE not in stored
    assert "aucun binôme" in text_of(view)  # Claire reads French


def test_forget_me_republishes_the_other_members_home_without_their_words(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    before = claire_sees_thomas_on_her_home(running)
    assert "erased" in text_of(running.answer(MENTEE, "forget-me confirm"))
    running.settle()
    assert_republished_without_thomas(running, fake, before)
    assert running.home_publishes(MENTEE) == []  # nothing placed for the erased person


def test_an_operators_erasure_republishes_the_other_members_home(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    before = claire_sees_thomas_on_her_home(running)
    assert running.bot is not None
    # As `mentorbot data erase` does, in a process of its own: only the database is shared.
    ended = on_request(
        running.bot.core, name=f"slack:{MENTEE}", operator="dpo", action="erase", work=erase
    )
    assert ended == 1
    running.settle()
    assert_republished_without_thomas(running, fake, before)
