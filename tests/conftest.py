"""Shared fixtures: every database test runs on SQLite and on the real PostgreSQL server.

PostgreSQL: ORDERMGR_TEST_PG_URL (default: the local server's `test` database) is used only to
create a fresh database for this run, dropped at the end. An unreachable server fails the run;
set ORDERMGR_TEST_SKIP_PG=1 to skip those tests on a machine without one (never in CI).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import MetaData, inspect, text
from sqlalchemy.exc import OperationalError

from ordermgr.db.engine import make_engine
from ordermgr.db.migrate import upgrade
from ordermgr.db.uow import UnitOfWork
from ordermgr.services.users import resolve_actor

# CI explores the same examples on every run: a property failure there is reproducible, never luck.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# the CLI and the GUI log to a file: in tests, never into the real per-user log folder
os.environ.setdefault("ORDERMGR_LOG_DIR", tempfile.mkdtemp(prefix="ordermgr-test-logs-"))
PG_ADMIN_URL = os.environ.get("ORDERMGR_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
_PG_SEED: dict[str, list[dict]] = {}  # rows the migrations seed, restored after each truncation
_PG_SEED_TABLES = MetaData()


def _pg_admin_connection():
    import psycopg
    conninfo = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    return psycopg.connect(conninfo, autocommit=True, connect_timeout=5)


@pytest.fixture(scope="session")
def pg_url():
    if os.environ.get("ORDERMGR_TEST_SKIP_PG") == "1" and not os.environ.get("CI"):
        pytest.skip("PostgreSQL tests skipped by ORDERMGR_TEST_SKIP_PG=1")
    try:
        admin = _pg_admin_connection()
    except Exception as exc:  # noqa: BLE001 - any failure to connect means the same thing
        pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}. Start it (see README) "
                    "or set ORDERMGR_TEST_PG_URL.", pytrace=False)
    name = f"ordermgr_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    url = f"{base}/{name}"
    engine = make_engine(url)
    upgrade(engine)
    _snapshot_seed(engine)
    engine.dispose()
    yield url
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A migrated, empty database: a copy of a template file on SQLite, a truncated database on
    PostgreSQL."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "ordermgr.sqlite3"
        shutil.copy(template, path)
        eng = make_engine(f"sqlite:///{path}")
    else:
        eng = make_engine(request.getfixturevalue("pg_url"))
        _truncate(eng)
    yield eng
    eng.dispose()


def _user_tables(conn) -> list[str]:
    return [t for t in inspect(conn).get_table_names() if t != "alembic_version"]


def _snapshot_seed(eng) -> None:
    """Remember what the migrations put in (roles, settings, reason codes, ...)."""
    with eng.connect() as conn:
        for table in _user_tables(conn):
            rows = [dict(r) for r in conn.execute(text(f'SELECT * FROM "{table}"')).mappings()]
            if rows:
                _PG_SEED[table] = rows
        _PG_SEED_TABLES.reflect(conn, only=list(_PG_SEED))


def _open_transactions(eng) -> list[str]:
    with eng.connect() as conn:
        return list(conn.scalars(text(
            "SELECT left(query, 200) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'idle in transaction' AND pid <> pg_backend_pid()")))


def _truncate(eng) -> None:
    """Back to the freshly migrated state: empty tables plus the migrations' seed rows."""
    with eng.begin() as conn:
        tables = _user_tables(conn)
        # a connection an earlier test left open in a transaction would make this wait for ever:
        # fail instead, naming what holds the lock
        conn.execute(text("SET LOCAL lock_timeout = '60s'"))
        try:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        except OperationalError:
            held = _open_transactions(eng)
            pytest.fail(f"an earlier test left a connection open in a transaction: {held}",
                        pytrace=False)
        for table in _PG_SEED_TABLES.sorted_tables:
            conn.execute(table.insert(), _PG_SEED[table.name])
            if "id" in table.c:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                  f"(SELECT COALESCE(MAX(id), 0) + 1 FROM \"{table.name}\"), false)"))


@pytest.fixture
def admin(engine):
    return resolve_actor(engine, "alice")  # the first user of a database is admin


@pytest.fixture
def uow(engine, admin):
    return UnitOfWork(engine, admin)


def uow_for(engine, username: str, role: str | None = None) -> UnitOfWork:
    """A unit of work acting as `username`, with `role` if given (set by the admin 'alice')."""
    from ordermgr.services.users import set_user_role
    actor = resolve_actor(engine, username)
    if role and actor.role != role:
        set_user_role(UnitOfWork(engine, resolve_actor(engine, "alice")), username, role=role)
        actor = resolve_actor(engine, username)
    return UnitOfWork(engine, actor)
