"""SQLModel tables. Instants are stored as aware UTC datetimes."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


def _instant(nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=nullable, index=index)


ERASED_PREFIX = "erased:"  # an erased person's external_id: `erased:<id>`, nothing else kept
PENDING_BY_SUBJECT = "ix_notification_pending_subject"
PENDING_ROWS = "status = 'pending'"
"""The condition of the index of pending notifications by subject. A query writes it as it is,
not with a bound parameter: SQLite uses a partial index only for a condition it can read."""
SENT_REQUEST_KINDS = ("reminder", "summary_request", "summary_nudge")
"""The requests a member's silence is judged from (`bot.pairs.silences.REQUESTS`)."""
SENT_REQUESTS = "ix_notification_sent_requests"
SENT_REQUEST_ROWS = "status = 'sent' AND kind IN ('reminder', 'summary_request', 'summary_nudge')"
"""The condition of the index of sent requests by recipient and send instant, written as it is
by the query that reads it (as `PENDING_ROWS`)."""


class Person(SQLModel, table=True):
    """Someone on a platform, with what the bot needs to address them."""

    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    external_id: str = Field(max_length=255)  # Teams user ids (`29:…`) run past 64
    name: str = Field(default="", max_length=255)
    timezone: str | None = Field(default=None, max_length=64)
    locale: str | None = Field(default=None, max_length=32)
    profile_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    # The last command, button, form or DM of this person: what answers the bot's requests.
    last_active_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))


class RhythmColumns(SQLModel):
    """A rhythm as stored: a pair's, and the one a proposal of new terms carries."""

    frequency: str = Field(max_length=16)
    interval: int = 1
    weekday: int
    month_week: int | None = None
    local_time: time
    duration_minutes: int
    timezone: str = Field(max_length=64)
    start: date
    format: str = Field(max_length=16)
    link: str | None = Field(default=None, max_length=500)  # where the pair meets (a URL)


STARTED_OR_RESUMED = ("created_at", "mentor_accepted_at", "mentee_accepted_at", "resumed_at")
"""A pair's dates its activity counts from, before its first held session (bot/pairs/stalled)."""


class Pair(RhythmColumns, table=True):
    """One mentor and one mentee, and the rhythm they agreed."""

    __table_args__ = (
        # The planner takes the active pairs planned least far ahead first.
        Index("ix_pair_status_planned_until", "status", "planned_until"),
        # Planned ends coming, those not yet announced found in the index alone.
        Index("ix_pair_status_planned_end", "status", "planned_end", "end_announced"),
        Index("ix_pair_status_paused_until", "status", "paused_until"),
        Index("ix_pair_trial_outcome_trial_asked_at", "trial_outcome", "trial_asked_at"),
        # The hourly stall check: the active pairs' rhythms found in the index alone, and the
        # pairs that started or resumed in the last hours by their dates.
        Index("ix_pair_status_rhythm", "status", "retain_until", "frequency", "interval"),
        *(Index(f"ix_pair_{name}", name) for name in STARTED_OR_RESUMED),
        # Content due for erasure, each minute: by retention date, or by end for the pairs without.
        Index("ix_pair_retain_until", "retain_until"),
        Index("ix_pair_status_retain_until_ended_at", "status", "retain_until", "ended_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16, index=True)
    # The workspace both members belong to ("" where one is served: see bot/kernel/workspaces).
    workspace: str = Field(default="", max_length=64, index=True)
    mentor_id: int = Field(foreign_key="person.id", index=True)
    mentee_id: int = Field(foreign_key="person.id", index=True)
    created_by_id: int = Field(foreign_key="person.id")
    status: str = Field(default="active", max_length=16, index=True)
    created_at: datetime = Field(sa_column=_instant())
    planned_until: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    reverse: bool = False  # reverse mentoring: the junior person mentors the senior one
    ended_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    ended_by_id: int | None = Field(default=None, foreign_key="person.id")
    paused_until: date | None = None  # with status "paused": resumes that day (None: on request)
    resumed_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    # The agreement: reminders start once both members accepted the current terms.
    mentor_accepted_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    mentee_accepted_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    terms_version: int = 1  # grows with each change of terms proposed before the start
    trial_sessions: int = 3  # the trial question comes after this many held sessions
    trial_asked_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))  # due
    mentor_trial: str | None = Field(default=None, max_length=16)  # continue, adjust or stop
    mentee_trial: str | None = Field(default=None, max_length=16)
    # What both are told once both answered or the question lapsed (stop > adjust > continue).
    trial_outcome: str | None = Field(default=None, max_length=16)
    planned_end: date | None = None  # the pair ends by itself that day (None: no planned end)
    end_announced: date | None = None  # the planned end both members were told of, a month before
    # Retention: an ended pair's content is erased at `retain_until` (told to both members when
    # it ended); `content_erased_at` says it was done. Counts, dates and statuses stay.
    retain_until: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    content_erased_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    # The SEQUENCE of the pair's calendar series (.ics): grows with each change sent to members.
    calendar_sequence: int = 0


