"""`mentorbot teams-package` refuses what Teams would refuse, or what users would click in vain:
an app id that is not a GUID, a page that is not https or is a placeholder, a name too long."""

from __future__ import annotations

import json
import zipfile

import pytest

from app.cli import main, parser
from handlers.teams.package import Links, PackageError, check_url, write_package

APP_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
SITE = "https://intranet.acme.fr/mentoring"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://intranet.acme.fr", "must be an https:// address"),
        ("intranet.acme.fr", "must be an https:// address"),
        ("https://localhost/x", "must be an https:// address"),
        ("https://example.com/privacy", "not the placeholder"),
        ("https://www.example.org", "not the placeholder"),
        ("https://mentorbot.example", "not the placeholder"),
    ],
)
def test_a_page_must_be_real_and_https(url: str, why: str) -> None:
    with pytest.raises(PackageError) as error:
        check_url("--privacy-url", url)
    assert str(error.value).startswith("--privacy-url must") and why in str(error.value)
    assert check_url("--website", SITE) == SITE


@pytest.mark.parametrize(
    ("app_id", "name", "why"),
    [
        ("my-bot", "Mentorbot", "must be the bot's Microsoft App ID, a GUID"),
        ("00000000-0000-0000-0000-00000000b07", "Mentorbot", "a GUID"),
        (APP_ID, "Mentorbot for the whole engineering org", "--name must be 1 to 30"),
        (APP_ID, " ", "--name must be 1 to 30"),
    ],
)
def test_a_bad_option_writes_nothing(tmp_path, app_id: str, name: str, why: str) -> None:
    out = tmp_path / "p.zip"
    with pytest.raises(PackageError) as error:
        write_package(out, app_id=app_id, name=name, links=Links(SITE, SITE, SITE))
    assert why in str(error.value) and not out.exists()


def test_the_command_line(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("CLIENT_ID", raising=False)
    out = tmp_path / "teams.zip"
    base = ["teams-package", "--out", str(out), "--website", SITE]
    assert main(base) == 2
    assert "Missing CLIENT_ID (or --app-id)" in capsys.readouterr().err
    assert main([*base, "--app-id", "abc"]) == 2
    assert "a GUID" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("CLIENT_ID", APP_ID)
    assert main([*base, "--terms-url", "https://example.com/terms"]) == 2
    assert "--terms-url must be a real page" in capsys.readouterr().err
    assert main([*base, "--privacy-url", "https://acme.fr/privacy"]) == 0
    with zipfile.ZipFile(out) as package:
        developer = json.loads(package.read("manifest.json"))["developer"]
    assert developer == {
        "name": "Mentorbot",
        "websiteUrl": SITE,
        "privacyUrl": "https://acme.fr/privacy",
        "termsOfUseUrl": SITE,
    }
    with pytest.raises(SystemExit):  # --website is required: no placeholder written for it
        main(["teams-package"])


def test_every_option_has_help() -> None:
    command = parser()._subparsers._group_actions[0].choices["teams-package"]
    options = [a for a in command._actions if a.option_strings and a.dest != "help"]
    assert {a.dest for a in options} == {
        "website",
        "privacy_url",
        "terms_url",
        "app_id",
        "name",
        "out",
    }
    assert all(a.help for a in options)
