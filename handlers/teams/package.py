"""`mentorbot teams-package`: the Teams app package (manifest.json and two icons, zipped)."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
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
ACCENT = (0x2B, 0x6C, 0xB0)  # the colour icon's background; also the manifest's accentColor


def png(size: int, pixel: Any) -> bytes:
    """A minimal RGBA PNG, `pixel(x, y) -> (r, g, b, a)`, written with zlib and struct only."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def ring(size: int, x: int, y: int) -> bool:
    """Two linked rings, the pair: the icon's only drawing."""
    r = size * 0.22
    for cx in (size * 0.38, size * 0.62):
        d = ((x - cx) ** 2 + (y - size / 2) ** 2) ** 0.5
        if abs(d - r) < size * 0.045:
            return True
    return False


def color_icon() -> bytes:
    return png(192, lambda x, y: (255, 255, 255, 255) if ring(192, x, y) else (*ACCENT, 255))


def outline_icon() -> bytes:
    """32×32, white on transparent, as Teams requires."""
    return png(32, lambda x, y: (255, 255, 255, 255) if ring(32, x, y) else (0, 0, 0, 0))


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
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
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
        package.writestr("color.png", color_icon())
        package.writestr("outline.png", outline_icon())
    return path
