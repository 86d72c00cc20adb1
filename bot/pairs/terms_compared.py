"""Two sets of terms side by side: a proposal against the terms that hold, or a change made
before the start against the terms it replaced."""

from __future__ import annotations

from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Section
from bot.pairs.agreement import Terms
from bot.rhythm.wording import describe_pair_rhythm, format_date


def _values(terms: Terms, reverse: bool, lang: Lang) -> dict[str, str]:
    """Each term as it reads, by its label's key."""
    end = format_date(terms.planned_end, lang) if terms.planned_end else t("terms.no_end", lang)
    return {
        "terms.label.rhythm": describe_pair_rhythm(terms.rhythm, reverse, lang),
        "form.terms.trial": t("form.terms.trial.option", lang, count=terms.trial_sessions),
        "form.terms.end": end,
    }


CHANGED_HEADING = "agreement.compare.heading"
"""The heading of terms that changed: before → now."""


def compared(
    old: Terms, new: Terms, reverse: bool, lang: Lang, heading: str = "terms.compare.heading"
) -> Section:
    """Old terms and new ones (by default: now and proposed), side by side, one line a term."""
    before, after = _values(old, reverse, lang), _values(new, reverse, lang)
    lines = [
        t(
            "terms.line.same" if before[key] == after[key] else "terms.line.changed",
            lang,
            label=t(key, lang),
            old=before[key],
            new=after[key],
        )
        for key in before
    ]
    return Section("\n".join(lines), heading=t(heading, lang))
