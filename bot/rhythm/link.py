"""A pair's meeting link: read and checked once (http or https, a host, no spaces, no markup,
at most MAX_LINK characters), and written safely into the core's markup."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.kernel.replies import escape_markup, unescape_markup
from bot.rhythm.model import RhythmError

MAX_LINK = 500
LINK_WORDS = {"link", "lien", "url"}
"""The words that announce a link in a typed rhythm (`link https://…`, `lien https://…`)."""
LINK_START = re.compile(r"^https?://", re.IGNORECASE)
# Characters a URL may hold unencoded (RFC 3986), without `<`, `>`, quotes, spaces or `|`.
URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9\-.]*[A-Za-z0-9])?(?::\d{1,5})?$")


def parse_link(text: str) -> str | None:
    """The link `text` gives (None when empty); RhythmError `rhythm.bad_link.*` naming the
    problem otherwise. Slack's `<https://…>` and `<https://…|label>` forms are unwrapped, and
    the `&amp;`, `&lt;`, `&gt;` of its command text read back."""
    link = text.strip()
    if link.startswith("<") and link.endswith(">"):
        link = link[1:-1].partition("|")[0].strip()
    link = unescape_markup(link)
    if not link:
        return None
    shown = _shortened(link)
    if len(link) > MAX_LINK:
        raise RhythmError("rhythm.bad_link.long", count=MAX_LINK)
    if not LINK_START.match(link):
        raise RhythmError("rhythm.bad_link.scheme", value=shown)
    if not URL_CHARACTERS.match(link):
        raise RhythmError("rhythm.bad_link.characters", value=shown)
    try:
        host = urlsplit(link).netloc.rpartition("@")[2]
    except ValueError as error:  # an unbalanced `[` of an IPv6 host
        raise RhythmError("rhythm.bad_link.host", value=shown) from error
    if not HOST.match(host) or "." not in host.partition(":")[0]:
        raise RhythmError("rhythm.bad_link.host", value=shown)
    return link


def _shortened(text: str, limit: int = 60) -> str:
    """What the person typed, short and inert enough to quote back in an error."""
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return escape_markup(text)
