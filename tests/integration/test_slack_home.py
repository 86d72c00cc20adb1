"""The App Home tab over signed HTTP: published on app_home_opened, its buttons, its modals."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import RunningBot, buttons_of, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
AFTER_FIRST_SESSION = datetime(2026, 12, 3, 19, 0, tzinfo=UTC)


def home_ids(view: dict[str, Any], action: str) -> list[str]:
    """The action_ids of the Home's buttons for one core action (`goal.done`…)."""
    return [
        b["action_id"] for b in buttons_of(view) if b["action_id"].startswith(f"home:{action}:")
    ]


def press(running: RunningBot, user: str, action_id: str) -> dict[str, Any]:
    """Press a Home button that answers in place; the Home published after it."""
    published = len(running.home_publishes(user))
    running.press_home(user, action_id)
    return running.wait_home(user, published)


def open_modal(running: RunningBot, fake: FakeSlack, user: str, action_id: str) -> dict[str, Any]:
    """Press a Home button that opens a modal; the modal, checked by the fake as Slack would."""
    opened = len(fake.calls("views.open"))
    running.press_home(user, action_id)
    call = fake.wait_for(lambda: fake.calls("views.open")[opened:])[0]
    assert call.response["ok"], call.response
    return call.args["view"]


def test_the_home_shows_pairs_sessions_actions_goals_and_the_summary_owed(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "goals add Lead the Q1 review by 2027-03-31")
    running.answer(MENTEE, "goals milestone 1 Draft the plan")
    running.answer(MENTEE, "agenda add Career plan")
    view = running.home(MENTEE)
    assert view["type"] == "home" and fake.rejections() == []
    text = text_of(view)
    assert "Nothing is waiting for you." in text
    assert f"Mentee of <@{MENTOR}>" in text
    assert "*Thursday 3 December 2026, 12:00 (America/Montreal)*" in text
    assert "1 point on the agenda" in text
    assert "1. Lead the Q1 review, by Wednesday 31 March 2027" in text
    assert "◦ 1.1 Draft the plan" in text
    for action in ("agenda.add", "session.move", "session.skip", "goal.done", "goal.add"):
        assert home_ids(view, action), action

    clock.set(AFTER_FIRST_SESSION)
    view = running.home(MENTOR)
    text = text_of(view)
    assert "En attente de vous" in text and "reste à écrire" in text
    assert "jeudi 10 décembre 2026" in text
    assert home_ids(view, "summary.write")


def test_a_home_opened_on_the_messages_tab_publishes_nothing(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.make_pair(MENTEE, PAIR)
    assert running.open_home(MENTEE, tab="messages").status_code == 200
    running.settle()
    assert fake.calls("views.publish") == []
    view = running.home(OUTSIDER)
    assert "not in any mentoring pair yet" in text_of(view) and buttons_of(view) == []


def test_an_answer_the_home_cannot_show_comes_by_dm(running: RunningBot, fake: FakeSlack) -> None:
    """views.publish answers 500, and 500 again to the retry: the goal is reached all the
    same, and the answer the Home was to show reaches Thomas by DM."""
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "goals add Present to the committee")
    running.home(MENTEE)
    [done] = home_ids(fake.home_of(MENTEE) or {}, "goal.done")
    running.settle()
    fake.reset()
    fake.fail_next("views.publish", "internal_error", status=500, times=2)
    running.press_home(MENTEE, done)
    running.quiesce()
    assert [call.status for call in fake.calls("views.publish")] == [500, 500]
    [answer] = fake.messages_to(MENTEE)
    assert "Goal reached: Present to the committee" in text_of(answer)


def test_home_buttons_act_and_refresh_the_home(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "goals add Present to the committee")
    running.home(MENTEE)

    [done] = home_ids(fake.home_of(MENTEE) or {}, "goal.done")
    view = press(running, MENTEE, done)
    assert "Goal reached: Present to the committee" in text_of(view)
    assert home_ids(view, "goal.done") == [] and "No open goals" in text_of(view)

    # A SMART goal from the Home: errors next to the fields, then the Home shows it.
    modal = open_modal(running, fake, MENTEE, home_ids(view, "goal.add")[0])
    assert modal["callback_id"] == "goal" and json.loads(modal["private_metadata"])["home"]
    bad = running.submit(MENTEE, modal, {"target": {"target": signing.datepicker("2027-13-01")}})
    assert bad["response_action"] == "errors"
    assert set(bad["errors"]) == {"specific", "measurable", "target"}
    published = len(running.home_publishes(MENTEE))
    values = {
        "specific": {"specific": signing.plain_text("Lead the Q1 review")},
        "measurable": {"measurable": signing.plain_text("Plan approved")},
        "target": {"target": signing.datepicker("2027-03-31")},
    }
    assert running.submit(MENTEE, modal, values) == {}
    view = running.wait_home(MENTEE, published)
    assert "Goal 2 set" in text_of(view) and "2. Lead the Q1 review — measure" in text_of(view)

    # Add to the agenda from the Home: the modal, then the refreshed count.
    modal = open_modal(running, fake, MENTEE, home_ids(view, "agenda.add")[0])
    published = len(running.home_publishes(MENTEE))
    assert running.submit(MENTEE, modal, {"text": {"text": signing.plain_text("Budget")}}) == {}
    view = running.wait_home(MENTEE, published)
    assert "1 point on the agenda" in text_of(view)

    # After the session: the summary owed, written from the Home with an action.
    clock.set(AFTER_FIRST_SESSION)
    view = running.home(MENTEE)
    modal = open_modal(running, fake, MENTEE, home_ids(view, "summary.write")[0])
    published = len(running.home_publishes(MENTEE))
    summary = {
        "action_1": {"action_1": signing.plain_text("Draft the roadmap")},
        "owner_1": {"owner_1": signing.static_select("mentee")},
    }
    assert running.submit(MENTEE, modal, summary) == {}
    view = running.wait_home(MENTEE, published)
    assert "Nothing is waiting for you." in text_of(view)
    assert "Draft the roadmap" in text_of(view)
    view = press(running, MENTEE, home_ids(view, "action.done")[0])
    assert "Done: Draft the roadmap" in text_of(view)
    assert "No open actions" in text_of(view)

    # Skip the next session from the Home; the other side is told.
    fake.reset()
    view = press(running, MENTEE, home_ids(view, "session.skip")[0])
    assert "Thursday 17 December 2026" in text_of(view)
    assert fake.wait_for(lambda: fake.messages_to(MENTOR))
    assert fake.rejections() == []


def test_a_stale_home_button_is_answered_politely(running: RunningBot, fake: FakeSlack) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "goals add Present to the committee")
    view = running.home(MENTEE)
    running.answer(MENTEE, "end <@UCLAIRE|claire> confirm")
    running.settle()  # the Home was published anew: the button is pressed on the stale copy
    published = len(running.home_publishes(MENTEE))
    running.press_home(MENTEE, home_ids(view, "goal.done")[0], view=view)
    view = running.wait_home(MENTEE, published)
    assert ":warning:" in text_of(view) and "not one of your active pairs" in text_of(view)
    assert "not in any mentoring pair yet" in text_of(view)
