"""`mentorbot try`: a scripted session prints what each person would read, when they would."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from app.cli import main
from app.try_session import Inputs, TrySession
from handlers.terminal.people import DEFAULT_PEOPLE

SCRIPT = """\
# Thomas (Montreal, English) and Claire (Paris, French) agree their rhythm.
as thomas
/mentor pair @claire @thomas every 2 weeks on thursday at 18:00 for 1h tz Europe/Paris
as claire
press 1
as thomas
/mentor agenda add Prepare my promotion file
as lea
/mentor digest #leads
advance 2d9h
as claire
press 1
Partager mon parcours
at 2026-12-03 18:05
as thomas
We agreed: I draft the roadmap by 10 December.
at 2026-12-07 08:30
clock
"""


def open_session(tmp_path, out: io.StringIO, lang: str = "en") -> TrySession:
    return TrySession.open(
        people=DEFAULT_PEOPLE,
        database_url=f"sqlite:///{tmp_path / 'try.db'}",
        start=datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
        out=out,
        lang=lang,  # type: ignore[arg-type]
        colour=False,
    )


def run(script: str, tmp_path, lang: str = "en") -> str:
    out = io.StringIO()
    session = open_session(tmp_path, out, lang)
    session.run(Inputs(session.console, iter(script.splitlines(keepends=True))))
    return out.getvalue()


def blocks(printed: str) -> list[str]:
    """Each printed message: its heading line and body, as one string."""
    return re.findall(r"┌─ .*?\n└─", printed, flags=re.S)


def test_a_pair_first_two_weeks(tmp_path) -> None:
    printed = run(SCRIPT, tmp_path)
    messages = blocks(printed)

    announced = [m for m in messages if "2026-11-30 08:00 UTC" in m and "DM to" in m]
    # Thomas proposed the pair; Claire accepts the agreement card, and the pair starts.
    assert any("@claire" in m and "[1] Accepter" in m for m in announced)
    assert "Merci : vous avez accepté tous les deux" in printed
    assert any("@claire" in m and "Un nouveau binôme" in m for m in announced)
    assert any("@thomas" in m and "A new mentoring pair" in m for m in announced)

    # The reminders come 24 h before 18:00 Paris, that is at 17:00 UTC the day before.
    reminders = [m for m in messages if "2026-12-02 17:00 UTC" in m]
    assert len(reminders) == 2
    assert all("Prepare my promotion file" in m for m in reminders)
    assert any("[1] Ajouter à l'ordre du jour" in m for m in reminders)

    # Claire pressed "add to agenda" in her reminder and answered the prompted field.
    assert "Sujet: Partager mon parcours" in printed or "Sujet : Partager" in printed
    assert any("Ajouté à l'ordre du jour" in m for m in messages)

    request = [m for m in messages if "2026-12-03 18:00 UTC" in m]
    assert len(request) == 1 and "@thomas" in request[0] and "How did it go?" in request[0]

    shared = [m for m in messages if "Claire Martin" in m and "Compte-rendu de séance" in m]
    assert len(shared) == 1 and "I draft the roadmap by 10 December" in shared[0]

    [digest] = [m for m in messages if "#leads" in m.splitlines()[0]]
    assert "2026-12-07 08:00 UTC" in digest and "1 tenue," in digest
    for secret in ("roadmap", "promotion", "Partager"):
        assert secret not in digest

    assert "It is Monday 7 December 2026, 08:30 (UTC)" in printed
    assert printed.rstrip().endswith("Bye.")


def test_bad_input_gets_a_clear_answer(tmp_path) -> None:
    printed = run(
        "as thomas\nas nobody\npress 9\nadvance soon\nat yesterday\n/mentor dance\n", tmp_path
    )
    assert "There is nobody called “nobody” here" in printed
    assert "There is no button [9]" in printed
    assert "e.g. `advance 1d`" in printed
    assert "I don't know the command `dance`" in printed


def test_french_terminal_and_pair_form(tmp_path) -> None:
    printed = run(
        "comme claire\n/mentor binome\nclaire\nthomas\n2\n4\n18:30\n\n\n\n\n\nhorloge\n",
        tmp_path,
        lang="fr",
    )
    assert "Vous êtes maintenant claire." in printed
    assert "Formulaire « Nouveau binôme »" in printed
    assert (
        "C'est fait : @Claire Martin accompagne @Thomas Roy, toutes les 2 semaines le jeudi "
        "à 18h30" in printed
    )
    assert "Il est lundi 30 novembre 2026, 8h00 (UTC)" in printed


def test_command_line_script_and_people_file(tmp_path, capsys) -> None:
    people = tmp_path / "people.toml"
    people.write_text(
        '[[person]]\nhandle = "ana"\nname = "Ana"\ntimezone = "America/Sao_Paulo"\n'
        'locale = "en-US"\n\n[[person]]\nhandle = "ben"\ntimezone = "Europe/Berlin"\n',
        encoding="utf-8",
    )
    script = tmp_path / "script.txt"
    script.write_text(
        "/mentor pair @ana @ben weekly on monday at 10:00\npeople\n", encoding="utf-8"
    )
    code = main(
        ["try", "--people", str(people), "--script", str(script), "--start", "2026-11-30T08:00"]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "@ana — Ana, America/Sao_Paulo" in printed and "America/Sao_Paulo" in printed
    people.write_text("[[person]]\nhandle = 'solo'\n", encoding="utf-8")
    assert main(["try", "--people", str(people), "--script", str(script)]) == 2


def test_the_smart_goal_form_is_asked_field_by_field(tmp_path) -> None:
    script = """\
