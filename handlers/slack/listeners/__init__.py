"""All Slack listeners, registered on one Bolt app."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from handlers.slack.listeners import actions, commands, events, failures, home, views
from handlers.slack.listeners.deps import SlackDeps


def register_listeners(app: AsyncApp, deps: SlackDeps) -> None:
    commands.register(app, deps)
    actions.register(app, deps)
    views.register(app, deps)
    events.register(app, deps)
    home.register(app, deps)
    failures.register(app, deps)
