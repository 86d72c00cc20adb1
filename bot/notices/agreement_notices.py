"""The agreement card, the start of a pair, the trial question and its outcome."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import Lang, t
from bot.kernel.notice_keys import (
    AgreementTerms,
    PairStart,
    PairSubject,
    PlannedEnd,
    TrialOutcome,
    TrialQuestion,
)
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.pairs.agreement import has_accepted
from bot.pairs.terms_compared import CHANGED_HEADING, compared
from bot.pairs.terms_proposals import terms_of
from bot.pairs.trial import ADJUST, CONTINUE, trial_answer_of
from bot.people.person import lang_of, mention, zone_of
from bot.rhythm.stored import rhythm_of
from bot.rhythm.wording import describe_pair_rhythm, format_date, format_when
from storage.models import Notification, Pair, Person
from storage.queries.pairs import ACTIVE, PAUSED, PENDING
from storage.queries.sessions import next_session
from storage.queries.terms import superseded_terms


def _pair_and_other(
    session: Session, row: Notification, about: PairSubject
) -> tuple[Person, Pair, Person]:
    reader = recipient_person(session, row.recipient)
    pair = session.get(Pair, about.pair_id)
    if pair is None or reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("pair unknown or reader not a member")
    other = session.get(Person, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id)
    if other is None:
        raise Gone("other member unknown")
    return reader, pair, other


def terms_sections(pair: Pair, reader: Person, other: Person, lang: Lang) -> list[Section]:
    """What the pair agrees on, in the reader's language."""
    role = t("role.mentor" if reader.id == pair.mentor_id else "role.mentee", lang)
    end = (
        t("agreement.end", lang, date=format_date(pair.planned_end, lang))
        if pair.planned_end
        else t("agreement.no_end", lang)
    )
    terms = [
        t(
            "pair.created.rhythm",
            lang,
            rhythm=describe_pair_rhythm(rhythm_of(pair), pair.reverse, lang),
        ),
        t("agreement.trial", lang, count=pair.trial_sessions),
        end,
        t("agreement.confidentiality", lang),
    ]
    return [
        Section(t("agreement.role", lang, role=role, other=mention(other))),
        Section("\n".join(terms)),
    ]


