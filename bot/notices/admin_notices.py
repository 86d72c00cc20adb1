"""Messages to the programme admins about the programme itself, never about content."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import Lang, t
from bot.kernel.notice_keys import (
    ChannelRefused,
    MemberLeft,
    PersonRefused,
    Subject,
    UnreachableWeek,
)
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, Section, escape_markup
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.notices.digest_notice import shown_name
from bot.pairs.unreachable import DEACTIVATED
from bot.people.person import lang_of
from storage.models import DigestSubscription, Notification, Pair, Person
from storage.queries.conversations import conversation_reference
from storage.queries.pairs import PAUSED


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
        name=escape_markup(person.name or person.external_id),  # chosen by its owner
        platform=t(f"platform.{person.platform}", lang),
    )
    return person_target(reader), Reply(
        title=t("unreachable.title", lang), sections=(Section(body),)
    )


WHY = {
    "account_inactive": "refused.why.inactive",
    "user_disabled": "refused.why.inactive",
    "user_not_found": "refused.why.unknown_user",
    "users_not_found": "refused.why.unknown_user",
    "cannot_dm_bot": "refused.why.bot",
    "is_archived": "refused.why.archived",
    "not_in_channel": "refused.why.not_in_channel",
    "channel_not_found": "refused.why.not_found",
}
"""The platform's refusals, in words an admin reads; any other is quoted."""


def _why(reason: str, lang: Lang) -> str:
    key = WHY.get(reason)
    return t(key, lang) if key else t("refused.why.other", lang, code=reason)


def delivery_refused(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To an admin: the platform refuses a person or a digest channel, or someone left."""
    reader = recipient_person(session, row.recipient)
    lang = lang_of(reader)
    about = read(Subject, row.subject)
    if isinstance(about, ChannelRefused):
        sub = session.get(DigestSubscription, about.subscription_id)
        if sub is None:
            raise Gone("subscription gone")
        body = t(
            "refused.channel",
            lang,
            channel=sub.channel_id,
            platform=t(f"platform.{sub.platform}", lang),
            why=_why(about.reason, lang),
        )
    elif isinstance(about, PersonRefused):
        person = session.get(Person, about.person_id)
        if person is None:
            raise Gone("person unknown")
        names = {
            "name": shown_name(person, lang),
            "platform": t(f"platform.{person.platform}", lang),
        }
        if about.reason == DEACTIVATED:
            body = t("refused.left", lang, **names)
        else:
            body = t("refused.person", lang, **names, why=_why(about.reason, lang))
    else:
        raise Gone(f"not a refusal: {row.subject}")
    return person_target(reader), Reply(title=t("refused.title", lang), sections=(Section(body),))


def member_left(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To the other member of a pair paused because one left the workspace."""
    reader = recipient_person(session, row.recipient)
    about = read(MemberLeft, row.subject)
    pair, gone = session.get(Pair, about.pair_id), session.get(Person, about.person_id)
    if pair is None or gone is None or pair.status != PAUSED:
        raise Gone("pair no longer paused")
    lang = lang_of(reader)
    body = t("left.body", lang, other=f"*{shown_name(gone, lang)}*")
    return person_target(reader), Reply(title=t("left.title", lang), sections=(Section(body),))