as thomas
/mentor pair @claire @thomas every 2 weeks on thursday at 18:00 for 1h tz Europe/Paris
/mentor goals smart
Present the roadmap
The committee says yes

Towards leading a team
2026-01-01
/mentor goals smart
Present the roadmap
The committee says yes


2027-01-20
"""
    printed = run(script, tmp_path)
    assert "Nothing was saved: target: Thursday 1 January 2026 has already passed" in printed
    assert "Goal 1 set: Present the roadmap — measure: The committee says yes, by" in printed


def test_a_reply_that_could_answer_two_pairs_is_filed_where_its_author_says(tmp_path) -> None:
    out = io.StringIO()
    session = open_session(tmp_path, out)

    def play(script: str) -> str:
        """Act on each line, as `run` does, keeping the session open; what it printed."""
        before = len(out.getvalue())
        inputs = Inputs(session.console, iter(()))
        for line in script.splitlines():
            session.handle(line, inputs)
        return out.getvalue()[before:]

    play(
        "as claire\n"
        "/mentor pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris\n"
        "/mentor pair @claire @lea weekly on thursday at 19:30 tz Europe/Paris\n"
        "as thomas\npress 1\nas lea\npress 1\n"
        "at 2026-12-04 19:35\n"
        "as claire\nThomas veut quitter son équipe.\n"
    )
    printed = out.getvalue()
    [asked] = [m for m in blocks(printed) if "De quelle séance parle votre message" in m]
    assert "Thomas veut quitter" in asked and "Léa Dubois, jeudi 3 décembre 2026 19h30" in asked
    [number] = re.findall(r"\[(\d+)\] Thomas Roy, jeudi 3 décembre 2026 18h00", asked)
    assert not [m for m in blocks(printed) if "Compte-rendu de séance" in m]

    chosen = play(f"press {number}\n")
    session.loop.close()
    assert "Enregistré comme compte-rendu" in chosen
    shared = [m for m in blocks(chosen) if "Compte-rendu de séance" in m or "Session summary" in m]
    assert len(shared) == 1 and "@thomas" in shared[0] and "Thomas veut quitter" in shared[0]


def test_form_fields_show_labels_and_are_asked_again_until_they_read(tmp_path) -> None:
    printed = run(
        "as thomas\n/mentor pair\nthomas\nnobody\nclaire\n9\nfortnightly\n2\nthursday\n"
        "25:00\n18:30\n\n\n\n\n2026-13-01\n2026-12-10\n",
        tmp_path,
    )
    assert "Duration [1 h]: " in printed and "Format [by video]: " in printed
    assert "Time [18:00]: " in printed and "Time zone (IANA name) [America/Montreal]: " in printed
    for internal in ("[60]", "[video]", "[0]", "[1w]"):
        assert internal not in printed
    assert "There is nobody called “nobody” here" in printed
    assert printed.count("Please pick one of the choices offered. Try again.") == 2
    assert "Please write a time as HH:MM, e.g. 18:30. Try again." in printed
    assert "Please write a date as YYYY-MM-DD, e.g. 2026-12-03. Try again." in printed
    assert "Done: @Thomas Roy mentors @Claire Martin, every 2 weeks on Thursday at 18:30" in printed
    assert "Nothing was saved" not in printed and "Form left" not in printed


def test_a_summary_form_then_a_second_summary_appended_in_the_terminal(tmp_path) -> None:
    printed = run(
        "as claire\n"
        "/mentor pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris\n"
        "as thomas\npress 1\n"
        "at 2026-12-03 18:05\n"
        "/mentor summary\nShip it.\nDraft the roadmap\n2\n2026-12-15\n\n\nGood energy.\n"
        "as claire\n/mentor compte-rendu Thomas relit le plan.\npress 1\n",
        tmp_path,
    )
    # No field of the summary form has a value to keep: the form does not say it has.
    assert "Form “Session summary” (an empty answer leaves a field empty" in printed
    assert "value in brackets" not in printed
    [shared] = [m for m in blocks(printed) if "Compte-rendu de séance" in m]
    assert "Décisions" in shared and "• Ship it." in shared and "mardi 15 décembre 2026" in shared
    [asked] = [m for m in blocks(printed) if "Cette séance a déjà un compte-rendu" in m]
    assert "[1] Ajouter le mien à la suite" in asked and "Ship it." in asked
    assert "Ajouté au compte-rendu" in printed
    [both] = [m for m in blocks(printed) if "Session summary" in m]
    assert "• Ship it." in both and "• Thomas relit le plan." in both
