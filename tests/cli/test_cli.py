"""The CLI as a user runs it: real arguments, real exit codes, one clear line on errors."""

import json

import pytest

from ordermgr.cli import main
from ordermgr.db.engine import make_engine
from ordermgr.db.uow import UnitOfWork
from ordermgr.services.users import resolve_actor
from tests.factories import build_catalog, place_order


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["--database", url, "db", "upgrade"]) == 0
    engine = make_engine(url)
    uow = UnitOfWork(engine, resolve_actor(engine, "alice"))
    build_catalog(uow)
    place_order(uow, {"TEA-01": 2}, phone="13912345678")
    engine.dispose()
    return url


def test_orders_list_and_show_as_json(db_url, capsys):
    assert main(["--database", db_url, "--user", "alice", "orders", "list", "--json",
                 "--search", "1234 5678"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in rows] == ["M000001"]
    assert main(["--database", db_url, "orders", "show", "M000001", "--json"]) == 0
    detail = json.loads(capsys.readouterr().out)
    assert detail["lines"][0]["sku"] == "TEA-01" and detail["total"] == "39.80"
    assert detail["timeline"][0]["user"] == "alice"


def test_unknown_order_is_one_clear_line_and_exit_1(db_url, capsys):
    assert main(["--database", db_url, "orders", "show", "NOPE"]) == 1
    assert capsys.readouterr().err.strip() == "ordermgr: No order with number 'NOPE'."


def test_unreachable_postgres_says_what_to_do(capsys):
    assert main(["--database", "postgresql://nobody@127.0.0.1:1/x", "orders", "list"]) == 1
    err = capsys.readouterr().err
    assert "Cannot reach the database" in err and "Check that the server is running" in err
    assert err.count("\n") == 1


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["orders", "list", "--limit", "many"])
    assert exit_.value.code == 2
    assert "'many' is not a whole number" in capsys.readouterr().err


def test_first_user_is_admin_later_users_get_the_configured_role(db_url, capsys):
    assert main(["--database", db_url, "--user", "bob", "orders", "list"]) == 0
    assert main(["--database", db_url, "--user", "bob", "users", "list"]) == 1
    assert "bob (clerk) may not list users" in capsys.readouterr().err
    assert main(["--database", db_url, "--user", "alice", "users", "list"]) == 0
    out = capsys.readouterr().out
    assert "alice" in out and "admin" in out and "bob" in out and "clerk" in out


def test_orders_show_prints_a_breakdown_that_adds_up(db_url, capsys):
    assert main(["--database", db_url, "orders", "show", "M000001"]) == 0
    out = capsys.readouterr().out
    assert ("subtotal 39.80 CNY + shipping 0.00 CNY + tax 0.00 CNY - discount 0.00 CNY = "
            "total 39.80 CNY") in out
    assert "paid 0.00 CNY, refunded 0.00 CNY, balance 39.80 CNY" in out