class TermsProposal(RhythmColumns, table=True):
    """New terms one member of a started pair proposed; they apply once the other accepts.
    `open` until `lapses_at`; then `accepted`, `declined` or `replaced` by a newer proposal."""

    __tablename__ = "terms_proposal"

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    proposer_id: int = Field(foreign_key="person.id")
    proposed_at: datetime = Field(sa_column=_instant())
    lapses_at: datetime = Field(sa_column=_instant())
    status: str = Field(default="open", max_length=16)
    answered_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    trial_sessions: int
    planned_end: date | None = None


class MeetingSession(SQLModel, table=True):
    """One planned meeting of a pair; `occurrence` is the rhythm's instant, `starts_at` may move."""

    __tablename__ = "meeting_session"
    __table_args__ = (
        UniqueConstraint("pair_id", "occurrence"),
        # A pair's sessions up to an instant (the trial question, past sessions).
        Index("ix_meeting_session_pair_id_starts_at", "pair_id", "starts_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    occurrence: datetime = Field(sa_column=_instant())
    starts_at: datetime = Field(sa_column=_instant(index=True))
    duration_minutes: int
    status: str = Field(default="planned", max_length=16)
    summary: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    summary_author_id: int | None = Field(default=None, foreign_key="person.id")
    summary_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    summary_revision: int = 0


class AgendaItem(SQLModel, table=True):
    """A point to discuss at a pair's next session."""

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    session_id: int | None = Field(default=None, foreign_key="meeting_session.id", index=True)
    author_id: int = Field(foreign_key="person.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    done: bool = False
    created_at: datetime = Field(sa_column=_instant())


class Notification(SQLModel, table=True):
    """One message the bot owes someone at a moment; unique on kind, recipient and subject."""

    __table_args__ = (
        UniqueConstraint("kind", "recipient", "subject"),
        # The claim: pending rows due by now, soonest first.
        Index("ix_notification_status_due_at", "status", "due_at"),
        # Pending rows about a session or a pair (a range of subjects), dropped when it is
        # skipped, moved or ended; compared byte by byte on PostgreSQL too.
        Index(
            PENDING_BY_SUBJECT,
            "subject",
            sqlite_where=text(PENDING_ROWS),
            postgresql_where=text(PENDING_ROWS),
            postgresql_ops={"subject": "text_pattern_ops"},
        ),
        # A member's requests sent after their last activity, read at each hourly check for
        # silences: from the index alone, not every request ever sent to them from the table.
        Index(
            SENT_REQUESTS,
            "recipient",
            "sent_at",
            "subject",
            "due_at",
            sqlite_where=text(SENT_REQUEST_ROWS),
            postgresql_where=text(SENT_REQUEST_ROWS),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    recipient: str = Field(max_length=255)
    subject: str = Field(max_length=128)
    due_at: datetime = Field(sa_column=_instant(index=True))
    expires_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    status: str = Field(default="pending", max_length=16, index=True)
    attempts: int = 0  # sends that failed, rate limits aside (they set the backoff)
    failures: int = 0  # those that count toward giving up: neither a 5xx nor an outage
    claimed_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    # While `sending`: the process holding the claim, and until when; anyone may take it after.
    claimed_by: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    sent_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    outcome: str | None = Field(default=None, max_length=255)
    created_at: datetime = Field(sa_column=_instant())


class PendingReply(SQLModel, table=True):
    """A DM reply that could answer several summary requests, kept unshared until its author
    says which session it is about; `token` names it in the choice buttons."""

    __tablename__ = "pending_reply"

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(max_length=32, unique=True)
    author_id: int = Field(foreign_key="person.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_column=_instant())
    expires_at: datetime = Field(sa_column=_instant(index=True))


class DigestSubscription(SQLModel, table=True):
    """A channel that receives the weekly cadence digest."""

    __table_args__ = (UniqueConstraint("platform", "channel_id"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    channel_id: str = Field(max_length=255)
    timezone: str = Field(max_length=64)
    lang: str = Field(default="en", max_length=8)
    created_by_id: int = Field(foreign_key="person.id")
    active: bool = True
    created_at: datetime = Field(sa_column=_instant())


class ProcessedEvent(SQLModel, table=True):
    """A platform event already handled, so that retries are recognised."""

    __tablename__ = "processed_event"

    event_id: str = Field(primary_key=True, max_length=128)
    received_at: datetime = Field(sa_column=_instant())


class ApiPause(SQLModel, table=True):
    """A scope of a platform's API (a method and a channel) as every process sees it: paused
    by a 429 until `until`, or being called by one process until `busy_until` at the latest.
    A row is kept only while the scope is paused or busy; `scope` is the platform's name and a
    digest of the scope, which may name a person (storage/queries/api_pauses.py)."""

    __tablename__ = "api_pause"

    scope: str = Field(primary_key=True, max_length=255)
    # No index on `until`: the table holds a few rows, and each send writes its row twice.
    until: datetime = Field(sa_column=_instant())
    busy_until: datetime | None = Field(default=None, sa_column=_instant(nullable=True))


class JournalEntry(SQLModel, table=True):
    """A private learning-journal entry: only its author ever reads it."""

    __tablename__ = "journal_entry"

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="person.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_column=_instant())


class Thanks(SQLModel, table=True):
    """A thank-you one member sends the other, delivered as a DM."""

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    author_id: int = Field(foreign_key="person.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_column=_instant())


class ActionItem(SQLModel, table=True):
    """Something a member agreed to do, from a session's summary; owner by role."""

    __tablename__ = "action_item"

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    session_id: int | None = Field(default=None, foreign_key="meeting_session.id")
    owner_id: int = Field(foreign_key="person.id")
    author_id: int = Field(foreign_key="person.id")  # who wrote it (the summary's author)
    text: str = Field(sa_column=Column(Text, nullable=False))
    due: date | None = None
    done_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    created_at: datetime = Field(sa_column=_instant())


class Goal(SQLModel, table=True):
    """A goal of a pair, with an optional target date; readable by the two members only."""

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    author_id: int = Field(foreign_key="person.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    target: date | None = None
    done_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    created_at: datetime = Field(sa_column=_instant())


class Milestone(SQLModel, table=True):
    """A measurable step towards a goal."""

    __tablename__ = "goal_milestone"

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    author_id: int = Field(foreign_key="person.id")  # either member may add a step
    text: str = Field(sa_column=Column(Text, nullable=False))
    target: date | None = None
    done_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))
    created_at: datetime = Field(sa_column=_instant())


class Review(SQLModel, table=True):
    """A pair's review round: each member answers privately; closed once both have."""

    __table_args__ = (UniqueConstraint("pair_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    number: int  # 1, 2, … within the pair; unique, so two first answers cannot open two rounds
    opened_at: datetime = Field(sa_column=_instant())
    closed_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True, index=True))
    rhythm_outcome: str | None = Field(default=None, max_length=16)
    format_outcome: str | None = Field(default=None, max_length=16)


class ReviewAnswer(SQLModel, table=True):
    """One member's private answers to a review round."""

    __tablename__ = "review_answer"
    __table_args__ = (UniqueConstraint("review_id", "author_id"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    author_id: int = Field(foreign_key="person.id")
    rhythm: str = Field(max_length=16)  # keep, more, less
    priorities: str = Field(max_length=16)  # yes, revisit
    format: str = Field(max_length=16)  # keep or a MeetingFormat value
    satisfaction: int  # 1..5
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    answered_at: datetime = Field(sa_column=_instant())


class ConversationReference(SQLModel, table=True):
    """Where a platform lets the bot write to a person or a channel unprompted.

    Teams gives it when the app is installed or spoken to: the conversation id and the regional
    `service_url` it lives on. A person seen only in a mention has no conversation id yet.
    """

    __tablename__ = "conversation_reference"
    __table_args__ = (UniqueConstraint("platform", "kind", "address"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    kind: str = Field(max_length=16)  # "dm" (address: a user id) or "channel"
    address: str = Field(max_length=255)
    conversation_id: str | None = Field(default=None, max_length=255)
    service_url: str = Field(max_length=255)
    tenant_id: str | None = Field(default=None, max_length=64)
    updated_at: datetime = Field(sa_column=_instant())


class OperatorAudit(SQLModel, table=True):
    """One run of an operator's `mentorbot data export|erase`: who ran it, when, for whom.

    Never any content. `external_id` (the platform user id) is cleared when the person is
    erased, so that only the internal id is left to match the request's own records.
    """

    __tablename__ = "operator_audit"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_instant())
    operator: str = Field(max_length=255)  # the OS user, or the name given with --operator
    action: str = Field(max_length=16)  # "export" or "erase"
    person_id: int = Field(foreign_key="person.id", index=True)
    platform: str = Field(max_length=16)
    external_id: str | None = Field(default=None, max_length=255)


class CalendarFeed(SQLModel, table=True):
    """A person's private calendar subscription: only the token's SHA-256 is kept."""

    __tablename__ = "calendar_feed"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", unique=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(sa_column=_instant())


class SlackInstallation(SQLModel, table=True):
    """The app installed in one Slack workspace, or org-wide in an Enterprise Grid org (OAuth
    mode). `workspace` is the team id, or the enterprise id of an org-wide install; the bot
    token is kept encrypted. Uninstalled or revoked: `revoked_at` set and the token gone, the
    workspace's data kept until the retention rule removes it."""

    __tablename__ = "slack_installation"

    id: int | None = Field(default=None, primary_key=True)
    workspace: str = Field(max_length=64, unique=True)
    team_id: str | None = Field(default=None, max_length=64)
    enterprise_id: str | None = Field(default=None, max_length=64)
    is_enterprise_install: bool = False
    app_id: str | None = Field(default=None, max_length=64)
    bot_id: str | None = Field(default=None, max_length=64)
    bot_user_id: str | None = Field(default=None, max_length=64)
    # Not Text: that type is kept for people's words (erasure checks every Text column).
    bot_scopes: str = Field(default="", max_length=1000)
    installer_user_id: str | None = Field(default=None, max_length=64)
    bot_token: str | None = Field(default=None, max_length=1000)  # Fernet-encrypted
    installed_at: datetime = Field(sa_column=_instant())
    revoked_at: datetime | None = Field(default=None, sa_column=_instant(nullable=True))


class SlackOAuthState(SQLModel, table=True):
    """An OAuth `state` (its nonce) consumed by an install's redirect, kept until the state
    expires so that it is refused a second time; the states handed out are signed, not stored."""

    __tablename__ = "slack_oauth_state"

    state: str = Field(primary_key=True, max_length=128)
    expires_at: datetime = Field(sa_column=_instant(index=True))
