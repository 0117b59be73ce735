"""`ordermgr db upgrade|status`."""

from __future__ import annotations

from ordermgr.db.migrate import check_not_newer, head_revision, upgrade


def register(sub) -> None:
    db = sub.add_parser("db", help="database schema: upgrade or show status")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="bring the schema to this program's version "
                       "(a SQLite file is backed up first; a new one is created)"
                       ).set_defaults(func=_upgrade, creates_database=True)
    actions.add_parser("status", help="show the schema version").set_defaults(func=_status)


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


def _status(args, ctx) -> int:
    engine = ctx.connect()
    try:
        current = check_not_newer(engine)
    finally:
        engine.dispose()
    head = head_revision()
    state = "current" if current == head else ("empty" if current is None else "needs upgrade")
    print(f"schema {current or '(none)'}; this program: {head}; {state}")
    return 0
