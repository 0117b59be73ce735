"""`ordermgr housekeeping` as the system scheduler runs it: what it did, exit 0; exit 1 with a
clear line when a job fails or the scheduled user may not do it."""

from datetime import timedelta

import pytest

from ordermgr.cli import main
from ordermgr.db.engine import make_engine
from ordermgr.db.uow import UnitOfWork
from ordermgr.models import OrderStatus
from ordermgr.services import payments, tracking
from ordermgr.services.users import resolve_actor
from tests.factories import build_catalog
from tests.services.test_housekeeping import unpaid


@pytest.fixture
def db(tmp_path):
    """A SQLite database with one order that has waited for payment for two days (limit 24 h)."""
    url = f"sqlite:///{tmp_path / 'hk.sqlite3'}"
    assert main(["--database", url, "db", "upgrade"]) == 0
    engine = make_engine(url)
    uow = UnitOfWork(engine, resolve_actor(engine, "alice"))
    build_catalog(uow)
    order_id = unpaid(uow, {"TEA-01": 2}, age=timedelta(days=2))
    payments.set_unpaid_cancel_hours(uow, 24)
    yield url, uow, order_id
    engine.dispose()


def status(uow, order_id):
    with uow:
        return uow.get_order(order_id).status


def test_dry_run_then_run_then_too_soon(db, capsys):
    url, uow, order_id = db
    assert main(["--database", url, "--user", "alice", "housekeeping", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Last run: never" in out and "Housekeeping dry run (nothing saved):" in out
    assert "unpaid orders cancelled: 1" in out
    assert status(uow, order_id) == OrderStatus.PENDING_PAYMENT

    assert main(["--database", url, "--user", "alice", "housekeeping"]) == 0
    out = capsys.readouterr().out
    assert "unpaid orders cancelled: 1" in out and "delivered orders completed: 0" in out
    assert status(uow, order_id) == OrderStatus.CANCELLED

    assert main(["--database", url, "--user", "alice", "housekeeping"]) == 0
    assert "Housekeeping skipped: it ran 0 min ago (by alice)" in capsys.readouterr().out


def test_a_failing_job_exits_1_with_one_clear_line(db, capsys, monkeypatch):
    url, uow, order_id = db

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(tracking, "flag_delayed_shipments", broken)
    assert main(["--database", url, "--user", "alice", "housekeeping"]) == 1
    captured = capsys.readouterr()
    assert "unpaid orders cancelled: 1" in captured.out  # the others still ran
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith("ordermgr: housekeeping: delayed parcels flagged failed: "
                                "RuntimeError: disk on fire")
    assert status(uow, order_id) == OrderStatus.CANCELLED


def test_scheduled_as_a_clerk_refuses_before_any_job(db, capsys):
    url, uow, order_id = db
    assert main(["--database", url, "--user", "bob", "housekeeping"]) == 1  # bob is a clerk
    err = capsys.readouterr().err
    assert "bob (clerk) may not run housekeeping: the role lacks orders.bulk, orders.cancel" in err
    assert "--user NAME" in err
    assert status(uow, order_id) == OrderStatus.PENDING_PAYMENT


def test_sync_watch_also_runs_housekeeping(db, capsys, monkeypatch):
    url, uow, order_id = db
    import ordermgr.commands.sync as sync_command

    def stop(_seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(sync_command.time, "sleep", stop)
    assert main(["--database", url, "--user", "alice", "sync", "--watch"]) == 130
    assert "unpaid orders cancelled: 1" in capsys.readouterr().out
    assert status(uow, order_id) == OrderStatus.CANCELLED
