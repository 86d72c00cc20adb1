"""Notification keys: whom a notification is for (a Recipient) and what it is about (a Subject).

A notification row is unique on its kind, recipient and subject, stored as text: that is what
makes "sent once" true. Each kind of key is a frozen dataclass with one template; `str(key)` (or
`key.key`) writes it, `parse` reads it back into an equal value, and a text that is not a key
of the expected kind raises MalformedKey. The templates are the stored formats: changing one
would orphan the rows already planned.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, ClassVar, Self, cast, get_origin, get_type_hints

INSTANT = "%Y%m%dT%H%MZ"
"""How an instant is written in a key: UTC, to the minute."""

_PLACEHOLDER = re.compile(r"\{(\w+)(?::([^}]*))?\}")
_PART_PATTERNS: dict[type, str] = {
    int: "[0-9]+",
    datetime: "[0-9]{8}T[0-9]{4}Z",
    date: "[0-9]{4}-[0-9]{2}-[0-9]{2}",
}
_WORD = "[^:@#]+"  # a text part followed by more of the key
_REST = ".+"  # a text part that ends the key: anything but nothing


class MalformedKey(ValueError):
    """A text that is not a key of the expected kind, or a key part that cannot be written."""


@dataclass(frozen=True)
class _Part:
    """One placeholder of a template: the field it writes, its type and format spec, the text
    that follows it up to the next one."""

    name: str
    type: type
    spec: str
    pattern: str
    after: str
    regex: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, re.DOTALL))


class NotificationKey:
    """What Recipient and Subject share: writing a key from its template, reading it back."""

    template: ClassVar[str]
    kinds: ClassVar[tuple[type[Any], ...]]
    """Every concrete kind of the family."""
    by_head: ClassVar[dict[str, tuple[type[Any], ...]]]
    """The family's kinds by the text their keys start with, up to the first colon."""
    _family: ClassVar[type[NotificationKey]]
    _parts: ClassVar[tuple[_Part, ...]]
    _head: ClassVar[str]
    """The template's text before its first placeholder."""
    _regex: ClassVar[re.Pattern[str]]

    def __init_subclass__(cls, *, family: bool = False, abstract: bool = False) -> None:
        super().__init_subclass__()
        if family:
            cls.kinds, cls.by_head, cls._family = (), {}, cls
            return
        for base in cls.__mro__[1:]:
            inherited = base.__dict__.get("template")
            if inherited is not None and not cls.template.startswith(inherited):
                raise TypeError(f"{cls.__name__}'s template does not extend {base.__name__}'s")
        cls._parts = _parts_of(cls)
        cls._head = _PLACEHOLDER.split(cls.template, maxsplit=1)[0]
        cls._regex = re.compile(_regex_of(cls._head, cls._parts), re.DOTALL)
        if not abstract:
            root, head = cls._family, cls.template.partition(":")[0]
            root.kinds = (*root.kinds, cls)
            root.by_head[head] = (*root.by_head.get(head, ()), cls)

    def __post_init__(self) -> None:
        """Each part checked as it is written: the key's text, written once (keys are
        immutable; a batch of notifications reads each several times)."""
        written = [self._head]
        for part in self._parts:
            value = getattr(self, part.name)
            if part.type is datetime and isinstance(value, datetime) and value.tzinfo:
                value = value.astimezone(UTC).replace(second=0, microsecond=0)
                object.__setattr__(self, part.name, value)
            written += (_write(type(self), part, value), part.after)
        object.__setattr__(self, "_key", "".join(written))

    @property
    def key(self) -> str:
        """The stored text of this key (written by `__post_init__`)."""
        text: str = self.__dict__["_key"]
        return text

    def __str__(self) -> str:
        return self.key

    @classmethod
    def parse(cls, text: str) -> Self:
        """The key `text` writes, of this class or one of its kinds; MalformedKey if none.
        Keys are immutable: the last ones read are kept (a batch of notifications reads the
        same subjects and recipients several times), read once under their family whichever
        class asks (a text read as a Recipient and as a PersonRecipient is parsed once)."""
        with suppress(MalformedKey):
            value = _parse(cast(Any, cls._family), text)
            if isinstance(value, cls):
                return value
        return cast(Self, _parse(cast(Any, cls), text))

    @classmethod
    def _parse(cls, text: str) -> Self:
        family = cls._family
        candidates = [
            k for k in family.by_head.get(text.partition(":")[0], ()) if issubclass(k, cls)
        ]
        for kind in candidates:
            if match := kind._regex.fullmatch(text):
                try:
                    value = kind(
                        **{part.name: _read(part, match[part.name]) for part in kind._parts}
                    )
                except MalformedKey as error:
                    raise MalformedKey(f"{text!r} is not a {kind.__name__} key: {error}") from error
                if value.key != text:
                    raise MalformedKey(f"{text!r} is not written as a {kind.__name__} key is")
                return value
        if not candidates and cls is family:
            expected = ", ".join(f"{head}:…" for head in family.by_head)
        else:
            kinds = candidates or [kind for kind in family.kinds if issubclass(kind, cls)]
            expected = ", ".join(kind.template for kind in kinds)
        raise MalformedKey(f"{text!r} is not a {cls.__name__} key; expected {expected}")

    @classmethod
    def prefix(cls, **known: Any) -> str:
        """The start shared by every key of this class whose first fields are `known`: the
        template written up to the first field not given (`SessionAt.prefix(session_id=12)`
        is `session:12@`), for the queries that select keys by their start."""
        unknown = set(known) - {part.name for part in cls._parts}
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        written = [cls._head]
        for part in cls._parts:
            if part.name not in known:
                break
            written += (_write(cls, part, known.pop(part.name)), part.after)
        if known:
            raise TypeError(f"{cls.__name__}.prefix: {', '.join(known)} after a missing field")
        return "".join(written)


