"""Modal submissions: validated before the ack, so errors show next to the fields."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.acting import act
from bot.actor_context import ActorContext
from bot.agreement_actions import TERMS_FORM, submit_terms_form
from bot.commands.review_command import REVIEW_FORM
from bot.commands.summary_command import SUMMARY_FORM
from bot.errors import UserError
from bot.forms import (
    AGENDA_FORM,
    MOVE_FORM,
    PAIR_FORM,
    FieldErrors,
    submit_agenda_form,
    submit_move_form,
    submit_pair_form,
    submit_summary_form,
)
from bot.goal_form import submit_goal_form
from bot.goals import GOAL_FORM
from bot.replies import Reply
from bot.review_form import submit_review_form
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.listeners.home import publish_home
from handlers.slack.modals import metadata, submitted_values
from handlers.slack.profiles import PLATFORM

Submit = Callable[[ActorContext, dict[str, str | None], dict[str, Any]], Reply | FieldErrors]


def _session_id(meta: dict[str, Any]) -> int:
    value = meta.get("session")
    if not isinstance(value, int):
        raise UserError("session.not_yours")
    return value


def _pair_id(meta: dict[str, Any]) -> int:
    value = meta.get("pair")
    if not isinstance(value, int):
        raise UserError("pair.not_yours")
    return value


SUBMITS: dict[str, Submit] = {
    PAIR_FORM: lambda ctx, values, meta: submit_pair_form(ctx, values),
    AGENDA_FORM: lambda ctx, values, meta: submit_agenda_form(
        ctx, _session_id(meta), values.get("text") or ""
    ),
    MOVE_FORM: lambda ctx, values, meta: submit_move_form(
        ctx, _session_id(meta), values.get("date") or "", values.get("time") or ""
    ),
    SUMMARY_FORM: lambda ctx, values, meta: submit_summary_form(ctx, _session_id(meta), values),
    TERMS_FORM: lambda ctx, values, meta: submit_terms_form(ctx, _pair_id(meta), values),
    GOAL_FORM: lambda ctx, values, meta: submit_goal_form(ctx, _pair_id(meta), values),
    REVIEW_FORM: lambda ctx, values, meta: submit_review_form(ctx, _pair_id(meta), values),
}


class FormSubmission:
    def __init__(self, deps: SlackDeps, name: str) -> None:
        self.deps = deps
        self.submit = SUBMITS[name]

    async def __call__(
        self, ack, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient
    ) -> None:
        user_id = (body.get("user") or {}).get("id", "")
        values = submitted_values(view)
        people = [v for k, v in values.items() if k in ("mentor", "mentee") and v]
        problem = await self.deps.check_people(user_id, people)
        if problem is not None:
            field = "mentee" if "mentee" in values else next(iter(values), "text")
            await ack(response_action="errors", errors={field: problem.fallback_text})
            return
        result = await asyncio.to_thread(
            act,
            self.deps.core,
            platform=PLATFORM,
            actor_id=user_id,
            work=lambda ctx: self.submit(ctx, values, metadata(view)),
        )
        if isinstance(result, FieldErrors):
            await ack(response_action="errors", errors=result.errors)
            return
        await ack()
        if metadata(view).get("home"):
            await publish_home(self.deps, client, user_id, notice=result)
        else:
            await self.deps.dm(user_id, result)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    for name in SUBMITS:
        app.view(name)(FormSubmission(deps, name))
