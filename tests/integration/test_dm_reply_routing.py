"""A plain DM reply is filed on the session whose summary request it answers, and nowhere else.

Claire mentors Thomas (Thursday 18:00 Paris) and Léa (Thursday 19:30 Paris). Each test scans
every call the fake Slack received for the reply's text: it reaches its pair and no one else.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from bot.kernel.clock import ManualClock
from storage.models import PendingReply
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, OUTSIDER
from tests.integration.harness import RunningBot, action_ids, buttons_of, text_of
from tests.integration.test_erasure_files import left_behind

LEA = "ULEA"
THOMAS_PAIR = (
    f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
)
LEA_PAIR = f"pair <@{MENTOR}|claire> <@{LEA}|lea> weekly on thursday at 19:30 tz Europe/Paris"
# Thursday 3 December: Thomas's session ends 18:00 UTC, Léa's 19:30 UTC; Claire, the mentor, is
# asked a day after each one ends.
THOMAS_ASKED = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
BOTH_ASKED = datetime(2026, 12, 4, 19, 30, tzinfo=UTC)
SECRET = "Thomas wants to leave his team before the reorganisation"


@pytest.fixture
def two_pairs(running: RunningBot, fake: FakeSlack) -> RunningBot:
    fake.add_user(LEA, name="lea", tz="Europe/Paris", locale="fr-FR")
    running.make_pair(MENTOR, THOMAS_PAIR)
    running.make_pair(MENTOR, LEA_PAIR)
    return running


def channel_of(call) -> str:
    """Where a call's text went: the posted channel, or the response_url it answered at."""
    return str(call.response.get("channel") or call.args.get("channel") or call.method)


def reached(fake: FakeSlack, text: str) -> set[str]:
    """Every channel or response_url of every call whose arguments carry `text`."""
    return {channel_of(c) for c in fake.calls() if text in json.dumps(c.args, ensure_ascii=False)}


def summary_of(running: RunningBot, user: str) -> str:
    return text_of(running.answer(user, "history 1"))


def dm_and_settle(running: RunningBot, user: str, text: str) -> None:
    """A DM from `user`, and all the work it started: the bot always answers its author
    (recorded, which session, or not expected), and shares in the same run."""
    before = len(running.fake.messages_to(user))
    response, _ = running.dm(user, text)
    assert response.status_code == 200
    running.fake.wait_for(lambda: running.fake.messages_to(user)[before:])
    running.settle()


def recorded(fake: FakeSlack, user: str) -> list[str]:
    """The bot's confirmations that a reply of `user`'s was filed as a summary."""
    return [
        text_of(m) for m in fake.messages_to(user) if "enregistré comme compte-rendu" in text_of(m)
    ]


def choice_prompts(fake: FakeSlack, user: str) -> list[dict]:
    """The bot's messages to `user` asking which session a reply is about."""
    return [m for m in fake.messages_to(user) if "summary.choose" in " ".join(action_ids(m))]


