"""OAuth mode: two workspaces installed through Slack's OAuth flow, each with its own pair.

Reminders go to each workspace with that workspace's token, commands from one never see the
other's pairs, and uninstalling one stops its sends only (its data kept)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.pairs.lifecycle import erase_expired_content
from storage.models import (
    AgendaItem,
    DigestSubscription,
    Notification,
    Pair,
    Person,
    SlackInstallation,
    SlackOAuthState,
)
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import TOKEN_KEY, RunningBot, text_of
from tests.integration.test_metrics import scrape, total

ALPHA, BETA = "T1ALPHA", "T2BETA"
# Alpha: Alice mentors Arthur, Ada installed the app. Beta: Bella mentors Boris, Bob installed.
ALICE, ARTHUR, ADA = "UALICE", "UARTHUR", "UADA"
BELLA, BORIS, BOB = "UBELLA", "UBORIS", "UBOB"
RHYTHM = "weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 3, 16, 45, tzinfo=UTC)  # before Thursday's 18:00 Paris


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        slack.add_team(ALPHA, code="code-alpha", installer=ADA)
        slack.add_team(BETA, code="code-beta", installer=BOB)
        for user, team in ((ALICE, ALPHA), (ARTHUR, ALPHA), (ADA, ALPHA)):
            slack.add_user(user, name=user[1:].lower(), team=team)
        for user, team in ((BELLA, BETA), (BORIS, BETA), (BOB, BETA)):
            slack.add_user(user, name=user[1:].lower(), team=team, locale="fr-FR")
        yield slack


@pytest.fixture
def running(
    fake: FakeSlack, migrated_database_url: str, clock: ManualClock
) -> Iterator[RunningBot]:
    """The bot in OAuth mode, on SQLite and on PostgreSQL."""
    bot = RunningBot(
        database_url=migrated_database_url, fake=fake, clock=clock, admins=(), oauth=True
    )
    yield bot.start()
    bot.stop()


def install_page_state(running: RunningBot) -> str:
    """The state of a fresh Add to Slack page, as its link and its cookie carry it."""
    page = running.http.get("/slack/install")
    assert page.status_code == 200, page.text
    [state] = set(re.findall(r"state=([\w-]+)", page.text))
    assert state in page.headers["set-cookie"]
    return state


def redirect(running: RunningBot, code: str, state: str) -> int:
    """Slack's redirect back to the browser that started the install (its cookie sent), where
    the bot exchanges the code (oauth.v2.access)."""
    return running.http.get(
        "/slack/oauth_redirect",
        params={"code": code, "state": state},
        headers={"Cookie": f"slack-app-oauth-state={state}"},
    ).status_code


def install(running: RunningBot, code: str) -> None:
    """A browser's install: the Add to Slack page (and its state's cookie), then the redirect."""
    assert redirect(running, code, install_page_state(running)) == 200


def as_team(running: RunningBot, team: str) -> RunningBot:
    running.team = team
    return running


def uninstalled(running: RunningBot, team: str) -> None:
    """Slack's `app_uninstalled` event for `team`."""
    body = signing.event_body(
        event={"type": "app_uninstalled", "event_ts": "1767000000.000200"},
        team_id=team,
        event_id=f"EvUninstall{team}",
        event_time=1767000000,
    )
    assert running.post(body, "application/json").status_code == 200
    running.quiesce()


def both_installed_with_a_pair(running: RunningBot) -> None:
    """Alpha and Beta install the app; Alice mentors Arthur in Alpha, Bella Boris in Beta."""
    install(running, "code-alpha")
    install(running, "code-beta")
    as_team(running, ALPHA).make_pair(ALICE, f"pair <@{ALICE}|alice> <@{ARTHUR}|arthur> {RHYTHM}")
    as_team(running, BETA).make_pair(BELLA, f"pair <@{BELLA}|bella> <@{BORIS}|boris> {RHYTHM}")


def reminders(fake: FakeSlack, user: str) -> list[str]:
    return [text_of(m) for m in fake.messages_to(user)]


