"""What the Teams listeners share: the core, and answering in the conversation of a turn."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from microsoft_teams.apps import ActivityContext

from bot.commands.parser import MENTION
from bot.forms import FORMS
from bot.kernel.core import Core
from bot.kernel.deliveries import first_time
from bot.kernel.form_model import Kind
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import DeliveryError, Target
from bot.kernel.replies import Form, Reply
from bot.people.person import lang_of, zone_of
from handlers.answers import persist, retryable
from handlers.failures import failure
from handlers.teams.activities import PLATFORM, Turn, delivery_id
from handlers.teams.files import consent_message
from handlers.teams.form_cards import form_card
from handlers.teams.messenger import card_activity, card_message, delivery_error, names_in
from handlers.teams.references import display_names
from storage.queries.people import get_person, people_on

log = logging.getLogger(__name__)
PICKER_MAX = 500
ANSWER_TRIES, LONGEST_WAIT = 2, 2.0
"""An answer is tried again once, within 2 s: Teams delivers again an activity not answered
within seconds, so only a quick failure (a 5xx, a refused connection, a short 429) is."""
LATER_TRIES, LATER_LONGEST = 5, 30.0
"""After its turn, an answer that still failed quickly is tried 5 times more: a second after
the turn, then 1, 2, 4 and 8 s apart (or once a Retry-After within 30 s is over)."""


@dataclass
class TeamsDeps:
    core: Core
    _later: set[asyncio.Task[None]] = field(default_factory=set)  # answers tried after a turn

    def lang_and_zone(self, user_id: str) -> tuple[Lang, str]:
        with self.core.db.session() as session:
            person = get_person(session=session, platform=PLATFORM, external_id=user_id)
            return (lang_of(person), zone_of(person)) if person else ("en", "UTC")

    async def private_only(self, turn: Turn) -> str:
        """The polite refusal of what a turn outside a 1:1 chat asks (a command, a card's button
        forwarded to a channel or a group chat): its answer would be everyone's there, and what
        concerns a pair stays between its two people. In the person's language, in words that
        fit where they are (a channel still takes `digest` and `help`, a group chat nothing)."""
        lang, _ = await asyncio.to_thread(self.lang_and_zone, turn.user_id)
        return t("teams.channel_private" if turn.channel_id else "teams.group_private", lang)

    def people(self) -> list[tuple[str, str]]:
        with self.core.db.session() as session:
            found = people_on(session=session, platform=PLATFORM, limit=PICKER_MAX)
            return [(p.external_id, p.name or p.external_id) for p in found]

    async def form_card(self, turn: Turn, form: Form, **submitted: Any) -> dict[str, Any]:
        """The card of `form` for the person of `turn`, with submitted values and errors."""
        lang, _ = await asyncio.to_thread(self.lang_and_zone, turn.user_id)
        if any(one.kind is Kind.PERSON for _, one, _ in FORMS[form.name].flat()):
            submitted["people"] = await asyncio.to_thread(self.people)
        ids = set(MENTION.findall(form.values.get("label", "")))
        names = await asyncio.to_thread(display_names, self.core, ids)
        return form_card(form, lang, names=names, **submitted)

    async def answer(
        self, ctx: ActivityContext[Any], turn: Turn, result: Reply | Form, *, later: bool = False
    ) -> bool:
        """Post the reply, or the form to fill in, in the conversation of the turn; a reply's
        file is then offered with a consent card (Teams takes bots' files in 1:1 chats only).

        Whether it was delivered in the turn: a connector that fails quickly is tried again
        once; one that still fails (5xx, timeout, refusal) is logged, never raised, so that the
        activity is still answered as the Bot Framework expects. With `later` (an answer
        nothing else carries: not an invoke's), a quick failure is then tried again after the
        turn, in the background (LATER_TRIES); never a timeout, which may have been posted.
        """
        if isinstance(result, Form):
            activity = card_message(await self.form_card(turn, result))
        else:
            names = await asyncio.to_thread(names_in, self.core, result)
            activity = card_activity(result, {**names, **turn.names})
        target = Target(PLATFORM, "dm" if turn.personal else "channel", turn.user_id)
        file = result.file if isinstance(result, Reply) and turn.personal else None

        sent = False  # the answer (a try after the turn sends only what is left)

        async def deliver(tries: int, longest: float) -> None:
            nonlocal sent
            if not sent:
                await persist(
                    lambda: self._send(ctx, activity, target), tries=tries, longest=longest
                )
                sent = True
            if file is not None:
                await ctx.send(consent_message(file))

        try:
            await deliver(ANSWER_TRIES, LONGEST_WAIT)
        except Exception as error:
            again = later and isinstance(error, DeliveryError) and retryable(error)
            log.warning(
                "Teams answer to activity %s in %s not delivered%s: %s",
                ctx.activity.id,
                turn.conversation_id,
                " in its turn, tried again after it" if again else "",
                failure(error),
            )
            if again:
                task = asyncio.create_task(self._deliver_later(ctx, turn, deliver))
                self._later.add(task)
                task.add_done_callback(self._later.discard)
            return False
        return True

    async def _deliver_later(
        self,
        ctx: ActivityContext[Any],
        turn: Turn,
        deliver: Callable[[int, float], Awaitable[None]],
    ) -> None:
        """The answer `deliver` sends, tried again after its turn; logged either way."""
        await asyncio.sleep(1)
        try:
            await deliver(LATER_TRIES, LATER_LONGEST)
        except Exception as error:
            log.warning(
                "Teams answer to activity %s in %s not delivered after its turn either: %s",
                ctx.activity.id,
                turn.conversation_id,
                failure(error),
            )
        else:
            log.info(
                "Teams answer to activity %s in %s delivered after its turn",
                ctx.activity.id,
                turn.conversation_id,
            )

    async def _send(self, ctx: ActivityContext[Any], activity: Any, target: Target) -> None:
        """One try of an answer in the turn's conversation, its failure said as a send's (a
        timeout is not worth another: it already took the time Teams gives)."""
        try:
            await ctx.send(activity)
        except httpx.HTTPStatusError as error:
            raise delivery_error(error, target) from error
        except httpx.TimeoutException as error:
            raise DeliveryError(f"timeout: {type(error).__name__}") from error
        except httpx.TransportError as error:
            raise DeliveryError(f"connection: {type(error).__name__}", transient=True) from error

    async def first_time(self, ctx: ActivityContext[Any]) -> bool:
        """Whether this activity is new (False when Teams delivers it again: do nothing)."""
        activity = ctx.activity
        if not activity.id:
            return True
        new = await asyncio.to_thread(
            first_time, self.core, platform=PLATFORM, delivery_id=delivery_id(activity)
        )
        if not new:
            log.info("Teams activity %s delivered again: already handled", activity.id)
        return new

    async def failed(self, ctx: ActivityContext[Any], what: str, error: Exception) -> Lang:
        """Log a listener's failure with ids only; the language to apologise in."""
        activity = ctx.activity
        log.error(
            "Teams %s %s in %s failed: %s",
            what,
            activity.id,
            activity.conversation.id,
            failure(error),
        )
        try:
            lang, _ = await asyncio.to_thread(self.lang_and_zone, activity.from_.id)
        except Exception:  # the database may be what failed
            return "en"
        return lang
