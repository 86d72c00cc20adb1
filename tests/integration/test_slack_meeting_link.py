"""A pair's meeting link over signed HTTP: typed with the rhythm (`link …` / `lien …`), shown in
the agreement, in `/mentor pairs` and in the reminder's "how" line, in French and English; a bad
one refused politely with nothing stored; a change of terms shows the old and the new to both."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR
from tests.integration.harness import RunningBot, text_of
from tests.integration.test_slack_terms_proposal import (
    EVERY_2_WEEKS_ON_TUESDAY,
    PAIR,
    dms,
    latest_with,
    press,
    propose,
    started_pair,
)

LINK = "https://meet.example.com/abc-defg?pwd=x1&lang=fr"
SHOWN = "https://meet.example.com/abc-defg?pwd=x1&amp;lang=fr"  # `&` escaped for the markup


def test_the_link_reads_in_the_agreement_the_pairs_list_and_the_reminders_how_line(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    # Thomas makes the pair, the link as Slack escapes a URL in a command (`<…>`).
    made = text_of(running.make_pair(MENTEE, f"{PAIR} for 45m link <{LINK}>"))
    assert f"45 min, by video, link: {SHOWN}" in made, made
    agreement = [m for m in dms(fake, MENTOR) if "lien :" in m][-1]
    assert f"45 min, en visio, lien : {SHOWN}" in agreement, agreement
    assert SHOWN in text_of(running.answer(MENTOR, "binomes"))
    assert SHOWN in text_of(running.answer(MENTEE, "pairs"))

    # The reminders, a day before Thursday 3 December 18:00 Paris: when and with whom, then
    # how — the format and the link — before the agenda.
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    running.dispatch()
    english = [m for m in dms(fake, MENTEE) if "Mentoring session tomorrow" in m][-1]
    french = [m for m in dms(fake, MENTOR) if "Séance de mentorat demain" in m][-1]
    assert (
        f"With <@{MENTOR}>: *Thursday 3 December 2026, 12:00 (America/Montreal)*, 45 min, "
        f"by video: {SHOWN}" in english
    ), english
    assert (
        f"Avec <@{MENTEE}> : *jeudi 3 décembre 2026, 18h00 (Europe/Paris)*, 45 min, en visio : "
        f"{SHOWN}" in french
    ), french
    assert english.index(SHOWN) < english.index("Agenda so far")
    assert french.index(SHOWN) < french.index("Ordre du jour")


def test_a_bad_link_is_refused_politely_and_nothing_is_stored(
    running: RunningBot, fake: FakeSlack
) -> None:
    refused = text_of(running.answer(MENTEE, f"{PAIR} link meet.example.com/abc"))
    assert "not a meeting link I can use" in refused and "https://" in refused, refused
    refused = text_of(running.answer(MENTOR, f"{PAIR} lien https://a.example/&lt;!channel&gt;"))
    assert "n'est pas un lien de réunion utilisable" in refused, refused
    assert "<!channel>" not in refused
    running.settle()
    assert not fake.messages_to(MENTOR) and not fake.messages_to(MENTEE)
    assert "not in any mentoring pair yet" in text_of(running.answer(MENTEE, "pairs"))
    # An `@` inside a link names nobody: the pair is made.
    made = text_of(running.answer(MENTEE, f"{PAIR} link https://meet.example.com/@team"))
    assert "link: https://meet.example.com/@team" in made, made


def test_a_link_added_to_a_started_pair_shows_old_and_new_terms_to_both(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    card = started_pair(running, fake, clock)
    # A link that is not one, in the terms form: the field says why, nothing is proposed.
    opened = len(fake.calls("views.open"))
    running.press(MENTOR, card, "agreement.change")
    [call] = fake.wait_for(lambda: fake.calls("views.open")[opened:])
    bad = {**EVERY_2_WEEKS_ON_TUESDAY, "link": {"link": signing.plain_text("javascript:x()")}}
    errors = running.submit(MENTOR, call.args["view"], bad)
    assert "link" in errors["errors"] and "https://" in errors["errors"]["link"], errors
    running.settle()
    assert not [m for m in fake.messages_to(MENTEE) if "terms.accept" in str(m)]

    # Claire proposes the new rhythm with a link; Thomas accepts.
    good = {**EVERY_2_WEEKS_ON_TUESDAY, "link": {"link": signing.plain_text(LINK)}}
    propose(running, MENTOR, card, good)
    proposal = latest_with(fake, MENTEE, "terms.accept")
    assert SHOWN in text_of(proposal)
    accepted = press(running, MENTEE, proposal, "terms.accept")
    assert "Before → now" in accepted, accepted
    assert "every week on Thursday at 18:00 (Europe/Paris), 1 h, by video →" in accepted
    assert f"by phone, link: {SHOWN}*" in accepted
    assert "Friday 3 December 2027 → *Wednesday 30 June 2027*" in accepted
    told = dms(fake, MENTOR)[-1]
    assert "a accepté" in told and "Avant → maintenant" in told, told
    assert "chaque semaine le jeudi à 18h00 (Europe/Paris), 1 h, en visio →" in told
    assert f"par téléphone, lien : {SHOWN}*" in told
    assert "Prochaine séance" in told
    # The form opens again with the link the pair now has.
    opened = len(fake.calls("views.open"))
    running.press(MENTOR, card, "agreement.change")
    [call] = fake.wait_for(lambda: fake.calls("views.open")[opened:])
    assert LINK in str(call.args["view"])
