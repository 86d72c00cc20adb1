"""What the Teams side keeps of people's conversations: a chat the bot opened is kept on the
reference it opened it for, and never brings back a reference an erasure removed meanwhile."""

from __future__ import annotations

from bot.kernel.core import Core
from bot.privacy.personal_data import erase, on_request
from handlers.teams.activities import PLATFORM
from handlers.teams.references import reference_for, save_conversation_id
from storage.queries.conversations import save_conversation_reference
from storage.queries.people import upsert_person

THOMAS = "29:1thomas-Pq7"  # known from a mention: no 1:1 chat yet
SERVICE = "https://smba.trafficmanager.net/emea/"


def known_from_a_mention(core: Core) -> None:
    with core.db.session() as session:
        upsert_person(
            session=session,
            platform=PLATFORM,
            external_id=THOMAS,
            name="Thomas",
            timezone=None,
            locale=None,
            now=core.clock.now(),
        )
        save_conversation_reference(
            session=session,
            platform=PLATFORM,
            kind="dm",
            address=THOMAS,
            service_url=SERVICE,
            conversation_id=None,
            tenant_id="tenant",
            now=core.clock.now(),
        )


def test_the_chat_the_bot_opened_is_kept_on_the_reference(core: Core) -> None:
    known_from_a_mention(core)
    reference = reference_for(core, "dm", THOMAS)
    assert reference is not None and reference.conversation_id is None
    save_conversation_id(core, reference, f"a:{THOMAS}")
    kept = reference_for(core, "dm", THOMAS)
    assert kept is not None and kept.id == reference.id
    assert (kept.conversation_id, kept.service_url, kept.tenant_id) == (
        f"a:{THOMAS}",
        SERVICE,
        "tenant",
    )


def test_a_chat_opened_while_the_person_was_erased_brings_back_no_reference(core: Core) -> None:
    known_from_a_mention(core)
    reference = reference_for(core, "dm", THOMAS)  # a send to him reads it, then opens a chat
    assert reference is not None
    on_request(core, name=f"teams:{THOMAS}", operator="dpo", action="erase", work=erase)
    save_conversation_id(core, reference, f"a:{THOMAS}")  # Teams answered after the erasure
    assert reference_for(core, "dm", THOMAS) is None
