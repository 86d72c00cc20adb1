"""A pair's goals and their milestones: setting, reaching, listing, and the reminder's glance."""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, Number, t
from bot.kernel.replies import Button, Form, Reply, Section, say
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import WordedDate, format_date
from storage.models import Goal, Milestone, Pair
from storage.queries.goals import goals_of, milestones_of
from storage.queries.pairs import CURRENT

GOAL_FORM = "goal"
MAX_TEXT = 500
SHOWN_TEXT = 280
SOON_DAYS = 30  # the reminder names the open goals due within this many days of the session
REMINDER_GOALS = 3
# `… by 2027-03-31` / `… avant le 2027-03-31`: anything date-shaped after the word must be a date.
TARGET = re.compile(
    r"\s+(?:by|before|avant|pour|d'ici)\s+(?:le\s+)?(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\s*$",
    re.IGNORECASE,
)


def split_target(text: str) -> tuple[str, date | None]:
    """`Lead the review by 2027-03-31` → (`Lead the review`, 2027-03-31); no date → (text, None)."""
    match = TARGET.search(text)
    if match is None:
        return text.strip(), None
    try:
        target = date.fromisoformat(match.group(1))
    except ValueError:
        raise UserError("goals.bad_date", word=match.group(1)) from None
    return text[: match.start()].strip(), target


def local_today(ctx: ActorContext, pair: Pair) -> date:
    return ctx.now.astimezone(ZoneInfo(zone_of(ctx.actor, pair.timezone))).date()


def check_target(target: date | None, today: date) -> None:
    if target is not None and target < today:
        raise UserError("goals.date_past", date=WordedDate(target))


def check_goal(text: str, target: date | None, today: date) -> None:
    """Raise a UserError for an empty or too long text or a target date already past."""
    if not text:
        raise UserError("goals.add.empty")
    if len(text) > MAX_TEXT:
        raise UserError("goals.too_long", length=Number(len(text)), count=MAX_TEXT)
    check_target(target, today)


def by_date(target: date | None, lang: Lang) -> str:
    return t("actions.by", lang, date=format_date(target, lang)) if target else ""


def add_goal(ctx: ActorContext, pair: Pair, text: str, target: date | None) -> Reply:
    """Set a new goal of the pair; both members see it."""
    assert pair.id is not None and ctx.actor.id is not None
    goal = Goal(
        pair_id=pair.id, author_id=ctx.actor.id, text=text, target=target, created_at=ctx.now
    )
    ctx.session.add(goal)
    number = len(goals_of(session=ctx.session, pair_id=pair.id))
    other = mention(ctx.other_member(pair))
    by = by_date(target, ctx.lang)
    return say(t("goals.added", ctx.lang, number=number, text=text, by=by, other=other))


def own_goal(ctx: ActorContext, goal_id: int) -> tuple[Pair, Goal]:
    """A goal of one of the actor's current pairs (buttons name goals by id)."""
    goal = ctx.session.get(Goal, goal_id)
    if goal is None:
        raise UserError("pair.not_yours")
    return ctx.own_pair(goal.pair_id, CURRENT), goal


def reach_goal(ctx: ActorContext, goal: Goal) -> Reply:
    if goal.done_at is not None:
        return say(t("goals.already_done", ctx.lang, text=goal.text))
    goal.done_at = ctx.now
    ctx.session.add(goal)
    return say(t("goals.marked_done", ctx.lang, text=goal.text))


def press_goal_done(ctx: ActorContext, goal_id: int) -> Reply:
    """The "reached" button of a goal."""
    _, goal = own_goal(ctx, goal_id)
    return reach_goal(ctx, goal)


def add_milestone(
    ctx: ActorContext, goal: Goal, number: int, text: str, target: date | None
) -> Reply:
    assert goal.id is not None and ctx.actor.id is not None
    milestone = Milestone(
        goal_id=goal.id, author_id=ctx.actor.id, text=text, target=target, created_at=ctx.now
    )
    ctx.session.add(milestone)
    count = len(milestones_of(session=ctx.session, goal_ids=[goal.id])[goal.id])
    by = by_date(target, ctx.lang)
    return say(t("goals.milestone_added", ctx.lang, goal=number, number=count, text=text, by=by))


def reach_milestone(ctx: ActorContext, milestone: Milestone) -> Reply:
    if milestone.done_at is None:
        milestone.done_at = ctx.now
        ctx.session.add(milestone)
    return say(t("goals.milestone_done", ctx.lang, text=milestone.text))


def goal_form(ctx: ActorContext, pair: Pair) -> Form:
    """The SMART goal form for one of the actor's pairs."""
    label = t("goals.form.label", ctx.lang, other=mention(ctx.other_member(pair)))
    return Form(GOAL_FORM, {"pair": str(pair.id), "label": label})


def smart_button(pair: Pair, lang: Lang) -> Button:
    return Button(t("goals.button.smart", lang), "goal.add", str(pair.id), style="primary")


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN_TEXT else flat[: SHOWN_TEXT - 1] + "…"


def goal_line(goal: Goal | Milestone, lang: Lang) -> str:
    """`Lead the review, by Wednesday 31 March 2027` (done ones marked)."""
    done = f" {t('agenda.done_mark', lang)}" if goal.done_at else ""
    return f"{_short(goal.text)}{by_date(goal.target, lang)}{done}"


def milestone_lines(number: int, milestones: list[Milestone], lang: Lang) -> list[str]:
    """`    ◦ 2.1 Draft the plan, by …` lines under goal `number`."""
    return [f"    ◦ {number}.{n} {goal_line(m, lang)}" for n, m in enumerate(milestones, start=1)]


def goal_lines(goals: list[Goal], milestones: dict[int, list[Milestone]], lang: Lang) -> str:
    """Numbered goals, each with its milestones; done ones marked."""
    lines = []
    for number, goal in enumerate(goals, start=1):
        assert goal.id is not None
        lines.append(f"{number}. {goal_line(goal, lang)}")
        lines.extend(milestone_lines(number, milestones.get(goal.id, []), lang))
    return "\n".join(lines)


def goals_reply(ctx: ActorContext, pair: Pair) -> Reply:
    """The pair's goals as the two members read them."""
    assert pair.id is not None
    other = mention(ctx.other_member(pair))
    goals = goals_of(session=ctx.session, pair_id=pair.id)
    buttons = (smart_button(pair, ctx.lang),)
    if not goals:
        return Reply(sections=(Section(t("goals.none", ctx.lang, other=other)),), buttons=buttons)
    milestones = milestones_of(session=ctx.session, goal_ids=[g.id for g in goals if g.id])
    return Reply(
        title=t("goals.title", ctx.lang, other=other),
        sections=(Section(goal_lines(goals, milestones, ctx.lang)),),
        buttons=buttons,
        note=t("goals.hint", ctx.lang),
    )


def goals_glance(goals: list[Goal], day: date, lang: Lang) -> Section | None:
    """For a session's reminder: of a pair's `goals`, the open ones due within SOON_DAYS of
    `day`, and the count."""
    open_goals = [g for g in goals if g.done_at is None]
    if not open_goals:
        return None
    soon = sorted(
        (g for g in open_goals if g.target and g.target <= day + timedelta(days=SOON_DAYS)),
        key=lambda g: (g.target, g.id),
    )[:REMINDER_GOALS]
    lines = [f"• {goal_line(g, lang)}" for g in soon]
    lines.append(t("goals.reminder.count", lang, count=len(open_goals)))
    return Section("\n".join(lines), heading=t("goals.reminder.heading", lang))
