"""Schema upgrades: Alembic revisions, a backup before touching a SQLite file, and a refusal to
open a database written by a newer ordermgr."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, inspect, text

from ordermgr.db.engine import WRITE
from ordermgr.db.failures import DatabaseDamaged
from ordermgr.errors import SchemaTooNew

MIGRATION_LOCK_NAMESPACE = 0x4D494752  # "MIGR": one schema upgrade at a time per database


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "ordermgr.db:migrations")
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> str | None:
    """Return the database's revision; refuse one this program does not know, and one whose
    version is unreadable although ordermgr's tables are there (upgrading it from nothing would
    fail halfway through)."""
    try:
        current = current_revision(engine)
    except CommandError:  # e.g. more than one row in alembic_version
        current = None
        damaged = True
    else:
        damaged = current is None and inspect(engine).has_table("orders")
    if damaged:
        where = (engine.url.database if engine.dialect.name == "sqlite"
                 else engine.url.render_as_string(hide_password=True))
        raise DatabaseDamaged(
            f"The database {where} has ordermgr's tables but no readable schema version (its "
            "alembic_version table is empty, missing or damaged), so it cannot be upgraded "
            "safely. "
            "Restore it from a backup (ordermgr keeps one next to a SQLite file before each "
            "upgrade); nothing was changed.")
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNew(
            f"This database was created by a newer version of ordermgr (schema {current}). "
            "Install the latest ordermgr to open it; the database was not changed.")
    return current


def upgrade(engine: Engine, *, backup: bool = True) -> Path | None:
    """Bring the schema to head. Returns the backup file made (SQLite only), if any.

    Workstations starting together on an outdated database take turns: the upgrade runs under a
    lock (a transaction-level advisory lock on PostgreSQL, the write lock on SQLite), and whoever
    gets it second finds the schema at head and does nothing."""
    current = check_not_newer(engine)
    head = head_revision()
    if current == head:
        return None
    backup_path = None
    if backup and current is not None and engine.dialect.name == "sqlite":
        backup_path = _backup_sqlite(engine)
    cfg = alembic_config()
    with engine.connect().execution_options(**WRITE) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :id)"),
                         {"ns": MIGRATION_LOCK_NAMESPACE, "id": 1})
        if MigrationContext.configure(conn).get_current_revision() == head:
            return backup_path  # another workstation upgraded while we waited
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup_path


def _backup_sqlite(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    source = Path(database)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = source.with_name(f"{source.stem}.backup-{stamp}{source.suffix}")
    # the SQLite online backup API copies a consistent snapshot, WAL included
    raw = engine.raw_connection()
    try:
        import sqlite3
        dest = sqlite3.connect(target)
        with dest:
            raw.driver_connection.backup(dest)
        dest.close()
    finally:
        raw.close()
    return target
