"""`mentorbot serve` and `mentorbot socket` as real processes: a clean stop on SIGTERM and
SIGINT, and Socket Mode end to end against a fake Slack and a fake Socket Mode WebSocket."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from storage.queries.notifications import PENDING, SENDING, SENT
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.fakes.socket_mode import FakeSocketMode
from tests.fault.harness import (
    Serve,
    fake_for,
    seed_programme,
    sent_count,
    statuses,
    wait_until,
)
from tests.integration.harness import TEAM, action_ids, button_value, buttons_of, command_body

APP_TOKEN = "xapp-1-A0MENTOR-1-test"
NORMAL_CLOSURE = 1000  # the WebSocket close code of a Close frame sent on purpose


@pytest.fixture
def socket_mode() -> Iterator[FakeSocketMode]:
    with FakeSocketMode() as fake:
        yield fake


def start(command: str, programme: Any, fake: FakeSlack, tmp_path: Path) -> Serve:
    return Serve(programme, fake, tmp_path / f"{command}.log", command, SLACK_APP_TOKEN=APP_TOKEN)


def stopped(bot: Serve, sent: signal.Signals) -> tuple[int, str]:
    """Send `sent` to the process; its exit status and everything it logged."""
    assert bot.process is not None
    bot.process.send_signal(sent)
    code = bot.process.wait(timeout=40)
    return code, bot.log.read_text()


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("command", ["serve", "socket"])
def test_a_signal_stops_the_bot_cleanly_and_gives_back_its_claims(
    command: str,
    sent: signal.Signals,
    sqlite_url: str,
    socket_mode: FakeSocketMode,
    tmp_path: Path,
) -> None:
    programme = seed_programme(sqlite_url, pairs=40)
    sent_before = statuses(sqlite_url).get(SENT, 0)  # the pairs' start notices
    with fake_for(programme) as fake:
        fake.socket_mode_url = socket_mode.url
        fake.latency = 0.25  # sends in flight, and more claimed behind them, at the signal
        bot = start(command, programme, fake, tmp_path).start()
        try:
            assert wait_until(lambda: sent_count(fake) >= 8, timeout=60), bot.log.read_text()
            if command == "socket":
                assert socket_mode.open_connections()
            code, log = stopped(bot, sent)
        finally:
            if bot.alive:
                bot.kill()
        assert code == 0, log
        assert "Traceback" not in log and "Unclosed" not in log, log
        assert f"{sent.name}: stopping" in log
        counts = statuses(sqlite_url)
        # Nothing is left claimed: what was being sent was recorded, the rest given back.
        assert counts.get(SENDING, 0) == 0, counts
        assert counts.get(SENT, 0) - sent_before == sent_count(fake), counts
        assert counts.get(PENDING, 0) > 0, "stopped too late to show that it stops taking work"
        if command == "socket":
            assert [c.close_code for c in socket_mode.connections] == [NORMAL_CLOSURE]


def envelope_payload(form_body: str) -> dict[str, Any]:
    """A form-encoded request body of Slack's as a Socket Mode envelope's payload."""
    fields = dict(parse_qsl(form_body))
    return json.loads(fields["payload"]) if "payload" in fields else fields


def test_socket_mode_end_to_end(
    sqlite_url: str, socket_mode: FakeSocketMode, tmp_path: Path
) -> None:
    mentor, mentee = "UCLAIRE", "UTHOMAS"
    programme = seed_programme(sqlite_url, pairs=0)
    with FakeSlack() as fake:
        fake.add_user(mentor, name="claire", tz="Europe/Paris", locale="fr-FR")
        fake.add_user(mentee, name="thomas", tz="America/Montreal", locale="en-US")
        fake.socket_mode_url = socket_mode.url
        bot = start("socket", programme, fake, tmp_path)
        bot.env["MENTORBOT_LOG_FORMAT"] = "json"
        bot.start()
        try:
            socket_mode.wait_for(socket_mode.open_connections)
            assert [c.args for c in fake.calls("apps.connections.open")] == [{}]

            # A slash command: acknowledged, then answered at its response_url.
            pair = f"pair <@{mentor}|claire> <@{mentee}|thomas> weekly on thursday at 18:00"
            body = command_body(fake, mentee, pair, "r1", "trigger-r1")
            acked = socket_mode.send(
                "slash_commands", envelope_payload(body), accepts_response_payload=True
            )
            assert socket_mode.acked(acked)["envelope_id"] == acked
            assert fake.wait_for(lambda: fake.responses("r1"))

            # An interactivity payload: the mentor accepts the agreement the bot sent her.
            card = fake.wait_for(
                lambda: [m for m in fake.messages_to(mentor) if "agreement.accept" in action_ids(m)]
            )[-1]
            press = signing.block_actions_body(
                user_id=mentor,
                team_id=TEAM,
                action_id="agreement.accept",
                value=button_value(card, "agreement.accept"),
                trigger_id="trigger-r2",
                response_url=fake.response_url("r2"),
                channel_id=card.get("channel") or f"D{mentor}",
                message_ts=str(card.get("ts")),
            )
            acked = socket_mode.send("interactive", envelope_payload(press))
            socket_mode.acked(acked)
            assert fake.wait_for(lambda: fake.responses("r2"))

            # An event: the Home tab opened, published, with the pair's buttons.
            event = signing.app_home_opened_event(user=mentor, tab="home", view=None)
            event_body = signing.event_body(
                event=event, team_id=TEAM, event_id="Ev0001", event_time=int(time.time())
            )
            acked = socket_mode.send("events_api", json.loads(event_body))
            socket_mode.acked(acked)
            assert fake.wait_for(lambda: buttons_of(fake.home_of(mentor) or {}))

            # Slack asks for a refresh: a new URL, a new connection, the old one closed.
            old = socket_mode.disconnect("refresh_requested")
            fake.wait_for(lambda: len(fake.calls("apps.connections.open")) == 2)
            socket_mode.wait_for(lambda: len(socket_mode.connections) == 2)
            socket_mode.wait_for(lambda: old.close_code is not None)
            [new] = socket_mode.open_connections()
            assert new.number == 2
            body = command_body(fake, mentee, "help", "r3", "trigger-r3")
            acked = socket_mode.send(
                "slash_commands", envelope_payload(body), accepts_response_payload=True
            )
            socket_mode.acked(acked)
            assert fake.wait_for(lambda: fake.responses("r3"))
            assert len(socket_mode.acks) == 4

            # METRICS_PORT: the acks, timed.
            assert wait_until(lambda: bot.port is not None, timeout=10)
            metrics = httpx.get(f"http://127.0.0.1:{bot.port}/metrics", timeout=10).text
            [ack_count] = [
                sample.value
                for family in text_string_to_metric_families(metrics)
                for sample in family.samples
                if sample.name == "mentorbot_ack_latency_seconds_count"
            ]
            assert ack_count == 4
            assert httpx.get(f"http://127.0.0.1:{bot.port}/healthz").json()["database"] is True

            code, log = stopped(bot, signal.SIGTERM)
        finally:
            if bot.alive:
                bot.kill()
    assert code == 0, log
    assert "Traceback" not in log and "Unclosed" not in log, log
    assert new.close_code == NORMAL_CLOSURE
    # MENTORBOT_LOG_FORMAT=json: every line one JSON object, uvicorn's included.
    lines = [json.loads(line) for line in log.splitlines()]
    assert {"uvicorn.error", "app.service"} <= {line["logger"] for line in lines}
    assert not [line for line in lines if "help" in line["message"]]  # no one's words


@pytest.mark.parametrize("command", ["serve", "socket"])
def test_a_sigterm_during_start_up_ends_it_with_status_0(
    command: str, sqlite_url: str, socket_mode: FakeSocketMode, tmp_path: Path
) -> None:
    programme = seed_programme(sqlite_url, pairs=0)
    with FakeSlack() as fake:
        fake.socket_mode_url = socket_mode.url
        bot = start(command, programme, fake, tmp_path).start()
        try:
            # As soon as it handles SIGTERM: importing, well before serving.
            assert bot.process is not None
            assert wait_until(lambda: catches_sigterm(bot.process.pid), timeout=20, step=0.005)
            code, log = stopped(bot, signal.SIGTERM)
        finally:
            if bot.alive:
                bot.kill()
    assert code == 0, log
    assert "Traceback" not in log, log


def catches_sigterm(pid: int) -> bool:
    """Whether the process has a handler for SIGTERM (Linux: /proc's SigCgt mask)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    [mask] = [line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")]
    return bool(int(mask, 16) & (1 << (signal.SIGTERM - 1)))
