"""`mentorbot teams-package`: the Teams app package (manifest.json and two icons, zipped)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.kernel.i18n import t
from bot.kernel.settings import GUID

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
SHORT_NAME = 30  # Teams' limit on the short name
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net", "localhost")
PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".test", ".localhost", ".local")


class PackageError(ValueError):
    """An option of `teams-package` cannot make a package Teams accepts; the message names it."""


@dataclass(frozen=True)
class Links:
    """The pages Teams links from the app's details: all three are required by the manifest."""

    website: str
    privacy: str
    terms: str


def check_app_id(app_id: str) -> str:
    if not GUID.fullmatch(app_id):
        raise PackageError(
            f"CLIENT_ID (or --app-id) must be the bot's Microsoft App ID, a GUID such as "
            f"00000000-0000-0000-0000-000000000000, not {app_id!r}."
        )
    return app_id


def check_name(name: str) -> str:
    if not name.strip() or len(name) > SHORT_NAME:
        raise PackageError(
            f"--name must be 1 to {SHORT_NAME} characters (Teams' short name), not {name!r}."
        )
    return name


def check_url(option: str, url: str) -> str:
    """`url` when it is an https address of a real host; PackageError naming `option` else."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or "." not in host:
        raise PackageError(
            f"{option} must be an https:// address of your organisation's site, not {url!r}."
        )
    if (
        host in PLACEHOLDER_HOSTS
        or host.endswith(PLACEHOLDER_SUFFIXES)
        or any(host.endswith("." + placeholder) for placeholder in PLACEHOLDER_HOSTS)
    ):
        raise PackageError(
            f"{option} must be a real page of your organisation, not the placeholder {url!r}."
        )
    return url


def commands(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"title": name, "description": t(f"teams.command.{name}", "en")} for name in names]


def french(name: str) -> dict[str, str]:
    """The French localization file: Teams shows it to French-speaking clients."""
    strings = {
        "$schema": SCHEMA.replace("MicrosoftTeams.schema", "MicrosoftTeams.Localization.schema"),
        "name.short": name,
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


def manifest(*, app_id: str, name: str, links: Links) -> dict[str, Any]:
    """The app manifest: one bot, in 1:1 chats and in teams, with its command menus."""
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": "1.0.0",
        "id": app_id,
        "developer": {
            "name": name,
            "websiteUrl": links.website,
            "privacyUrl": links.privacy,
            "termsOfUseUrl": links.terms,
        },
        "name": {"short": name, "full": name},
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


def write_package(path: Path, *, app_id: str, name: str, links: Links) -> Path:
    """Check the options, then write the zip; PackageError (nothing written) on a bad one."""
    app_id, name = check_app_id(app_id), check_name(name)
    links = Links(
        check_url("--website", links.website),
        check_url("--privacy-url", links.privacy),
        check_url("--terms-url", links.terms),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        document = manifest(app_id=app_id, name=name, links=links)
        package.writestr("manifest.json", json.dumps(document, indent=2, ensure_ascii=False))
        package.writestr("fr.json", json.dumps(french(name), indent=2, ensure_ascii=False))
        for icon in ("color.png", "outline.png"):
            package.writestr(icon, (ICONS / icon).read_bytes())
    return path
