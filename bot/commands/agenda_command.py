"""`/mentor agenda [add <text> | done <n> | remove <n>]`: the next session's agenda."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import Number, fold, t
from bot.kernel.replies import Reply, Section, say
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_when
from bot.sessions.agenda import agenda_lines
from storage.models import AgendaItem, MeetingSession, Pair
from storage.queries.agenda import agenda_of, hold_agenda
from storage.queries.pairs import PENDING
from storage.queries.sessions import next_session

MAX_TEXT = 1000
ACTIONS = {
    "add": "add",
    "ajouter": "add",
    "ajout": "add",
    "done": "done",
    "fait": "done",
    "remove": "remove",
    "supprimer": "remove",
    "retirer": "remove",
}


def upcoming(ctx: ActorContext, pair: Pair) -> MeetingSession:
    assert pair.id is not None
    if pair.status == PENDING:
        raise UserError("agreement.not_started", other=mention(ctx.other_member(pair)))
    meeting = next_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
    if meeting is None:
        raise UserError("session.no_upcoming", other=mention(ctx.other_member(pair)))
    return meeting


def point_key(text: str) -> str:
    """What makes two agenda points the same: their words, whatever the case and spacing."""
    return " ".join(text.split()).casefold()


def add_item(ctx: ActorContext, pair: Pair, meeting: MeetingSession, text: str) -> Reply:
    """Add `text` to the agenda of `meeting` (shared by the command and the add-to-agenda form),
    unless it is already an open point of it (a second click on Save, the other member's same
    idea): then it says so, as a reply rather than an error, since the point the person wanted
    is on the agenda."""
    text = text.strip()
    if not text:
        raise UserError("agenda.add.empty")
    if len(text) > MAX_TEXT:
        raise UserError("agenda.add.too_long", length=Number(len(text)), count=MAX_TEXT)
    assert pair.id is not None and meeting.id is not None and ctx.actor.id is not None
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    hold_agenda(session=ctx.session, session_id=meeting.id)
    key = point_key(text)
    for item in agenda_of(session=ctx.session, session_id=meeting.id):
        if not item.done and point_key(item.text) == key:
            return say(t("agenda.already", ctx.lang, when=when, text=item.text))
    ctx.session.add(
        AgendaItem(
            pair_id=pair.id,
            session_id=meeting.id,
            author_id=ctx.actor.id,
            text=text,
            created_at=ctx.now,
        )
    )
    return say(t("agenda.added", ctx.lang, when=when, text=text))


def _numbered(ctx: CommandContext, items: list[AgendaItem], words: list[str]) -> AgendaItem:
    if not items:
        raise UserError("agenda.no_items")
    if len(words) != 1 or not words[0].isdigit() or not 1 <= int(words[0]) <= len(items):
        raise UserError("agenda.bad_number", last=len(items))
    return items[int(words[0]) - 1]


def run(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    meeting = upcoming(ctx, pair)
    assert meeting.id is not None
    words = ctx.command.words
    if words:
        action = ACTIONS.get(fold(words[0]))
        if action is None:
            raise UserError("agenda.unknown_action", word=words[0])
        if action == "add":
            parts = ctx.command.rest.split(None, 1)
            return add_item(ctx, pair, meeting, parts[1] if len(parts) > 1 else "")
        item = _numbered(ctx, agenda_of(session=ctx.session, session_id=meeting.id), words[1:])
        if action == "done":
            item.done = True
            ctx.session.add(item)
            return say(t("agenda.marked_done", ctx.lang, text=item.text))
        ctx.session.delete(item)
        return say(t("agenda.removed", ctx.lang, text=item.text))
    items = agenda_of(session=ctx.session, session_id=meeting.id)
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    return Reply(
        title=t("agenda.title", ctx.lang, when=when),
        sections=(
            Section(t("agenda.with", ctx.lang, other=mention(ctx.other_member(pair)))),
            Section(agenda_lines(items, ctx.lang) if items else t("agenda.empty", ctx.lang)),
        ),
        note=t("agenda.hint", ctx.lang),
    )
