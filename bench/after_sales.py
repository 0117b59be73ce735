"""Benchmark: the after-sales desk on a big database, each figure beside the raw SQL time.

    .venv/bin/python bench/after_sales.py                              # 1,000,000 orders, 50,000 cases
    .venv/bin/python bench/after_sales.py --orders 20000 --cases 1000  # reduced scale
    .venv/bin/python bench/after_sales.py --database postgresql://postgres@127.0.0.1:5432/big

The SQLite database is generated once with `ordermgr.demo.generate` and cached under bench/out/
(a --database URL is used as it is, filled with demo orders first if it has none). Cases are topped up in bulk
to --cases (spread over every queue state, with SLA due times, some above the agent limit).

Measured (median of --runs after one warm-up):
- Customer 360: a customer found by a 6-digit fragment of their phone number; the GUI search
  (`CustomerDesk.run_search`) until the 360 view has painted its data (goal <= 200 ms), and the
  service calls alone (search_customers + customer_360);
- each CS queue's first page: the GUI model until the table has painted its rows, and the
  service call `case_rows(queue)` alone.
"Raw SQL" is the very statements those calls sent, captured and replayed on the bare DBAPI
connection (sqlite3 / psycopg) with the same parameters: the floor below which no code on top
of this database could go.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import event, func, insert, select  # noqa: E402

from ordermgr.db.engine import make_engine  # noqa: E402
from ordermgr.db.migrate import upgrade  # noqa: E402
from ordermgr.models import Customer, Order, OrderLine, ReturnCase, ReturnLine  # noqa: E402
from ordermgr.models.states import ORDER_SHIPPED_STATES  # noqa: E402
from ordermgr.services import aftersales as cs  # noqa: E402

GOAL_MS = 200.0
STATES = [("requested", 22), ("approved", 5), ("awaiting_goods", 18), ("received", 8),
          ("inspected", 5), ("refunded", 10), ("closed", 25), ("cancelled", 4), ("rejected", 3)]
KINDS = ["return_refund", "refund_only", "exchange", "reship", "complaint"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", metavar="URL", help="use this database instead of a cached SQLite file")
    args = parser.parse_args(argv)
    engine = _database(args)
    _top_up_cases(engine, args.cases, args.seed)
    with engine.connect() as conn:
        orders = conn.execute(select(func.count()).select_from(Order)).scalar()
        cases = conn.execute(select(func.count()).select_from(ReturnCase)).scalar()
    print(f"\n{engine.dialect.name}: {orders:,} orders, {cases:,} cases; median of {args.runs} runs\n")

    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    ctx = _context(engine)
    print(f"{'what':<40} {'GUI painted':>12} {'service':>10} {'raw SQL':>10}")
    gui, service, raw = _customer_360(app, ctx, engine, args)
    verdict = "OK" if gui <= GOAL_MS else "TOO SLOW"
    print(f"{'customer 360 by phone fragment':<40} {gui:>9.1f} ms {service:>7.1f} ms {raw:>7.1f} ms"
          f"   goal <= {GOAL_MS:.0f} ms: {verdict}")
    for queue in cs.QUEUES:
        gui, service, raw, rows = _queue(app, ctx, engine, queue, args)
        label = f"queue {queue} (first {rows} rows)"
        print(f"{label:<40} {gui:>9.1f} ms {service:>7.1f} ms {raw:>7.1f} ms")
    gui, service, raw = _counts(engine, args)
    print(f"{'queue counts (all queues)':<40} {'':>12} {service:>7.1f} ms {raw:>7.1f} ms")
    engine.dispose()
    return 0


# -- the database ---------------------------------------------------------------------------------

def _database(args):
    if args.database:
        engine = make_engine(args.database)
        upgrade(engine, backup=False)
        with engine.connect() as conn:
            empty = not conn.execute(select(func.count()).select_from(Order)).scalar()
        if empty:
            from ordermgr.demo import generate
            print(f"Generating {args.orders:,} demo orders into the empty database ...", flush=True)
            generate(engine, orders=args.orders, seed=args.seed)
        return engine
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"after-sales-{args.orders}-{args.seed}.sqlite3"
    fresh = not path.exists()
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, backup=False)
    if fresh:
        from ordermgr.demo import generate
        print(f"Generating {args.orders:,} demo orders into {path} (cached for the next run) ...", flush=True)
        started = time.perf_counter()
        generate(engine, orders=args.orders, seed=args.seed)
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    return engine


def _top_up_cases(engine, target: int, seed: int) -> None:
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(ReturnCase)).scalar()
    need = target - have
    if need <= 0:
        return
    print(f"Adding {need:,} cases in bulk ...", flush=True)
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        taken = select(ReturnCase.order_id)
        candidates = conn.execute(
            select(OrderLine.id, OrderLine.order_id, OrderLine.quantity_shipped, OrderLine.total,
                   OrderLine.quantity, Order.currency)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.status.in_(list(ORDER_SHIPPED_STATES)), OrderLine.quantity_shipped > 0,
                   Order.id.notin_(taken))
            .order_by(OrderLine.order_id).limit(need * 3)).all()
        seen, picked = set(), []
        for row in candidates:
            if row.order_id not in seen:
                seen.add(row.order_id)
                picked.append(row)
        rng.shuffle(picked)
        picked = picked[:need]
        start_id = (conn.execute(select(func.max(ReturnCase.id))).scalar() or 0) + 1
        sla = cs.sla_hours(conn)
        states, weights = zip(*STATES)
        cases, lines = [], []
        for i, row in enumerate(picked):
            kind = rng.choice(KINDS)
            requested = now - timedelta(hours=rng.uniform(0, 24 * 20))
            amount = row.total * rng.choice([1, 1, 1, 3, 12]) if kind != "reship" else 0
            cases.append({"id": start_id + i, "number": f"BRMA{start_id + i:08d}", "order_id": row.order_id,
                          "kind": kind, "status": rng.choices(states, weights)[0], "reason": "other",
                          "resolution": "refund", "requested_at": requested, "decision_note": "",
                          "refund_amount": amount, "currency": row.currency, "history": [], "version": 1,
                          "status_changed_at": requested, "due_at": requested + timedelta(hours=sla[kind]),
                          "refund_shipping": False, "restocking_fee": 0, "amount_reason": "",
                          "intercept_carrier": "", "intercept_reference": "", "intercept_outcome": ""})
            lines.append({"return_id": start_id + i, "order_line_id": row.id, "quantity": 1,
                          "reason_code": "other", "note": "", "quantity_received": 0})
        for chunk in range(0, len(cases), 5000):
            conn.execute(insert(ReturnCase.__table__), cases[chunk:chunk + 5000])
            conn.execute(insert(ReturnLine.__table__), lines[chunk:chunk + 5000])
    if len(picked) < need:
        print(f"  only {len(picked):,} shipped orders without a case were available", flush=True)


def _context(engine):
    from ordermgr.config import Settings
    from ordermgr.context import Context
    ctx = Context(Settings(database_url=engine.url.render_as_string(hide_password=False),
                           username="bench"), auto_upgrade=False)
    ctx.__dict__["engine"] = engine
    return ctx


# -- measuring ------------------------------------------------------------------------------------

@contextmanager
def captured(engine):
    """Record every statement (with parameters) sent to the driver inside the block."""
    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def replay(engine, statements) -> float:
    """Run captured statements on a bare DBAPI connection; milliseconds."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        started = time.perf_counter()
        for statement, parameters in statements:
            if statement.strip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
                continue
            cur.execute(statement, parameters)
            cur.fetchall()
        elapsed = (time.perf_counter() - started) * 1000
        cur.close()
        raw.rollback()
        return elapsed
    finally:
        raw.close()


