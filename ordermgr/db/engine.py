"""Engines for SQLite (WAL, foreign keys, IMMEDIATE write transactions) and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from ordermgr import jsonutil
from ordermgr.errors import ConfigError, DatabaseUnavailable

# Execution option read by the SQLite "begin" hook: write transactions take the write lock up
# front (BEGIN IMMEDIATE), so two workstations never deadlock upgrading a read lock.
WRITE = {"ordermgr_write": True}
# JSON columns (raw storefront payloads, timeline data) go through orjson
JSON_CODEC = {"json_serializer": jsonutil.dumps, "json_deserializer": jsonutil.loads}


def make_engine(url: str, *, create_dir: bool = True) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"The database URL {url!r} is not valid.") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database, create_dir=create_dir)
    engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5,
                           connect_args={"connect_timeout": 5, "application_name": "ordermgr"},
                           **JSON_CODEC)
    from ordermgr.db.shared import translate_privilege_errors
    translate_privilege_errors(engine)  # "permission denied" -> one message saying what to do
    return engine


def _sqlite_engine(url: str, database: str | None, *, create_dir: bool) -> Engine:
    if database and database != ":memory:" and create_dir:
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"Cannot create the folder for {database}: {exc.strerror}.") from None
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                           **JSON_CODEC)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below decide
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("ordermgr_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def check_connection(engine: Engine) -> None:
    """Fail with one clear line if the database cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise DatabaseUnavailable(describe_connection_error(engine, exc)) from None


def describe_connection_error(engine: Engine, exc: Exception) -> str:
    where = engine.url.render_as_string(hide_password=True)
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    if engine.dialect.name == "sqlite":
        return (f"Cannot open the SQLite database {engine.url.database}: {reason}. "
                "Check the path and that you may write there.")
    return (f"Cannot reach the database {where}: {reason}. Check that the server is running "
            "and the URL (host, port, user, database name) is right.")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
