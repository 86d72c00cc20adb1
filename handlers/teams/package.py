"""`mentorbot teams-package`: the Teams app package (manifest.json and two icons, zipped)."""

from __future__ import annotations

import json
import zipfile
from importlib.resources import files
from pathlib import Path
from typing import Any

from bot.kernel.i18n import t

MANIFEST_VERSION = "1.22"
SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
# Teams shows at most 10 commands a scope; the others work when typed.
PERSONAL_COMMANDS = (
    "help",
    "pair",
    "pairs",
    "next",
    "agenda",
    "skip",
    "move",
    "summary",
    "actions",
    "goals",
)
TEAM_COMMANDS = ("digest", "help")
# The menu's French titles: the French command words, which the parser takes as typed.
FRENCH_TITLES = {
    "help": "aide",
    "pair": "binome",
    "pairs": "binomes",
    "next": "prochaine",
    "agenda": "ordre-du-jour",
    "skip": "annuler",
    "move": "deplacer",
    "summary": "compte-rendu",
    "actions": "actions",
    "goals": "objectifs",
    "digest": "synthese",
}
ACCENT = "#2B6CB0"  # the background of icons/color.png
# color.png 192×192, outline.png 32×32 white on transparent, as Teams requires.
ICONS = files("handlers.teams") / "icons"


def commands(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"title": name, "description": t(f"teams.command.{name}", "en")} for name in names]


def french(name: str) -> dict[str, str]:
    """The French localization file: Teams shows it to French-speaking clients."""
    strings = {
        "$schema": SCHEMA.replace("MicrosoftTeams.schema", "MicrosoftTeams.Localization.schema"),
        "name.short": name[:30],
        "name.full": name,
        "description.short": t("teams.app.short", "fr"),
        "description.full": t("teams.app.full", "fr"),
    }
    for number, names in enumerate((PERSONAL_COMMANDS, TEAM_COMMANDS)):
        for index, command in enumerate(names):
            key = f"bots[0].commandLists[{number}].commands[{index}]"
            strings[f"{key}.title"] = FRENCH_TITLES[command]
            strings[f"{key}.description"] = t(f"teams.command.{command}", "fr")
    return strings


def manifest(*, app_id: str, name: str, website: str) -> dict[str, Any]:
    """The app manifest: one bot, in 1:1 chats and in teams, with its command menus."""
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": "1.0.0",
        "id": app_id,
        "developer": {
            "name": name,
            "websiteUrl": website,
            "privacyUrl": website,
            "termsOfUseUrl": website,
        },
        "name": {"short": name[:30], "full": name},
        "description": {"short": t("teams.app.short", "en"), "full": t("teams.app.full", "en")},
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team"],
                "isNotificationOnly": False,
                "supportsFiles": True,  # the data export, sent with a file consent card
                "commandLists": [
                    {"scopes": ["personal"], "commands": commands(PERSONAL_COMMANDS)},
                    {"scopes": ["team"], "commands": commands(TEAM_COMMANDS)},
                ],
            }
        ],
        "localizationInfo": {
            "defaultLanguageTag": "en",
            "additionalLanguages": [{"languageTag": "fr", "file": "fr.json"}],
        },
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [],
    }


def write_package(path: Path, *, app_id: str, name: str, website: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        document = manifest(app_id=app_id, name=name, website=website)
        package.writestr("manifest.json", json.dumps(document, indent=2, ensure_ascii=False))
        package.writestr("fr.json", json.dumps(french(name), indent=2, ensure_ascii=False))
        for icon in ("color.png", "outline.png"):
            package.writestr(icon, (ICONS / icon).read_bytes())
    return path
