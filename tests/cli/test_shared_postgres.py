"""A shared PostgreSQL 15 database set up as documented: `db init-shared` run by the database's
owner (not a superuser), workstation logins that read and write, a login without privileges that
gets one clear line, and three workstations starting at once on an empty database."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from ordermgr.cli import main
from ordermgr.db.engine import make_engine
from ordermgr.db.migrate import head_revision
from tests.conftest import PG_ADMIN_URL, _pg_admin_connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cluster(pg_url):
    """Three fresh logins (owner, clerk, nobody; none superuser) and a database owned by the
    owner; all dropped afterwards. `pg_url` makes sure the server is there (or the run skips)."""
    admin = _pg_admin_connection()
    tag = uuid.uuid4().hex[:6]
    names = {k: f"om_{k}_{tag}" for k in ("owner", "clerk", "nobody")}
    for role in names.values():
        admin.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE')
    database = f"om_shared_{tag}"
    admin.execute(f'CREATE DATABASE "{database}" OWNER "{names["owner"]}"')
    base = PG_ADMIN_URL.split("://", 1)[1].split("@", 1)[1].rsplit("/", 1)[0]  # host:port
    urls = {k: f"postgresql://{role}@{base}/{database}" for k, role in names.items()}
    urls["postgres_owned"] = f"postgresql://postgres@{base}/{database}_pg"
    admin.execute(f'CREATE DATABASE "{database}_pg"')
    yield names, urls
    for db in (database, f"{database}_pg"):
        admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    for role in names.values():
        admin.execute(f'DROP ROLE IF EXISTS "{role}"')
    admin.close()


def test_the_owner_sets_it_up_and_clerks_work(cluster, capsys):
    names, urls = cluster
    assert main(["--database", urls["owner"], "db", "init-shared", "--grant", names["clerk"]]) == 0
    assert f"{names['clerk']} may read and write the data" in capsys.readouterr().out
    engine = make_engine(urls["owner"])
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
        super_ = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        assert super_.scalar() is False
    engine.dispose()
    # the clerk's login starts the app's work: reads, writes (a user is created on first use)
    assert main(["--database", urls["clerk"], "--user", "alice", "orders", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert main(["--database", urls["clerk"], "--user", "alice", "users", "list"]) == 0
    assert "alice" in capsys.readouterr().out
    # running it again changes nothing and still succeeds
    assert main(["--database", urls["owner"], "db", "init-shared", "--grant", names["clerk"]]) == 0


def test_a_login_without_privileges_gets_one_clear_line(cluster, capsys):
    names, urls = cluster
    assert main(["--database", urls["owner"], "db", "init-shared"]) == 0
    capsys.readouterr()
    assert main(["--database", urls["nobody"], "--user", "bob", "orders", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"The database login {names['nobody']!r} lacks a privilege" in err
    assert f"db init-shared --grant {names['nobody']}" in err


def test_creating_tables_without_create_on_schema_public_says_how_to_fix_it(cluster, capsys):
    """PostgreSQL 15 revoked CREATE on schema public from PUBLIC: the README's old steps failed
    with a 70-line traceback here."""
    names, urls = cluster
    clerk_on_postgres_db = urls["postgres_owned"].replace("postgres@", f"{names['clerk']}@")
    assert main(["--database", clerk_on_postgres_db, "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "permission denied for schema public" in err
    assert f"GRANT CREATE, USAGE ON SCHEMA public TO {names['clerk']}" in err


def test_granting_an_unknown_login_changes_nothing(cluster, capsys):
    names, urls = cluster
    assert main(["--database", urls["owner"], "db", "init-shared", "--grant", "no_such_login"]) == 1
    assert "No database login named no_such_login" in capsys.readouterr().err
    engine = make_engine(urls["owner"])
    with engine.connect() as conn:
        assert conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None
    engine.dispose()


@pytest.mark.slow
def test_three_workstations_starting_at_once_on_an_empty_database_all_succeed(cluster):
    names, urls = cluster
    env = {k: v for k, v in os.environ.items() if k != "ORDERMGR_DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT)
    starts = [subprocess.Popen([sys.executable, "-m", "ordermgr", "--database", urls["owner"],
                                "--user", f"clerk{i}", "orders", "list"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for i in range(3)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in starts]
    assert [code for code, _ in results] == [0, 0, 0], results
    engine = make_engine(urls["owner"])
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    engine.dispose()


def test_the_owner_restores_a_backup_and_clerks_keep_working(cluster, tmp_path, capsys):
    names, urls = cluster
    assert main(["--database", urls["owner"], "db", "init-shared", "--grant", names["clerk"]]) == 0
    clerk = ["--database", urls["clerk"], "--user", "alice"]
    assert main(clerk + ["demo", "--orders", "15", "--seed", "4"]) == 0
    backup = tmp_path / "shop.dump"
    assert main(["--database", urls["owner"], "db", "backup", str(backup)]) == 0
    capsys.readouterr()
    assert main(clerk + ["orders", "list", "--json"]) == 0
    before = capsys.readouterr().out
    engine = make_engine(urls["clerk"])
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET email = 'changed@example.com'"))
    engine.dispose()
    assert main(["--database", urls["owner"], "db", "restore", str(backup), "--yes"]) == 0
    capsys.readouterr()
    assert main(clerk + ["orders", "list", "--json"]) == 0
    assert capsys.readouterr().out == before
    engine = make_engine(urls["clerk"])
    with engine.begin() as conn:  # the restored tables are the clerk's to read and write again
        changed = "SELECT count(*) FROM customers WHERE email = 'changed@example.com'"
        assert conn.execute(text(changed)).scalar() == 0
        assert conn.execute(text("UPDATE customers SET email = email")).rowcount > 0
    engine.dispose()
