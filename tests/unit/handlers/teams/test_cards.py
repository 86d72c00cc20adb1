"""Teams rendering as plain data: every card valid for the Adaptive Card version the SDK targets."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from microsoft_teams.cards import AdaptiveCard
from PIL import Image

from bot.commands.pair_command import PAIR_FORM
from bot.commands.parser import parse_command
from bot.forms.agenda import AGENDA_FORM
from bot.forms.move import MOVE_FORM
from bot.kernel.replies import Button, Form, Reply, Section, escape_markup
from handlers.teams.cards import TEXT_BUDGET, reply_card
from handlers.teams.form_cards import form_card
from handlers.teams.package import Links, write_package
from tests.fakes.adaptive_cards import validate_card

NAMES = {"29:claire": "Claire"}


APP_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
TERMS = "https://acme.fr/terms"


def test_the_version_is_the_one_the_sdk_targets() -> None:
    assert reply_card(Reply(title="x"), {})["version"] == AdaptiveCard(body=[]).version


def test_a_reply_keeps_markup_mentions_and_buttons() -> None:
    reply = Reply(
        title="Mentoring session tomorrow",
        sections=(Section("With <@29:claire>, *agenda*:\n• one\n• two", heading="When"),),
        buttons=(Button("Skip", "session.skip", "12", "danger"), Button("Add", "agenda.add", "12")),
        note="Only you two read this.",
    )
    card = reply_card(reply, NAMES)
    assert validate_card(card) == []
    texts = [e["text"] for e in card["body"]]
    assert "With <at>Claire</at>, **agenda**:\n\n• one\n\n• two" in texts
    [mention] = card["msteams"]["entities"]
    assert mention["mentioned"] == {"id": "29:claire", "name": "Claire"}
    assert card["actions"][0] == {
        "type": "Action.Execute",
        "title": "Skip",
        "verb": "button",
        "data": {"action": "session.skip", "value": "12"},
        "style": "destructive",
    }


def test_a_link_escaped_for_the_markup_reads_as_typed_and_mentions_nobody() -> None:
    link = "https://meet.example.com/x?a=1&b=<@29:claire>"
    card = reply_card(Reply(sections=(Section(f"by video: {escape_markup(link)}"),)), NAMES)
    assert [e["text"] for e in card["body"]] == [f"by video: {link}"]
    assert "entities" not in card.get("msteams", {})


def test_errors_are_marked_and_long_text_is_cut_not_rejected() -> None:
    card = reply_card(Reply(sections=(Section("Bad date"),), is_error=True), {})
    assert card["body"][0]["color"].lower() == "attention"  # Adaptive Card enums: any case
    assert card["body"][0]["text"].startswith("⚠️")
    huge = reply_card(Reply(sections=tuple(Section("x" * 3000) for _ in range(20))), {})
    assert validate_card(huge) == []
    assert sum(len(e["text"]) for e in huge["body"]) <= TEXT_BUDGET + 40
    assert len(json.dumps(huge).encode()) < 28_000


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_form_cards_are_valid_and_show_errors_next_to_fields(lang) -> None:
    people = [("29:claire", "Claire"), ("29:thomas", "Thomas")]
    pair_form = Form(PAIR_FORM, {"timezone": "Europe/Paris"})
    pair = form_card(pair_form, lang, names={}, people=people)
    assert validate_card(pair) == []
    assert [e["id"] for e in pair["body"] if "id" in e][:2] == ["mentor", "mentee"]
    label = "Thursday with <@29:claire>"
    move = Form(MOVE_FORM, {"session": "12", "label": label, "date": "2026-12-03", "time": "18:00"})
    for form in (move, Form(AGENDA_FORM, {"session": "12", "label": label})):
        card = form_card(form, lang, names=NAMES, errors={"date": "Bad", "text": "Bad"})
        assert validate_card(card) == []
        assert card["actions"][0]["data"] == {"form": form.name, "state": form.values}
        assert any(e.get("color") == "attention" for e in card["body"])


def test_the_package_has_a_manifest_and_both_icons(tmp_path) -> None:
    path = write_package(
        tmp_path / "p.zip",
        app_id=APP_ID,
        name="Mentorbot",
        links=Links("https://intranet.acme.fr/mentoring", "https://acme.fr/privacy", TERMS),
    )
    with zipfile.ZipFile(path) as package:
        manifest = json.loads(package.read("manifest.json"))
        color = Image.open(io.BytesIO(package.read("color.png")))
        outline = Image.open(io.BytesIO(package.read("outline.png")))
    assert (color.size, outline.size) == ((192, 192), (32, 32))
    assert outline.getpixel((0, 0))[3] == 0  # transparent outline, as Teams requires
    [bot] = manifest["bots"]
    assert bot["botId"] == manifest["id"] == APP_ID and bot["scopes"] == ["personal", "team"]
    assert manifest["developer"]["privacyUrl"] == "https://acme.fr/privacy"
    assert manifest["developer"]["termsOfUseUrl"] == TERMS
    assert bot["supportsFiles"] is True  # required for file consent cards in 1:1 chats
    for command_list in bot["commandLists"]:
        assert len(command_list["commands"]) <= 10
        for command in command_list["commands"]:
            assert len(command["title"]) <= 32 and len(command["description"]) <= 128
    assert manifest["localizationInfo"]["additionalLanguages"] == [
        {"languageTag": "fr", "file": "fr.json"}
    ]
    with zipfile.ZipFile(path) as package:
        fr = json.loads(package.read("fr.json"))
    assert fr["$schema"].endswith("/v1.22/MicrosoftTeams.Localization.schema.json")
    for number, command_list in enumerate(bot["commandLists"]):
        for index, command in enumerate(command_list["commands"]):
            key = f"bots[0].commandLists[{number}].commands[{index}]"
            # A French title picked from the menu is the same command as the English one.
            title = fr[f"{key}.title"]
            assert parse_command(title).name == parse_command(command["title"]).name
            assert len(title) <= 32 and 0 < len(fr[f"{key}.description"]) <= 128
