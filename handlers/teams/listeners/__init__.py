"""All Teams listeners, registered on one Teams App."""

from __future__ import annotations

from microsoft_teams.apps import App

from handlers.teams.deps import TeamsDeps
from handlers.teams.listeners import card_actions, files, installs, messages


def register_listeners(app: App, deps: TeamsDeps) -> None:
    messages.register(app, deps)
    card_actions.register(app, deps)
    installs.register(app, deps)
    files.register(app, deps)
