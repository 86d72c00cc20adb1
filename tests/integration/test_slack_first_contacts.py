"""First contacts racing: many new people at once name the same new person; every command is
acknowledged and answered, and that person is stored once (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlmodel import select

from storage.models import Pair, Person
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import RunningBot

NEWCOMERS = 24
MENTOR = "UNEWMENTOR"


def test_racing_first_contacts_are_all_answered(served: RunningBot, fake: FakeSlack) -> None:
    fake.add_user(MENTOR, name="new mentor", tz="Europe/Paris", locale="fr-FR")
    mentees = [f"UNEW{n:03d}" for n in range(NEWCOMERS)]
    for mentee in mentees:
        fake.add_user(mentee, name=mentee.lower(), tz="Europe/London", locale="en-GB")
    texts = {m: f"pair <@{MENTOR}> <@{m}> weekly on monday at 9:00" for m in mentees}
    assert served.commands_at_once(texts) == [200] * NEWCOMERS
    fake.wait_for(lambda: all(fake.responses(m) for m in mentees), timeout=30)
    served.settle()
    assert served.bot is not None
    with served.bot.core.db.session() as session:
        stored = session.exec(select(Person).where(Person.external_id == MENTOR)).all()
        assert len(stored) == 1 and stored[0].name == "new mentor"
        assert len(session.exec(select(Pair).where(Pair.mentor_id == stored[0].id)).all()) == (
            NEWCOMERS
        )
