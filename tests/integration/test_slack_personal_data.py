"""A person's data on request: all of it as a file in their DM, or erased for good."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import ADMIN, MENTEE, MENTOR
from tests.integration.harness import RunningBot, action_ids, text_of

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
AFTER_FIRST_SESSION = datetime(2026, 12, 3, 18, 5, tzinfo=UTC)
SUMMARY = "We agreed that Thomas leads the Q1 roadmap review."


def a_lived_pair(running: RunningBot, fake: FakeSlack, clock: ManualClock) -> None:
    """A pair with a journal on each side, agenda points from both, a goal and a summary."""
    running.make_pair(MENTEE, PAIR)
    running.answer(MENTEE, "journal Presenting to the board taught me to start with the ask.")
    running.answer(MENTOR, "journal Thomas needs more room to decide alone.")
    running.answer(MENTEE, "agenda add My promotion file")
    running.answer(MENTOR, "agenda add Feedback on the offsite")
    running.answer(MENTEE, "goals add Lead the Q1 roadmap review by 2027-03-01")
    clock.set(AFTER_FIRST_SESSION)
    running.dispatch()
    before = len(fake.messages_to(MENTOR))
    response, _ = running.dm(MENTEE, SUMMARY)
    assert response.status_code == 200
    fake.wait_for(lambda: fake.messages_to(MENTOR)[before:])  # the summary, shared


def exported(fake: FakeSlack, user: str) -> dict:
    # The export; the calendar's .ics files come too.
    [file] = fake.wait_for(lambda: [f for f in fake.files_to(user) if f["name"].endswith(".json")])
    assert file["name"].startswith("mentorbot-data-") and file["name"].endswith(".json")
    return json.loads(file["content"])


def test_my_data_arrives_as_a_file_in_my_dm_only(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    a_lived_pair(running, fake, clock)
    answer = text_of(running.answer(MENTEE, "my-data"))
    assert "JSON file" in answer and "Nobody else" in answer
    data = exported(fake, MENTEE)
    assert data["person"]["id"] == MENTEE and data["format"] == "mentorbot-personal-data/1"
    [pair] = data["pairs"]
    assert pair["my_role"] == "mentee" and pair["other_member"]["id"] == MENTOR
    assert {(a["text"], a["by"]) for a in pair["agenda"]} == {
        ("My promotion file", "me"),
        ("Feedback on the offsite", "other"),
    }
    assert [g["text"] for g in pair["goals"]] == ["Lead the Q1 roadmap review"]
    [summary] = [s["summary"] for s in pair["sessions"] if s["summary"]]
    assert summary == {"decisions": [], "actions": [], "notes": [{"text": SUMMARY, "by": "me"}]}
    assert [e["text"] for e in data["journal"]] == [
        "Presenting to the board taught me to start with the ask."
    ]
    assert "more room to decide" not in json.dumps(data)  # Claire's journal is hers alone
    assert [f for f in fake.files_to(MENTOR) if not f["name"].endswith(".ics")] == []

    assert "Voici tout" in text_of(running.answer(MENTOR, "mes-donnees"))  # Claire reads French
    assert "more room to decide" in json.dumps(exported(fake, MENTOR))


def test_a_refused_upload_is_said_politely(running: RunningBot, fake: FakeSlack) -> None:
    running.make_pair(MENTEE, PAIR)
    fake.fail_next("files.completeUploadExternal", "missing_scope", status=200)
    answer = running.answer(MENTEE, "my-data")
    assert "could not send you the file (missing_scope)" in text_of(answer)
    assert [f for f in fake.files_to(MENTEE) if not f["name"].endswith(".ics")] == []


def test_forget_me_erases_me_and_ends_my_pairs_after_a_confirmation(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    a_lived_pair(running, fake, clock)
    asked = running.answer(MENTEE, "forget-me")
    assert "for good" in text_of(asked) and action_ids(asked) == ["person.forget"]
    assert "Lead the Q1" in text_of(running.answer(MENTEE, "goals"))  # nothing erased yet

    forged, _ = running.press(ADMIN, asked, "person.forget")  # someone else's button
    assert forged.status_code == 200
    assert "Lead the Q1" in text_of(running.answer(MENTEE, "goals"))

    fake.reset()
    response, name = running.press(MENTEE, asked, "person.forget")
    assert response.status_code == 200
    [done] = fake.wait_for(lambda: fake.responses(name))
    assert "erased" in text_of(done) and "1 pair ended" in text_of(done)
    running.settle()
    told = fake.wait_for(lambda: [text_of(m) for m in fake.messages_to(MENTOR)])
    # (the calendar's cancellation follows it)
    [left] = [text for text in told if "a quitté le programme" in text]
    assert "merci" not in left.lower()
    assert fake.messages_to(MENTEE) == []  # nothing more for the erased person

    mentor_data = exported_after(running, fake, MENTOR)
    [pair] = mentor_data["pairs"]
    assert pair["status"] == "ended" and pair["other_member"]["name"] == ""
    assert pair["other_member"]["id"].startswith("erased:")
    assert MENTEE not in json.dumps(mentor_data)
    assert [a["text"] for a in pair["agenda"]] == ["Feedback on the offsite"]
    assert pair["goals"] == [] and all(s["summary"] is None for s in pair["sessions"])
    assert "more room to decide" in json.dumps(mentor_data)  # what Claire wrote stays hers

    # Thomas writing again starts from a blank page.
    assert "journal is empty" in text_of(running.answer(MENTEE, "journal"))
    assert "not in any" in text_of(running.answer(MENTEE, "pairs"))
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=UTC))
    fake.reset()
    running.dispatch()
    assert fake.calls("chat.postMessage") == []


def exported_after(running: RunningBot, fake: FakeSlack, user: str) -> dict:
    before = len(fake.files_to(user))
    running.answer(user, "my-data")
    files = fake.wait_for(lambda: fake.files_to(user)[before:])
    return json.loads(files[-1]["content"])