@lru_cache(maxsize=4096)
def _parse(cls: type[NotificationKey], text: str) -> NotificationKey:
    return cls._parse(text)


def _parts_of(cls: type[NotificationKey]) -> tuple[_Part, ...]:
    hints = {
        name: hint for name, hint in get_type_hints(cls).items() if get_origin(hint) is not ClassVar
    }
    placeholders = list(_PLACEHOLDER.finditer(cls.template))
    names = [placeholder[1] for placeholder in placeholders]
    if sorted(names) != sorted(hints):
        raise TypeError(f"{cls.__name__}: template fields {names} are not its fields {[*hints]}")
    last = len(cls.template) if not placeholders else placeholders[-1].end()
    parts = []
    ends = [placeholder.start() for placeholder in placeholders[1:]] + [len(cls.template)]
    for placeholder, end in zip(placeholders, ends, strict=True):
        kind = hints[placeholder[1]]
        ends_key = placeholder.end() == last == len(cls.template)
        pattern = _PART_PATTERNS.get(kind) or (_REST if ends_key else _WORD)
        after = cls.template[placeholder.end() : end]
        parts.append(_Part(placeholder[1], kind, placeholder[2] or "", pattern, after))
    return tuple(parts)


def _regex_of(head: str, parts: tuple[_Part, ...]) -> str:
    groups = (f"(?P<{part.name}>{part.pattern}){re.escape(part.after)}" for part in parts)
    return re.escape(head) + "".join(groups)


