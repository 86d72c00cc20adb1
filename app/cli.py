"""The `mentorbot` command: `serve`, `socket`, `teams-package`, `try`, `simulate`, `data` and
`adopt-workspace`."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import signal
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dotenv import load_dotenv

from app.logs import configure_logging
from bot.kernel.i18n import Lang, lang_from_locale, t
from bot.kernel.settings import DATABASE_VARIABLE, Settings, SettingsError, without_password
from handlers.terminal.people import DEFAULT_PEOPLE, PeopleFileError, load_people

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from bot.kernel.replies import DataFile
    from bot.people.actor import ActorContext

SIMULATION_SEED = 7
SIMULATION_START = "2027-01-04"  # a Monday: week 1 of the report starts with the programme
# What a simulation can finish: bench/ measures 100,000 pairs; ten years of weeks; dates whose
# sessions, digests and retention all stay within what datetime and the database hold.
MAX_PAIRS = 100_000
MAX_WEEKS = 520
FIRST_START, LAST_START = date(2000, 1, 1), date(2999, 12, 31)


def serve(settings: Settings) -> None:
    """Slack, Microsoft Teams or both over HTTP on PORT, served by uvicorn."""
    settings.require_a_platform()
    reachable(settings.database_url, DATABASE_VARIABLE).dispose()
    stop_like_ctrl_c_until_served()
    from app import service

    service.serve(settings)


def socket(settings: Settings) -> None:
    """Slack over Socket Mode: no public URL needed."""
    settings.require("slack_bot_token", "slack_app_token")
    reachable(settings.database_url, DATABASE_VARIABLE).dispose()
    stop_like_ctrl_c_until_served()
    from app import service

    service.socket(settings)


def stop_like_ctrl_c_until_served() -> None:
    """A SIGTERM during start-up (the imports take seconds) ends the process as Ctrl-C does:
    status 0, nothing held yet. Once serving, app/service.py stops it cleanly instead."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def teams_package(args: argparse.Namespace, settings: Settings) -> int:
    """`mentorbot teams-package`: the zip to upload in Teams (Apps → Manage your apps)."""
    from handlers.teams.package import Links, write_package

    app_id = args.app_id or settings.teams_client_id
    if not app_id:
        raise SettingsError(
            "Missing CLIENT_ID (or --app-id): the bot's Microsoft App ID (see README.md, "
            "'Microsoft Teams')."
        )
    links = Links(
        website=args.website,
        privacy=args.privacy_url or args.website,
        terms=args.terms_url or args.website,
    )
    path = write_package(args.out, app_id=app_id, name=args.name, links=links)
    print(f"wrote {path}: upload it in Teams (Apps → Manage your apps → Upload an app)")
    return 0


def data_command(args: argparse.Namespace, settings: Settings) -> int:
    """`mentorbot data export|erase --person ID`: a request that came through HR or a
    data-protection officer, answered as the person's own `my-data` or `forget-me` would be."""
    from bot.kernel.clock import SystemClock
    from bot.kernel.core import Core
    from bot.privacy.personal_data import erase, on_request
    from storage.db import Database, migrate

    if args.data_command == "export" and args.out is not None:
        check_writable("--out", args.out)
    engine = reachable(settings.database_url, DATABASE_VARIABLE)
    try:
        migrate(engine)
        core = Core.configured(settings, Database(engine), SystemClock())
        operator = args.operator or getpass.getuser()
        request = {"name": args.person, "operator": operator, "action": args.data_command}
        if args.data_command == "erase":
            ended = on_request(core, work=erase, **request)
            print(t("operator.erased", "en", person=args.person, count=ended))
            return 0
        data = on_request(core, work=lambda ctx: exported_to(args.out, ctx), **request)
    finally:
        engine.dispose()
    if args.out is None:
        sys.stdout.buffer.write(data.content)
        sys.stdout.flush()
    else:
        print(f"wrote {args.out} (readable by you only)", file=sys.stderr)
    return 0


def exported_to(out: Path | None, ctx: ActorContext) -> DataFile:
    """The person's export, written to `out` (if given) inside the transaction that audits it:
    a file that could not be written rolls the audit back, so it records only exports made."""
    from bot.privacy.personal_data import export_file

    data = export_file(ctx)
    if out is not None:
        write_owner_only(out, data.content)
    return data


def adopt_workspace_command(args: argparse.Namespace, settings: Settings) -> int:
    """`mentorbot adopt-workspace T123`: a one-token deployment's bare Slack ids given their
    workspace, before it is served in OAuth mode."""
    from bot.kernel.clock import SystemClock
    from bot.kernel.core import Core
    from bot.people.workspace_adoption import KINDS, adopt_workspace
    from storage.db import Database, migrate

    engine = reachable(settings.database_url, DATABASE_VARIABLE)
    try:
        migrate(engine)
        changed = adopt_workspace(
            Core.configured(settings, Database(engine), SystemClock()), args.workspace
        )
    finally:
        engine.dispose()
    print(t("adopt.done", "en", workspace=args.workspace))
    for kind in KINDS:
        word = t(f"adopt.kind.{kind.replace(' ', '_')}", "en")
        print(t("adopt.count", "en", kind=word, count=changed[kind]))
    bare = sorted(admin for admin in settings.admins if ":" not in admin)
    if bare:
        print(t("adopt.bare_admins", "en", admins=", ".join(bare), workspace=args.workspace))
    return 0


