"""`ordermgr db backup` / `db restore`: a consistent copy of the whole database and its return.

SQLite uses the online backup API (a consistent snapshot while others keep working; the WAL
included). PostgreSQL uses pg_dump's custom format; a restore first turns the dump into SQL with
pg_restore — which reads it to the end, so a truncated file is refused before anything is
touched — and then runs it with psql in one transaction, after dropping the current tables.

A restore checks the file first: complete, and of a schema version this program knows (a backup
written by a newer ordermgr is refused). On failure nothing is changed. A SQLite restore keeps
the replaced file as `<name>.before-restore-<time>.sqlite3`. A restored older schema is
upgraded the next time ordermgr opens the database.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from ordermgr.errors import UserError


class BackupError(UserError):
    """A backup could not be written or a file cannot be restored; nothing was changed."""


def backup(engine: Engine, target: Path) -> Path:
    """Write a backup of the database to `target` (written aside, then moved into place)."""
    target = Path(target).expanduser()
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist; create it or pick another.")
    partial = target.with_name(target.name + ".partial")
    try:
        if engine.dialect.name == "sqlite":
            _sqlite_backup(engine, partial)
        else:
            _pg_dump(engine, partial)
        os.replace(partial, target)
    except OSError as exc:
        raise BackupError(f"Cannot write the backup {target}: {exc.strerror}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup_into_folder(engine: Engine, folder: Path, keep: int) -> tuple[Path, list[Path]]:
    """A time-stamped backup in `folder`, keeping the newest `keep`. Returns (new, deleted)."""
    folder = Path(folder).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".sqlite3" if engine.dialect.name == "sqlite" else ".dump"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    made = backup(engine, folder / f"ordermgr-{stamp}{suffix}")
    ours = sorted(folder.glob(f"ordermgr-*Z{suffix}"))  # the stamp sorts by time
    old = ours[:-keep] if keep else []
    for path in old:
        path.unlink()
    return made, old


def restore(engine: Engine, source: Path) -> str | None:
    """Replace the database's contents with the backup. Returns the backup's schema revision."""
    source = Path(source).expanduser()
    if not source.is_file():
        raise BackupError(f"No backup file {source}.")
    if engine.dialect.name == "sqlite":
        return _sqlite_restore(engine, source)
    return _pg_restore(engine, source)


# --- SQLite -------------------------------------------------------------------------------------

def _sqlite_backup(engine: Engine, target: Path) -> None:
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()


def _sqlite_restore(engine: Engine, source: Path) -> str | None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "restore.sqlite3"  # check a private copy: the file may be in use
        shutil.copyfile(source, copy)
        try:
            src = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
            try:
                if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("damaged")
                revision = _sqlite_revision(src)
            except sqlite3.DatabaseError:
                raise BackupError(f"{source} is not a complete ordermgr backup (truncated or "
                                  "damaged); the database was not changed.") from None
            _refuse_unknown(revision, source)
            database = engine.url.database
            if database and database != ":memory:" and Path(database).exists():
                stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
                keep = Path(database).with_name(f"{Path(database).stem}.before-restore-{stamp}.sqlite3")
                _sqlite_backup(engine, keep)
            engine.dispose()  # pooled connections would keep reading the old pages' cache
            raw = engine.raw_connection()
            try:
                src.backup(raw.driver_connection)
            finally:
                raw.close()
        finally:
            src.close()
    return revision


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT name FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("not an ordermgr database")
    found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return found[0] if found else None


# --- PostgreSQL ---------------------------------------------------------------------------------

def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} was not found. Install the PostgreSQL client tools of the "
                          "server's version (Debian/Ubuntu: apt-get install postgresql-client; "
                          "Windows/macOS: the PostgreSQL installer) and try again.")
    return path


def _libpq_url(engine: Engine) -> str:
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _run(args: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise BackupError(f"{what} failed: {said}")
    return done


def _pg_dump(engine: Engine, target: Path) -> None:
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}",
          f"--dbname={_libpq_url(engine)}"], "pg_dump")


# the alembic_version row inside pg_restore's SQL output
_REVISION = re.compile(r"^COPY public\.alembic_version .*? FROM stdin;\n(.*?)\n\\\.$",
                       re.MULTILINE | re.DOTALL)


def _pg_restore(engine: Engine, source: Path) -> str | None:
    pg_restore, psql = _tool("pg_restore"), _tool("psql")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "restore.sql"
        # reads the whole dump: a truncated or foreign file fails here, before any change
        done = subprocess.run([pg_restore, "--no-owner", "--no-comments", f"--file={script}",
                               str(source)], capture_output=True, text=True)
        sql = script.read_text(encoding="utf-8") if done.returncode == 0 else ""
        found = _REVISION.search(sql)
        if done.returncode != 0 or found is None:
            raise BackupError(f"{source} is not a complete ordermgr backup (truncated or "
                              "damaged); the database was not changed.")
        revision = found.group(1).strip() or None
        _refuse_unknown(revision, source)
        with engine.connect() as conn:
            drops = _pg_drop_statements(conn)
        script.write_text("\n".join(drops) + "\n" + sql, encoding="utf-8")
        engine.dispose()
        _run([psql, "--quiet", "--no-psqlrc", "--single-transaction", "-v", "ON_ERROR_STOP=1",
              f"--file={script}", f"--dbname={_libpq_url(engine)}"],
             "Restoring (nothing was changed)")
    return revision


def _pg_drop_statements(conn) -> list[str]:
    """Drop what the backup will recreate: every table and free-standing sequence in public."""
    quote = conn.dialect.identifier_preparer.quote
    tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
    sequences = conn.execute(text(
        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")).scalars()
    return ([f"DROP TABLE IF EXISTS public.{quote(t)} CASCADE;" for t in tables]
            + [f"DROP SEQUENCE IF EXISTS public.{quote(s)} CASCADE;" for s in sequences])


# --- both ---------------------------------------------------------------------------------------

def _refuse_unknown(revision: str | None, source: Path) -> None:
    from ordermgr.db.migrate import alembic_config
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise BackupError(f"{source} was written by a newer ordermgr (schema {revision}). Install "
                          "the latest ordermgr to restore it; the database was not changed.")
