"""The outcome of the trial both members are told: the rule the README states."""

from __future__ import annotations

from itertools import product

from bot.pairs.trial import ADJUST, CONTINUE, STOP, trial_outcome

ANSWERS = (CONTINUE, ADJUST, STOP, None)


def test_the_outcome_does_not_depend_on_who_answered_what() -> None:
    for first, second in product(ANSWERS, ANSWERS):
        assert trial_outcome(first, second) == trial_outcome(second, first)


def test_any_stop_ends_else_any_adjust_else_the_pair_goes_on() -> None:
    table = {
        (CONTINUE, CONTINUE): CONTINUE,
        (CONTINUE, None): CONTINUE,
        (None, None): CONTINUE,
        (ADJUST, CONTINUE): ADJUST,
        (ADJUST, None): ADJUST,
        (ADJUST, ADJUST): ADJUST,
        (STOP, ADJUST): STOP,
        (STOP, CONTINUE): STOP,
        (STOP, None): STOP,
        (STOP, STOP): STOP,
    }
    for answers, outcome in table.items():
        assert trial_outcome(*answers) == outcome, answers
