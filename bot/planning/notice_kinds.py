"""The kinds of notification the bot owes."""

PAIR_CREATED = "pair_created"  # the agreement card of a new pair (or of changed terms)
AGREEMENT_REMINDER = "agreement_reminder"
PAIR_STARTED = "pair_started"
TERMS_PROPOSED = "terms_proposed"  # new terms for a started pair, to the other member
TERMS_REMINDER = "terms_reminder"
TERMS_ANSWERED = "terms_answered"  # accepted or declined, to the one who proposed
TERMS_LAPSED = "terms_lapsed"
TRIAL_CHECK = "trial_check"
TRIAL_OUTCOME = "trial_outcome"  # what follows the trial, the same to both
PLANNED_END_SOON = "planned_end_soon"
REMINDER = "reminder"
SUMMARY_REQUEST = "summary_request"  # to the mentee, as the session ends
SUMMARY_REQUEST_NEXT_DAY = "summary_request_next_day"  # to the mentor, a day after it ended
SUMMARY_NUDGE = "summary_nudge"
SUMMARY_SHARED = "summary_shared"
SUMMARY_RECORDED = "summary_recorded"
SUMMARY_WHICH = "summary_which"  # which session a DM reply is about, when it could be several
SUMMARY_TWICE = "summary_twice"  # a second summary of a session: replace or append?
DM_NOT_EXPECTED = "dm_not_expected"
SESSION_SKIPPED = "session_skipped"
SESSION_MOVED = "session_moved"
DIGEST = "digest"
HELP_REQUESTED = "help_requested"
PAIR_ENDED = "pair_ended"
THANKS = "thanks"
PAIR_PAUSED = "pair_paused"
PAIR_RESUMED = "pair_resumed"
ACTION_DUE = "action_due"
REVIEW_DUE = "review_due"
REVIEW_AWAITED = "review_awaited"
REVIEW_RESULT = "review_result"
MEMBER_UNREACHABLE = "member_unreachable"
PAIR_STALLED = "pair_stalled"  # no session held for a while: both members asked to plan one
STALL_ALERT = "stall_alert"  # the stall went on a week after that: the mediators told
MEMBER_SILENT = "member_silent"  # requests left unanswered: that member asked about a pause
DELIVERY_REFUSED = "delivery_refused"  # to admins: a person or channel the platform refuses
MEMBER_LEFT = "member_left"  # to the other member of a pair paused because one left
ADMIN_KINDS = frozenset({MEMBER_UNREACHABLE, DELIVERY_REFUSED})
"""Notices to the admins about delivery: their own failure is never reported in turn."""
CALENDAR_UPDATE = "calendar_update"  # the pair's series as an .ics file, to each member
HOME_REFRESH = "home_refresh"  # a member's Home published again: a pair left it (ended, erased)

CAN_WAIT = frozenset(
    {
        # What the bot asks or reminds on its own schedule: it waits for the recipient's
        # morning (bot/planning/quiet_hours.py). News of what the other side just did (a
        # proposal, an answer, a skipped or moved session, a pause, an ending) and answers to
        # what the recipient just did go at once: "the other side is told at once". The summary
        # request that comes as the session ends, to someone who was just in it, goes at once
        # too (a session at night was flagged to its proposer when the pair was made); the one
        # a day later (to the mentor) and the nudges after it can wait for the morning.
        AGREEMENT_REMINDER,
        TERMS_REMINDER,
        TERMS_LAPSED,
        TRIAL_CHECK,
        PLANNED_END_SOON,
        REMINDER,
        SUMMARY_REQUEST_NEXT_DAY,
        SUMMARY_NUDGE,
        ACTION_DUE,
        REVIEW_DUE,
        REVIEW_AWAITED,
        MEMBER_UNREACHABLE,
        PAIR_STALLED,
        STALL_ALERT,
        MEMBER_SILENT,
        DELIVERY_REFUSED,
    }
)
"""Kinds held during the recipient's night. A digest goes to a channel, at 09:00 in the
subscription's zone: never held."""
