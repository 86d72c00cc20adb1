"""A pair's goals on Slack: commands, milestones, the SMART modal, reminders, confidentiality."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import RunningBot, action_ids, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def said(running: RunningBot, user: str, text: str) -> str:
    return text_of(running.answer(user, text))


def test_goals_and_milestones_are_set_and_reached_by_both_members(running: RunningBot) -> None:
    running.make_pair(MENTEE, PAIR)
    added = said(running, MENTEE, "goals add Lead the Q1 review by 2027-03-31")
    assert "Goal 1 set: Lead the Q1 review, by Wednesday 31 March 2027" in added
    assert f"<@{MENTOR}> sees it too" in added
    assert "Objectif 2 fixé : Présenter au comité" in said(
        running, MENTOR, "objectifs ajouter Présenter au comité avant le 2027-01-10"
    )
    assert "Milestone 1.1 added: Draft the plan" in said(
        running, MENTEE, "goals milestone 1 Draft the plan by 2027-01-15"
    )
    assert "Étape 1.2 ajoutée : Relire avec Ana" in said(
        running, MENTOR, "objectifs etape 1 Relire avec Ana"
    )
    listed = running.answer(MENTOR, "objectifs")
    lines = text_of(listed)
    assert "1. Lead the Q1 review, pour le mercredi 31 mars 2027" in lines
    assert "◦ 1.1 Draft the plan, pour le vendredi 15 janvier 2027" in lines
    assert "2. Présenter au comité" in lines
    assert "goal.add" in action_ids(listed)

    assert "Milestone done: Draft the plan" in said(running, MENTEE, "goals done 1.1")
    assert "Goal reached: Présenter au comité" in said(running, MENTEE, "goals done 2")
    assert "already reached" in said(running, MENTEE, "goals done 2")
    lines = said(running, MENTEE, "goals")
    assert "1.1 Draft the plan, by Friday 15 January 2027 (done)" in lines
    assert "1.2 Relire avec Ana" in lines and "1.2 Relire avec Ana (done)" not in lines
    assert "2. Présenter au comité, by Sunday 10 January 2027 (done)" in lines


def test_bad_goal_commands_get_a_polite_answer_and_change_nothing(running: RunningBot) -> None:
    running.make_pair(MENTEE, PAIR)
    assert "No goals yet" in said(running, MENTEE, "goals done 1")
    assert "Say what it is" in said(running, MENTEE, "goals add")
    assert "could not read the date 2027-02-30" in said(
        running, MENTEE, "goals add Ship it by 2027-02-30"
    )
    assert "YYYY-MM-DD" in said(running, MENTEE, "goals add Ship it by 31/03/2027")
    assert "already passed" in said(running, MENTEE, "goals add Ship it by 2026-01-01")
    assert "at most 500" in said(running, MENTEE, "goals add " + "x" * 501)
    assert "No goals yet" in said(running, MENTEE, "goals")
    assert "Goal 1 set: Learn by example" in said(running, MENTEE, "goals add Learn by example")
    assert "between 1 and 1" in said(running, MENTEE, "goals done 4")
    assert "no milestones yet" in said(running, MENTEE, "goals done 1.1")
    assert "between 1 and 1" in said(running, MENTEE, "goals milestone 3 Step")
    said(running, MENTEE, "goals milestone 1 Step one")
    assert "has 1 milestone: give 1.1." in said(running, MENTEE, "goals done 1.4")
    assert "/mentor goals smart" in said(running, MENTEE, "goals fly to the moon")
    assert "/mentor goals smart" in said(running, MENTEE, "goals milestone")
    assert "(done)" not in said(running, MENTEE, "goals")


def test_goals_are_unreadable_by_outsiders_admins_and_digests(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    said(running, MENTEE, "goals add Negotiate the Lisbon budget by 2027-03-31")
    for reader in (ADMIN, OUTSIDER):
        for command in ("goals", f"goals <@{MENTEE}|thomas>", "goals done 1"):
            assert "Lisbon" not in said(running, reader, command)
        assert "Lisbon" not in text_of(running.home(reader))
    assert "not in a pair with" in said(running, OUTSIDER, f"goals <@{MENTEE}|thomas>")
    assert "(done)" not in said(running, MENTOR, "goals")
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    running.dispatch()
    [digest] = fake.messages_to(LEADS_CHANNEL)
    assert "Lisbon" not in text_of(digest)


def test_the_reminder_names_goals_due_soon_and_counts_the_rest(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    said(running, MENTEE, "goals add Present to the committee by 2026-12-20")
    said(running, MENTEE, "goals add Lead the Q1 review by 2027-03-31")
    said(running, MENTEE, "goals add Read two books on negotiation")
    said(running, MENTEE, "goals add Done already")
    said(running, MENTEE, "goals done 4")
    clock.set(REMINDER_AT)
    running.dispatch()
    reminder = text_of(fake.messages_to(MENTEE)[-1])
    assert "Your goals" in reminder
    assert "Present to the committee, by Sunday 20 December 2026" in reminder
    assert "3 open goals in all" in reminder
    assert "Lead the Q1 review" not in reminder and "Done already" not in reminder
    assert "Vos objectifs" in text_of(fake.messages_to(MENTOR)[-1])


def test_smart_goal_modal_validates_then_sets_the_goal(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.make_pair(MENTEE, PAIR)
    response, _ = running.command(MENTEE, "goals smart", trigger_id="trigger-smart")
    assert response.status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.response["ok"], opened.response
    view = opened.args["view"]
    assert view["callback_id"] == "goal"
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert list(inputs) == ["specific", "measurable", "achievable", "relevant", "target"]
    assert all("hint" in block for block in inputs.values())
    assert inputs["target"]["element"]["type"] == "datepicker"
    assert [n for n, b in inputs.items() if not b["optional"]] == [
        "specific",
        "measurable",
        "target",
    ]

    bad = running.submit(
        MENTEE,
        view,
        {
            "specific": {"specific": signing.plain_text("  ")},
            "measurable": {"measurable": signing.plain_text("The plan approved")},
            "target": {"target": signing.datepicker("2026-11-01")},
        },
    )
    assert bad["response_action"] == "errors"
    assert set(bad["errors"]) == {"specific", "target"}
    assert "already passed" in bad["errors"]["target"]
    assert "No goals yet" in said(running, MENTEE, "goals")

    good = running.submit(
        MENTEE,
        view,
        {
            "specific": {"specific": signing.plain_text("Lead my team's Q1 roadmap review")},
            "measurable": {"measurable": signing.plain_text("The plan approved by Ana")},
            "achievable": {"achievable": signing.plain_text("Two hours a week")},
            "relevant": {"relevant": signing.plain_text(None)},
            "target": {"target": signing.datepicker("2027-03-31")},
        },
    )
    assert good == {}
    confirmed = fake.wait_for(
        lambda: [m for m in fake.messages_to(MENTEE) if "Goal 1 set" in text_of(m)]
    )
    assert "Lead my team's Q1 roadmap review — measure: The plan approved by Ana; how: Two " in (
        text_of(confirmed[0])
    )
    listed = said(running, MENTOR, "objectifs")
    assert "1. Lead my team's Q1 roadmap review" in listed and "31 mars 2027" in listed


def test_several_pairs_name_the_other_person(running: RunningBot) -> None:
    running.make_pair(MENTOR, PAIR)
    running.make_pair(
        MENTOR, f"pair <@{MENTOR}|claire> <@{OUTSIDER}|oscar> every 2 weeks on tuesday at 09:00"
    )
    asked = said(running, MENTOR, "objectifs ajouter Budget")
    assert f"<@{MENTEE}>" in asked and f"<@{OUTSIDER}>" in asked
    assert "Objectif 1 fixé : Budget" in said(
        running, MENTOR, f"objectifs <@{OUTSIDER}|oscar> ajouter Budget"
    )
    assert "Budget" in said(running, OUTSIDER, "goals")
    assert "No goals yet" in said(running, MENTEE, "goals")
