"""OAuth states: signed and self-contained, so handing one out writes nothing; refused when
forged, tampered with, expired or used before, and never an error whatever the text."""

from __future__ import annotations

import asyncio
import base64
import string
from datetime import timedelta

from cryptography.fernet import Fernet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from handlers.slack.installations import OAuthStateStore
from storage.models import SlackOAuthState

KEY = Fernet.generate_key().decode()
URL_SAFE = string.ascii_letters + string.digits + "-_"


def issued(states: OAuthStateStore) -> str:
    return asyncio.run(states.async_issue())


def consumed(states: OAuthStateStore, state: str) -> bool:
    return asyncio.run(states.async_consume(state))


def records(core: Core) -> list[SlackOAuthState]:
    with core.db.session() as session:
        return list(session.exec(select(SlackOAuthState)).all())


def test_issuing_writes_nothing_and_any_replica_consumes_a_state_once(core: Core) -> None:
    states = [issued(OAuthStateStore(core, KEY)) for _ in range(50)]
    assert len(set(states)) == 50 and records(core) == []
    other_replica = OAuthStateStore(core, KEY)
    assert consumed(other_replica, states[0]) and not consumed(other_replica, states[0])
    assert not consumed(OAuthStateStore(core, KEY), states[0])
    assert len(records(core)) == 1


def test_a_state_signed_with_another_key_or_altered_is_refused(core: Core) -> None:
    states = OAuthStateStore(core, KEY)
    assert not consumed(states, issued(OAuthStateStore(core, Fernet.generate_key().decode())))
    state = issued(states)
    raw = bytearray(base64.urlsafe_b64decode(state + "="))
    for at in (0, 16, 23, len(raw) - 1):  # the nonce, the expiry, the signature
        altered = raw.copy()
        altered[at] ^= 1
        assert not consumed(states, base64.urlsafe_b64encode(altered).rstrip(b"=").decode())
    assert not consumed(states, state[:-1]) and not consumed(states, state + "A")
    assert consumed(states, state)  # none of the above spent it


def test_a_state_expires_after_ten_minutes_by_the_core_clock(
    core: Core, clock: ManualClock
) -> None:
    states = OAuthStateStore(core, KEY)
    in_time, late = issued(states), issued(states)
    clock.advance(timedelta(minutes=9, seconds=58))
    assert consumed(states, in_time)
    clock.advance(timedelta(seconds=2))
    assert not consumed(states, late)


def test_the_record_of_a_used_state_is_cleared_once_it_has_expired(
    core: Core, clock: ManualClock
) -> None:
    states = OAuthStateStore(core, KEY)
    first = issued(states)
    assert consumed(states, first)
    clock.advance(timedelta(minutes=10))
    assert consumed(states, issued(states))
    assert len(records(core)) == 1 and not consumed(states, first)


def test_garbage_is_refused(core: Core) -> None:
    states = OAuthStateStore(core, KEY)
    state = issued(states)
    for garbage in ("", "zzz", "A" * 75, "A" * 5000, "é" * 75, state[:-1] + "é", " " + state):
        assert not consumed(states, garbage)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        st.text(),
        st.text(alphabet=URL_SAFE, min_size=75, max_size=75),  # the shape of a state
        st.text(alphabet="Az09_-=+/é\0 ", min_size=74, max_size=76),
    )
)
def test_no_text_raises_or_passes_for_a_state(core: Core, text: str) -> None:
    assert not consumed(OAuthStateStore(core, KEY), text)


def test_a_state_redeemed_by_several_requests_at_once_passes_once(
    core_on_each_database: Core,
) -> None:
    states = OAuthStateStore(core_on_each_database, KEY)
    state = issued(states)

    async def all_at_once() -> list[bool]:
        return list(await asyncio.gather(*(states.async_consume(state) for _ in range(8))))

    assert sorted(asyncio.run(all_at_once())) == [False] * 7 + [True]