def write_owner_only(path: Path, content: bytes) -> None:
    """Write `content` to a file only its owner may read, even one that existed before; a
    failure is one line naming --out (the only file written so)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            os.fchmod(descriptor, 0o600)
            file.write(content)
    except OSError as error:
        raise ValueError(f"--out {path}: {error.strerror or error}.") from error


def check_writable(option: str, path: Path) -> None:
    """Refuse, in one line naming `option`, a file that cannot be created or replaced at
    `path`: before the work whose result it would hold is done (or audited)."""
    folder = path.parent
    if not folder.is_dir():
        raise ValueError(f"{option} {path}: the directory {folder} does not exist.")
    if path.is_dir():
        raise ValueError(f"{option} {path}: is a directory; give a file's name.")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise ValueError(f"{option} {path}: you may not write there.")


def reachable(url: str, name: str) -> Engine:
    """An engine on `url` that has connected once. A database that cannot be opened (no
    server, a refused login, a file that is not a database) stops the command in one line
    naming `name` (its variable or option) and the driver's own words, not a traceback."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from storage.db import make_engine

    engine = None
    try:
        engine = make_engine(url)
        engine.connect().close()
    except (SQLAlchemyError, OSError) as error:
        if engine is not None:
            engine.dispose()
        cause = error.orig if isinstance(error, DBAPIError) else error
        said = (cause.strerror if isinstance(cause, OSError) else None) or str(cause)
        raise SettingsError(
            f"{name} {without_password(url)} cannot be opened: {said.splitlines()[0]}"
        ) from error
    return engine


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="mentorbot", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("serve", help="Slack and/or Teams over HTTP on PORT (production)")
    commands.add_parser("socket", help="Slack over Socket Mode (no public URL)")
    packaging = commands.add_parser(
        "teams-package",
        help="write the Teams app package (zip)",
        description="Write the zip to upload in Teams (Apps → Manage your apps → Upload an app).",
    )
    packaging.add_argument(
        "--website",
        required=True,
        metavar="URL",
        help="https page about Mentorbot in your organisation, linked from the app's details",
    )
    packaging.add_argument(
        "--privacy-url",
        metavar="URL",
        help="https page of the privacy statement (default: --website)",
    )
    packaging.add_argument(
        "--terms-url", metavar="URL", help="https page of the terms of use (default: --website)"
    )
    packaging.add_argument(
        "--app-id",
        metavar="GUID",
        help="the bot's Microsoft App ID (default: the CLIENT_ID variable)",
    )
    packaging.add_argument(
        "--name",
        default="Mentorbot",
        help="the app's name in Teams, at most 30 characters (default: Mentorbot)",
    )
    packaging.add_argument(
        "--out",
        type=Path,
        default=Path("mentorbot-teams.zip"),
        metavar="FILE",
        help="where to write the zip (default: mentorbot-teams.zip)",
    )
    trying = commands.add_parser("try", help="try Mentorbot in a simulated workspace")
    trying.add_argument("--people", type=Path, help="TOML file of [[person]] tables")
    trying.add_argument("--db", type=Path, help="SQLite file to keep (and resume) the session")
    trying.add_argument("--script", type=Path, help="run these lines, then exit")
    trying.add_argument("--start", help="the simulated clock's start, UTC (default: now)")
    add_common(trying)
    simulating = commands.add_parser("simulate", help="a synthetic programme over simulated time")
    simulating.add_argument(
        "--pairs", type=int, default=200, help=f"pairs in the programme, 1 to {MAX_PAIRS:,}"
    )
    simulating.add_argument(
        "--weeks", type=int, default=12, help=f"weeks simulated, 1 to {MAX_WEEKS}"
    )
    simulating.add_argument(
        "--seed",
        type=int,
        default=SIMULATION_SEED,
        help="the random draw (the same seed, the same run)",
    )
    simulating.add_argument(
        "--start",
        default=SIMULATION_START,
        help=f"first day, a date from {FIRST_START} to {LAST_START}",
    )
    simulating.add_argument("--plot", type=Path, help="write a PNG of the load (a .png file)")
    add_common(simulating)
    data = commands.add_parser(
        "data", help="a person's data, for a request made through HR or a data-protection officer"
    )
    data_commands = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    exporting = data_commands.add_parser(
        "export", help="the person's data as JSON, the same as their /mentor my-data"
    )
    exporting.add_argument(
        "--out", type=Path, help="write it to this file (readable by you only), not to stdout"
    )
    erasing = data_commands.add_parser(
        "erase", help="erase the person, the same as their /mentor forget-me"
    )
    for request in (exporting, erasing):
        request.add_argument(
            "--person",
            required=True,
            metavar="ID",
            help="their platform user id: slack:U123 (slack:T123:U456 with several workspaces), "
            "teams:29:…, or a bare id known on one platform",
        )
        request.add_argument("--operator", help="who runs it, for the audit (default: OS user)")
    adopting = commands.add_parser(
        "adopt-workspace",
        help="before serving a one-token deployment in OAuth mode: give its people, pairs and "
        "channels (bare Slack ids) the workspace they are in",
    )
    adopting.add_argument(
        "workspace",
        metavar="WORKSPACE",
        help="the Slack team id (T…) the bot token was installed in, or the org id (E…) of an "
        "org-wide Grid install",
    )
    return root


