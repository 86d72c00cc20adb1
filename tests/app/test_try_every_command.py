"""`mentorbot try` through every command, erasure included, then on: what it prints reads as a
person would read it — no traceback, no raw mention, labels for form defaults, each message's
buttons numbered from 1."""

from __future__ import annotations

import io
import logging
import re
import sys

from app.cli import OneLineFormatter, main
from app.try_session import TrySession
from bot.commands import COMMANDS
from tests.app.test_try import blocks, run

SCRIPT = """\
as thomas
/mentor help
/mentor pair
claire
nobody
thomas
fortnightly
2
thursday
4
25:00
18:00





as claire
press 2
1
5




Europe/Paris



as thomas
press 1
as claire
/mentor pairs
/mentor next
/mentor agenda add Salary review
/mentor agenda
/mentor agenda done 1
/mentor agenda remove 1
/mentor goals add Lead a project by 2027-03-01
/mentor goals milestone 1 Draft the plan by 2027-01-10
/mentor goals done 1.1
/mentor goals
/mentor goals smart
Lead the Q1 review
The committee says yes
I know the team
Towards leading a team
2027-05-01
/mentor journal I learned to listen
/mentor journal
/mentor thanks @thomas merci pour tout
/mentor review
1
cancel
/mentor help-me
as lea
/mentor digest #leads
/mentor programme
at 2026-12-04 19:30
as thomas
We agreed: I draft the roadmap by 10 December.
as claire
/mentor summary
Nous validons la feuille de route
Rédiger la feuille de route
thomas
2
2026-12-10



/mentor actions
/mentor actions done 1
/mentor history
/mentor history 1
/mentor move 2026-12-12 10:00
/mentor skip
/mentor pause until 2026-12-28
/mentor resume
/mentor my-data
as lea
/mentor digest off #leads
people
clock
as claire
/mentor calendar
/mentor forget-me
press 1
/mentor pairs
Bonjour, me revoilà
/mentor next
/mentor history
/mentor my-data
as thomas
/mentor pairs
/mentor history
/mentor history 1
/mentor thanks @claire merci
/mentor end
/mentor pair @claire @thomas weekly on monday at 10:00 tz Europe/Paris
as claire
press 1
/mentor end
press 1
as thomas
/mentor forget-me
press 1
help
quit
"""


def test_every_command_then_erasure_then_more(tmp_path) -> None:
    printed = run(SCRIPT, tmp_path)
    messages = blocks(printed)

    typed = {line.split()[1] for line in SCRIPT.splitlines() if line.startswith("/mentor ")}
    assert set(COMMANDS) <= typed  # every command of the router is played here
    assert "Traceback" not in printed
    assert "<@" not in printed and "<#" not in printed
    assert "went wrong" not in printed and "mal passé" not in printed
    assert printed.rstrip().endswith("Bye.")

    # Mentions read as names; inside a command to type, as the handle to type.
    assert "Vos binômes de mentorat\n│ • Mentor de @Thomas Roy" in printed
    assert "Objectifs avec @Thomas Roy" in printed
    assert "`/mentor terminer @thomas confirmer`" in printed

    # Form defaults are shown as the reader knows them; a bad answer is asked again, in the
    # reader's language, and the form goes through.
    assert "Fréquence [Toutes les 2 semaines] : " in printed and "Jour [Jeudi] : " in printed
    assert "Durée [1 h] : " in printed and "Format [en visio] : " in printed
    for internal in ("[1w]", "[2w]", "[0]", "[60]", "[video]"):
        assert internal not in printed
    assert "There is nobody called “nobody” here" in printed
    assert "Please pick one of the choices offered. Try again." in printed
    assert "Please write a time as HH:MM, e.g. 18:30. Try again." in printed
    assert "Done: @Claire Martin mentors @Thomas Roy, every 2 weeks on Thursday at 18:00" in printed
    assert "Formulaire quitté : rien n'a été enregistré." in printed  # the review, cancelled
    assert "l'opérateur de Mentorbot doit d'abord définir MENTORBOT_PUBLIC_URL" in printed

    # Each message's buttons are numbered from 1.
    for message in messages:
        numbers = [int(n) for n in re.findall(r"\[(\d+)\] \S", message)]
        assert numbers == list(range(1, len(numbers) + 1)), message

    # After erasure, Claire is a newcomer, and Thomas's history no longer names her.
    erased = printed.index("C'est fait : tout ce que Mentorbot gardait sur vous est effacé")
    after = printed[erased:]
    assert "Vous n'êtes dans aucun binôme pour l'instant" in after
    assert "Mentee of a former member" in after
    assert "Your sessions with a former member" in after
    assert after.count("Thank you: you have both accepted") == 0  # she accepted in French
    assert "Merci : vous avez accepté tous les deux" in after


def test_a_bug_is_one_line_and_the_session_goes_on(tmp_path, monkeypatch, caplog) -> None:
    def broken(self, text: str) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(TrySession, "direct_message", broken)
    printed = run("hello\nclock\n", tmp_path)
    assert "Sorry, that went wrong on Mentorbot's side" in printed
    assert "It is Monday 30 November 2026, 08:00 (UTC)" in printed  # the next line still ran
    assert "Traceback" not in printed
    assert "broken on purpose" in caplog.text  # the cause is logged for the operator


def test_the_log_shows_a_failure_in_one_line() -> None:
    try:
        raise LookupError("no profile stored for terminal:claire")
    except LookupError:
        record = logging.LogRecord(
            "bot", logging.ERROR, __file__, 1, "action failed", None, sys.exc_info()
        )
    line = OneLineFormatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert line == "ERROR bot: action failed (LookupError: no profile stored for terminal:claire)"


def test_lines_piped_in_are_echoed_like_a_script(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("as thomas\n/mentor pair\nclaire\n"))
    assert main(["try", "--db", str(tmp_path / "t.db"), "--start", "2026-11-30T08:00"]) == 0
    printed = capsys.readouterr().out
    assert "thomas> /mentor pair\n" in printed and "  Mentor: claire\n" in printed
    assert "Form left: nothing was saved." in printed and printed.rstrip().endswith("Bye.")
