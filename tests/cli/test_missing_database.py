"""A mistyped SQLite path is an error, never a new empty database: only `db upgrade`, `demo` and
the GUI's first run create one."""

import platformdirs
import pytest

from ordermgr.cli import build_parser, main
from ordermgr.config import DATABASE_ENV
from ordermgr.context import Context
from ordermgr.errors import DatabaseMissing

READ_AND_WRITE_COMMANDS = [
    ["orders", "list"], ["orders", "show", "M000001"], ["db", "status"], ["users", "list"],
    ["stock", "verify"], ["report", "sales", "--from", "2026-01-01", "--to", "2026-01-31",
                          "--out", "r.xlsx"],
    ["housekeeping"], ["sync", "--once"], ["store", "list"],
]


@pytest.mark.parametrize("command", READ_AND_WRITE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_a_missing_file_says_so_and_creates_nothing(tmp_path, capsys, command):
    path = tmp_path / "typo" / "shop.sqlite3"
    assert main(["--database", f"sqlite:///{path}", "--user", "alice", *command]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"ordermgr: No database at {path}. Create one with `ordermgr db upgrade` or "
                   "`ordermgr demo`.")
    assert not path.parent.exists()


def test_db_upgrade_and_demo_create_one(tmp_path, capsys):
    upgraded, demo = tmp_path / "new" / "a.sqlite3", tmp_path / "b.sqlite3"
    assert main(["--database", f"sqlite:///{upgraded}", "db", "upgrade"]) == 0
    assert main(["--database", f"sqlite:///{demo}", "--user", "ops", "demo", "--orders", "5"]) == 0
    assert upgraded.exists() and demo.exists()
    assert main(["--database", f"sqlite:///{upgraded}", "--user", "alice", "orders", "list"]) == 0


def test_the_gui_creates_only_the_default_database_on_its_first_run(tmp_path, monkeypatch):
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    default = tmp_path / "data" / "ordermgr.sqlite3"
    typo = tmp_path / "typo.sqlite3"
    gui = build_parser().parse_args(["--user", "alice"])  # `ordermgr` alone opens the GUI
    gui_on_typo = build_parser().parse_args(["--user", "alice", "--database", f"sqlite:///{typo}"])

    first_run = Context.from_args(gui)
    try:
        assert first_run.actor.role == "admin"
    finally:
        first_run.close()
    assert default.exists()
    with pytest.raises(DatabaseMissing):
        Context.from_args(gui_on_typo).engine
    assert not typo.exists()
