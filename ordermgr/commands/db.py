"""`ordermgr db upgrade|status|init-shared`."""

from __future__ import annotations

from ordermgr.db.engine import check_connection, make_engine
from ordermgr.db.migrate import check_not_newer, head_revision, upgrade


def register(sub) -> None:
    db = sub.add_parser("db", help="database schema: upgrade or show status")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="bring the schema to this program's version "
                       "(a SQLite file is backed up first)").set_defaults(func=_upgrade)
    actions.add_parser("status", help="show the schema version").set_defaults(func=_status)
    shared = actions.add_parser(
        "init-shared", help="set up a shared PostgreSQL database (run once, as its owner)",
        description="Create the pg_trgm extension, bring the schema to this program's version and "
        "let each workstation login read and write the data (also tables later upgrades add). "
        "Run it as the database's owner, e.g. after `createdb -O shopadmin shop`.")
    shared.add_argument("--grant", action="append", default=[], metavar="LOGIN",
                        help="a workstation's database login to give access (repeatable)")
    shared.set_defaults(func=_init_shared)


def _engine(ctx):
    engine = make_engine(ctx.settings.database_url)
    check_connection(engine)
    return engine


def _upgrade(args, ctx) -> int:
    engine = _engine(ctx)
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
    engine = _engine(ctx)
    try:
        for step in init_shared(engine, args.grant):
            print(f"done: {step}")
    finally:
        engine.dispose()
    return 0


def _status(args, ctx) -> int:
    engine = _engine(ctx)
    try:
        current = check_not_newer(engine)
    finally:
        engine.dispose()
    head = head_revision()
    state = "current" if current == head else ("empty" if current is None else "needs upgrade")
    print(f"schema {current or '(none)'}; this program: {head}; {state}")
    return 0
