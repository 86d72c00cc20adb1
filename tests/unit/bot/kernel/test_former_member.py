"""An erased person reads as "a former member" in each reader's language, wherever named."""

from __future__ import annotations

from bot.kernel.replies import Button, Reply, Section
from bot.people.person import in_readers_language, mention
from storage.models import ERASED_PREFIX, Person


def test_an_erased_person_is_a_former_member_in_the_readers_language() -> None:
    erased = Person(id=3, platform="slack", external_id=f"{ERASED_PREFIX}3")
    claire = Person(id=1, platform="slack", external_id="UCLAIRE")
    reply = Reply(
        title=f"Pair of {mention(claire)}",
        sections=(
            Section(f"{mention(erased)} accepted. You meet {mention(erased)} on Thursday."),
            Section(f"• mentor of {mention(erased)}", heading="Pairs"),
        ),
        buttons=(Button("Accept", "agreement.accept", "7"),),
    )
    english = in_readers_language(reply, "en")
    assert english.sections[0].text == (
        "A former member accepted. You meet a former member on Thursday."
    )
    assert english.sections[1].text == "• mentor of a former member"
    assert english.title == "Pair of <@UCLAIRE>" and english.buttons == reply.buttons
    french = in_readers_language(reply, "fr")
    assert french.sections[0].text.startswith("Un ancien membre accepted. You meet un ancien")
    assert french.sections[1].text == "• mentor of un ancien membre"
    mentee_of = Reply(
        sections=(Section(f"Mentoré·e de {mention(erased)}, pas plus que {mention(erased)}"),)
    )
    assert in_readers_language(mentee_of, "fr").sections[0].text == (
        "Mentoré·e d'un ancien membre, pas plus qu'un ancien membre"
    )


def test_a_reply_without_an_erased_person_is_returned_as_it_is() -> None:
    reply = Reply(sections=(Section("nothing to change"),))
    assert in_readers_language(reply, "fr") is reply