def test_a_reply_to_the_only_request_goes_to_that_pair_only(
    two_pairs: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    clock.set(THOMAS_ASKED)
    two_pairs.dispatch()
    asked = [text_of(m) for m in fake.messages_to(MENTOR)]
    assert any("Comment s'est passée la séance" in t and f"<@{MENTEE}>" in t for t in asked)
    assert not any(f"<@{LEA}>" in t and "Comment s'est passée" in t for t in asked)

    dm_and_settle(two_pairs, MENTOR, SECRET)

    fake.wait_for(lambda: recorded(fake, MENTOR))
    two_pairs.settle()
    assert f"<@{MENTEE}>" in recorded(fake, MENTOR)[-1]
    assert reached(fake, SECRET) == {f"D{MENTEE}"}
    assert SECRET in summary_of(two_pairs, MENTEE)
    assert SECRET not in summary_of(two_pairs, LEA)


def test_a_reply_is_kept_while_slack_cannot_give_its_authors_profile(
    two_pairs: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    """Claire's profile is days old, so her DM has it looked up again; users.info answers 500,
    and 500 again to the retry. Her stored profile stands in: the summary is filed and shared
    all the same, not dropped."""
    clock.set(THOMAS_ASKED)
    two_pairs.dispatch()
    fake.reset()
    fake.fail_next("users.info", "internal_error", status=500, times=2)

    dm_and_settle(two_pairs, MENTOR, SECRET)

    assert [call.status for call in fake.calls("users.info")] == [500, 500]
    fake.wait_for(lambda: recorded(fake, MENTOR))
    two_pairs.settle()
    assert reached(fake, SECRET) == {f"D{MENTEE}"}
    assert SECRET in summary_of(two_pairs, MENTEE)


def kept_replies(running: RunningBot) -> list[str]:
    """The texts of the replies kept aside, as the database holds them."""
    assert running.bot is not None
    with running.bot.core.db.session() as session:
        return [r.text for r in session.exec(select(PendingReply))]


def press_choice(running: RunningBot, user: str, prompt: dict, label: str) -> dict:
    """`user` clicks the button of `prompt` whose text holds `label`; the bot's answer."""
    [action_id] = [
        b["action_id"] for b in buttons_of(prompt) if label.lower() in b["text"]["text"].lower()
    ]
    response, name = running.press(user, prompt, action_id)
    assert response.status_code == 200, response.text
    return running.fake.wait_for(lambda: running.fake.responses(name))[-1]


def test_a_reply_that_could_answer_two_pairs_waits_for_a_choice(
    two_pairs: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    clock.set(BOTH_ASKED)
    two_pairs.dispatch()
    fake.reset()
    dm_and_settle(two_pairs, MENTOR, SECRET)

    prompt = fake.wait_for(lambda: choice_prompts(fake, MENTOR))[-1]
    shown = text_of(prompt)
    assert "De quelle séance parle votre message ?" in shown  # Claire reads French, Paris time
    labels = [b["text"]["text"] for b in buttons_of(prompt)]
    assert labels == [
        "thomas, jeudi 3 décembre 2026 18h00",
        "lea, jeudi 3 décembre 2026 19h30",
        "Aucune : supprimer mon message",
    ]
    assert SECRET not in json.dumps([b["value"] for b in buttons_of(prompt)])
    assert kept_replies(two_pairs) == [SECRET]
    two_pairs.settle()
    assert reached(fake, SECRET) == {f"D{MENTOR}"}  # quoted back to its author only
    assert SECRET not in summary_of(two_pairs, MENTEE) + summary_of(two_pairs, LEA)

    done = press_choice(two_pairs, MENTOR, prompt, "Thomas")
    assert "Enregistré comme compte-rendu" in text_of(done) and f"<@{MENTEE}>" in text_of(done)
    two_pairs.settle()
    fake.wait_for(lambda: [m for m in fake.messages_to(MENTEE) if SECRET in text_of(m)])
    assert reached(fake, SECRET) == {f"D{MENTOR}", f"D{MENTEE}"}
    assert kept_replies(two_pairs) == []

    # The choice was for that reply only: pressing again changes nothing, and the next reply
    # answers the one request still open, Léa's.
    again = press_choice(two_pairs, MENTOR, prompt, "Lea")
    assert "n'attend plus de choix" in text_of(again)
    dm_and_settle(two_pairs, MENTOR, "Léa prépare sa candidature")
    fake.wait_for(lambda: [m for m in fake.messages_to(LEA) if "candidature" in text_of(m)])
    two_pairs.settle()
    assert reached(fake, SECRET) == {f"D{MENTOR}", f"D{MENTEE}"}
    assert reached(fake, "candidature") == {f"D{LEA}"}
    assert SECRET in summary_of(two_pairs, MENTEE) and SECRET not in summary_of(two_pairs, LEA)
    assert "candidature" not in summary_of(two_pairs, MENTEE)


def test_two_sessions_in_a_row_without_summary_ask_which(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTOR, THOMAS_PAIR)
    clock.set(datetime(2026, 12, 10, 18, 0, tzinfo=UTC))  # the second session has just ended
    running.dispatch()
    fake.reset()
    dm_and_settle(running, MENTEE, SECRET)

    prompt = fake.wait_for(lambda: choice_prompts(fake, MENTEE))[-1]
    assert "Which session is your message about?" in text_of(prompt)  # English, Montreal time
    labels = [b["text"]["text"] for b in buttons_of(prompt)][:2]
    assert labels == [
        "claire, Thursday 3 December 2026 12:00",
        "claire, Thursday 10 December 2026 12:00",
    ]
    running.settle()
    assert fake.messages_to(MENTOR) == []

    done = press_choice(running, MENTEE, prompt, "3 December")
    assert "Saved as the summary of your session of Thursday 3 December 2026" in text_of(done)
    running.settle()
    [shared] = fake.wait_for(lambda: [m for m in fake.messages_to(MENTOR) if SECRET in text_of(m)])
    assert "jeudi 3 décembre 2026" in text_of(shared)
    history = summary_of(running, MENTEE)
    # Filed on the first session; the second still has none.
    assert "10 December 2026, 12:00 (America/Montreal)\n(no summary)" in history
    assert history.index("3 December") < history.index(SECRET)


def forge(running: RunningBot, user: str, action_id: str, value: str) -> str:
    """`user` sends a click of `action_id` carrying `value`, as if a button had it; the answer."""
    message = {
        "channel": f"D{user}",
        "blocks": [{"type": "actions", "elements": [{"action_id": action_id, "value": value}]}],
    }
    response, name = running.press(user, message, action_id)
    assert response.status_code == 200, response.text
    [answer] = running.fake.wait_for(lambda: running.fake.responses(name))
    assert answer["response_type"] == "ephemeral"
    return text_of(answer)


def waiting_prompt(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> dict:
    """Claire's reply that could answer both pairs, and the bot's question about it."""
    clock.set(BOTH_ASKED)
    running.dispatch()
    dm_and_settle(running, MENTOR, SECRET)
    return fake.wait_for(lambda: choice_prompts(fake, MENTOR))[-1]


def test_forged_choices_get_a_polite_answer_and_share_nothing(
    two_pairs: RunningBot, fake: FakeSlack, clock: ManualClock, sqlite_url: str
) -> None:
    prompt = waiting_prompt(two_pairs, fake, clock)
    values = {b["text"]["text"].split(",")[0]: b["value"] for b in buttons_of(prompt)}
    token, _, thomas_session = values["thomas"].partition(":")
    # Someone else clicking Claire's buttons, even the member of the chosen pair.
    for user in (OUTSIDER, MENTEE, LEA):
        for action_id, value in (
            ("summary.choose#0", values["thomas"]),
            ("summary.discard", token),
        ):
            answer = forge(two_pairs, user, action_id, value)
            assert "no longer waiting for a choice" in answer or "n'attend plus de choix" in answer
    # Made-up values, from Claire herself.
    for value in (
        "",
        "nonsense",
        ":",
        f"{token}:",
        f"{token}:abc",
        f"{token}:²",
        f"{token}:{'9' * 400}",
        "0" * 32 + f":{thomas_session}",
    ):
        answer = forge(two_pairs, MENTOR, "summary.choose", value)
        assert "n'attend plus de choix" in answer or "n'attend plus de compte-rendu" in answer
    # Her own reply, but a session that awaits nothing from her (Thomas's next one).
    upcoming = str(int(thomas_session) + 1)
    assert "n'attend plus de compte-rendu" in forge(
        two_pairs, MENTOR, "summary.choose", f"{token}:{upcoming}"
    )
    two_pairs.settle()
    assert kept_replies(two_pairs) == [SECRET]
    assert reached(fake, SECRET) == {f"D{MENTOR}"}
    assert not fake.rejections()

    # Her own "delete": the reply is gone for good, from the database files too, and was
    # shared with no one.
    assert left_behind(sqlite_url, (SECRET,))
    assert "ni enregistré ni partagé" in forge(two_pairs, MENTOR, "summary.discard", token)
    assert kept_replies(two_pairs) == []
    assert left_behind(sqlite_url, (SECRET,)) == []
    assert "n'attend plus de choix" in press_choice(two_pairs, MENTOR, prompt, "thomas")["text"]
    two_pairs.settle()
    assert reached(fake, SECRET) == {f"D{MENTOR}"}


def test_an_unchosen_reply_expires_and_erasure_removes_kept_replies(
    two_pairs: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    prompt = waiting_prompt(two_pairs, fake, clock)
    assert "Si vous n'avez pas choisi d'ici le vendredi 11 décembre 2026, 20h30" in text_of(prompt)
    clock.set(datetime(2026, 12, 11, 19, 31, tzinfo=UTC))
    # Past its time, before the dispatcher's next run deletes it: no longer a choice either.
    assert kept_replies(two_pairs) == [SECRET]
    assert "n'attend plus de choix" in text_of(press_choice(two_pairs, MENTOR, prompt, "thomas"))
    two_pairs.settle()
    assert [m for m in fake.messages_to(MENTEE) if SECRET in text_of(m)] == []
    two_pairs.dispatch()
    assert kept_replies(two_pairs) == []
    assert "n'attend plus de choix" in text_of(press_choice(two_pairs, MENTOR, prompt, "thomas"))

    # Four sessions now await her summary; her new reply is kept until she chooses, or until
    # she asks to be forgotten.
    dm_and_settle(two_pairs, MENTOR, "Another reply, kept aside")
    [again] = fake.wait_for(lambda: choice_prompts(fake, MENTOR)[1:])
    assert len(buttons_of(again)) == 5
    assert kept_replies(two_pairs) == ["Another reply, kept aside"]
    asked = two_pairs.answer(MENTOR, "oublier")
    response, name = two_pairs.press(MENTOR, asked, "person.forget")
    assert response.status_code == 200
    fake.wait_for(lambda: fake.responses(name))
    assert kept_replies(two_pairs) == []
