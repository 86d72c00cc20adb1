"""The rest of a pair's life on Slack: moves, summaries, nudges, several pairs, digests off."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, LEADS_CHANNEL, MENTEE, MENTOR, OUTSIDER
from tests.integration.form_states import pair_state
from tests.integration.harness import RunningBot, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
SESSION_END = datetime(2026, 12, 3, 18, 0, tzinfo=UTC)


def dms(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def test_move_tells_the_other_side_in_their_zone_and_language(
    running: RunningBot, fake: FakeSlack
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.settle()
    fake.reset()
    # Thomas types Montreal time: 12:30 there is 18:30 in Paris.
    answer = text_of(running.answer(MENTEE, "move 2026-12-04 12:30"))
    assert "Friday 4 December 2026, 12:30 (America/Montreal)" in answer
    told = fake.wait_for(lambda: dms(fake, MENTOR))
    assert "vendredi 4 décembre 2026, 18h30 (Europe/Paris)" in told[0]
    assert "Vendredi 4 décembre 2026" in text_of(running.answer(MENTOR, "prochaine"))


def test_a_commands_answer_goes_before_the_messages_it_causes(
    running: RunningBot, fake: FakeSlack
) -> None:
    """The dispatcher hears of the messages a command causes once its answer is posted (typed
    in the bot's DM, both share a channel): while `/mentor move`'s answer is held at its
    response_url, neither Claire's notice nor a calendar file goes out."""
    running.make_pair(MENTEE, PAIR)
    running.settle()
    fake.reset()
    held = fake.hold_next_response()
    response, name = running.command(MENTEE, "move 2026-12-04 12:30")
    assert response.status_code == 200
    assert held.reached.wait(10)
    # Told at once, the dispatcher would send within milliseconds: three seconds leave it
    # every chance before the answer is let through.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and not fake.calls("chat.postMessage"):
        time.sleep(0.02)
    assert fake.calls("chat.postMessage") == [] and fake.calls("files.getUploadURLExternal") == []
    held.release()
    running.settle()
    [answer] = fake.responses(name)
    assert "Friday 4 December 2026, 12:30 (America/Montreal)" in text_of(answer)
    assert "vendredi 4 décembre 2026, 18h30 (Europe/Paris)" in dms(fake, MENTOR)[0]
    answered = fake.calls(f"response_url:{name}")[0].time
    assert all(call.time >= answered for call in fake.calls("chat.postMessage"))


def test_a_forms_answer_goes_before_the_messages_it_causes(
    running: RunningBot, fake: FakeSlack
) -> None:
    """A modal's answer is a DM, where the notices of what it did go too: while the answer to
    Thomas's pair form is held, neither Claire's welcome nor anything else goes out."""
    running.command(MENTEE, "pair", trigger_id="trigger-form")
    [opened] = fake.wait_for(lambda: fake.calls("views.open"))
    running.settle()
    fake.reset()
    held = fake.hold_next_post(MENTEE)
    assert running.submit(MENTEE, opened.args["view"], pair_state(MENTOR, MENTEE)) == {}
    assert held.reached.wait(10)
    deadline = time.monotonic() + 3  # as above: time enough for a dispatcher told at once
    while time.monotonic() < deadline and not fake.calls("chat.postMessage"):
        time.sleep(0.02)
    assert fake.calls("chat.postMessage") == [] and fake.calls("files.getUploadURLExternal") == []
    held.release()
    running.settle()
    [answer, *_] = fake.calls("chat.postMessage")
    assert answer.response["channel"] == f"D{MENTEE}" and "Thursday 3 December" in text_of(
        answer.args
    )
    assert dms(fake, MENTOR)  # the welcome, after the answer


def test_mentor_is_asked_after_a_day_then_both_nudged_once_then_nothing(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    fake.reset()
    clock.set(SESSION_END)
    running.dispatch()
    assert len(fake.messages_to(MENTEE)) == 1 and fake.messages_to(MENTOR) == []
    clock.set(datetime(2026, 12, 4, 18, 0, tzinfo=UTC))
    running.dispatch()
    assert "Comment s'est passée la séance" in dms(fake, MENTOR)[0]
    clock.set(datetime(2026, 12, 5, 18, 0, tzinfo=UTC))
    running.dispatch()
    assert "last reminder" in dms(fake, MENTEE)[-1]
    assert "dernier rappel" in dms(fake, MENTOR)[-1]
    sent = len(fake.calls("chat.postMessage"))
    clock.set(datetime(2026, 12, 9, 12, 0, tzinfo=UTC))
    running.dispatch()
    # Only the next session's reminders (due 9 December 17:00 UTC) are still to come.
    assert len(fake.calls("chat.postMessage")) == sent


def test_summary_command_records_and_shares(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    early = text_of(running.answer(MENTOR, "compte-rendu Trop tôt"))
    assert "/mentor" in early  # no session has taken place yet
    clock.set(SESSION_END)
    running.dispatch()
    fake.reset()
    answer = text_of(running.answer(MENTOR, "compte-rendu Décision : Thomas présente le 10/12."))
    assert "Enregistré comme compte-rendu" in answer
    shared = fake.wait_for(lambda: dms(fake, MENTEE))
    assert "Thomas présente le 10/12" in shared[0]
    # The summary exists: a later DM replaces nothing; its author is asked, and keeping the
    # first summary shares nothing.
    fake.reset()
    running.dm(MENTEE, "Thanks again!")
    [asked] = fake.wait_for(lambda: fake.messages_to(MENTEE))
    assert "already has a summary" in text_of(asked) and "Thomas présente" in text_of(asked)
    response, name = running.press(MENTEE, asked, "summary.keep")
    assert response.status_code == 200
    kept = text_of(fake.wait_for(lambda: fake.responses(name))[-1])
    assert "stays as it was" in kept
    running.settle()
    assert fake.messages_to(MENTOR) == []


def test_the_bots_own_messages_and_edits_are_not_summaries(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    clock.set(SESSION_END)
    running.dispatch()
    fake.reset()
    response, body = running.dm(MENTEE, "placeholder")
    assert response.status_code == 200
    own = body.replace('"user": "UTHOMAS"', '"user": "UBOT", "bot_id": "BBOT"').replace(
        '"event_id": "Ev', '"event_id": "Bot'
    )
    running.post(own, "application/json")
    edited = body.replace('"type": "message",', '"type": "message", "subtype": "message_changed",')
    running.post(edited.replace('"event_id": "Ev', '"event_id": "Edit'), "application/json")
    running.settle()
    fake.wait_for(lambda: fake.messages_to(MENTOR))
    assert len(fake.messages_to(MENTOR)) == 1  # the first, real reply only


def test_someone_in_two_pairs_is_asked_which_one(running: RunningBot) -> None:
    running.make_pair(MENTEE, PAIR)
    running.make_pair(
        MENTOR,
        f"binome <@{MENTOR}|claire> <@{OUTSIDER}|oscar> mensuel le premier mardi à 12h",
    )
    asked = text_of(running.answer(MENTOR, "ordre-du-jour ajouter Budget"))
    assert f"<@{MENTEE}>" in asked and f"<@{OUTSIDER}>" in asked
    chosen = text_of(running.answer(MENTOR, f"ordre-du-jour <@{OUTSIDER}|oscar> ajouter Budget"))
    assert "Budget" in chosen and "mardi 5 janvier 2027" in chosen  # 48 hours of notice first
    assert "Budget" not in text_of(running.answer(MENTEE, "agenda"))
    pairs = text_of(running.answer(MENTOR, "binomes"))
    assert f"<@{MENTEE}>" in pairs and f"<@{OUTSIDER}>" in pairs


def test_digest_off_stops_the_digest(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    off = text_of(running.answer(ADMIN, f"digest off <#{LEADS_CHANNEL}|leads>"))
    assert LEADS_CHANNEL in off
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    running.dispatch()
    assert fake.messages_to(LEADS_CHANNEL) == []


def test_a_name_crafted_as_markup_is_shown_inert_in_the_channel_digest(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    """A display name is whatever its owner typed: in the digest it reads as it is and pings
    nobody, links nowhere (before, `<!channel>` in a name pinged the whole leads channel)."""
    crafted = "Eve <!channel> <@UADMIN> <https://evil.example/x|click me>"
    fake.add_user("UEVE", name=crafted, tz="Europe/Paris", locale="en-US")
    running.make_pair(MENTOR, f"pair <@{MENTOR}|claire> <@UEVE|eve> weekly on thursday at 18:00")
    running.answer(ADMIN, f"digest <#{LEADS_CHANNEL}|leads>")
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))  # Monday, 09:00 in Paris
    running.settle()
    [digest] = fake.messages_to(LEADS_CHANNEL)
    posted = json.dumps(digest)
    assert "Eve &lt;!channel&gt; &lt;@UADMIN&gt; &lt;https://evil.example/x|click me&gt;" in posted
    for markup in ("<!channel>", "<@UADMIN>", "<https://evil"):
        assert markup not in posted
