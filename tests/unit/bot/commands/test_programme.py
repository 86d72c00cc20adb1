"""`/mentor programme`: the people the bot could not reach and the reviews due, by name and
date; refused to a non-admin."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.commands.programme_command import overview
from bot.kernel.core import Core
from bot.kernel.notice_keys import PersonRefused, UnreachableWeek, UserRecipient
from bot.people.actor import ActorContext
from bot.planning.notice_kinds import DELIVERY_REFUSED, MEMBER_UNREACHABLE
from bot.planning.planner import review_day
from storage.queries.notifications import Owed, owe
from storage.queries.people import upsert_person
from tests.unit.bot.growth.test_reviews import new_pair
from tests.unit.bot.planning.test_planner import people

CREATED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_unreachable_people_and_reviews_due_are_named_with_their_dates(core: Core) -> None:
    mentor, mentee = people(core, CREATED)
    with core.db.session() as session:
        pair = new_pair(session, mentor, mentee, CREATED)
        admin = upsert_person(
            session=session,
            platform="slack",
            external_id="UADMIN",
            name="ada",
            timezone="Europe/Paris",
            locale="en-GB",
            now=CREATED,
        )
        due = review_day(pair, 1)
        now = datetime.combine(due, datetime.min.time(), UTC) - timedelta(days=5)
        assert mentee.id is not None and mentor.id is not None
        admin_key = UserRecipient("slack", "UADMIN").key
        owe(
            session=session,
            owed=[
                Owed(
                    DELIVERY_REFUSED,
                    admin_key,
                    PersonRefused(mentee.id, date(2027, 2, 20), "account_inactive").key,
                    now - timedelta(days=3),
                    now,
                ),
            ],
            now=now - timedelta(days=3),
        )
        owe(  # told more than 30 days ago: no longer listed
            session=session,
            owed=[
                Owed(
                    MEMBER_UNREACHABLE,
                    admin_key,
                    UnreachableWeek(mentor.id, 2026, 50).key,
                    CREATED,
                    now,
                )
            ],
            now=CREATED,
        )
        ctx = ActorContext(
            core=core, session=session, platform="slack", actor=admin, now=now, lang="en"
        )
        by_status, _, _, unreachable, reviews = overview(ctx)
        assert unreachable.heading == "1 person I could not reach (last 30 days)"
        assert unreachable.rows == ("• <@UTHOMAS>: last told on Saturday 20 February 2027",)
        assert reviews.rows == (
            f"• <@UCLAIRE> → <@UTHOMAS>: review 1 on {due:%A} {due.day} {due:%B %Y}",
        )
        assert by_status.rows == (
            "1 active pair · 0 pairs waiting for agreement · 0 paused pairs · 0 ended pairs",
        )


def test_the_programme_is_for_admins_only(core: Core) -> None:
    from bot.commands import handle_command

    people(core, CREATED)
    answer = handle_command(core, platform="slack", actor_id="UTHOMAS", text="programme")
    assert answer.is_error  # type: ignore[union-attr]
    assert "programme's admins" in answer.fallback_text  # type: ignore[union-attr]
