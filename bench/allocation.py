"""Allocation under contention: N worker processes allocate orders against 1,000 SKUs, 20 of
them hot with only 100 units each, on the real PostgreSQL and then on SQLite.

Each worker calls the real use case, `orders.allocate_order` (unit of work, permission check,
conditional UPDATE per reservation, ledger row, outbox message, order timeline, audit). Printed
per database:
  - allocations/s (orders) and reservation lines/s,
  - oversold units (levels with reserved > on hand, and hot SKUs whose allocations exceed their
    units; must be 0) and lost updates (allocations that disagree with the level; must be 0),
  - the same reservation lines as a raw single-statement conditional UPDATE loop (autocommit,
    same workers), and the ratio raw / service.

    .venv/bin/python bench/allocation.py                       # full scale: 100,000 orders
    .venv/bin/python bench/allocation.py --orders 20000 --db postgresql
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, text  # noqa: E402

from ordermgr.db.engine import make_engine  # noqa: E402
from ordermgr.db.migrate import upgrade  # noqa: E402
from ordermgr.models import (LineAllocation, Order, OrderLine, OrderStatus, Product, Sku,  # noqa: E402
                             StockLevel, StockMovement, Store, Warehouse, utcnow)

OUT = Path(__file__).resolve().parent / "out"
PG_ADMIN_URL = os.environ.get("ORDERMGR_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
PLENTY = 10_000_000


# -- setup ------------------------------------------------------------------------------------------

def fresh_database(kind: str) -> tuple[str, callable]:
    if kind == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / "allocation.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: None
    import psycopg
    admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    name = f"ordermgr_bench_alloc_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}", drop


def populate(url: str, *, orders: int, skus: int, hot: int, hot_units: int, seed: int) -> dict:
    engine = make_engine(url)
    upgrade(engine, backup=False)
    from ordermgr.services.users import resolve_actor
    resolve_actor(engine, "bench")  # the first user: admin
    rng = random.Random(seed)
    now = utcnow()
    with engine.begin() as conn:
        store_id = conn.execute(insert(Store).values(
            name="Bench shop", code="B", platform="shopify", currency="CNY", options={},
            base_url="https://bench.example").returning(Store.id)).scalar_one()
        main = conn.execute(insert(Warehouse).values(code="MAIN", name="Main", priority=1)
                            .returning(Warehouse.id)).scalar_one()
        back = conn.execute(insert(Warehouse).values(code="BACK", name="Backup", priority=2)
                            .returning(Warehouse.id)).scalar_one()
        product = conn.execute(insert(Product).values(name="Bench product")
                               .returning(Product.id)).scalar_one()
        conn.execute(insert(Sku), [dict(product_id=product, code=f"SKU-{i:04d}", name=f"SKU {i}",
                                         price=Decimal("10.00"), currency="CNY")
                                    for i in range(skus)])
        sku_ids = conn.execute(select(Sku.id).order_by(Sku.id)).scalars().all()
        hot_ids = sku_ids[:hot]
        levels, moves = [], []
        for sku_id in sku_ids:
            units = hot_units if sku_id in hot_ids else PLENTY
            levels.append(dict(sku_id=sku_id, warehouse_id=main, on_hand=units, reserved=0,
                               threshold=0, version=1))
            levels.append(dict(sku_id=sku_id, warehouse_id=back, on_hand=0, reserved=0,
                               threshold=0, version=1))
            moves.append(dict(at=now, sku_id=sku_id, warehouse_id=main, kind="receive",
                              on_hand_delta=units, reserved_delta=0, on_hand_after=units,
                              reserved_after=0, reason="bench opening stock"))
        conn.execute(insert(StockLevel), levels)
        conn.execute(insert(StockMovement), moves)
        lines_total = 0
        for start in range(0, orders, 5000):
            batch = range(start, min(start + 5000, orders))
            ids = conn.execute(insert(Order).returning(Order.id, sort_by_parameter_order=True), [
                dict(number=f"B{i:08d}", store_id=store_id, placed_at=now, currency="CNY",
                     status=OrderStatus.AWAITING_FULFILMENT, payment_status="paid")
                for i in batch]).scalars().all()
            lines = []
            for order_id in ids:
                chosen = set()
                for _ in range(rng.choice((1, 1, 2, 3))):
                    # about one line in five asks for a hot SKU
                    chosen.add(rng.choice(hot_ids) if rng.random() < 0.2 else rng.choice(sku_ids))
                for sku_id in chosen:
                    qty = rng.choice((1, 1, 1, 2))
                    lines.append(dict(order_id=order_id, sku_id=sku_id, sku=f"SKU-{sku_id}",
                                      name="x", quantity=qty, unit_price=Decimal("10.00"),
                                      total=Decimal("10.00") * qty))
            conn.execute(insert(OrderLine), lines)
            lines_total += len(lines)
    order_ids = list(range(1, orders + 1))
    engine.dispose()
    return {"order_ids": order_ids, "lines": lines_total, "hot_ids": hot_ids, "hot_units": hot_units}


# -- workers ----------------------------------------------------------------------------------------

def _service_worker(url: str, order_ids: list[int], barrier, queue) -> None:
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.errors import UserError
    from ordermgr.services.orders import allocate_order
    from ordermgr.services.users import resolve_actor
    engine = make_engine(url)
    actor = resolve_actor(engine, "bench")
    failures = 0
    barrier.wait()
    for order_id in order_ids:
        try:
            allocate_order(UnitOfWork(engine, actor), order_id)
        except UserError:
            failures += 1
    engine.dispose()
    queue.put(failures)


def _raw_worker(url: str, work: list[tuple[int, int, int]], barrier, queue) -> None:
    engine = make_engine(url)
    stmt = text("UPDATE stock_levels SET reserved = reserved + :q, version = version + 1 "
                "WHERE sku_id = :s AND warehouse_id = :w AND on_hand - reserved >= :q")
    won = 0
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT") \
            if engine.dialect.name == "postgresql" else conn
        barrier.wait()
        for sku_id, wh_id, qty in work:
            if engine.dialect.name == "sqlite":
                with conn.begin():
                    won += conn.execute(stmt, {"q": qty, "s": sku_id, "w": wh_id}).rowcount
            else:
                won += conn.execute(stmt, {"q": qty, "s": sku_id, "w": wh_id}).rowcount
    engine.dispose()
    queue.put(won)


def run_parallel(target, url: str, chunks: list, workers: int) -> tuple[float, list]:
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(workers + 1), ctx.Queue()
    procs = [ctx.Process(target=target, args=(url, chunks[i], barrier, queue)) for i in range(workers)]
    for p in procs:
        p.start()
    barrier.wait()
    started = time.perf_counter()
    results = [queue.get() for _ in procs]
    elapsed = time.perf_counter() - started
    for p in procs:
        p.join()
    return elapsed, results


# -- checks -----------------------------------------------------------------------------------------

def check(url: str, hot_ids: list[int], hot_units: int) -> dict:
    engine = make_engine(url)
    with engine.connect() as conn:
        oversold = conn.execute(select(func.coalesce(func.sum(StockLevel.reserved - StockLevel.on_hand), 0))
                                .where(StockLevel.reserved > StockLevel.on_hand)).scalar()
        alloc = dict(conn.execute(
            select(OrderLine.sku_id, func.sum(LineAllocation.quantity))
            .join(LineAllocation, LineAllocation.order_line_id == OrderLine.id)
            .group_by(OrderLine.sku_id)).all())
        reserved = dict(conn.execute(select(StockLevel.sku_id, func.sum(StockLevel.reserved))
                                     .group_by(StockLevel.sku_id)).all())
        hot_over = sum(max(0, int(alloc.get(s, 0)) - hot_units) for s in hot_ids)
        lost = sum(1 for s in set(alloc) | set(reserved)
                   if int(alloc.get(s, 0) or 0) != int(reserved.get(s, 0) or 0))
        statuses = dict(conn.execute(select(Order.status, func.count()).group_by(Order.status)).all())
        hot_left = conn.execute(select(func.sum(StockLevel.on_hand - StockLevel.reserved))
                                .where(StockLevel.sku_id.in_(hot_ids))).scalar()
        from ordermgr.services.stock import verify_ledger
        drift = len(verify_ledger(conn))
    engine.dispose()
    return {"oversold": int(oversold) + hot_over, "lost_updates": lost, "statuses": statuses,
            "hot_units_left": int(hot_left or 0), "ledger_drift": drift}


def bench(kind: str, args) -> None:
    url, drop = fresh_database(kind)
    try:
        t0 = time.perf_counter()
        data = populate(url, orders=args.orders, skus=args.skus, hot=args.hot,
                        hot_units=args.hot_units, seed=args.seed)
        print(f"\n== {kind}: {args.orders:,} orders ({data['lines']:,} lines), {args.skus} SKUs "
              f"({args.hot} hot × {args.hot_units} units), {args.workers} workers "
              f"[setup {time.perf_counter() - t0:.1f}s]")
        ids = data["order_ids"]
        random.Random(args.seed).shuffle(ids)
        chunks = [ids[i::args.workers] for i in range(args.workers)]
        elapsed, failures = run_parallel(_service_worker, url, chunks, args.workers)
        result = check(url, data["hot_ids"], data["hot_units"])
        per_s = len(ids) / elapsed
        print(f"service allocate_order: {per_s:,.0f} allocations/s ({data['lines'] / elapsed:,.0f} "
              f"lines/s), {elapsed:.1f}s, refused {sum(failures)}")
        print(f"  orders by status: {result['statuses']}")
        print(f"  oversold units: {result['oversold']}   lost updates: {result['lost_updates']}   "
              f"ledger drift: {result['ledger_drift']}   hot units left: {result['hot_units_left']}")

        # the raw limit: the same reservation attempts as bare conditional UPDATEs
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE stock_levels SET reserved = 0"))
            main = conn.execute(select(Warehouse.id).where(Warehouse.code == "MAIN")).scalar()
            work = [(s, main, q) for s, q in conn.execute(
                select(OrderLine.sku_id, OrderLine.quantity).order_by(OrderLine.id))]
        engine.dispose()
        random.Random(args.seed).shuffle(work)
        raw_chunks = [work[i::args.workers] for i in range(args.workers)]
        raw_elapsed, won = run_parallel(_raw_worker, url, raw_chunks, args.workers)
        raw_per_s = len(work) / raw_elapsed
        engine = make_engine(url)
        with engine.connect() as conn:
            raw_over = conn.execute(select(func.count()).where(
                StockLevel.reserved > StockLevel.on_hand)).scalar()
        engine.dispose()
        print(f"raw conditional UPDATE loop: {raw_per_s:,.0f} updates/s, {raw_elapsed:.1f}s, "
              f"{sum(won):,} of {len(work):,} reserved, oversold levels {raw_over}")
        print(f"ratio raw/service (lines per second): {raw_per_s / (data['lines'] / elapsed):.1f}×")
    finally:
        drop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--skus", type=int, default=1000)
    parser.add_argument("--hot", type=int, default=20)
    parser.add_argument("--hot-units", type=int, default=100)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", choices=("postgresql", "sqlite", "both"), default="both")
    args = parser.parse_args(argv)
    for kind in (("postgresql", "sqlite") if args.db == "both" else (args.db,)):
        bench(kind, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