def median_ms(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def wait_for(app, condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the GUI did not show the data in time")
        time.sleep(0.0005)


def _phone_fragment(engine, seed: int) -> str:
    with engine.connect() as conn:
        count = conn.execute(select(func.max(Customer.id))).scalar()
        rng = random.Random(seed)
        for _ in range(200):
            row = conn.execute(select(Customer.phone).where(Customer.id >= rng.randint(1, count))
                               .order_by(Customer.id).limit(1)).first()
            digits = "".join(ch for ch in (row.phone if row else "") if ch.isdigit())
            if len(digits) >= 9:
                return digits[-8:-2]
    raise SystemExit("no customer with a phone number to search for")


def _customer_360(app, ctx, engine, args) -> tuple[float, float, float]:
    from ordermgr.ui.customers import CustomerDesk
    fragment = _phone_fragment(engine, args.seed)
    desk = CustomerDesk(ctx)
    desk.resize(1200, 800)
    desk.show()
    painted = []
    desk.painted.connect(painted.append)

    def gui():
        painted.clear()
        desk.search.blockSignals(True)
        desk.search.setText(fragment)
        desk.search.blockSignals(False)
        desk.hits.clear()
        desk.run_search()
        wait_for(app, lambda: desk.hits.count() > 0)
        if not painted:
            desk.hits.setCurrentRow(0)
        wait_for(app, lambda: bool(painted))
        desk.repaint()

    def service():
        with engine.connect() as conn:
            hit = cs.search_customers(conn, fragment)[0]
            cs.customer_360(conn, hit.id)

    gui_ms = median_ms(gui, args.runs)
    service_ms = median_ms(service, args.runs)
    with captured(engine) as statements:
        service()
    raw_ms = statistics.median(replay(engine, statements) for _ in range(args.runs))
    desk.close()
    print(f"  (phone fragment {fragment!r}: {desk.hits.count()} customer(s))")
    return gui_ms, service_ms, raw_ms


def _queue(app, ctx, engine, queue: str, args) -> tuple[float, float, float, int]:
    from PySide6.QtWidgets import QTableView
    from ordermgr.ui.aftersales.model import PagedTableModel, case_columns
    from ordermgr.models import utcnow
    now = utcnow()
    model = PagedTableModel(engine, case_columns(), lambda conn, after, limit: cs.case_rows(
        conn, queue, after=after, limit=limit), background=lambda r: r.age(now))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    done = []
    model.reloaded.connect(lambda: done.append(1))

    def gui():
        done.clear()
        model.reload()
        wait_for(app, lambda: bool(done))
        view.viewport().repaint()

    def service():
        with engine.connect() as conn:
            return cs.case_rows(conn, queue, limit=200)

    gui_ms = median_ms(gui, args.runs)
    service_ms = median_ms(service, args.runs)
    with captured(engine) as statements:
        rows = len(service())
    raw_ms = statistics.median(replay(engine, statements) for _ in range(args.runs))
    view.close()
    return gui_ms, service_ms, raw_ms, rows


def _counts(engine, args) -> tuple[float, float, float]:
    def service():
        with engine.connect() as conn:
            cs.case_counts(conn)

    service_ms = median_ms(service, args.runs)
    with captured(engine) as statements:
        service()
    raw_ms = statistics.median(replay(engine, statements) for _ in range(args.runs))
    return 0.0, service_ms, raw_ms



if __name__ == "__main__":
    raise SystemExit(main())
