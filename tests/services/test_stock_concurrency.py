"""Several workstations racing for the last units: threads, each with its own UnitOfWork and
database connection, on the real PostgreSQL and on SQLite. Zero oversell, zero lost update."""

import threading

from sqlalchemy import func, select

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import InsufficientStock
from ordermgr.models import LineAllocation, Order, OrderStatus, StockLevel, StockMovement
from ordermgr.services import inventory as inv, orders, stock
from tests.factories import build_catalog, place_order

THREADS = 8


def race(fn, n=THREADS):
    """Run fn(i) in n threads released at the same moment; return their results/exceptions."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = fn(i)
        except Exception as exc:  # noqa: BLE001 - collected and asserted on
            results[i] = exc
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_racing_confirmations_never_oversell_the_last_units(engine, uow):
    cat = build_catalog(uow, {"LAST-1": (5, 0)})
    order_ids = [place_order(uow, {"LAST-1": 1}) for _ in range(THREADS)]
    results = race(lambda i: orders.confirm_order(UnitOfWork(engine, uow.actor), order_ids[i],
                                                      override_reason="B2B terms"))
    assert all(r is None for r in results), results
    with uow:
        statuses = uow.session.scalars(select(Order.status).where(Order.id.in_(order_ids))).all()
        level = uow.session.execute(select(StockLevel.on_hand, StockLevel.reserved).where(
            StockLevel.sku_id == cat.skus["LAST-1"], StockLevel.warehouse_id == cat.main)).one()
        allocated = uow.session.scalar(select(func.sum(LineAllocation.quantity)))
        reserve_moves = uow.session.scalar(select(func.count()).select_from(StockMovement)
                                           .where(StockMovement.kind == "reserve"))
    assert statuses.count(OrderStatus.ALLOCATED) == 5
    assert statuses.count(OrderStatus.BACKORDERED) == THREADS - 5
    assert (level.on_hand, level.reserved) == (5, 5)          # no oversell
    assert allocated == 5 and reserve_moves == 5             # no lost update
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == []


def test_racing_reservations_of_several_units_at_once(engine, uow):
    cat = build_catalog(uow, {"HOT-2": (9, 0)})
    sku = cat.skus["HOT-2"]

    def reserve_two(_i):
        worker = UnitOfWork(engine, uow.actor)
        with worker:
            stock.move(worker, sku, cat.main, "reserve", reserved=2, reason="race")
            worker.commit()
        return "ok"
    results = race(reserve_two)
    won = results.count("ok")
    assert won == 4                                            # 4 × 2 = 8 of 9
    assert all(isinstance(r, InsufficientStock) for r in results if r != "ok")
    with uow:
        level = uow.session.execute(select(StockLevel.on_hand, StockLevel.reserved).where(
            StockLevel.sku_id == sku, StockLevel.warehouse_id == cat.main)).one()
    assert (level.on_hand, level.reserved) == (9, 8)


def test_racing_adjustments_lose_no_update(engine, uow):
    cat = build_catalog(uow, {"ADJ-3": (4, 0)})
    results = race(lambda i: inv.adjust_stock(UnitOfWork(engine, uow.actor), "ADJ-3", "MAIN",
                                              -1 if i % 2 else +2, reason="correction"))
    taken = sum(1 for i, r in enumerate(results) if i % 2 and not isinstance(r, Exception))
    added = sum(1 for i, r in enumerate(results) if not i % 2 and not isinstance(r, Exception))
    assert added == THREADS // 2                               # additions always succeed
    with uow:
        level = uow.session.execute(select(StockLevel.on_hand).where(
            StockLevel.sku_id == cat.skus["ADJ-3"], StockLevel.warehouse_id == cat.main)).one()
    assert level.on_hand == 4 + 2 * added - taken >= 0
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == []
