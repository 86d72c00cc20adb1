"""The announcement of a new pair to both its members."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.i18n import t
from bot.notices.context import Gone, person_target, recipient_person, subject_id
from bot.pair_rhythm import rhythm_of
from bot.people import lang_of, mention, zone_of
from bot.ports import Target
from bot.replies import Reply, Section
from bot.rhythm_text import describe_pair_rhythm, format_when
from storage.models import Notification, Pair, Person
from storage.queries.sessions import next_session


def pair_created(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    pair = session.get(Pair, subject_id(row.subject, "pair"))
    if pair is None or pair.status != "active" or pair.id is None:
        raise Gone("pair no longer active")
    is_mentor = reader.id == pair.mentor_id
    other = session.get(Person, pair.mentee_id if is_mentor else pair.mentor_id)
    if other is None:
        raise Gone("other member unknown")
    lang = lang_of(reader)
    first = next_session(session=session, pair_id=pair.id, now=now)
    when = (
        format_when(first.starts_at, zone_of(reader, pair.timezone), lang)
        if first
        else t("session.none_planned", lang)
    )
    role = t("role.mentor" if is_mentor else "role.mentee", lang)
    return person_target(reader), Reply(
        title=t("pair.created.title", lang),
        sections=(
            Section(t("pair.created.body", lang, role=role, other=mention(other))),
            Section(
                t(
                    "pair.created.rhythm",
                    lang,
                    rhythm=describe_pair_rhythm(rhythm_of(pair), pair.reverse, lang),
                )
                + "\n"
                + t("pair.created.first", lang, when=when)
            ),
            Section(t("pair.created.how", lang)),
        ),
        note=t("confidential.note", lang),
    )
