"""`ordermgr db upgrade|status|init-shared|backup|restore`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from ordermgr.db.migrate import check_not_newer, head_revision, upgrade
from ordermgr.errors import UserError
from ordermgr.jsonout import add_json_flag, emit


def register(sub) -> None:
    db = sub.add_parser("db", help="database schema: upgrade or show status")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="bring the schema to this program's version "
                       "(a SQLite file is backed up first; a new one is created)"
                       ).set_defaults(func=_upgrade, creates_database=True)
    status = actions.add_parser("status", help="show the schema version")
    add_json_flag(status)
    status.set_defaults(func=_status)
    shared = actions.add_parser(
        "init-shared", help="set up a shared PostgreSQL database (run once, as its owner)",
        description="Create the pg_trgm extension, bring the schema to this program's version and "
        "let each workstation login read and write the data (also tables later upgrades add). "
        "Run it as the database's owner, e.g. after `createdb -O shopadmin shop`.")
    shared.add_argument("--grant", action="append", default=[], metavar="LOGIN",
                        help="a workstation's database login to give access (repeatable)")
    shared.set_defaults(func=_init_shared)
    save = actions.add_parser(
        "backup", help="write a backup of the whole database",
        description="SQLite: a consistent copy made with SQLite's online backup API. PostgreSQL: "
        "pg_dump's custom format (needs the PostgreSQL client tools). Others may keep working.")
    save.add_argument("file", help="backup file to write; with --keep, a folder for dated backups")
    save.add_argument("--keep", type=_keep, metavar="N",
                      help="write ordermgr-<time> into the folder FILE and delete all but the "
                           "newest N (for a daily job)")
    save.set_defaults(func=_backup)
    back = actions.add_parser(
        "restore", help="replace the database's contents with a backup",
        description="Checks the file first (complete, not from a newer ordermgr); on any problem "
        "nothing is changed. Close ordermgr on the other workstations first.")
    back.add_argument("file", help="a file written by `ordermgr db backup`")
    back.add_argument("--yes", action="store_true",
                      help="really replace all data in the database (required)")
    back.set_defaults(func=_restore, creates_database=True)  # a new machine restores into a new file


def _upgrade(args, ctx) -> int:
    engine = ctx.connect()
    try:
        backup = upgrade(engine)
    finally:
        engine.dispose()
    if backup:
        print(f"Backed up the database to {backup}")
    print(f"Database schema is at {head_revision()} (current).")
    return 0


def _init_shared(args, ctx) -> int:
    from ordermgr.db.shared import init_shared
    engine = ctx.connect()
    try:
        for step in init_shared(engine, args.grant):
            print(f"done: {step}")
    finally:
        engine.dispose()
    return 0


def _keep(value: str) -> int:
    import argparse
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def _backup(args, ctx) -> int:
    from ordermgr.db.backup import backup, backup_into_folder
    engine = ctx.connect()
    try:
        if args.keep:
            made, deleted = backup_into_folder(engine, Path(args.file), args.keep)
            print(f"Backed up to {made}" + (f"; deleted {len(deleted)} older" if deleted else ""))
        else:
            print(f"Backed up to {backup(engine, Path(args.file))}")
    finally:
        engine.dispose()
    return 0


def _restore(args, ctx) -> int:
    from ordermgr.db.backup import restore
    if not args.yes:
        where = make_url(ctx.settings.database_url).render_as_string(hide_password=True)
        raise UserError(f"Restoring replaces all data in {where} with "
                        f"{args.file}; add --yes to do it.")
    engine = ctx.connect()
    try:
        revision = restore(engine, Path(args.file))
    finally:
        engine.dispose()
    later = "" if revision == head_revision() else "; its schema is upgraded when ordermgr next opens it"
    print(f"Restored {args.file} (schema {revision}){later}.")
    return 0


def _status(args, ctx) -> int:
    engine = ctx.connect()
    try:
        current = check_not_newer(engine)
    finally:
        engine.dispose()
    head = head_revision()
    state = "current" if current == head else ("empty" if current is None else "needs upgrade")
    if args.json:
        emit({"database": engine.dialect.name, "schema": current, "program_schema": head,
              "state": state})
        return 0
    print(f"schema {current or '(none)'}; this program: {head}; {state}")
    return 0
