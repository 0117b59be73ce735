"""The `ordermgr` command: with no sub-command it opens the GUI; sub-commands work headless.

Each area registers its sub-commands from its own module in `ordermgr/commands/` (every module
there is loaded; it defines `register(subparsers)`). A handler receives the parsed arguments and
a lazily connected `Context`.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from ordermgr import __version__, commands
from ordermgr.errors import UserError
from ordermgr.logsetup import crash_message, log_exception, setup_logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ordermgr", description="Order management for online shops. "
        "Without a command, opens the desktop application.")
    parser.add_argument("--version", action="version", version=f"ordermgr {__version__}")
    parser.add_argument("--database", metavar="URL",
                        help="database URL (default: $ORDERMGR_DATABASE_URL, else a SQLite file in "
                             "your data folder); e.g. postgresql://user@host/dbname")
    parser.add_argument("--user", metavar="NAME",
                        help="act as this user (default: $ORDERMGR_USER, else your login name)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from ordermgr.context import Context
    setup_logging()
    ctx = None
    try:
        ctx = Context.from_args(args)
        if args.command is None:
            from ordermgr.ui.app import run_gui  # imports Qt only when the GUI is wanted
            return run_gui(ctx)
        if args.command not in ("db", "completion") and getattr(args, "needs_database", True):
            ctx.actor  # who is working: created on first use, refused if disabled
        return args.func(args, ctx) or 0
    except UserError as exc:
        print(f"ordermgr: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ordermgr: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, details logged
        from ordermgr.db.failures import problem_for
        problem = problem_for(exc, ctx.settings.database_url if ctx is not None else None)
        if problem is None:
            print(f"ordermgr: {crash_message(exc)}", file=sys.stderr)
            return 70  # EX_SOFTWARE: a bug, not the user's input
        log_exception(exc, "stopped by")
        print(f"ordermgr: {problem}", file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            ctx.close()
