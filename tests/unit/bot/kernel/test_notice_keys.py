"""Notification keys write themselves and read back equal; anything else is refused clearly."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, ClassVar, get_origin, get_type_hints
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kernel.notice_keys import (
    ActionDue,
    AgreementTerms,
    CalendarVersion,
    ChannelRecipient,
    ChannelRefused,
    DigestDay,
    HelpRequest,
    KeptReply,
    MalformedKey,
    MemberLeft,
    MemberSilent,
    NotificationKey,
    PairEnd,
    PairPaused,
    PairResumed,
    PairStalled,
    PairStart,
    PairSubject,
    PersonRecipient,
    PersonRefused,
    PlannedEnd,
    Recipient,
    ReviewQuarter,
    ReviewRound,
    SessionAt,
    SessionSkipped,
    SessionSubject,
    Subject,
    SummaryVersion,
    TermsChange,
    ThanksNote,
    TrialOutcome,
    TrialQuestion,
    UnexpectedDm,
    UnreachableWeek,
    UserRecipient,
)

AT = datetime(2026, 12, 8, 8, 30, tzinfo=UTC)

# One key of every kind as the bot has stored it since it was first written: these texts are
# in the database, so each must keep reading back to the same value.
STORED: dict[str, NotificationKey] = {
    "p:7": PersonRecipient(7),
    "c:slack:C0DIGEST": ChannelRecipient("slack", "C0DIGEST"),
    "c:teams:19:abc@thread.tacv2": ChannelRecipient("teams", "19:abc@thread.tacv2"),
    "u:teams:29:1a2b": UserRecipient("teams", "29:1a2b"),
    "session:12@20261208T0830Z": SessionAt(12, AT),
    "session:12": SessionSkipped(12),
    "session:12#2": SummaryVersion(12, 2),
    "pair:3:v2": AgreementTerms(3, 2),
    "pair:3:start": PairStart(3),
    "pair:3:calendar:2": CalendarVersion(3, 2),
    "pair:3:end": PairEnd(3),
    "pair:3:trial": TrialQuestion(3),
    "pair:3:trial-outcome": TrialOutcome(3),
    "pair:3:ending:2027-11-30": PlannedEnd(3, date(2027, 11, 30)),
    "pair:3:pause@20261208T0830Z": PairPaused(3, AT),
    "pair:3:resume@20261208T0830Z": PairResumed(3, AT),
    "review:3:q1": ReviewQuarter(3, 1),
    "review-round:5": ReviewRound(5),
    "terms:4": TermsChange(4),
    "action:9": ActionDue(9),
    "help:3:7@20261208T0830Z": HelpRequest(3, 7, AT),
    "thanks:2": ThanksNote(2),
    "reply:0f3a9c": KeptReply("0f3a9c"),
    "dm:D0123/1733650000.000100": UnexpectedDm("D0123/1733650000.000100"),
    "unreachable:7@2026W05": UnreachableWeek(7, 2026, 5),
    "pair:7:stall@20261221T1400Z": PairStalled(7, datetime(2026, 12, 21, 14, 0, tzinfo=UTC)),
    "pair:7:silent:3@20261221T1400Z": MemberSilent(7, 3, datetime(2026, 12, 21, 14, 0, tzinfo=UTC)),
    "refused:7@2026-02-03:account_inactive": PersonRefused(7, date(2026, 2, 3), "account_inactive"),
    "refused-channel:2@2026-02-03:is_archived": ChannelRefused(2, date(2026, 2, 3), "is_archived"),
    "left:3@7": MemberLeft(3, 7),
    "digest:2027-03-08": DigestDay(date(2027, 3, 8)),
}
ALL_KINDS = (*Recipient.kinds, *Subject.kinds)

ZONES = st.sampled_from([UTC, ZoneInfo("Europe/Paris"), timezone(timedelta(hours=-5, minutes=-30))])
INSTANTS = st.datetimes(
    min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30), timezones=ZONES
)


def _field_strategy(kind: type[NotificationKey], name: str, hint: Any) -> st.SearchStrategy[Any]:
    if hint is int:
        return st.integers(min_value=0, max_value=2**63 - 1)
    if hint is datetime:
        return INSTANTS
    if hint is date:
        return st.dates()
    if kind.template.endswith("{" + name + "}"):
        return st.text(min_size=1)  # the last part of a key may hold anything
    return st.text(st.characters(blacklist_characters=":@#"), min_size=1)


def keys_of(kind: type[NotificationKey]) -> st.SearchStrategy[NotificationKey]:
    hints = get_type_hints(kind)
    fields = {
        name: _field_strategy(kind, name, hint)
        for name, hint in hints.items()
        if get_origin(hint) is not ClassVar
    }
    return st.builds(kind, **fields)


ANY_KEY = st.one_of([keys_of(kind) for kind in ALL_KINDS])


def family_of(key: NotificationKey) -> type[NotificationKey]:
    return Recipient if isinstance(key, Recipient) else Subject


def test_every_kind_has_a_stored_example_and_reads_it_back() -> None:
    assert {type(key) for key in STORED.values()} == set(ALL_KINDS)
    for text, key in STORED.items():
        assert str(key) == key.key == text
        assert family_of(key).parse(text) == key
        assert type(key).parse(text) == key


def test_recipient_and_subject_kinds_are_apart() -> None:
    assert not set(Recipient.kinds) & set(Subject.kinds)
    assert SessionSubject not in Subject.kinds and PairSubject not in Subject.kinds


@given(ANY_KEY)
def test_a_key_reads_back_equal_as_its_own_kind_only(key: NotificationKey) -> None:
    family = family_of(key)
    assert family.parse(str(key)) == key
    assert type(key).parse(key.key) == key
    for kind in family.kinds:
        if kind is not type(key):
            with pytest.raises(MalformedKey):
                kind.parse(key.key)


@given(ANY_KEY, st.data())
def test_any_other_text_is_refused_or_is_a_key_written_exactly_so(
    key: NotificationKey, data: st.DataObject
) -> None:
    text = key.key
    cut = data.draw(st.integers(0, len(text)))
    changed = data.draw(
        st.sampled_from(
            [
                text[:cut],
                text[:cut] + data.draw(st.text(min_size=1, max_size=3)) + text[cut:],
                text[:cut] + text[cut + 1 :],
                data.draw(st.text()),
            ]
        )
    )
    family = family_of(key)
    try:
        read = family.parse(changed)
    except MalformedKey:
        return
    assert read.key == changed


@given(keys_of(SessionAt), st.integers(0, 2**63 - 1))
def test_a_session_prefix_selects_that_session_s_keys_only(key: SessionAt, other: int) -> None:
    prefix = SessionAt.prefix(session_id=key.session_id)
    assert key.key.startswith(prefix)
    assert not SessionSkipped(key.session_id).key.startswith(prefix)
    assert not SummaryVersion(key.session_id, 1).key.startswith(prefix)
    if other != key.session_id:
        assert not SessionAt(other, key.starts_at).key.startswith(prefix)


@given(st.integers(0, 2**63 - 1), st.integers(0, 2**63 - 1))
def test_a_pair_prefix_starts_every_pair_subject_of_that_pair_only(pair: int, other: int) -> None:
    prefix = PairSubject.prefix(pair_id=pair)
    for key in STORED.values():
        if isinstance(key, PairSubject):
            assert replace(key, pair_id=pair).key.startswith(prefix)
            if other != pair:
                assert not replace(key, pair_id=other).key.startswith(prefix)


def test_prefixes_name_the_missing_field() -> None:
    assert ReviewQuarter.prefix(pair_id=3) == "review:3:q"
    assert UnreachableWeek.prefix(person_id=7) == "unreachable:7@"
    assert UnreachableWeek.prefix(person_id=7, year=2026) == "unreachable:7@2026W"
    with pytest.raises(TypeError, match="no field pair"):
        SessionAt.prefix(pair=1)
    with pytest.raises(TypeError, match="week after a missing field"):
        UnreachableWeek.prefix(person_id=7, week=5)


@pytest.mark.parametrize(
    ("family", "text", "message"),
    [
        (Recipient, "", r"'' is not a Recipient key; expected p:…, c:…, u:…"),
        (Recipient, "p:", r"'p:' is not a Recipient key; expected p:\{person_id\}"),
        (Recipient, "p:07", "not written as a PersonRecipient key is"),
        (Recipient, "p:-1", "not a Recipient key"),
        (Recipient, "c:slack", r"expected c:\{platform\}:\{channel\}"),
        (Subject, "x:1", "not a Subject key; expected session:…, pair:…"),
        (Subject, "session:1@2026", "not a Subject key"),
        (Subject, "session:1@20261308T0830Z", "SessionAt key: starts_at '20261308T0830Z'"),
        (Subject, "pair:1:v", "not a Subject key"),
        (Subject, "pair:1:ending:2027-02-30", "PlannedEnd key: planned_end"),
        (Subject, "unreachable:4@2026W5", "not written as a UnreachableWeek key is"),
        (Subject, "reply:", "not a Subject key"),
        (AgreementTerms, "pair:1:start", r"not a AgreementTerms key; expected pair:\{pair_id\}:v"),
        (PersonRecipient, "u:slack:U1", r"not a PersonRecipient key; expected p:\{person_id\}"),
    ],
)
def test_malformed_keys_are_refused_saying_what_was_expected(
    family: type[NotificationKey], text: str, message: str
) -> None:
    with pytest.raises(MalformedKey, match=message):
        family.parse(text)


@pytest.mark.parametrize(
    "build",
    [
        lambda: PersonRecipient(-1),
        lambda: PersonRecipient(True),
        lambda: PersonRecipient("7"),  # type: ignore[arg-type]
        lambda: SessionAt(1, datetime(2026, 12, 8, 8, 30)),
        lambda: PlannedEnd(1, datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        lambda: ChannelRecipient("sla:ck", "C1"),
        lambda: ChannelRecipient("slack", ""),
        lambda: KeptReply(""),
    ],
)
def test_a_key_that_could_not_be_read_back_is_not_built(build: Any) -> None:
    with pytest.raises(MalformedKey):
        build()


def test_instants_are_keyed_in_utc_to_the_minute() -> None:
    paris = datetime(2026, 12, 8, 9, 30, 59, 999, tzinfo=ZoneInfo("Europe/Paris"))
    assert SessionAt(12, paris) == SessionAt(12, AT)
    assert SessionAt(12, paris).key == "session:12@20261208T0830Z"


@given(
    st.datetimes(min_value=datetime(1001, 1, 1), timezones=st.timezones()),
    st.integers(0, 2**63 - 1),
)
def test_an_instant_is_written_as_strftime_writes_it_in_utc(at: datetime, number: int) -> None:
    """The instant's digits are written directly, not through strftime: the same text."""
    assert SessionAt(number, at).key == f"session:{number}@{at.astimezone(UTC):%Y%m%dT%H%MZ}"
    assert PersonRecipient(number).key == f"p:{number}"
