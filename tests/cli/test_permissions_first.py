"""Commands that write many times check every permission they need before the first write: a
clerk running housekeeping, a sync round or a stock import changes nothing at all (not a row,
not the audit log, not the sync state) and gets one clear line and exit 1; on SQLite and
PostgreSQL."""

from datetime import timedelta

import pytest
from sqlalchemy import MetaData, select

from ordermgr.cli import main
from ordermgr.db.uow import UnitOfWork
from ordermgr.services import payments, stores
from ordermgr.services.users import resolve_actor
from ordermgr.sync.fake import DemoServer, DemoStore
from tests.factories import build_catalog
from tests.services.test_housekeeping import unpaid


def database_snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every table, as text, sorted: equal snapshots mean nothing was written."""
    meta = engine.__dict__.setdefault("_snapshot_tables", MetaData())  # reflected once
    with engine.connect() as conn:
        if not meta.tables:
            meta.reflect(conn)
        return {name: sorted(tuple(str(v) for v in row) for row in conn.execute(select(table)))
                for name, table in meta.tables.items()}


@pytest.fixture
def shop(engine, admin, tmp_path, monkeypatch):
    """A catalog, an unpaid order past its limit, a connected demo storefront, and the clerk
    bob (created before the snapshot: the first command of a user adds the user)."""
    monkeypatch.setenv("ORDERMGR_SECRETS_BACKEND", "file")
    monkeypatch.setenv("ORDERMGR_CONFIG_DIR", str(tmp_path / "config"))
    uow = UnitOfWork(engine, admin)
    build_catalog(uow)
    unpaid(uow, {"TEA-01": 2}, age=timedelta(days=2))
    payments.set_unpaid_cancel_hours(uow, 24)
    demo = DemoStore(platform="shopify", orders=3)
    server = DemoServer(demo).start()
    stores.add_store(UnitOfWork(engine, admin), name="Demo", platform="shopify", url=server.url,
                     credential=demo.credential, code="DM")
    assert resolve_actor(engine, "bob").role == "clerk"
    yield ["--database", engine.url.render_as_string(hide_password=False), "--user", "bob"]
    server.stop()


@pytest.mark.parametrize("command,refusal", [
    (["housekeeping"], "bob (clerk) may not run housekeeping: the role lacks orders.bulk, "
                       "orders.cancel. Nothing was changed"),
    (["housekeeping", "--dry-run"], "bob (clerk) may not run housekeeping"),
    (["sync", "--once"], "bob (clerk) may not sync storefronts: the role lacks payments.refund, "
                         "sync.run. Nothing was changed"),
    (["sync", "--watch"], "bob (clerk) may not sync storefronts"),
])
def test_a_clerk_changes_nothing_and_gets_one_line(engine, shop, capsys, command, refusal):
    before = database_snapshot(engine)
    assert main(shop + command) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"ordermgr: {refusal}") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err + captured.out
    assert database_snapshot(engine) == before


def test_a_clerk_importing_stock_changes_nothing(engine, shop, capsys, tmp_path):
    path = tmp_path / "stock.csv"
    path.write_text("sku,warehouse,on_hand\nTEA-01,MAIN,50\n", encoding="utf-8")
    before = database_snapshot(engine)
    assert main(shop + ["stock", "import", str(path), "--commit"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # refused before the preview, not after reading the whole file
    assert captured.err.startswith("ordermgr: bob (clerk) may not import products and stock")
    assert database_snapshot(engine) == before
    # the same user may still look at the preview
    assert main(shop + ["stock", "import", str(path)]) == 0
    assert "Preview only" in capsys.readouterr().out
    assert database_snapshot(engine) == before


def test_a_manager_syncs_and_housekeeps(engine, shop, capsys, admin):
    """The other side: with the permissions the same commands do write."""
    args = shop[:-1] + ["alice"]
    before = database_snapshot(engine)
    assert main(args + ["sync", "--once"]) == 0
    assert main(args + ["housekeeping"]) == 0
    assert "unpaid orders cancelled: 1" in capsys.readouterr().out
    assert database_snapshot(engine) != before