def test_two_workspaces_stay_apart_and_uninstalling_one_stops_its_sends_only(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    # A state that was never issued is refused: only a browser that started the install ends it.
    forged = running.http.get(
        "/slack/oauth_redirect",
        params={"code": "code-alpha", "state": "forged"},
        headers={"Cookie": "slack-app-oauth-state=forged"},
    )
    assert forged.status_code == 401 and fake.calls("oauth.v2.access") == []
    install(running, "code-alpha")
    install(running, "code-beta")
    [alpha_token] = fake.tokens_of(ALPHA)
    [beta_token] = fake.tokens_of(BETA)
    assert alpha_token != beta_token

    # Tokens are kept encrypted: neither appears in the database.
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        rows = {r.workspace: r for r in session.exec(select(SlackInstallation)).all()}
    assert set(rows) == {ALPHA, BETA}
    assert rows[ALPHA].bot_token and alpha_token not in rows[ALPHA].bot_token
    assert rows[ALPHA].installer_user_id == ADA

    as_team(running, ALPHA).make_pair(ALICE, f"pair <@{ALICE}|alice> <@{ARTHUR}|arthur> {RHYTHM}")
    as_team(running, BETA).make_pair(BELLA, f"pair <@{BELLA}|bella> <@{BORIS}|boris> {RHYTHM}")

    # People are people of their workspace; each pair belongs to one.
    with bot.core.db.session() as session:
        people = {p.external_id for p in session.exec(select(Person)).all()}
        pairs = {p.workspace for p in session.exec(select(Pair)).all()}
    assert {f"{ALPHA}:{ALICE}", f"{ALPHA}:{ARTHUR}", f"{BETA}:{BELLA}"} <= people
    assert pairs == {ALPHA, BETA}

    # Every call about a member of a workspace went with that workspace's token.
    for call in fake.calls():
        about = call.args.get("channel") or call.args.get("user") or call.args.get("user_id")
        if about in (ALICE, ARTHUR, ADA):
            assert call.team == ALPHA, call
        if about in (BELLA, BORIS, BOB):
            assert call.team == BETA, call

    # Commands from one workspace never see the other's pairs.
    alpha_pairs = text_of(as_team(running, ALPHA).answer(ALICE, "pairs"))
    assert f"<@{ARTHUR}>" in alpha_pairs and BELLA not in alpha_pairs and BORIS not in alpha_pairs
    beta_pairs = text_of(as_team(running, BETA).answer(BELLA, "pairs"))
    assert f"<@{BORIS}>" in beta_pairs and ALICE not in beta_pairs and ARTHUR not in beta_pairs
    # Naming someone of the other workspace finds nobody (the fake answers user_not_found).
    crossed = as_team(running, BETA).answer(BELLA, f"pair <@{BELLA}> <@{ALICE}> {RHYTHM}")
    assert f"<@{ALICE}>" in text_of(crossed) and ":warning:" in text_of(crossed)
    with bot.core.db.session() as session:
        assert len(session.exec(select(Pair)).all()) == 2
    # The Home tab likewise, published with the workspace's own token.
    home = as_team(running, BETA).home(BOB)
    assert "alice" not in text_of(home).lower() and "arthur" not in text_of(home).lower()
    assert {c.team for c in running.home_publishes(BOB)} == {BETA}
    # The installers are their own workspace's admins, and only theirs.
    overview = text_of(as_team(running, ALPHA).answer(ADA, "programme"))
    assert "Boris" not in overview and "boris" not in overview
    refused = text_of(as_team(running, ALPHA).answer(ALICE, "programme"))
    assert "programme overview is for" in refused
    denied = text_of(as_team(running, BETA).answer(BOB, "programme"))
    assert "programme overview is for" not in denied

    # The reminders: each workspace's with its own token.
    fake.reset()
    clock.set(REMINDER_AT)
    running.dispatch()
    running.quiesce()
    for user, team in ((ALICE, ALPHA), (ARTHUR, ALPHA), (BELLA, BETA), (BORIS, BETA)):
        posts = [c for c in fake.calls("chat.postMessage") if c.args.get("channel") == user]
        assert posts and all(c.team == team and c.response["ok"] for c in posts), (user, posts)
    # /metrics tells the workspaces apart: each one's pairs and reminders sent.
    samples = scrape(running)
    for team in (ALPHA, BETA):
        assert total(samples, "mentorbot_pairs", workspace=team, status="active") == 1
        sent = total(
            samples,
            "mentorbot_notifications_total",
            outcome="sent",
            kind="reminder",
            workspace=team,
        )
        assert sent == 2, (team, sent)

    # Beta uninstalls: nothing goes there any more, Alpha carries on; Beta's data stays.
    as_team(running, BETA).answer(BORIS, "agenda add Négocier le budget de Lisbonne")
    with bot.core.db.session() as session:
        assert [a.text for a in session.exec(select(AgendaItem)).all()] == [
            "Négocier le budget de Lisbonne"
        ]
    uninstalled(running, BETA)
    with bot.core.db.session() as session:
        query = select(SlackInstallation).where(SlackInstallation.workspace == BETA)
        row = session.exec(query).one()
    assert row.revoked_at is not None and row.bot_token is None
    fake.reset()
    clock.set(datetime(2026, 12, 10, 16, 45, tzinfo=UTC))  # the next Thursday's reminders
    running.dispatch()
    running.quiesce()
    sent_to = {c.args.get("channel") for c in fake.calls("chat.postMessage")}
    assert {ALICE, ARTHUR} <= sent_to
    assert not sent_to & {BELLA, BORIS, BOB}
    assert all(c.team == ALPHA for c in fake.calls())
    with bot.core.db.session() as session:
        dropped = session.exec(
            select(Notification).where(Notification.outcome == "app uninstalled from the workspace")
        ).all()
        kept = session.exec(select(Pair).where(Pair.workspace == BETA)).all()
    assert dropped and all(n.status == "dropped" for n in dropped)
    assert kept and all(p.status == "active" for p in kept)
    # /metrics shows Beta's pairs as withdrawn, no longer as active.
    samples = scrape(running)
    assert total(samples, "mentorbot_pairs", workspace=BETA, status="withdrawn") == 1
    assert total(samples, "mentorbot_pairs", workspace=BETA, status="active") == 0
    assert total(samples, "mentorbot_pairs", workspace=ALPHA, status="active") == 1

    # Until the retention rule removes it: a year after the uninstall, Beta's content goes.
    later = clock.now() + bot.core.retention + timedelta(days=1)
    with bot.core.db.session() as session:
        assert erase_expired_content(session=session, now=later, retention=bot.core.retention)
        pairs = {p.workspace: p for p in session.exec(select(Pair)).all()}
        agenda = [a.text for a in session.exec(select(AgendaItem)).all()]
    assert pairs[BETA].content_erased_at is not None and pairs[ALPHA].content_erased_at is None
    assert not any("Lisbonne" in text for text in agenda)
    assert TOKEN_KEY  # the key the harness configured (MENTORBOT_TOKEN_KEY)


def test_each_workspace_digest_counts_its_own_pairs_and_a_revoked_token_waits_for_a_reinstall(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    both_installed_with_a_pair(running)
    # Each installer subscribes a channel of their own workspace (the same channel id in both).
    for team, admin in ((ALPHA, ADA), (BETA, BOB)):
        answer = text_of(as_team(running, team).answer(admin, "digest <#C0LEADS|leads>"))
        assert "<#C0LEADS>" in answer and "09:00" in answer.replace("9h00", "09:00"), answer
    # Someone who is no admin of Beta cannot subscribe a channel.
    refused = text_of(as_team(running, BETA).answer(BELLA, "digest <#C0GENERAL|general>"))
    assert ":warning:" in refused
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        channels = {s.channel_id for s in session.exec(select(DigestSubscription)).all()}
    assert channels == {f"{ALPHA}:C0LEADS", f"{BETA}:C0LEADS"}
    fake.reset()
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))  # Monday 09:00 in Paris
    running.settle()
    digests = {
        c.team: text_of(c.args)
        for c in fake.calls("chat.postMessage")
        if c.args.get("channel") == "C0LEADS"
    }
    assert set(digests) == {ALPHA, BETA}
    assert "alice" in digests[ALPHA] and "bella" not in digests[ALPHA]
    assert "bella" in digests[BETA] and "alice" not in digests[BETA]

    # Alpha revokes the bot's token: nothing goes to Alpha until it installs the app again.
    body = signing.event_body(
        event={"type": "tokens_revoked", "tokens": {"bot": ["UBOT"]}},
        team_id=ALPHA,
        event_id="EvRevokedAlpha",
        event_time=1767000000,
    )
    assert running.post(body, "application/json").status_code == 200
    running.quiesce()
    fake.reset()
    clock.set(REMINDER_AT + (datetime(2026, 12, 10) - datetime(2026, 12, 3)))
    running.dispatch()
    running.quiesce()
    assert {c.team for c in fake.calls()} == {BETA}
    fake.add_team(ALPHA, code="code-alpha-again", installer=ADA)
    install(running, "code-alpha-again")
    assert len(fake.tokens_of(ALPHA)) == 2  # the old token answers token_revoked for good
    with bot.core.db.session() as session:  # back before its retention ran out: nothing goes
        alpha = session.exec(select(Pair).where(Pair.workspace == ALPHA)).one()
    assert alpha.retain_until is None
    fake.reset()
    clock.set(REMINDER_AT + (datetime(2026, 12, 17) - datetime(2026, 12, 3)))
    running.dispatch()
    running.quiesce()
    to_alpha = [c for c in fake.calls("chat.postMessage") if c.args.get("channel") == ALICE]
    assert to_alpha and all(c.team == ALPHA and c.response["ok"] for c in to_alpha)


