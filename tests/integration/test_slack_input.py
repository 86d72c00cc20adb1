"""Bad input, forged requests and modals: a polite answer, nothing changed, never a 500."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.i18n import t
from storage.models import AgendaItem, Pair
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, MENTEE, MENTOR, OUTSIDER
from tests.integration.form_states import pair_state
from tests.integration.harness import SIGNING_SECRET, TEAM, RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"


def click(fake: FakeSlack, user: str, action_id: str, value: str, answer_at: str | None) -> str:
    """The body of `user`'s click on the button `action_id` (its `value`) of a message in their
    DM, answered at the response_url named `answer_at`; None: a click in a modal, which has no
    response_url."""
    where = {"channel_id": f"D{user}", "message_ts": "1767000000.000100"} if answer_at else {}
    return signing.block_actions_body(
        user_id=user,
        team_id=TEAM,
        action_id=action_id,
        value=value,
        trigger_id=f"trigger-{answer_at or 'view'}",
        response_url=fake.response_url(answer_at) if answer_at else None,
        **where,
    )


def count(running: RunningBot, model: type) -> int:
    assert running.bot is not None
    with running.bot.core.db.session() as session:
        return len(session.exec(select(model)).all())


@pytest.mark.parametrize(
    ("user", "text", "expected"),
    [
        (MENTEE, "dance", "/mentor help"),
        (MENTEE, f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> every blue moon", "blue"),
        (
            MENTEE,
            f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on friday at 9:00 tz Mars/Olympus",
            "Mars/Olympus",
        ),
        (MENTEE, f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on friday at 25:00", "25:00"),
        (
            MENTEE,
            f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on monday at 9:00 from 2020-01-06",
            "Monday 6 January 2020",
        ),
        (
            MENTEE,
            f"pair <@{MENTOR}|claire> <@{MENTOR}|claire> weekly on monday at 9:00",
            "/mentor pair",
        ),
        (OUTSIDER, PAIR, "/mentor pair"),
        (MENTEE, f"pair <@{MENTOR}|claire> <@UBOTTY|otherbot> weekly on monday at 9:00", "UBOTTY"),
        (MENTEE, f"pair <@{MENTOR}|claire> <@UNOBODY|ghost> weekly on monday at 9:00", "UNOBODY"),
        (MENTEE, "agenda add", "/mentor pair"),
        (MENTEE, "move tomorrow-ish", "/mentor pair"),
        (MENTEE, "digest <#C0LEADS|leads>", "admin"),
    ],
)
def test_bad_commands_get_an_ephemeral_answer_and_change_nothing(
    running: RunningBot, user: str, text: str, expected: str
) -> None:
    answer = running.answer(user, text)
    assert answer["response_type"] == "ephemeral"
    assert expected.lower() in text_of(answer).lower()
    assert count(running, Pair) == 0


def test_people_outside_a_pair_cannot_read_or_edit_it(running: RunningBot) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "agenda add Salary negotiation")
    for text in ("agenda", "agenda add Spying", "agenda done 1", "skip", "summary Nothing"):
        answer = text_of(running.answer(OUTSIDER, text))
        assert "Salary negotiation" not in answer
    assert count(running, AgendaItem) == 1
    # An admin manages the programme but does not read a pair's agenda either.
    assert "Salary negotiation" not in text_of(running.answer(ADMIN, "agenda"))


def test_moving_into_the_past_is_refused(running: RunningBot) -> None:
    running.make_pair(MENTEE, PAIR)
    answer = text_of(running.answer(MENTEE, "move 2026-11-01 10:00"))
    assert "2026" in answer and "/mentor move" in answer
    assert "/mentor move" in text_of(running.answer(MENTEE, "move tomorrow-ish"))
    assert "/mentor agenda add" in text_of(running.answer(MENTEE, "agenda add"))
    assert "3 December 2026" in text_of(running.answer(MENTEE, "next"))


def test_a_members_command_is_answered_while_slack_cannot_give_profiles(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    """A day later Thomas's profile is looked up again and users.info answers 429, and 429
    again to the retry: his stored profile stands in and `/mentor next` is answered. Someone
    never seen has no profile to stand in (500 twice): they are asked to try again."""
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    fake.reset()
    fake.fail_next("users.info", status=429, retry_after=0, times=2)
    assert "3 December 2026" in text_of(running.answer(MENTEE, "next"))
    assert [call.status for call in fake.calls("users.info")] == [429, 429]

    fake.fail_next("users.info", "internal_error", status=500, times=2)
    assert t("error.profiles_unavailable", "en") in text_of(running.answer(OUTSIDER, "help"))
    assert [call.status for call in fake.calls("users.info")][2:] == [500, 500]


def test_a_command_naming_people_by_the_hundred_costs_slack_one_call_or_none(
    running: RunningBot, fake: FakeSlack
) -> None:
    """More than 20 people in one command is refused before any lookup (300 made-up ids were
    300 `users.info` calls before), as on Teams; up to 20, the lookups stop at the first Slack
    does not know (20 calls before)."""
    running.make_pair(MENTEE, PAIR)
    fake.reset()
    made_up = [f"<@U{n:08d}>" for n in range(300)]
    answer = text_of(running.answer(MENTEE, f"agenda add talk with {' '.join(made_up)}"))
    assert t("error.too_many_people", "en", most=20, named=300) in answer
    assert fake.calls("users.info") == []
    answer = text_of(running.answer(MENTEE, f"agenda add talk with {' '.join(made_up[:20])}"))
    assert t("error.unknown_person", "en", who=made_up[0]) in answer
    assert len(fake.calls("users.info")) == 1

    members = [f"UMEMBER{n:02d}" for n in range(21)]
    for member in members:
        fake.add_user(member, name=member.lower(), tz="Europe/Paris", locale="en-GB")
    fake.reset()
    named = " ".join(f"<@{member}>" for member in members)
    answer = text_of(running.answer(MENTEE, f"agenda add talk with {named}"))
    assert t("error.too_many_people", "en", most=20, named=21) in answer  # members or not
    named = " ".join(f"<@{member}>" for member in members[:20])
    answer = text_of(running.answer(MENTEE, f"agenda add talk with {named}"))
    assert ":warning:" not in answer  # the point added
    assert len(fake.calls("users.info")) == 20
    with running.bot.core.db.session() as session:
        [point] = session.exec(select(AgendaItem)).all()
        assert point.text.count("<@UMEMBER") == 20


def test_a_dm_slack_cannot_say_the_author_of_is_asked_again(
    running: RunningBot, fake: FakeSlack
) -> None:
    """Someone never seen writes to the bot while users.info fails (500, and 500 to the
    retry): nothing can be filed without knowing who wrote, so they are asked to send it again
    (nothing at all was answered before). A bot's DM or a stranger's gets no answer."""
    fake.fail_next("users.info", "internal_error", status=500, times=2)
    response, _ = running.dm(OUTSIDER, "Decisions and dates of our session")
    assert response.status_code == 200
    [answer] = fake.wait_for(lambda: fake.messages_to(OUTSIDER))
    assert t("error.dm_not_kept", "en") in text_of(answer)
    for stranger in ("UNOBODY", "UBOTTY"):
        assert running.dm(stranger, "hello")[0].status_code == 200
    running.settle()
    # Any post tried, accepted or not (Slack refuses a DM to an id it does not know).
    tried = {call.args.get("channel") for call in fake.calls("chat.postMessage")}
    assert tried == {OUTSIDER}


def test_who_is_no_member_of_the_workspace_is_told_so(running: RunningBot, fake: FakeSlack) -> None:
    """An id Slack does not know (users.info: user_not_found) and a bot are no people of the
    workspace: their command and their press of a button are answered so, not with the
    apology for a failure of the bot's (which asks to try again, in vain)."""
    for stranger in ("UNOBODY", "UBOTTY"):
        assert t("error.not_a_member", "en") in text_of(running.answer(stranger, "help"))
        body = click(fake, stranger, "session.skip", "1", answer_at=stranger)
        assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
        [answer] = fake.wait_for(lambda s=stranger: fake.responses(s))
        assert t("error.not_a_member", "en") in text_of(answer)


