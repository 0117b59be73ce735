"""`ordermgr db backup` / `db restore` on SQLite and PostgreSQL: the data comes back whole (row
counts and a checksum of every table), and a truncated file or one from a newer ordermgr is
refused with one line while the database stays as it was."""

from __future__ import annotations

import hashlib
import uuid

import pytest
from sqlalchemy import select, text

from ordermgr.cli import main
from ordermgr.db.engine import make_engine
from ordermgr.models import Base
from tests.conftest import PG_ADMIN_URL, _pg_admin_connection


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A database with demo data in it (its own database on PostgreSQL: restore drops tables)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
        admin = None
    else:
        request.getfixturevalue("pg_url")  # the server is there (or the run skips)
        admin = _pg_admin_connection()
        name = f"om_backup_{uuid.uuid4().hex[:8]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        url = f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    assert main(["--database", url, "--user", "admin", "demo", "--orders", "30", "--seed", "5"]) == 0
    yield url
    if admin is not None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Per table: row count and a checksum of all rows in primary-key order."""
    engine = make_engine(url)
    result = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
            result[table.name] = (len(rows), digest)
    engine.dispose()
    return result


def change_the_data(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET email = 'changed@example.com'"))
        conn.execute(text("DELETE FROM audit_log"))
    engine.dispose()


def test_restore_brings_back_every_row(db_url, tmp_path, capsys):
    before = fingerprint(db_url)
    assert before["orders"][0] == 30
    backup = tmp_path / "shop.backup"
    assert main(["--database", db_url, "db", "backup", str(backup)]) == 0
    change_the_data(db_url)
    assert fingerprint(db_url) != before
    assert main(["--database", db_url, "db", "restore", str(backup), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out
    assert fingerprint(db_url) == before
    # and the app works on it
    assert main(["--database", db_url, "--user", "admin", "orders", "list", "--json"]) == 0


def test_a_truncated_backup_is_refused_and_nothing_changes(db_url, tmp_path, capsys):
    backup = tmp_path / "shop.backup"
    assert main(["--database", db_url, "db", "backup", str(backup)]) == 0
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) * 2 // 3])
    change_the_data(db_url)
    current = fingerprint(db_url)
    capsys.readouterr()
    assert main(["--database", db_url, "db", "restore", str(backup), "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a complete ordermgr backup" in err
    assert fingerprint(db_url) == current


def test_a_backup_from_a_newer_ordermgr_is_refused_and_nothing_changes(db_url, tmp_path, capsys):
    backup = tmp_path / "shop.backup"
    engine = make_engine(db_url)
    with engine.begin() as conn:  # what a newer version would have written
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    assert main(["--database", db_url, "db", "backup", str(backup)]) == 0
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"),
                     {"v": _head()})
    engine.dispose()
    current = fingerprint(db_url)
    capsys.readouterr()
    assert main(["--database", db_url, "db", "restore", str(backup), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "written by a newer ordermgr (schema 9999_future)" in err and err.count("\n") == 1
    assert fingerprint(db_url) == current


def test_restore_without_yes_changes_nothing(db_url, tmp_path, capsys):
    backup = tmp_path / "shop.backup"
    assert main(["--database", db_url, "db", "backup", str(backup)]) == 0
    change_the_data(db_url)
    current = fingerprint(db_url)
    assert main(["--database", db_url, "db", "restore", str(backup)]) == 1
    assert "add --yes" in capsys.readouterr().err
    assert fingerprint(db_url) == current


def test_daily_backups_keep_the_newest_n(db_url, tmp_path, capsys):
    folder = tmp_path / "daily"
    for _ in range(4):
        assert main(["--database", db_url, "db", "backup", str(folder), "--keep", "2"]) == 0
    kept = sorted(folder.iterdir())
    assert len(kept) == 2 and all(p.name.startswith("ordermgr-") for p in kept)
    assert main(["--database", db_url, "db", "restore", str(kept[-1]), "--yes"]) == 0


def test_without_pg_dump_the_message_says_what_to_install(tmp_path, capsys, monkeypatch, pg_url):
    monkeypatch.setenv("PATH", str(tmp_path))  # no PostgreSQL client tools on the PATH
    assert main(["--database", pg_url, "db", "backup", str(tmp_path / "x.dump")]) == 1
    err = capsys.readouterr().err
    assert "pg_dump was not found" in err and "postgresql-client" in err
    assert not (tmp_path / "x.dump").exists()


def _head() -> str:
    from ordermgr.db.migrate import head_revision
    return head_revision()
