"""Card actions (Action.Execute invokes): a reply's buttons, and the forms' submit buttons."""

from __future__ import annotations

import asyncio
from typing import Any

from microsoft_teams.api.activities import AdaptiveCardInvokeActivity
from microsoft_teams.api.models import AdaptiveCardActionMessageResponse, InvokeResponse
from microsoft_teams.apps import ActivityContext, App

from bot.forms.router import press_button, submit_form
from bot.kernel.core import answer_first
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Form, Reply
from bot.people.acting import act
from handlers.teams.activities import PLATFORM, Turn, read_turn
from handlers.teams.cards import CARD_TYPE, reply_card
from handlers.teams.deps import TeamsDeps
from handlers.teams.form_cards import FORM_VERB
from handlers.teams.messenger import names_in
from handlers.teams.references import remember

FORM_KEYS = frozenset({"form", "state"})  # the rest of `data` is the inputs
CardActionResponse = InvokeResponse[Any] | AdaptiveCardActionMessageResponse


def card_response(card: dict[str, Any]) -> InvokeResponse[Any]:
    """Teams shows this card in place of the one whose button was pressed (the card is a plain
    dict, which the SDK's card response model does not take: sent as the invoke's raw body)."""
    return InvokeResponse[Any](body={"statusCode": 200, "type": CARD_TYPE, "value": card})


def message_response(text: str) -> AdaptiveCardActionMessageResponse:
    return AdaptiveCardActionMessageResponse(value=text)


class CardAction:
    def __init__(self, deps: TeamsDeps) -> None:
        self.deps = deps

    async def __call__(
        self, ctx: ActivityContext[AdaptiveCardInvokeActivity]
    ) -> CardActionResponse:
        """A pair's card pressed outside a 1:1 chat (forwarded to a channel or a group chat) is
        refused before anything is done or stored: its answer would be everyone's there. The
        refusal is the invoke's answer, which Teams shows to the presser only."""
        activity = ctx.activity
        turn = read_turn(activity)
        action = activity.value.action
        data: dict[str, Any] = dict(action.data or {})
        try:
            if not turn.personal:
                return message_response(await self.deps.private_only(turn))
            await asyncio.to_thread(remember, self.deps.core, turn)
            if not await self.deps.first_time(ctx):
                lang, _ = await asyncio.to_thread(self.deps.lang_and_zone, turn.user_id)
                return message_response(t("teams.already_done", lang))
            if action.verb == FORM_VERB:
                return await self.submit(turn, data)
            return await self.press(ctx, turn, data)
        except Exception as error:
            lang = await self.deps.failed(ctx, "card action", error)
            return message_response(t("error.internal", lang))

    async def press(
        self, ctx: ActivityContext[Any], turn: Turn, data: dict[str, Any]
    ) -> CardActionResponse:
        """A button of a message: its answer (or the form it opens) is a new message."""
        name, value = str(data.get("action") or ""), str(data.get("value") or "")
        with answer_first():  # the answer, then what the press owes in the same chat
            result = await asyncio.to_thread(
                act,
                self.deps.core,
                platform=PLATFORM,
                actor_id=turn.user_id,
                work=lambda ctx: press_button(ctx, name, value),
            )
            delivered = await self.deps.answer(ctx, turn, result)
        lang, _ = await asyncio.to_thread(self.deps.lang_and_zone, turn.user_id)
        if delivered:
            return message_response(t("teams.see_below", lang))
        # Not shown: the press was still carried out, unless it was refused or opens a form.
        done = isinstance(result, Reply) and not result.is_error
        return message_response(t("teams.done_unshown" if done else "error.internal", lang))

    async def submit(self, turn: Turn, data: dict[str, Any]) -> CardActionResponse:
        """A form: shown again with its errors, or replaced by the answer."""
        name = str(data.get("form") or "")
        raw_state = data.get("state")
        state: dict[str, Any] = raw_state if isinstance(raw_state, dict) else {}
        values = {k: None if v is None else str(v) for k, v in data.items() if k not in FORM_KEYS}
        result = await asyncio.to_thread(
            act,
            self.deps.core,
            platform=PLATFORM,
            actor_id=turn.user_id,
            work=lambda ctx: submit_form(ctx, name, values, state),
        )
        if isinstance(result, FieldErrors):
            form = Form(name, {k: str(v) for k, v in state.items()})
            card = await self.deps.form_card(turn, form, values=values, errors=result.errors)
            return card_response(card)
        names = await asyncio.to_thread(names_in, self.deps.core, result)
        return card_response(reply_card(result, {**names, **turn.names}))


def register(app: App, deps: TeamsDeps) -> None:
    app.on_card_action(CardAction(deps))