def test_a_button_of_a_modal_is_answered_by_dm(
    running: RunningBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """A click in a view comes with no response_url: the answer goes by DM (it raised before,
    and the person got the apology for a failure instead). When the DM fails too, the click
    was still acknowledged at once: Bolt reset a given ack when its listener raised right
    after, and then waited 3 s for an ack (2.7 s here, then acknowledged for it)."""
    running.make_pair(MENTEE, PAIR)
    body = click(fake, MENTEE, "session.skip", "999999", answer_at=None)
    before = len(fake.messages_to(MENTEE))
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    [answer] = fake.wait_for(lambda: fake.messages_to(MENTEE)[before:])
    assert t("session.not_yours", "en") in text_of(answer)

    with caplog.at_level(logging.WARNING):
        for attempt in range(5):  # the DM to someone Slack does not know fails at once
            body = click(fake, "UNOBODY", "session.skip", str(attempt), answer_at=None)
            assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
        running.settle()
    lost = [r for r in caplog.records if "no answer reached UNOBODY" in r.getMessage()]
    late = [r for r in caplog.records if "not acknowledged in time" in r.getMessage()]
    assert len(lost) == 5 and late == []


def test_french_words_and_french_answers(running: RunningBot) -> None:
    answer = text_of(
        running.answer(
            MENTOR,
            f"binome <@{MENTOR}|claire> <@{MENTEE}|thomas> toutes les 2 semaines le jeudi "
            "à 18h pendant 1h fuseau Europe/Paris",
        )
    )
    assert "jeudi 3 décembre 2026, 18h00 (Europe/Paris)" in answer
    assert "séance" in text_of(running.answer(MENTOR, "prochaine")).lower()
    assert "Mentorbot" in text_of(running.answer(MENTOR, "aide"))


def test_forged_and_stale_requests_are_refused(running: RunningBot, fake: FakeSlack) -> None:
    body = signing.slash_command_body(
        command="/mentor",
        text=PAIR,
        user_id=MENTEE,
        team_id=TEAM,
        channel_id="C0GENERAL",
        response_url=fake.response_url("forged"),
        trigger_id="t",
    )
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    forged = signing.sign(body, "not-the-secret", int(time.time()))
    assert (
        running.http.post("/slack/events", content=body, headers={**form, **forged}).status_code
        == 401
    )
    stale = signing.sign(body, SIGNING_SECRET, int(time.time()) - 6 * 60)
    assert (
        running.http.post("/slack/events", content=body, headers={**form, **stale}).status_code
        == 401
    )
    assert running.http.post("/slack/events", content=body, headers=form).status_code == 401
    assert count(running, Pair) == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        ('{"type": "event_callback", "event": "nonsense"}', "application/json"),
        (
            "payload="
            + json.dumps(
                {
                    "type": "block_actions",
                    "actions": [{"action_id": "session.skip", "value": "x"}],
                    "user": {"id": MENTEE},
                }
            ),
            "application/x-www-form-urlencoded",
        ),
        ("command=%2Fmentor&text=help", "application/x-www-form-urlencoded"),
        ("{}", "application/json"),
    ],
)
def test_malformed_payloads_never_get_a_500(
    running: RunningBot, body: str, content_type: str
) -> None:
    assert running.post(body, content_type).status_code < 500