def _write(cls: type[NotificationKey], part: _Part, value: Any) -> str:
    """`value` written as `part` of a key; MalformedKey if it cannot be read back."""
    kind = part.type
    if kind is int:
        fits = type(value) is int and value >= 0
        if fits and not part.spec:
            return str(value)  # digits, as its pattern reads them
    elif kind is datetime:
        fits = isinstance(value, datetime) and value.tzinfo is not None
        if fits and part.spec == INSTANT and value.tzinfo is UTC and value.year >= 1000:
            # INSTANT's digits written directly (strftime and the check of its text cost
            # most of a key; a session's six notifications write one each)
            return (
                f"{value.year}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}Z"
            )
    elif kind is date:
        fits = type(value) is date
    else:
        fits = isinstance(value, str)
    text = format(value, part.spec) if fits else ""
    if not fits or not part.regex.fullmatch(text):
        raise MalformedKey(f"{cls.__name__}.{part.name} cannot be {value!r}")
    return text


def _read(part: _Part, text: str) -> Any:
    try:
        if part.type is int:
            return int(text)
        if part.type is datetime:
            # The part's pattern ([0-9]{8}T[0-9]{4}Z) matched: INSTANT's digits, read directly
            # (strptime cost most of a parse); an impossible date or time raises ValueError.
            if part.spec == INSTANT:
                year, month, day = int(text[0:4]), int(text[4:6]), int(text[6:8])
                return datetime(year, month, day, int(text[9:11]), int(text[11:13]), tzinfo=UTC)
            return datetime.strptime(text, part.spec).replace(tzinfo=UTC)
        if part.type is date:
            return date.fromisoformat(text)
    except ValueError as error:
        raise MalformedKey(f"{part.name} {text!r}: {error}") from error
    return text


class Recipient(NotificationKey, family=True):
    """Whom a notification is for."""


@dataclass(frozen=True)
class PersonRecipient(Recipient):
    """A person the bot knows, by DM."""

    template = "p:{person_id}"
    person_id: int


@dataclass(frozen=True)
class ChannelRecipient(Recipient):
    """A channel (the weekly digest)."""

    template = "c:{platform}:{channel}"
    platform: str
    channel: str


@dataclass(frozen=True)
class UserRecipient(Recipient):
    """A platform user by id, whom the bot may not know yet (a mediator)."""

    template = "u:{platform}:{user_id}"
    platform: str
    user_id: str


class Subject(NotificationKey, family=True):
    """What a notification is about."""


@dataclass(frozen=True)
class SessionSubject(Subject, abstract=True):
    """About one session of a pair."""

    template = "session:{session_id}"
    session_id: int


@dataclass(frozen=True)
class SessionAt(SessionSubject):
    """A session as planned at `starts_at` (reminders, summary requests): moving it makes a new
    subject."""

    template = "session:{session_id}@{starts_at:%Y%m%dT%H%MZ}"
    starts_at: datetime


@dataclass(frozen=True)
class SessionSkipped(SessionSubject):
    template = "session:{session_id}"


@dataclass(frozen=True)
class SummaryVersion(SessionSubject):
    """The session's summary as written for the `revision`-th time."""

    template = "session:{session_id}#{revision}"
    revision: int


@dataclass(frozen=True)
class PairSubject(Subject, abstract=True):
    """About a pair; `PairSubject.prefix(pair_id=…)` starts every one of them."""

    template = "pair:{pair_id}:"
    pair_id: int


@dataclass(frozen=True)
class AgreementTerms(PairSubject):
    """The pair's terms at `version`, to accept."""

    template = "pair:{pair_id}:v{version}"
    version: int


@dataclass(frozen=True)
class PairStart(PairSubject):
    template = "pair:{pair_id}:start"


@dataclass(frozen=True)
class PairEnd(PairSubject):
    template = "pair:{pair_id}:end"


@dataclass(frozen=True)
class CalendarVersion(PairSubject):
    """The pair's calendar series at its `sequence`-th change."""

    template = "pair:{pair_id}:calendar:{sequence}"
    sequence: int


@dataclass(frozen=True)
class TrialQuestion(PairSubject):
    template = "pair:{pair_id}:trial"


@dataclass(frozen=True)
class TrialOutcome(PairSubject):
    template = "pair:{pair_id}:trial-outcome"


