"""`mentorbot adopt-workspace T…`: a one-token deployment moves to OAuth mode; its people, pairs
and channels (bare Slack ids) are given their workspace, and carry on as before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from app.cli import main
from bot.kernel.clock import ManualClock
from storage.db import Database, make_engine
from storage.models import ApiPause, DigestSubscription, Notification, Pair, Person
from storage.queries.api_pauses import SharedPauses, scope_key
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import TEAM, RunningBot, text_of
from tests.integration.test_slack_oauth_workspaces import (
    ADA,
    ALICE,
    ARTHUR,
    REMINDER_AT,
    RHYTHM,
    install,
)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:  # its own team is TEAM, the bot token's workspace
        for user in (ALICE, ARTHUR, ADA):
            slack.add_user(user, name=user[1:].lower())
        yield slack


@pytest.fixture
def database(migrated_database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    monkeypatch.setenv("MENTORBOT_ADMINS", ADA)
    return migrated_database_url


def test_a_one_token_deployment_adopts_its_workspace_and_carries_on_in_oauth_mode(
    fake: FakeSlack, clock: ManualClock, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    one_token = RunningBot(database_url=database, fake=fake, clock=clock, admins=(ADA,)).start()
    try:
        one_token.make_pair(ALICE, f"pair <@{ALICE}|alice> <@{ARTHUR}|arthur> {RHYTHM}")
        assert "<#C0LEADS>" in text_of(one_token.answer(ADA, "digest <#C0LEADS|leads>"))
        one_token.settle()
        bot = one_token.bot
        assert bot is not None
        with bot.core.db.session() as session:
            people = len(session.exec(select(Person)).all())
    finally:
        one_token.stop()

    # A 429's pause of Slack (kept as a digest: it cannot be renamed) and one of Teams.
    engine = make_engine(database)
    shared = Database(engine)
    SharedPauses(shared, "slack").pause(f"chat.postMessage:{ALICE}", REMINDER_AT, clock.now())
    SharedPauses(shared, "teams").pause("dm:29:1x", REMINDER_AT, clock.now())

    # A user id, or a channel's, is no workspace: refused, nothing changed.
    assert main(["adopt-workspace", ALICE]) == 2
    assert "not a Slack workspace id" in capsys.readouterr().err
    assert main(["adopt-workspace", TEAM]) == 0
    told = capsys.readouterr().out
    assert f"workspace {TEAM} adopted" in told
    assert "people: 3 rows changed" in told and "pairs: 1 row changed" in told
    assert "digest channels: 1 row changed" in told
    assert "API pauses and calls in progress (forgotten): 1 row changed" in told
    with shared.session() as session:  # Slack's forgotten, Teams' kept
        assert list(session.exec(select(ApiPause.scope))) == [scope_key("teams", "dm:29:1x")]
    engine.dispose()
    assert f"MENTORBOT_ADMINS still names {ADA} without a workspace" in told
    # Once is enough: again, nothing left to change; another workspace is refused.
    assert main(["adopt-workspace", TEAM]) == 0
    assert "people: 0 rows changed" in capsys.readouterr().out
    assert main(["adopt-workspace", "T9OTHER"]) == 2
    assert f"already holds people or pairs of {TEAM}" in capsys.readouterr().err

    oauth = RunningBot(database_url=database, fake=fake, clock=clock, admins=(), oauth=True)
    oauth.start()
    try:
        fake.add_team(TEAM, code="code-mentor", installer=ADA)
        install(oauth, "code-mentor")
        oauth.team = TEAM
        # Commands from the workspace see the pair made before; nobody became a new person.
        listed = text_of(oauth.answer(ALICE, "pairs"))
        assert f"<@{ARTHUR}>" in listed
        bot = oauth.bot
        assert bot is not None
        with bot.core.db.session() as session:
            assert len(session.exec(select(Person)).all()) == people
            assert {p.workspace for p in session.exec(select(Pair)).all()} == {TEAM}
            channels = {s.channel_id for s in session.exec(select(DigestSubscription)).all()}
            recipients = {n.recipient for n in session.exec(select(Notification)).all()}
        assert channels == {f"{TEAM}:C0LEADS"}
        assert all(f":{TEAM}:" in r for r in recipients if r.startswith(("u:slack:", "c:slack:")))
        # The pair's reminders go with the workspace's token.
        fake.reset()
        clock.set(REMINDER_AT)
        oauth.dispatch()
        oauth.quiesce()
        for user in (ALICE, ARTHUR):
            posts = [c for c in fake.calls("chat.postMessage") if c.args.get("channel") == user]
            assert posts and all(c.team == TEAM and c.response["ok"] for c in posts), user
    finally:
        oauth.stop()
