"""Messages to the programme admins about the programme itself, never about content."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import t
from bot.kernel.notice_keys import UnreachableWeek
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, Section
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.people.person import lang_of
from storage.models import Notification, Person
from storage.queries.conversations import conversation_reference


def member_unreachable(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To an admin: this member must install the app before the bot can reach them."""
    reader = recipient_person(session, row.recipient)
    person = session.get(Person, read(UnreachableWeek, row.subject).person_id)
    if person is None:
        raise Gone("person unknown")
    reference = conversation_reference(
        session=session, platform=person.platform, kind="dm", address=person.external_id
    )
    if reference is not None and reference.conversation_id:
        raise Gone("reachable now")
    lang = lang_of(reader)
    body = t(
        "unreachable.body",
        lang,
        name=person.name or person.external_id,
        platform=t(f"platform.{person.platform}", lang),
    )
    return person_target(reader), Reply(
        title=t("unreachable.title", lang), sections=(Section(body),)
    )