@dataclass(frozen=True)
class PlannedEnd(PairSubject):
    """The pair's planned end on `planned_end`, coming (announced once per date)."""

    template = "pair:{pair_id}:ending:{planned_end}"
    planned_end: date


@dataclass(frozen=True)
class PairPaused(PairSubject):
    template = "pair:{pair_id}:pause@{at:%Y%m%dT%H%MZ}"
    at: datetime


@dataclass(frozen=True)
class PairResumed(PairSubject):
    template = "pair:{pair_id}:resume@{at:%Y%m%dT%H%MZ}"
    at: datetime


@dataclass(frozen=True)
class PairStalled(PairSubject):
    """A stall of the pair: no session held since `since`. A session held (or a resumption)
    moves `since`, so each stall is told once."""

    template = "pair:{pair_id}:stall@{since:%Y%m%dT%H%MZ}"
    since: datetime


@dataclass(frozen=True)
class MemberSilent(PairSubject):
    """A member who left the pair's requests unanswered since `since` (the first of them):
    asked about a pause once per silence."""

    template = "pair:{pair_id}:silent:{person_id}@{since:%Y%m%dT%H%MZ}"
    person_id: int
    since: datetime


@dataclass(frozen=True)
class ReviewQuarter(Subject):
    """The pair's `number`-th review, every 3 months."""

    template = "review:{pair_id}:q{number}"
    pair_id: int
    number: int


@dataclass(frozen=True)
class ReviewRound(Subject):
    """A round of answers to a review (one member awaited, or both shown)."""

    template = "review-round:{review_id}"
    review_id: int


@dataclass(frozen=True)
class TermsChange(Subject):
    """A proposal of new terms."""

    template = "terms:{proposal_id}"
    proposal_id: int


@dataclass(frozen=True)
class ActionDue(Subject):
    template = "action:{action_id}"
    action_id: int


@dataclass(frozen=True)
class HelpRequest(Subject):
    template = "help:{pair_id}:{asker_id}@{at:%Y%m%dT%H%MZ}"
    pair_id: int
    asker_id: int
    at: datetime


@dataclass(frozen=True)
class ThanksNote(Subject):
    template = "thanks:{thanks_id}"
    thanks_id: int


@dataclass(frozen=True)
class KeptReply(Subject):
    """A DM reply kept aside until its author says which session it is about."""

    template = "reply:{token}"
    token: str


@dataclass(frozen=True)
class UnexpectedDm(Subject):
    """A DM that answers no request, by the platform's reference of the message."""

    template = "dm:{message_ref}"
    message_ref: str


@dataclass(frozen=True)
class UnreachableWeek(Subject):
    """A person the bot cannot write to, told to admins at most once per ISO week."""

    template = "unreachable:{person_id}@{year}W{week:02d}"
    person_id: int
    year: int
    week: int


@dataclass(frozen=True)
class PersonRefused(Subject):
    """A person the platform refuses (`account_inactive`, `user_not_found`…) or who left it
    (`deactivated`), told to admins on `day`; at most once a week per person."""

    template = "refused:{person_id}@{day}:{reason}"
    person_id: int
    day: date
    reason: str


@dataclass(frozen=True)
class ChannelRefused(Subject):
    """A digest channel the platform refuses (`is_archived`, `not_in_channel`…), by its
    subscription, told to admins on `day`; at most once a week per channel."""

    template = "refused-channel:{subscription_id}@{day}:{reason}"
    subscription_id: int
    day: date
    reason: str


@dataclass(frozen=True)
class MemberLeft(Subject):
    """A pair paused because one member (`person_id`) left the workspace: the other is told."""

    template = "left:{pair_id}@{person_id}"
    pair_id: int
    person_id: int


@dataclass(frozen=True)
class DigestDay(Subject):
    """A channel's weekly digest, by its day in the channel's zone."""

    template = "digest:{day}"
    day: date