def test_a_token_slack_refuses_without_an_event_uninstalls_its_workspace_only(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    both_installed_with_a_pair(running)
    running.settle()
    # Alpha's token stops working, and the event that says so never comes.
    fake.revoke(ALPHA)
    fake.reset()
    clock.set(REMINDER_AT)
    running.dispatch()
    running.quiesce()
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        alpha = session.exec(
            select(SlackInstallation).where(SlackInstallation.workspace == ALPHA)
        ).one()
        dropped = session.exec(
            select(Notification).where(Notification.outcome == "app uninstalled from the workspace")
        ).all()
        failed = session.exec(select(Notification).where(Notification.status == "failed")).all()
    assert alpha.revoked_at is not None and alpha.bot_token is None
    assert len(dropped) == 2 and failed == []  # both of Alpha's reminders, none lost as failed
    to_beta = [c for c in fake.calls("chat.postMessage") if c.team == BETA]
    assert {c.args.get("channel") for c in to_beta} >= {BELLA, BORIS}
    # A week on: no call at all with Alpha's token, Beta carries on.
    fake.reset()
    clock.set(REMINDER_AT + (datetime(2026, 12, 10) - datetime(2026, 12, 3)))
    running.dispatch()
    running.quiesce()
    assert fake.calls() and {c.team for c in fake.calls()} == {BETA}


def rows_created(running: RunningBot, team: str, since: datetime) -> int:
    """Notification rows created since `since` for `team`'s people and channels."""
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        people = session.exec(select(Person)).all()
        keys = {f"p:{p.id}" for p in people if p.external_id.startswith(f"{team}:")}
        rows = session.exec(select(Notification).where(Notification.created_at > since)).all()
    return sum(1 for n in rows if n.recipient in keys or f"{team}:" in n.recipient)


def test_an_uninstalled_workspace_is_given_no_work_until_it_installs_again(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    both_installed_with_a_pair(running)
    for team, admin in ((ALPHA, ADA), (BETA, BOB)):
        as_team(running, team).answer(admin, "digest <#C0LEADS|leads>")
    running.settle()
    uninstalled(running, BETA)
    left = clock.now()

    def week_of_ticks() -> None:
        for _ in range(7 * 8):  # every three hours: planning, health checks, digests
            clock.set(clock.now() + timedelta(hours=3))
            running.dispatch()
        running.quiesce()

    # Ten weeks on (the planner extends pairs a week before their six weeks run out; stalls
    # come after three weeks without a session): nothing is owed to Beta, Alpha carries on.
    for _ in range(10):
        week_of_ticks()
    withdrawn, served = rows_created(running, BETA, left), rows_created(running, ALPHA, left)
    assert withdrawn == 0 and served > 0
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        beta = session.exec(select(Pair).where(Pair.workspace == BETA)).one()
    assert beta.status == "active" and beta.retain_until is not None

    # Beta installs the app again: its reminders, digests and the rest resume.
    fake.add_team(BETA, code="code-beta-again", installer=BOB)
    install(running, "code-beta-again")
    back = clock.now()
    fake.reset()
    week_of_ticks()
    week_of_ticks()
    assert rows_created(running, BETA, back) > 0
    to_beta = [c for c in fake.calls("chat.postMessage") if c.args.get("channel") == BORIS]
    assert to_beta and all(c.team == BETA and c.response["ok"] for c in to_beta)


# `GET /slack/install` is open to anyone, so it must cost the database nothing: the state it
# hands out is signed and carries its own expiry; only the redirect that ends an install
# records it (to refuse it a second time), and records past their expiry go then. Before, each
# visit wrote a row that only a real install ever cleared (3,000 visits: 3,000 rows for good).
ANONYMOUS_VISITS = 200


def state_rows(running: RunningBot) -> list[SlackOAuthState]:
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        return list(session.exec(select(SlackOAuthState)).all())


def test_anonymous_install_pages_write_nothing_to_the_database(running: RunningBot) -> None:
    states = {install_page_state(running) for _ in range(ANONYMOUS_VISITS)}
    assert len(states) == ANONYMOUS_VISITS  # each page its own state
    assert state_rows(running) == []


def test_an_install_still_completes_once_per_state_and_not_after_ten_minutes(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    state = install_page_state(running)
    assert redirect(running, "code-alpha", state) == 200
    bot = running.bot
    assert bot is not None
    with bot.core.db.session() as session:
        [row] = session.exec(select(SlackInstallation)).all()
    assert row.workspace == ALPHA and row.installer_user_id == ADA
    assert len(fake.calls("oauth.v2.access")) == 1
    # The same state again (a replayed redirect) is refused before Slack is asked anything.
    assert redirect(running, "code-alpha", state) == 401
    assert len(fake.calls("oauth.v2.access")) == 1
    # A page left open past ten minutes: its state has expired.
    stale = install_page_state(running)
    clock.advance(timedelta(minutes=10))
    assert redirect(running, "code-alpha", stale) == 401
    assert len(fake.calls("oauth.v2.access")) == 1
    # The record of the used state goes with the next install once that state has expired.
    assert len(state_rows(running)) == 1
    fake.add_team(ALPHA, code="code-alpha-again", installer=ADA)
    assert redirect(running, "code-alpha-again", install_page_state(running)) == 200
    assert len(state_rows(running)) == 1
