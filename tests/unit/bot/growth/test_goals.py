"""Goal commands through the core: target dates, numbers, and polite answers to bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from bot.commands import handle_command
from bot.commands.parser import parse_command
from bot.forms.goal import smart_text
from bot.growth.goals import split_target
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.replies import Reply
from bot.pairs.creation import create_pair
from storage.models import Goal
from storage.queries.people import upsert_person
from tests.unit.bot.planning.test_planner import RHYTHM as PLANNER_RHYTHM

RHYTHM = replace(PLANNER_RHYTHM, interval=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lead the Q1 review by 2027-03-31", ("Lead the Q1 review", date(2027, 3, 31))),
        ("Animer la revue avant le 2027-03-31", ("Animer la revue", date(2027, 3, 31))),
        ("Animer la revue d'ici 2027-03-31 ", ("Animer la revue", date(2027, 3, 31))),
        ("Ship it BEFORE 2027-01-05", ("Ship it", date(2027, 1, 5))),
        ("Learn by example", ("Learn by example", None)),
        ("Read 2 books by June", ("Read 2 books by June", None)),
        ("By 2027-03-31 lead the review", ("By 2027-03-31 lead the review", None)),
    ],
)
def test_a_trailing_date_is_the_target(text: str, expected: tuple[str, date | None]) -> None:
    assert split_target(text) == expected


@pytest.mark.parametrize(
    "text", ["Ship by 2027-02-30", "Ship by 31/03/2027", "Ship avant 2027.3.1"]
)
def test_a_date_shaped_word_that_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(UserError) as refused:
        split_target(text)
    assert refused.value.key == "goals.bad_date"


def test_goals_words_in_both_languages() -> None:
    for text in ("goals", "Objectifs ajouter x", "objectif fait 1", "goal smart"):
        assert parse_command(text).name == "goals"


def test_a_smart_goal_reads_as_one_sentence() -> None:
    values = {"specific": "Lead the review", "measurable": "Plan approved", "achievable": ""}
    assert smart_text({**values, "relevant": "Towards a team"}, "en") == (
        "Lead the review — measure: Plan approved; why: Towards a team"
    )
    assert smart_text({**values, "measurable": "", "relevant": ""}, "fr") == "Lead the review"


@pytest.fixture
def pair_core(core: Core, clock: ManualClock) -> Core:
    with core.db.session() as session:
        mentor, mentee = (
            upsert_person(
                session=session,
                platform="slack",
                external_id=external_id,
                name=external_id.lower(),
                timezone=zone,
                locale=locale,
                now=clock.now(),
            )
            for external_id, zone, locale in (
                ("UCLAIRE", "Europe/Paris", "fr-FR"),
                ("UTHOMAS", "America/Montreal", "en-US"),
            )
        )
        pair, _ = create_pair(
            session=session,
            platform="slack",
            actor=mentee,
            mentor=mentor,
            mentee=mentee,
            rhythm=RHYTHM,
            now=clock.now(),
        )
        pair.status = "active"  # whatever a new pair must wait for, goals concern working pairs
    return core


def answer(core: Core, text: str, actor: str = "UTHOMAS") -> Reply:
    result = handle_command(core, platform="slack", actor_id=actor, text=text)
    assert isinstance(result, Reply)
    return result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("goals add", "Say what it is"),
        ("goals add Ship by 2027-02-30", "could not read the date 2027-02-30"),
        ("goals add Ship by 2026-11-29", "Sunday 29 November 2026 has already passed"),
        ("goals add " + "x" * 501, "at most 500"),
        ("goals done 1", "No goals yet"),
        ("goals done one", "No goals yet"),
        ("goals milestone 1 Draft", "No goals yet"),
        ("goals smart please", "/mentor goals smart"),
        ("goals dance", "/mentor goals smart"),
    ],
)
def test_bad_input_gets_a_polite_answer_and_stores_nothing(
    pair_core: Core, text: str, expected: str
) -> None:
    reply = answer(pair_core, text)
    assert reply.is_error and expected in reply.fallback_text
    with pair_core.db.session() as session:
        assert session.exec(select(Goal)).all() == []


def test_today_counts_in_the_actors_zone(pair_core: Core, clock: ManualClock) -> None:
    clock.set(datetime(2026, 11, 30, 3, 0, tzinfo=UTC))  # 29 November in Montreal, 30th in Paris
    assert "Goal 1 set" in answer(pair_core, "goals add Ship by 2026-11-29").fallback_text
    refused = answer(pair_core, "objectifs ajouter Livrer avant 2026-11-29", "UCLAIRE")
    assert refused.is_error and "déjà passé" in refused.fallback_text


def test_numbers_refer_to_goals_and_milestones(pair_core: Core) -> None:
    answer(pair_core, "goals add Lead the review by 2027-03-31")
    answer(pair_core, "goals milestone 1 Draft the plan by 2027-01-15")
    for text, expected in [
        ("goals done 2", "between 1 and 1"),
        ("goals done 0", "between 1 and 1"),
        ("goals done 1.2", "give 1.1."),
        ("goals done 1.x", "give 1.1."),
        ("goals milestone 1", "Say what it is"),
        ("goals milestone 1 Late by 2026-01-01", "already passed"),
    ]:
        reply = answer(pair_core, text)
        assert reply.is_error and expected in reply.fallback_text, text
    assert "Milestone done: Draft the plan" in answer(pair_core, "goals done 1.1").fallback_text
    assert "Objectif atteint" in answer(pair_core, "objectifs fait 1", "UCLAIRE").fallback_text
