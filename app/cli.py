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

from dotenv import load_dotenv

from app.logs import configure_logging
from bot.kernel.i18n import Lang, lang_from_locale, t
from bot.kernel.settings import Settings, SettingsError
from handlers.terminal.people import DEFAULT_PEOPLE, PeopleFileError, load_people

SIMULATION_SEED = 7
SIMULATION_START = "2027-01-04"  # a Monday: week 1 of the report starts with the programme


def serve(settings: Settings) -> None:
    """Slack, Microsoft Teams or both over HTTP on PORT, served by uvicorn."""
    settings.require_a_platform()
    stop_like_ctrl_c_until_served()
    from app import service

    service.serve(settings)


def socket(settings: Settings) -> None:
    """Slack over Socket Mode: no public URL needed."""
    settings.require("slack_bot_token", "slack_app_token")
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
    from bot.privacy.personal_data import erase, export_file, on_request
    from storage.db import Database, make_engine, migrate

    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        core = Core.configured(settings, Database(engine), SystemClock())
        operator = args.operator or getpass.getuser()
        request = {"name": args.person, "operator": operator, "action": args.data_command}
        if args.data_command == "erase":
            ended = on_request(core, work=erase, **request)
            print(t("operator.erased", "en", person=args.person, count=ended))
            return 0
        data = on_request(core, work=export_file, **request)
    finally:
        engine.dispose()
    if args.out is None:
        sys.stdout.buffer.write(data.content)
        sys.stdout.flush()
    else:
        write_owner_only(args.out, data.content)
        print(f"wrote {args.out} (readable by you only)", file=sys.stderr)
    return 0


def adopt_workspace_command(args: argparse.Namespace, settings: Settings) -> int:
    """`mentorbot adopt-workspace T123`: a one-token deployment's bare Slack ids given their
    workspace, before it is served in OAuth mode."""
    from bot.kernel.clock import SystemClock
    from bot.kernel.core import Core
    from bot.people.workspace_adoption import KINDS, adopt_workspace
    from storage.db import Database, make_engine, migrate

    engine = make_engine(settings.database_url)
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
    """Write `content` to a file only its owner may read, even one that existed before."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        os.fchmod(descriptor, 0o600)
        file.write(content)


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
    simulating.add_argument("--pairs", type=int, default=200, help="pairs in the programme")
    simulating.add_argument("--weeks", type=int, default=12, help="weeks simulated")
    simulating.add_argument(
        "--seed",
        type=int,
        default=SIMULATION_SEED,
        help="the random draw (the same seed, the same run)",
    )
    simulating.add_argument("--start", default=SIMULATION_START, help="first day (a date)")
    simulating.add_argument("--plot", type=Path, help="write a PNG of the load")
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
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "try.db"
        session = TrySession.open(
            people=people,
            database_url=f"sqlite:///{path}",
            start=start,
            out=sys.stdout,
            lang=terminal_lang(args),
            colour=colour_for(args),
        )
        if args.script:
            with args.script.open(encoding="utf-8") as script:
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

    if args.pairs < 1 or args.weeks < 1:
        raise ValueError("--pairs and --weeks must be at least 1")
    settle_after_start_up()
    report = simulate(
        pairs=args.pairs,
        weeks=args.weeks,
        seed=args.seed,
        start=date.fromisoformat(args.start),
        out=sys.stdout,
        lang=terminal_lang(args),
        plot=args.plot,
        progress=sys.stderr,
    )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
