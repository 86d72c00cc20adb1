"""The 3-month review over signed HTTP: invitation, private answers, shared result, changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import TEAM, RunningBot, action_ids, text_of

PAIR = (
    f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> every 2 weeks on thursday at 18:00 tz Europe/Paris"
)
# Created Monday 30 November 2026: 3 months later is Sunday 28 February 2027, so the review
# comes on Monday 1 March at 10:00 local: 09:00 UTC in Paris, 15:00 UTC in Montreal.
MENTOR_REVIEW_AT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
MENTEE_REVIEW_AT = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)


def review_dms(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    return [m for m in fake.messages_to(user) if "review.answer" in action_ids(m)]


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def reach_review(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(MENTEE_REVIEW_AT)
    running.dispatch()
    assert review_dms(fake, MENTOR) and review_dms(fake, MENTEE)


def open_by_button(running: RunningBot, fake: FakeSlack, user: str) -> dict[str, Any]:
    """Press "Answer the review" in the user's latest invitation; the modal Slack opened."""
    invitation = review_dms(fake, user)[-1]
    [value] = [
        element["value"]
        for block in invitation["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == "review.answer"
    ]
    before = len(fake.calls("views.open"))
    body = signing.block_actions_body(
        user_id=user,
        team_id=TEAM,
        action_id="review.answer",
        value=value,
        trigger_id=f"trigger-{user}",
        response_url=fake.response_url(f"button-{user}"),
        channel_id=f"D{user}",
        message_ts="1767000000.000400",
    )
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    opened = fake.wait_for(lambda: fake.calls("views.open")[before:])[0]
    assert opened.response["ok"], opened.response
    return opened.args["view"]


def open_by_command(running: RunningBot, fake: FakeSlack, user: str, text: str = "review"):
    before = len(fake.calls("views.open"))
    response, _ = running.command(user, text, trigger_id=f"trigger-cmd-{user}")
    assert response.status_code == 200
    opened = fake.wait_for(lambda: fake.calls("views.open")[before:])[0]
    assert opened.response["ok"], opened.response
    return opened.args["view"]


def answers(
    rhythm: str | None, priorities: str, format_: str, satisfaction: str | None, comment: str
) -> dict[str, dict[str, Any]]:
    return {
        "rhythm": {"rhythm": signing.radio_buttons(rhythm)},
        "priorities": {"priorities": signing.radio_buttons(priorities)},
        "format": {"format": signing.radio_buttons(format_)},
        "satisfaction": {"satisfaction": signing.radio_buttons(satisfaction)},
        "comment": {"comment": signing.plain_text(comment)},
    }


def test_the_review_comes_three_months_after_the_start_to_each_at_ten_local(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    for moment in (
        datetime(2027, 2, 26, 9, 0, tzinfo=UTC),
        datetime(2027, 3, 1, 8, 59, tzinfo=UTC),
    ):
        clock.set(moment)
        running.dispatch()
    assert review_dms(fake, MENTOR) == [] and review_dms(fake, MENTEE) == []
    clock.set(MENTOR_REVIEW_AT)
    running.dispatch()
    [to_mentor] = review_dms(fake, MENTOR)
    assert "3 mois" in text_of(to_mentor) and "Répondre au bilan" in text_of(to_mentor)
    assert review_dms(fake, MENTEE) == []
    clock.set(MENTEE_REVIEW_AT)
    running.dispatch()
    running.dispatch()
    [to_mentee] = review_dms(fake, MENTEE)
    assert "3 months" in text_of(to_mentee) and "stay private" in text_of(to_mentee)
    assert len(review_dms(fake, MENTOR)) == 1


def test_answers_stay_private_until_both_answered_and_an_agreed_change_is_applied(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    reach_review(running, fake, clock)
    view = open_by_button(running, fake, MENTOR)
    assert view["callback_id"] == "review" and "Notre rythme" in text_of(view)
    assert "Le garder tel quel (en visio)" in text_of(view)
    fake.reset()
    mine = answers("more", "yes", "in_person", "4", "Claire: Thomas progresses fast.")
    assert running.submit(MENTOR, view, mine) == {}
    assert "restent privées" in fake.wait_for(lambda: dms(fake, MENTOR))[0]
    [awaited] = fake.wait_for(lambda: dms(fake, MENTEE))
    assert "has answered the review" in awaited
    for text in (awaited, *dms(fake, MENTOR)):
        assert "progresses fast" not in text and "4/5" not in text
    # A second answer to the same round is refused politely, and the button says so.
    again = signing.block_actions_body(
        user_id=MENTOR,
        team_id=TEAM,
        action_id="review.answer",
        value=str(json.loads(view["private_metadata"])["pair"]),
        trigger_id="trigger-again",
        response_url=fake.response_url("again"),
        channel_id=f"D{MENTOR}",
        message_ts="1767000000.000500",
    )
    assert running.post(again, "application/x-www-form-urlencoded").status_code == 200
    assert "déjà répondu" in text_of(fake.wait_for(lambda: fake.responses("again"))[0])

    fake.reset()
    theirs = answers("more", "revisit", "in_person", "5", "Thomas: I want more time on OKRs.")
    assert running.submit(MENTEE, open_by_command(running, fake, MENTEE), theirs) == {}
    results = {
        user: fake.wait_for(lambda user=user: [m for m in dms(fake, user) if "4/5" in m])[0]
        for user in (MENTOR, MENTEE)
    }
    for text in results.values():
        assert "progresses fast" in text and "more time on OKRs" in text and "5/5" in text
    assert "every week" in results[MENTEE] and "Thursday 4 March 2027" in results[MENTEE]
    assert "chaque semaine" in results[MENTOR] and "jeudi 4 mars 2027" in results[MENTOR]
    assert "in person" in results[MENTEE] and "/mentor agenda add" in results[MENTEE]
    # What the round changed, the terms before beside the terms now (one mechanism with a
    # change of terms).
    assert "Before → now" in results[MENTEE] and "Avant → maintenant" in results[MENTOR]
    assert (
        "every 2 weeks on Thursday at 18:00 (Europe/Paris), 1 h, by video → *every week on "
        "Thursday at 18:00 (Europe/Paris), 1 h, in person*" in results[MENTEE]
    ), results[MENTEE]
    assert (
        "toutes les 2 semaines le jeudi à 18h00 (Europe/Paris), 1 h, en visio → *chaque "
        in (results[MENTOR])
    )

    # The sessions ahead follow the new weekly rhythm, in person: 4, 11 and 18 March.
    fake.reset()
    for day in (3, 10, 17):
        clock.set(datetime(2027, 3, day, 17, 0, tzinfo=UTC))
        running.dispatch()
        running.dispatch()
    reminders = [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m]
    assert len(reminders) == 3
    for day, reminder in zip((4, 11, 18), reminders, strict=True):
        assert f"Thursday {day} March 2027" in reminder and "in person" in reminder


def test_different_choices_change_nothing_and_suggest_talking(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    reach_review(running, fake, clock)
    claire = open_by_command(running, fake, MENTOR, "bilan")
    assert running.submit(MENTOR, claire, answers("more", "yes", "phone", "3", "")) == {}
    thomas = open_by_button(running, fake, MENTEE)
    assert running.submit(MENTEE, thomas, answers("less", "yes", "keep", "4", "")) == {}
    result = fake.wait_for(lambda: [m for m in dms(fake, MENTEE) if "side by side" in m])[0]
    assert "Rhythm: you chose differently, so nothing changes." in result
    assert "Format: you chose differently" in result and "next session" in result
    to_mentor = fake.wait_for(lambda: [m for m in dms(fake, MENTOR) if "3/5" in m])[0]
    assert "rien ne change" in to_mentor
    # Still every 2 weeks by video: no session on 4 March, the next on 11 March.
    fake.reset()
    for day in (3, 10):
        clock.set(datetime(2027, 3, day, 17, 0, tzinfo=UTC))
        running.dispatch()
    [reminder] = [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m]
    assert "Thursday 11 March 2027" in reminder and "by video" in reminder


def test_the_form_reports_bad_fields_in_place_and_strangers_are_refused(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    view = open_by_command(running, fake, MENTEE)
    assert view["title"]["text"] == "3-month review"
    bad = running.submit(MENTEE, view, answers("sideways", "yes", "keep", None, ""))
    assert bad["response_action"] == "errors"
    assert set(bad["errors"]) == {"rhythm", "satisfaction"}
    too_long = running.submit(MENTEE, view, answers("keep", "yes", "keep", "4", "x" * 1001))
    assert set(too_long["errors"]) == {"comment"}
    # Nothing was stored: the mentee can still answer, and the mentor is not told anything.
    assert "review.answer" not in {a for m in fake.messages_to(MENTOR) for a in action_ids(m)}
    # Neither the admin nor an outsider can answer for, or read, the pair's review.
    for stranger in (ADMIN, OUTSIDER):
        assert "/mentor pair" in text_of(running.answer(stranger, "review"))
        assert running.submit(stranger, view, answers("less", "yes", "keep", "1", "")) == {}
        refusal = fake.wait_for(lambda stranger=stranger: dms(fake, stranger))[-1]
        assert "not one of your active pairs" in refusal
    assert "not in a pair with" in text_of(running.answer(OUTSIDER, f"review <@{MENTOR}|claire>"))
    assert running.submit(MENTEE, view, answers("keep", "yes", "keep", "4", "")) == {}
    assert (
        "stay private" in fake.wait_for(lambda: [m for m in dms(fake, MENTEE) if "saved" in m])[0]
    )


def test_the_digest_says_reviews_took_place_without_any_score_or_comment(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    reach_review(running, fake, clock)
    for user, comment in ((MENTOR, "Secret from Claire"), (MENTEE, "Secret from Thomas")):
        view = open_by_command(running, fake, user)
        assert running.submit(user, view, answers("keep", "yes", "keep", "2", comment)) == {}
    clock.set(datetime(2027, 3, 8, 8, 0, tzinfo=UTC))  # Monday 09:00 in Paris
    running.dispatch()
    [digest] = [text_of(m) for m in fake.messages_to(LEADS_CHANNEL)][-1:]
    assert "1 pair held its review in the last 3 months (1 this week)" in digest
    assert "at least 5 pairs" in digest
    assert "Secret" not in digest and "2/5" not in digest and "2.0" not in digest


def test_the_home_shows_the_review_until_answered(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    reach_review(running, fake, clock)
    assert "Le bilan avec" in text_of(running.home(MENTOR))
    assert "Your review with" in text_of(running.home(MENTEE))
    view = open_by_button(running, fake, MENTOR)
    assert running.submit(MENTOR, view, answers("keep", "yes", "keep", "5", "")) == {}
    running.settle()
    assert "Le bilan avec" not in text_of(running.home(MENTOR))
    assert "Your review with" in text_of(running.home(MENTEE))
