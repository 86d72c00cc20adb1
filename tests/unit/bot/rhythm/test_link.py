"""A pair's meeting link: the grammar words, the checks, and what a bad one is told."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kernel.i18n import t
from bot.kernel.replies import escape_markup, unescape_markup
from bot.rhythm.grammar import RhythmError, complete_rhythm, parse_rhythm
from bot.rhythm.link import MAX_LINK, parse_link
from bot.rhythm.model import MeetingFormat, Rhythm
from bot.rhythm.wording import describe_rhythm

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
URL = "https://meet.example.com/abc-defg-hij?pwd=x1&lang=fr"
MARKUP = re.compile(r"<[@#!]|<https?:|\|")


@pytest.mark.parametrize(
    "text",
    [
        f"every 2 weeks on thursday at 18:00 link {URL}",
        f"toutes les 2 semaines le jeudi à 18h lien {URL}",
        f"every 2 weeks on thursday at 18:00 {URL}",
        f"every 2 weeks on thursday at 18:00 url <{URL}>",
        f"every 2 weeks on thursday at 18:00 link <{URL}|meet.example.com>",
    ],
)
def test_the_link_is_read_in_either_language_with_its_case_kept(text: str) -> None:
    draft = parse_rhythm(text)
    assert draft.link == URL
    rhythm = complete_rhythm(draft, default_timezone="Europe/Paris", now=NOW)
    assert rhythm.link == URL


def test_two_different_links_conflict_and_no_link_is_none() -> None:
    with pytest.raises(RhythmError) as raised:
        parse_rhythm(f"weekly monday 9:00 link {URL} lien https://other.example.org/x")
    assert raised.value.code == "rhythm.conflict"
    assert parse_rhythm("weekly monday 9:00").link is None
    assert parse_link("  ") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("weekly monday 9:00 link", "rhythm.bad_link.missing"),
        ("weekly monday 9:00 link meet.example.com/abc", "rhythm.bad_link.scheme"),
        ("weekly monday 9:00 lien javascript:alert(1)", "rhythm.bad_link.scheme"),
        ("weekly monday 9:00 link ftp://files.example.com/x", "rhythm.bad_link.scheme"),
        ("weekly monday 9:00 link https://", "rhythm.bad_link.host"),
        ("weekly monday 9:00 link https://intranet/room", "rhythm.bad_link.host"),
        ('weekly monday 9:00 link https://a.example/"x"', "rhythm.bad_link.characters"),
        ("weekly monday 9:00 link https://a.example/<!channel>", "rhythm.bad_link.characters"),
        (f"weekly monday 9:00 link https://a.example/{'x' * MAX_LINK}", "rhythm.bad_link.long"),
    ],
)
def test_a_bad_link_is_refused_naming_the_problem(text: str, code: str) -> None:
    with pytest.raises(RhythmError) as raised:
        parse_rhythm(text)
    assert raised.value.code == code
    for lang in ("en", "fr"):
        said = t(code, lang, **raised.value.params)
        assert not MARKUP.search(said.replace("`https://`", "").replace("`http://`", ""))


@given(st.text(max_size=MAX_LINK + 40))
def test_any_text_is_a_checked_link_or_a_polite_error(text: str) -> None:
    """Whatever is typed: a link that is plain http(s), short and inert in the markup, or a
    RhythmError whose sentence quotes nothing that could become a mention or a link."""
    try:
        link = parse_link(text)
    except RhythmError as error:
        assert error.code.startswith("rhythm.bad_link.")
        for lang in ("en", "fr"):
            said = t(error.code, lang, **error.params)
            assert "<" not in said.replace("`", "") and ">" not in said
        return
    if link is None:
        assert not text.strip() or text.strip() in ("<>", "<|>") or text.strip().startswith("<|")
        return
    assert re.match(r"^https?://[^/?#]*\.", link, re.IGNORECASE)
    assert len(link) <= MAX_LINK
    assert not any(c.isspace() or c in '<>"|`' for c in link)


@given(st.from_regex(r"https://[a-z]{1,20}\.[a-z]{2,6}/[A-Za-z0-9_\-./?=&%]{0,60}", fullmatch=True))
def test_a_plain_https_link_is_kept_as_typed(text: str) -> None:
    assert parse_link(text) == text
    assert parse_link(f"<{text}>") == text


def test_the_link_reads_in_the_description_escaped_for_the_markup() -> None:
    rhythm = complete_rhythm(
        parse_rhythm(f"every 2 weeks on thursday at 18:00 tz Europe/Paris link {URL}"),
        default_timezone="Europe/Paris",
        now=NOW,
    )
    assert isinstance(rhythm, Rhythm) and rhythm.format is MeetingFormat.VIDEO
    shown = escape_markup(URL)
    assert describe_rhythm(rhythm, "en").endswith(f", by video, link: {shown}")
    assert describe_rhythm(rhythm, "fr").endswith(f", en visio, lien : {shown}")
    assert "&amp;" in shown and unescape_markup(shown) == URL