def agreement_card(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """The terms, with Accept / Propose a change for a member who has not accepted them yet.
    Also the reminder after 3 days, which is dropped once the reader has answered."""
    terms = read(AgreementTerms, row.subject)
    reader, pair, other = _pair_and_other(session, row, terms)
    if pair.status != PENDING or terms.version != pair.terms_version:
        raise Gone("agreement settled or terms changed since")
    lang, accepted = lang_of(reader), has_accepted(pair, reader.id)
    reminder = row.kind == "agreement_reminder"
    if reminder and accepted:
        raise Gone("already accepted")
    title = "agreement.reminder.title" if reminder else "agreement.title"
    sections = with_proposer(session, pair, reader, lang, terms_sections(pair, reader, other, lang))
    buttons: tuple[Button, ...] = ()
    value = str(pair.id)
    if accepted:
        sections.append(Section(t("agreement.waiting", lang, other=mention(other))))
    else:
        other_accepted = has_accepted(pair, other.id)
        key = "agreement.ask.other_accepted" if other_accepted else "agreement.ask"
        sections.append(Section(t(key, lang, other=mention(other))))
        buttons = (
            Button(t("button.accept", lang), "agreement.accept", value, style="primary"),
            Button(t("button.propose_change", lang), "agreement.change", value),
        )
    return person_target(reader), Reply(
        title=t(title, lang), sections=tuple(sections), buttons=buttons
    )


def with_proposer(
    session: Session, pair: Pair, reader: Person, lang: Lang, sections: list[Section]
) -> list[Section]:
    """The terms' sections, saying who proposed them (a member, or an admin who made the pair
    for two others); when a member changed them before the start, the terms before beside the
    terms now instead of the terms alone."""
    assert pair.id is not None
    changed = superseded_terms(session=session, pair_id=pair.id) if pair.terms_version > 1 else None
    proposer = session.get(Person, changed.proposer_id if changed else pair.created_by_id)
    said = []
    if proposer is not None and proposer.id != reader.id:
        key = "agreement.changed_by" if changed else "agreement.proposed_by"
        said.append(Section(t(key, lang, who=mention(proposer))))
    if changed is None:
        return [sections[0], *said, *sections[1:]]
    side_by_side = compared(terms_of(changed), terms_of(pair), pair.reverse, lang, CHANGED_HEADING)
    confidentiality = Section(t("agreement.confidentiality", lang))
    return [sections[0], *said, side_by_side, confidentiality]


def pair_started(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """Both accepted: the first session, to both members and to an admin who made the pair."""
    reader = recipient_person(session, row.recipient)
    pair = session.get(Pair, read(PairStart, row.subject).pair_id)
    if pair is None or pair.status != ACTIVE or pair.id is None:
        raise Gone("pair no longer active")
    mentor, mentee = session.get(Person, pair.mentor_id), session.get(Person, pair.mentee_id)
    if mentor is None or mentee is None:
        raise Gone("member unknown")
    lang = lang_of(reader)
    when = next_when(session, pair, reader, lang, now)
    if reader.id in (pair.mentor_id, pair.mentee_id):
        other = mentee if reader.id == pair.mentor_id else mentor
        body = t("agreement.started", lang, other=mention(other))
        sections = (
            Section(body),
            Section(t("pair.created.first", lang, when=when)),
            Section(t("pair.created.how", lang)),
        )
        return person_target(reader), Reply(
            title=t("pair.created.title", lang),
            sections=sections,
            note=t("confidential.note", lang),
        )
    body = t("agreement.started.admin", lang, mentor=mention(mentor), mentee=mention(mentee))
    return person_target(reader), Reply(sections=(Section(body),))


def trial_check(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """After the trial sessions: continue, adjust or stop? Each member answers privately."""
    reader, pair, other = _pair_and_other(session, row, read(TrialQuestion, row.subject))
    if pair.status != ACTIVE or pair.trial_outcome or trial_answer_of(pair, reader.id):
        raise Gone("pair not active, trial settled or already answered")
    lang, value = lang_of(reader), str(pair.id)
    body = t("trial.question", lang, count=pair.trial_sessions, other=mention(other))
    buttons = (
        Button(t("button.trial.continue", lang), "trial.continue", value, style="primary"),
        Button(t("button.trial.adjust", lang), "trial.adjust", value),
        Button(t("button.trial.stop", lang), "trial.stop", value),
    )
    return person_target(reader), Reply(
        title=t("trial.title", lang),
        sections=(Section(body), Section(t("trial.private", lang, other=mention(other)))),
        buttons=buttons,
    )


def trial_outcome(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """What follows the trial, the same to both members, naming no one's answer (a stop ends
    the pair: its closing message says so)."""
    reader, pair, other = _pair_and_other(session, row, read(TrialOutcome, row.subject))
    if pair.status not in (ACTIVE, PAUSED) or pair.trial_outcome not in (CONTINUE, ADJUST):
        raise Gone("pair ended or trial not settled")
    lang = lang_of(reader)
    body = t(f"trial.outcome.{pair.trial_outcome}", lang, other=mention(other))
    buttons: tuple[Button, ...] = ()
    if pair.trial_outcome == ADJUST:
        buttons = (Button(t("button.propose_change", lang), "agreement.change", str(pair.id)),)
    return person_target(reader), Reply(
        title=t("trial.outcome.title", lang), sections=(Section(body),), buttons=buttons
    )


def planned_end_soon(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """A month before the planned end: it is coming, and how to go on if both wish."""
    ending = read(PlannedEnd, row.subject)
    reader, pair, other = _pair_and_other(session, row, ending)
    if pair.status not in (ACTIVE, PAUSED) or pair.planned_end != ending.planned_end:
        raise Gone("pair ended or its planned end changed")
    lang = lang_of(reader)
    assert pair.planned_end is not None
    body = t("ending.soon", lang, other=mention(other), date=format_date(pair.planned_end, lang))
    button = Button(t("button.propose_change", lang), "agreement.change", str(pair.id))
    return person_target(reader), Reply(
        title=t("ending.soon.title", lang), sections=(Section(body),), buttons=(button,)
    )


def next_when(session: Session, pair: Pair, reader: Person, lang: Lang, now: datetime) -> str:
    """The pair's next session in the reader's zone and language, or that none is planned."""
    assert pair.id is not None
    first = next_session(session=session, pair_id=pair.id, now=now)
    if first is None:
        return t("session.none_planned", lang)
    return format_when(first.starts_at, zone_of(reader, pair.timezone), lang)
