"""A person's Home: pending questions, pairs, next sessions, open actions and goals, with buttons.

Only the person's own current pairs appear, so an admin or an outsider sees no one else's content;
an admin also sees the programme at a glance (names, counts and dates, never content).
"""

from __future__ import annotations

from datetime import datetime

from bot.commands.pairs_command import pair_row
from bot.commands.programme_command import overview
from bot.growth.goals import goal_line, milestone_lines, smart_button
from bot.home.parts import Home, HomeArea, HomeRow
from bot.home.questions import QUESTIONS
from bot.kernel.i18n import t
from bot.kernel.replies import Button, Reply
from bot.notices.session_notices import session_buttons
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_date, format_when
from bot.sessions.action_items import action_line
from storage.models import Pair, Person
from storage.queries.actions import open_actions
from storage.queries.agenda import agenda_of
from storage.queries.goals import goals_of, milestones_of
from storage.queries.pairs import ACTIVE, pairs_of
from storage.queries.sessions import next_session


def build_home(ctx: ActorContext, notice: Reply | None = None) -> Home:
    """The Home of the acting person; `notice` is the answer to the button they just pressed."""
    assert ctx.actor.id is not None
    pairs = pairs_of(session=ctx.session, person_id=ctx.actor.id)
    lang = ctx.lang
    # The count stays a placeholder: the platform knows how many rows it had no room for.
    title, more = t("home.title", lang), t("home.more", lang, hidden="{hidden}")
    programme = _programme_areas(ctx)
    if not pairs:
        return Home(
            title=title, intro=t("home.none", lang), areas=programme, more=more, notice=notice
        )
    others = {pair.id: ctx.other_member(pair) for pair in pairs}
    pending = tuple(row for source in QUESTIONS for row in source(ctx))
    areas = (
        HomeArea(t("home.pending", lang), pending, t("home.pending.none", lang)),
        HomeArea(t("home.pairs", lang), tuple(_pair_rows(ctx, pairs)), ""),
        HomeArea(
            t("home.sessions", lang),
            tuple(_session_rows(ctx, pairs, others)),
            t("home.sessions.none", lang),
        ),
        HomeArea(
            t("home.actions", lang),
            tuple(_action_rows(ctx, pairs, others)),
            t("home.actions.none", lang),
        ),
        HomeArea(
            t("home.goals", lang),
            tuple(_goal_rows(ctx, pairs, others)),
            t("home.goals.none", lang),
            buttons=_goal_buttons(ctx, pairs, others),
        ),
        *programme,
    )
    return Home(title=title, intro=t("home.intro", lang), areas=areas, more=more, notice=notice)


def _programme_areas(ctx: ActorContext) -> tuple[HomeArea, ...]:
    """An admin's Home also shows the programme, as `/mentor programme` does (names and dates
    only); nobody else's does."""
    if not ctx.core.is_admin(ctx.actor.external_id):
        return ()
    return tuple(
        HomeArea(part.heading, tuple(HomeRow(row) for row in part.rows), part.empty)
        for part in overview(ctx)
    )


def _with(ctx: ActorContext, pairs: list[Pair], other: Person) -> str:
    """` — with @claire` when the person has several pairs, so each row says which."""
    return t("home.with", ctx.lang, other=mention(other)) if len(pairs) > 1 else ""


def _pair_rows(ctx: ActorContext, pairs: list[Pair]) -> list[HomeRow]:
    rows = []
    for pair in pairs:
        status = ""
        if pair.status != ACTIVE:
            until = pair.paused_until
            status = (
                t("home.paused_until", ctx.lang, date=format_date(until, ctx.lang))
                if until
                else t("home.paused", ctx.lang)
            )
        rows.append(HomeRow(pair_row(ctx, pair) + status))
    return rows


def _session_rows(
    ctx: ActorContext, pairs: list[Pair], others: dict[int | None, Person]
) -> list[HomeRow]:
    """The next session of each active pair, soonest first, with add / move / skip."""
    found: list[tuple[datetime, HomeRow]] = []
    for pair in pairs:
        assert pair.id is not None
        meeting = next_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
        if pair.status != ACTIVE or meeting is None or meeting.id is None:
            continue
        count = len(agenda_of(session=ctx.session, session_id=meeting.id))
        agenda = (
            t("home.agenda.count", ctx.lang, count=count)
            if count
            else t("home.agenda.empty", ctx.lang)
        )
        when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
        other = mention(others[pair.id])
        text = t("home.session.row", ctx.lang, when=when, other=other, agenda=agenda)
        found.append((meeting.starts_at, HomeRow(text, session_buttons(meeting.id, ctx.lang))))
    return [row for _, row in sorted(found, key=lambda item: item[0])]


def _action_rows(
    ctx: ActorContext, pairs: list[Pair], others: dict[int | None, Person]
) -> list[HomeRow]:
    people = {p.id: p for p in (ctx.actor, *others.values()) if p.id is not None}
    rows = []
    for pair in pairs:
        assert pair.id is not None
        for item in open_actions(session=ctx.session, pair_id=pair.id):
            text = action_line(item, people, ctx.lang) + _with(ctx, pairs, others[pair.id])
            button = Button(t("button.action_done", ctx.lang), "action.done", str(item.id))
            rows.append(HomeRow(text, (button,)))
    return rows


def _goal_rows(
    ctx: ActorContext, pairs: list[Pair], others: dict[int | None, Person]
) -> list[HomeRow]:
    """Open goals, numbered as `/mentor goals` numbers them, with their milestones."""
    rows = []
    for pair in pairs:
        assert pair.id is not None
        goals = goals_of(session=ctx.session, pair_id=pair.id)
        milestones = milestones_of(session=ctx.session, goal_ids=[g.id for g in goals if g.id])
        for number, goal in enumerate(goals, start=1):
            if goal.done_at is not None:
                continue
            head = f"{number}. {goal_line(goal, ctx.lang)}{_with(ctx, pairs, others[pair.id])}"
            steps = milestone_lines(number, milestones.get(goal.id or 0, []), ctx.lang)
            button = Button(t("goals.button.done", ctx.lang), "goal.done", str(goal.id))
            rows.append(HomeRow("\n".join([head, *steps]), (button,)))
    return rows


def _goal_buttons(
    ctx: ActorContext, pairs: list[Pair], others: dict[int | None, Person]
) -> tuple[Button, ...]:
    """One "write a SMART goal" button per pair, named after the other person if several."""
    if len(pairs) == 1:
        return (smart_button(pairs[0], ctx.lang),)
    return tuple(
        Button(
            t("home.button.smart_with", ctx.lang, name=others[pair.id].name or "?"),
            "goal.add",
            str(pair.id),
        )
        for pair in pairs
    )