def add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", choices=("en", "fr"), help="language of the terminal's own text")
    command.add_argument("--no-color", action="store_true", help="plain text, no colour")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    load_dotenv(override=False)
    quiet = args.command in ("try", "simulate", "data", "adopt-workspace")
    try:
        configure_logging(logging.WARNING if quiet else logging.INFO)
        if args.command == "try":  # the screen is the conversation: a failure in one line
            for handler in logging.getLogger().handlers:
                handler.setFormatter(OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
        if args.command == "try":
            return try_command(args)
        if args.command == "simulate":
            return simulate_command(args)
        if args.command == "teams-package":
            return teams_package(args, Settings.from_env())
        if args.command == "data":
            return data_command(args, Settings.from_env())
        if args.command == "adopt-workspace":
            return adopt_workspace_command(args, Settings.from_env())
        {"serve": serve, "socket": socket}[args.command](Settings.from_env())
    except (SettingsError, PeopleFileError, ValueError) as error:  # PackageError is one
        print(f"mentorbot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


class OneLineFormatter(logging.Formatter):
    """A record and its exception's type and message on one line, without the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        error = record.exc_info[1] if record.exc_info else None
        record.message = record.getMessage()
        line = self.formatMessage(record)
        return f"{line} ({type(error).__name__}: {error})" if error is not None else line


def terminal_lang(args: argparse.Namespace) -> Lang:
    return args.lang or lang_from_locale(os.environ.get("LANG", "en").split(".")[0])


def colour_for(args: argparse.Namespace) -> bool:
    return not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def try_command(args: argparse.Namespace) -> int:
    """`mentorbot try`: an interactive (or scripted) session in a simulated workspace."""
    from app.try_session import Inputs, TrySession

    people = load_people(args.people) if args.people else DEFAULT_PEOPLE
    start = (
        datetime.fromisoformat(args.start).replace(tzinfo=UTC)
        if args.start
        else datetime.now(UTC).replace(second=0, microsecond=0)
    )
    if args.db:
        check_writable("--db", args.db)
    try:
        script = args.script.open(encoding="utf-8") if args.script else None
    except OSError as error:
        raise ValueError(f"--script {args.script}: {error.strerror or error}.") from error
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{args.db or Path(scratch) / 'try.db'}"
        reachable(url, "--db").dispose()
        session = TrySession.open(
            people=people,
            database_url=url,
            start=start,
            out=sys.stdout,
            lang=terminal_lang(args),
            colour=colour_for(args),
        )
        if script:
            with script:
                session.run(Inputs(session.console, iter(script)))
        elif not sys.stdin.isatty():  # piped lines: echoed after their prompt, as a script's
            session.run(Inputs(session.console, iter(sys.stdin)))
        else:
            session.run(Inputs(session.console))
        session.core.db.engine.dispose()
    return 0


def simulate_command(args: argparse.Namespace) -> int:
    """`mentorbot simulate`: the load of a synthetic programme, week by week."""
    from app.collector import settle_after_start_up
    from app.simulation import simulate

    start = checked_simulation(args)
    settle_after_start_up()
    report = simulate(
        pairs=args.pairs,
        weeks=args.weeks,
        seed=args.seed,
        start=start,
        out=sys.stdout,
        lang=terminal_lang(args),
        plot=args.plot,
        progress=sys.stderr,
    )
    return 0 if report.ok else 1


def checked_simulation(args: argparse.Namespace) -> date:
    """The first day of a simulation that can finish and write its plot, checked before it
    runs (minutes at large sizes): each wrong argument is refused in one line naming it."""
    if not 1 <= args.pairs <= MAX_PAIRS:
        raise ValueError(f"--pairs must be from 1 to {MAX_PAIRS:,}, not {args.pairs}.")
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise ValueError(f"--weeks must be from 1 to {MAX_WEEKS}, not {args.weeks}.")
    try:
        start: date | None = date.fromisoformat(args.start)
    except ValueError:
        start = None
    if start is None or not FIRST_START <= start <= LAST_START:
        raise ValueError(
            f"--start must be a date from {FIRST_START} to {LAST_START}, not {args.start!r}."
        )
    if args.plot is not None:
        if args.plot.suffix.lower() != ".png":
            raise ValueError(f"--plot {args.plot}: the plot is a PNG; give a name ending in .png.")
        check_writable("--plot", args.plot)
    return start


if __name__ == "__main__":
    sys.exit(main())
