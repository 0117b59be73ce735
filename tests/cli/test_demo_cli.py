"""`ordermgr demo`: fills an empty database, refuses a non-empty one, --if-empty skips."""

from sqlalchemy import text

from ordermgr.cli import main
from ordermgr.db.engine import make_engine


def _orders(path) -> int:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM orders")).scalar()
    finally:
        engine.dispose()


def test_demo_fills_then_refuses_then_skips(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    url = f"sqlite:///{path}"
    assert main(["--database", url, "--user", "ops", "demo", "--orders", "60", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert "60 orders" in out and "Orders by status" in out
    assert _orders(path) == 60

    assert main(["--database", url, "--user", "ops", "demo", "--orders", "60"]) == 1
    captured = capsys.readouterr()
    assert "already has 60 orders" in captured.err and captured.err.count("\n") == 1
    assert captured.out == ""  # refused before announcing anything
    assert _orders(path) == 60

    assert main(["--database", url, "--user", "ops", "demo", "--orders", "60", "--if-empty"]) == 0
    assert "already has 60 orders; no demo data added" in capsys.readouterr().out
    assert _orders(path) == 60


def test_the_person_running_demo_stays_admin(tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert main(["--database", f"sqlite:///{path}", "--user", "ops", "demo", "--orders", "30"]) == 0
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        roles = dict(conn.execute(text("SELECT username, role FROM users")).all())
    engine.dispose()
    assert roles["ops"] == "admin" and roles["li.na"] == "clerk"


def test_bad_order_count_is_refused(tmp_path, capsys):
    import pytest
    with pytest.raises(SystemExit) as exc:
        main(["--database", f"sqlite:///{tmp_path / 'x.sqlite3'}", "demo", "--orders", "zero"])
    assert exc.value.code == 2
    assert "not a whole number" in capsys.readouterr().err