def test_a_form_slack_will_not_open_is_answered(running: RunningBot, fake: FakeSlack) -> None:
    """A trigger_id is good for 3 seconds, once: when views.open refuses it (or Slack fails),
    the person is told to try again instead of getting the apology for a failure of ours."""
    for error, status in (("expired_trigger_id", 200), ("internal_error", 500)):
        fake.fail_next("views.open", error, status=status, times=2)
        answer = text_of(running.answer(MENTEE, "pair"))
        assert t("error.form_not_opened", "en") in answer, error
    assert [call.response.get("error") for call in fake.calls("views.open")] == [
        "expired_trigger_id",
        "internal_error",
        "internal_error",  # slack_sdk tried a 500 again once
    ]


def test_a_signed_payload_whose_ids_are_not_text_is_answered_400(running: RunningBot) -> None:
    """Bolt's matchers search the ids they compare with patterns: an action_id that is no text
    made them raise, and the person got the apology for a failure of the bot's."""
    for action_id in (7, None, ["session.skip"]):
        sent = click(running.fake, MENTEE, "session.skip", "1", answer_at="bent")
        payload = json.loads(dict(parse_qsl(sent))["payload"])
        payload["actions"][0]["action_id"] = action_id
        body = urlencode({"payload": json.dumps(payload)})
        response = running.post(body, "application/x-www-form-urlencoded")
        assert response.status_code == 400, action_id
    running.settle()
    assert running.fake.responses("bent") == []


