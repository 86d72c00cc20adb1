"""Running one person's action in a transaction, with every failure turned into a polite reply."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar, overload

from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Reply, say
from bot.people.actor import ActorContext
from bot.people.person import in_readers_language, lang_of
from bot.people.profiles import ProfilesNeeded, stale_among
from storage.queries.people import get_person, hold_person

log = logging.getLogger(__name__)

R = TypeVar("R")


def error_reply(error: UserError, lang: Lang) -> Reply:
    return say(t(error.key, lang, **error.params), is_error=True)


@overload
def act(
    core: Core,
    *,
    platform: str,
    actor_id: str,
    work: Callable[[ActorContext], R],
    fresh: None = None,
) -> R | Reply: ...


@overload
def act(
    core: Core,
    *,
    platform: str,
    actor_id: str,
    work: Callable[[ActorContext], R],
    fresh: Sequence[str] | None,
) -> R | Reply | ProfilesNeeded: ...


def act(
    core: Core,
    *,
    platform: str,
    actor_id: str,
    work: Callable[[ActorContext], R],
    fresh: Sequence[str] | None = None,
) -> R | Reply | ProfilesNeeded:
    """Run `work` for `actor_id`; a UserError or a bug rolls everything back and is answered.
    With `fresh`, nothing runs unless these people's profiles (and the actor's) are fresh: the
    stale ones are answered instead, found in the same session."""
    lang: Lang = "en"
    owes_now = False
    try:
        with core.db.session() as session:
            actor = get_person(session=session, platform=platform, external_id=actor_id)
            if fresh is not None and (
                stale := stale_among(
                    session,
                    platform=platform,
                    external_ids=[actor_id, *fresh],
                    now=core.clock.now(),
                    known={actor_id: actor},
                )
            ):
                return ProfilesNeeded(stale)
            if actor is None:  # never stored: the platform does not know them as a member
                log.warning("action of %s:%s, who has no profile: refused", platform, actor_id)
                raise UserError("error.not_a_member")
            lang = lang_of(actor)
            # An answer to the bot (bot/pairs/silences.py); refused if they were erased meanwhile.
            if not hold_person(session=session, person=actor, active_at=core.clock.now()):
                raise UserError("forget.meanwhile")
            ctx = ActorContext.of(core, session, actor)
            result = work(ctx)
            owes_now = ctx.owes_now
    except UserError as error:
        return error_reply(error, lang)
    except Exception:
        log.exception("action of %s:%s failed", platform, actor_id)
        return say(t("error.internal", lang), is_error=True)
    if owes_now:
        core.tell_owed_now()
    return in_readers_language(result, lang)
