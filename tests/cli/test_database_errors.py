"""Whatever is wrong with the database, the disk or the permissions: one clear line that says what
to do, a non-zero exit, no traceback on screen (it goes to the log file), nothing half-saved."""

from __future__ import annotations

import shutil
import uuid

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from ordermgr import context
from ordermgr.cli import main
from ordermgr.db.engine import make_engine
from ordermgr.db.migrate import head_revision
from ordermgr.models import Sku
from ordermgr.services import catalog
from tests.conftest import _pg_admin_connection


@pytest.fixture(autouse=True)
def log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERMGR_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs"


def run(url: str, *argv: str, user: str = "alice") -> int:
    return main(["--database", url, "--user", user, *argv])


def url_of(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def one_line(capsys) -> str:
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list: tea, cups\n" * 200)
    assert run(f"sqlite:///{path}", "orders", "list") == 1
    assert one_line(capsys) == (f"ordermgr: {path} is not an ordermgr database (it is not a SQLite "
                                "file). Check the database path; nothing was changed.")
    assert path.read_text().startswith("shopping list")


def test_a_truncated_database(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    assert run(f"sqlite:///{path}", "demo", "--orders", "300") == 0
    capsys.readouterr()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 2)
    assert run(f"sqlite:///{path}", "orders", "list", "--limit", "500") == 1
    line = one_line(capsys)
    assert line.startswith(f"ordermgr: The database {path} is damaged (cut short or corrupted). "
                           "Restore it from a backup")


HEAD = "INSERT INTO alembic_version VALUES ('{head}')"
DAMAGED_VERSIONS = {
    "empty": ("DELETE FROM alembic_version", [HEAD]),
    "two rows": ("INSERT INTO alembic_version VALUES ('0001')",
                 ["DELETE FROM alembic_version WHERE version_num = '0001'"]),
    "dropped": ("DROP TABLE alembic_version",
                ["CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                 HEAD]),
}


@pytest.mark.parametrize("damage", DAMAGED_VERSIONS)
def test_a_damaged_schema_version_table_is_refused_before_any_upgrade(engine, capsys, damage):
    harm, mend = DAMAGED_VERSIONS[damage]
    with engine.begin() as conn:
        conn.execute(text(harm))
    try:
        assert run(url_of(engine), "orders", "list") == 1
        line = one_line(capsys)
        assert "has ordermgr's tables but no readable schema version" in line
        assert "Restore it from a backup" in line and "nothing was changed" in line
    finally:
        with engine.begin() as conn:
            for statement in mend:
                conn.execute(text(statement.format(head=head_revision())))


def test_a_full_disk_says_so_and_saves_nothing(tmp_path, capsys, monkeypatch, uow):
    """SQLite reports SQLITE_FULL when the file may not grow (PRAGMA max_page_count): what a full
    disk looks like to it."""
    if uow.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's page limit stands in for a full disk")
    warehouse = catalog.create_warehouse(uow, code="MAIN", name="Main", priority=1)
    assert warehouse
    listing = tmp_path / "stock.csv"
    listing.write_text("sku,product,name,price,currency,warehouse,on_hand\n" + "".join(
        f"SKU-{i:05d},Product number {i} with a long name,Variant {i},9.90,CNY,MAIN,{i % 50}\n"
        for i in range(4000)))

    def with_no_room(url, **kwargs):
        engine = make_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def limit(dbapi_conn, _record):
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")
        return engine
    monkeypatch.setattr(context, "make_engine", with_no_room)

    assert run(url_of(uow.engine), "stock", "import", str(listing), "--commit") == 1

    assert one_line(capsys) == ("ordermgr: The disk is full; nothing was saved. Free some space and "
                                "try again.")
    with Session(uow.engine) as session:
        assert session.scalar(select(func.count()).select_from(Sku)) == 0


def test_a_read_only_sqlite_database(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    assert run(f"sqlite:///{path}", "db", "upgrade") == 0
    assert run(f"sqlite:///{path}", "orders", "list") == 0  # alice is the first user, now saved
    capsys.readouterr()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    assert run(read_only, "orders", "list") == 0  # reading is fine
    capsys.readouterr()
    assert run(read_only, "orders", "list", user="bob") == 1  # bob would be added: a write
    assert one_line(capsys) == (f"ordermgr: Cannot write the database file:{path}: it is read-only "
                                "for you. Check the permissions of the file and its folder; "
                                "nothing was saved.")


def test_a_postgresql_user_without_rights(engine, capsys):
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL roles")
    role = f"ordermgr_norights_{uuid.uuid4().hex[:6]}"
    with _pg_admin_connection() as admin:
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        url = engine.url.set(username=role).render_as_string(hide_password=False)
        assert run(url, "orders", "list") == 1
        line = one_line(capsys)
        assert line.startswith(f"ordermgr: The database login '{role}' lacks a privilege on ")
        assert "(permission denied for table" in line and f"db init-shared --grant {role}" in line
    finally:
        with _pg_admin_connection() as admin:
            admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          f"WHERE usename = '{role}'")
            admin.execute(f'DROP ROLE "{role}"')


def test_a_bug_is_one_line_with_the_log_file_and_the_traceback_only_there(tmp_path, capsys,
                                                                         monkeypatch, log_dir):
    path = tmp_path / "shop.sqlite3"
    assert run(f"sqlite:///{path}", "db", "upgrade") == 0
    capsys.readouterr()
    from ordermgr.commands import orders as orders_command

    def broken(args, ctx):
        raise KeyError("a bug in the order list")
    monkeypatch.setattr(orders_command, "_list", broken)
    assert run(f"sqlite:///{path}", "orders", "list") == 70
    line = one_line(capsys)
    log_file = log_dir / "ordermgr.log"
    assert line == ("ordermgr: Something went wrong inside ordermgr (KeyError: 'a bug in the order "
                    f"list'); the details are in {log_file}. Please send them to your administrator.")
    logged = log_file.read_text()
    assert "Traceback (most recent call last)" in logged and "a bug in the order list" in logged


def test_the_log_file_follows_the_environment(tmp_path, monkeypatch, capsys):
    from ordermgr.logsetup import log_path, setup_logging
    monkeypatch.setenv("ORDERMGR_LOG_DIR", str(tmp_path / "elsewhere"))
    assert setup_logging() == log_path() == tmp_path / "elsewhere" / "ordermgr.log"
    shutil.rmtree(tmp_path / "elsewhere")
    monkeypatch.setenv("ORDERMGR_LOG_DIR", "/proc/no-such-place")
    assert setup_logging() is None  # no log file is not an error