def test_pair_modal_opens_validates_and_creates(running: RunningBot, fake: FakeSlack) -> None:
    response, _ = running.command(MENTEE, "pair", trigger_id="trigger-modal")
    assert response.status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.response["ok"], opened.response
    view = opened.args["view"]
    assert view["callback_id"] == "pair"

    state = pair_state(MENTOR, MENTEE, frequency="2w", zone="Mars/Olympus")

    def submit(values: dict) -> dict:
        body = signing.view_submission_body(
            user_id=MENTEE,
            team_id=TEAM,
            callback_id="pair",
            private_metadata=view["private_metadata"],
            state_values=values,
        )
        answer = running.post(body, "application/x-www-form-urlencoded")
        assert answer.status_code == 200
        return answer.json() if answer.content else {}

    refused = submit(state)
    assert refused["response_action"] == "errors" and "timezone" in refused["errors"]
    assert count(running, Pair) == 0

    state["timezone"] = {"timezone": signing.plain_text("Europe/Paris")}
    assert submit(state) == {}
    assert count(running, Pair) == 1
    confirmed = fake.wait_for(lambda: [text_of(m) for m in fake.messages_to(MENTEE)])
    assert any("Thursday 3 December 2026" in text for text in confirmed)


def test_a_form_whose_people_slack_is_slow_to_check_stays_open(
    running: RunningBot, fake: FakeSlack
) -> None:
    """Claire is new to the bot and users.info asks to wait 3 s: the modal is answered with
    an error before Slack's 3 s are up, so it stays open with what Thomas typed, and nothing
    is created; submitted again, it is."""
    running.command(MENTEE, "pair", trigger_id="trigger-modal")
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    running.quiesce()
    fake.fail_next("users.info", status=429, retry_after=3)
    refused = running.submit(MENTEE, opened.args["view"], pair_state(MENTOR, MENTEE))
    assert refused.get("response_action") == "errors"  # not the empty ack of a late answer
    assert "submit the form again" in " ".join(refused["errors"].values())
    running.quiesce()
    assert count(running, Pair) == 0
    assert running.submit(MENTEE, opened.args["view"], pair_state(MENTOR, MENTEE)) == {}
    assert count(running, Pair) == 1


def test_reminder_buttons_skip_and_tell_the_other_side(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    running.dispatch()
    reminder = fake.messages_to(MENTEE)[-1]
    skip = next(
        element
        for block in reminder["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == "session.skip"
    )
    fake.reset()
    body = click(fake, MENTEE, "session.skip", skip["value"], answer_at="skip")
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    answer = fake.wait_for(lambda: fake.responses("skip"))[-1]
    assert "10 December 2026" in text_of(answer)
    told = fake.wait_for(lambda: [text_of(m) for m in fake.messages_to(MENTOR)])
    assert "annulé" in told[0] and "10 décembre 2026" in told[0]
    # Pressing it twice does not skip the following session.
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    fake.wait_for(lambda: len(fake.responses("skip")) == 2)
    assert "10 December 2026" in text_of(running.answer(MENTEE, "next"))


def test_add_to_agenda_button_opens_a_modal_whose_submission_adds(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    running.dispatch()
    reminder = fake.messages_to(MENTOR)[-1]
    [value] = [
        element["value"]
        for block in reminder["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == "agenda.add"
    ]
    body = click(fake, MENTOR, "agenda.add", value, answer_at="add")
    assert running.post(body, "application/x-www-form-urlencoded").status_code == 200
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    assert opened.response["ok"], opened.response
    view = opened.args["view"]
    assert view["title"]["text"] and "jeudi 3 décembre 2026" in text_of(view)

    def submit(text: str) -> httpx.Response:
        return running.post(
            signing.view_submission_body(
                user_id=MENTOR,
                team_id=TEAM,
                callback_id=view["callback_id"],
                private_metadata=view["private_metadata"],
                state_values={"text": {"text": signing.plain_text(text)}},
            ),
            "application/x-www-form-urlencoded",
        )

    refused = submit("x" * 1200)
    assert refused.json()["response_action"] == "errors" and "text" in refused.json()["errors"]
    assert submit("Mon bilan de mi-parcours").status_code == 200
    assert "Mon bilan de mi-parcours" in text_of(running.answer(MENTEE, "agenda"))
