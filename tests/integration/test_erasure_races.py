"""An erasure and a request of the same person never interleave. A request that read its author
just before an erasure committed is refused (politely) instead of writing after it. Before,
it wrote under the erased person's row: journal entries, thanks and agenda points that no one
could read, export or erase any more, and a thanks delivered to the other member after "your
pair has ended" (5 journal entries of 340 commands sent during one operator erasure; a thanks
in 4 runs of 6 racing `forget-me`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import select

from bot.kernel.core import Core
from bot.kernel.i18n import t
from bot.privacy.personal_data import erase, on_request
from storage.models import JournalEntry, PendingReply, ProcessedEvent
from tests.fakes.teams_connector import text_of as teams_text
from tests.integration.conftest import MENTEE, THOMAS
from tests.integration.harness import RunningBot, text_of
from tests.integration.teams_harness import TeamsBot

SECRET = "ZZ what I wrote while being erased"


def erased_after_reading(
    served: RunningBot, monkeypatch: pytest.MonkeyPatch, module: Any
) -> Callable[[], None]:
    """Make `module`'s next read of MENTEE be followed, before anything is written, by an
    operator's erasure of MENTEE that commits: the request then goes on with the person it
    read. Returns the check that the erasure did run."""
    bot = served.bot
    assert bot is not None
    read = module.get_person
    ran = threading.Event()

    def then_erased(**kwargs: Any) -> Any:
        person = read(**kwargs)
        if kwargs["external_id"] == MENTEE and not ran.is_set():
            ran.set()
            eraser = threading.Thread(
                target=on_request,
                args=(bot.core,),
                kwargs={
                    "name": f"slack:{MENTEE}",
                    "operator": "dpo",
                    "action": "erase",
                    "work": erase,
                },
            )
            eraser.start()
            eraser.join(timeout=30)
            assert not eraser.is_alive()
        return person

    monkeypatch.setattr(module, "get_person", then_erased)
    return lambda: ran.wait(0)


def test_a_command_that_read_its_author_before_an_erasure_writes_nothing(
    served: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.people import acting

    served.answer(MENTEE, "help")  # known to the bot
    erased = erased_after_reading(served, monkeypatch, acting)
    answer = text_of(served.answer(MENTEE, f"journal {SECRET}"))
    assert erased()
    bot = served.bot
    assert bot is not None
    with bot.core.db.session() as session:
        assert session.exec(select(JournalEntry)).all() == []
    assert t("forget.meanwhile", "en") in answer


def test_what_a_command_wrote_as_an_erasure_began_is_erased_with_it(
    served: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other order: the entry is written, and the erasure starts before it is committed.
    The erasure waits for it, then erases it (before, on PostgreSQL, it erased what was
    committed and left the entry behind)."""
    from bot.commands import journal_command

    bot = served.bot
    assert bot is not None
    served.answer(MENTEE, "help")  # known to the bot
    count = journal_command.journal_size
    erasers: list[threading.Thread] = []

    def erasure_begins(**kwargs: Any) -> int:
        eraser = threading.Thread(
            target=on_request,
            args=(bot.core,),
            kwargs={"name": f"slack:{MENTEE}", "operator": "dpo", "action": "erase", "work": erase},
        )
        erasers.append(eraser)
        eraser.start()
        eraser.join(timeout=0.5)  # as far as it can go before the entry is committed
        return count(**kwargs)

    monkeypatch.setattr(journal_command, "journal_size", erasure_begins)
    served.answer(MENTEE, f"journal {SECRET}")
    [eraser] = erasers
    eraser.join(timeout=30)
    assert not eraser.is_alive()
    with bot.core.db.session() as session:
        assert session.exec(select(JournalEntry)).all() == []


def erased_before_filing(
    core: Core, monkeypatch: pytest.MonkeyPatch, listener: Any, name: str
) -> Callable[[], bool]:
    """Have `listener`'s next filing of a DM run after an operator's erasure of `name` (its
    author) has committed: the profile was there when the DM arrived. Returns the check that
    the erasure ran."""
    file = listener.handle_direct_message
    ran = threading.Event()

    def erased_first(*args: Any, **kwargs: Any) -> bool:
        if not ran.is_set():
            ran.set()
            on_request(core, name=name, operator="dpo", action="erase", work=erase)
        return bool(file(*args, **kwargs))

    monkeypatch.setattr(listener, "handle_direct_message", erased_first)
    return ran.is_set


def test_a_dm_whose_author_is_erased_on_its_way_is_not_kept_and_they_are_told(
    served: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The profile is there when the DM arrives (Slack's lookup passes), and the erasure
    commits before the DM is filed: nothing of it is kept, and its author is told so, where
    before they got the apology for a failure (`error.internal`) and the log an error."""
    from handlers.slack.listeners import events

    bot = served.bot
    assert bot is not None
    served.answer(MENTEE, "help")  # known to the bot
    erased = erased_before_filing(bot.core, monkeypatch, events, f"slack:{MENTEE}")
    response, _ = served.dm(MENTEE, SECRET)
    assert response.status_code == 200
    served.quiesce()
    assert erased()
    told = [text_of(message) for message in served.fake.messages_to(MENTEE)]
    assert any(t("forget.meanwhile", "en") in text for text in told), told
    assert not any(t("error.internal", "en") in text for text in told)
    with bot.core.db.session() as session:
        assert session.exec(select(PendingReply)).all() == []
        assert session.exec(select(ProcessedEvent)).all() == []  # a retry is handled


def test_a_teams_message_whose_author_is_erased_on_its_way_is_not_kept_and_they_are_told(
    teams_served: TeamsBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same on Teams: the message is answered as the Bot Framework expects, with what
    happened to it, not the apology for a failure."""
    from handlers.teams.listeners import messages

    bot = teams_served.bot
    assert bot is not None
    teams_served.install(THOMAS)
    teams_served.answer(THOMAS, "help")  # known to the bot
    teams_served.quiesce()
    with bot.core.db.session() as session:
        handled = session.exec(select(ProcessedEvent)).all()  # the install, the command
    erased = erased_before_filing(bot.core, monkeypatch, messages, f"teams:{THOMAS.id}")
    answer = teams_text(teams_served.answer(THOMAS, SECRET))
    assert erased()
    assert t("forget.meanwhile", "en") in answer
    assert t("error.internal", "en") not in answer
    teams_served.quiesce()
    with bot.core.db.session() as session:
        assert session.exec(select(PendingReply)).all() == []
        assert session.exec(select(ProcessedEvent)).all() == handled  # a retry is handled
