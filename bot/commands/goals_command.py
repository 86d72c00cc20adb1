"""`/mentor goals [@other]`: the pair's goals; `add`, `done <n>[.<m>]`, `milestone <n>`, `smart`."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.growth.goals import (
    add_goal,
    add_milestone,
    check_goal,
    goal_form,
    goals_reply,
    local_today,
    reach_goal,
    reach_milestone,
    split_target,
)
from bot.kernel.errors import UserError
from bot.kernel.i18n import fold
from bot.kernel.replies import Form, Reply
from storage.models import Goal, Milestone
from storage.queries.goals import goals_of, milestones_of

ACTIONS = {
    "add": "add",
    "ajouter": "add",
    "ajout": "add",
    "done": "done",
    "fait": "done",
    "atteint": "done",
    "milestone": "milestone",
    "step": "milestone",
    "etape": "milestone",
    "jalon": "milestone",
    "smart": "smart",
    "form": "smart",
    "formulaire": "smart",
}


def _goal(goals: list[Goal], word: str) -> tuple[int, Goal]:
    if not goals:
        raise UserError("goals.no_goals")
    if not word.isdigit() or not 1 <= int(word) <= len(goals):
        raise UserError("goals.bad_number", last=len(goals))
    return int(word), goals[int(word) - 1]


def _milestone(ctx: CommandContext, goals: list[Goal], word: str) -> Milestone:
    """`2.1`: the first milestone of goal 2."""
    goal_word, _, milestone_word = word.partition(".")
    number, goal = _goal(goals, goal_word)
    assert goal.id is not None
    milestones = milestones_of(session=ctx.session, goal_ids=[goal.id])[goal.id]
    if not milestones:
        raise UserError("goals.no_milestones", goal=number)
    if not milestone_word.isdigit() or not 1 <= int(milestone_word) <= len(milestones):
        raise UserError("goals.bad_milestone", goal=number, count=len(milestones))
    return milestones[int(milestone_word) - 1]


def run(ctx: CommandContext) -> Reply | Form:
    pair = ctx.choose_pair()
    assert pair.id is not None
    words = ctx.command.words
    if not words:
        return goals_reply(ctx, pair)
    action = ACTIONS.get(fold(words[0]))
    if action == "smart" and len(words) == 1:
        return goal_form(ctx, pair)
    goals = goals_of(session=ctx.session, pair_id=pair.id)
    if action == "done" and len(words) == 2:
        if "." in words[1]:
            return reach_milestone(ctx, _milestone(ctx, goals, words[1]))
        return reach_goal(ctx, _goal(goals, words[1])[1])
    rest = ctx.command.rest.split(None, 2 if action == "milestone" else 1)
    if action == "add":
        text, target = split_target(rest[1] if len(rest) > 1 else "")
        check_goal(text, target, local_today(ctx, pair))
        return add_goal(ctx, pair, text, target)
    if action == "milestone" and len(rest) > 1:
        number, goal = _goal(goals, rest[1])
        text, target = split_target(rest[2] if len(rest) > 2 else "")
        check_goal(text, target, local_today(ctx, pair))
        return add_milestone(ctx, goal, number, text, target)
    raise UserError("goals.usage")
