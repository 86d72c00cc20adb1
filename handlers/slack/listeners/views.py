"""Modal submissions: validated before the ack, so errors show next to the fields."""

from __future__ import annotations

import asyncio
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.forms import FORMS
from bot.forms.router import submit_form
from bot.kernel.core import answer_first
from bot.kernel.form_model import Kind
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Reply, say
from bot.people.acting import act
from handlers.slack.endpoint import ACK_BUDGET
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.listeners.home import publish_home
from handlers.slack.modals import metadata, submitted_values
from handlers.slack.profiles import PLATFORM

CHECK_WAIT = ACK_BUDGET - 1.0
"""Seconds the people picked in a form may take to check (users.info) before the modal is
asked to wait: the form's work and its ack need the rest of Slack's three seconds."""


class FormSubmission:
    def __init__(self, deps: SlackDeps, name: str) -> None:
        self.deps = deps
        self.name = name

    async def __call__(
        self,
        ack,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context=None,
    ) -> None:
        workspaces = self.deps.workspaces
        user_id = self.deps.actor(context, body)
        values = submitted_values(view)
        fields = [i for i, one, _ in FORMS[self.name].flat() if one.kind is Kind.PERSON]
        # People picked in the form are of the request's workspace.
        values = {
            k: workspaces.person(context, v) if k in fields and v else v for k, v in values.items()
        }
        people = [v for k, v in values.items() if k in fields and v]
        problem = await self.checked(user_id, people)
        if problem is not None:
            field = fields[-1] if fields else next(iter(values), "text")
            await ack(response_action="errors", errors={field: problem.fallback_text})
            return
        # The answer is a DM (or the Home tab), where the notices of what the form did go too.
        with answer_first():
            result = await asyncio.to_thread(
                act,
                self.deps.core,
                platform=PLATFORM,
                actor_id=user_id,
                work=lambda ctx: submit_form(ctx, self.name, values, metadata(view)),
            )
            if isinstance(result, FieldErrors):
                await ack(response_action="errors", errors=result.errors)
                return
            await ack()
            if metadata(view).get("home"):
                await publish_home(self.deps, client, user_id, notice=result)
            else:
                await self.deps.dm(user_id, result)

    async def checked(self, user_id: str, people: list[str]) -> Reply | None:
        """`check_people`, within the time the ack has left: errors shown in the modal keep
        what the person typed, an ack that comes too late does not (the modal closes)."""
        try:
            return await asyncio.wait_for(self.deps.check_people(user_id, people), CHECK_WAIT)
        except TimeoutError:
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            return say(t("error.people_unchecked", lang), is_error=True)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    for name in FORMS:
        app.view(name)(FormSubmission(deps, name))
