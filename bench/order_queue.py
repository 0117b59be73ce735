"""Order queue benchmark: the real order desk widget on a big SQLite and PostgreSQL database.

    .venv/bin/python bench/order_queue.py                 # 1,000,000 orders (first run builds
                                                          # them: ~10 min SQLite, ~25 min PostgreSQL)
    .venv/bin/python bench/order_queue.py --orders 50000  # a quick check

Databases are built once with ordermgr.demo.generate and reused: bench/out/orders_<N>.sqlite3 and
the PostgreSQL database ordermgr_bench_<N> (on --pg-url's server). Each database is measured in
its own process (so peak RSS is the queue's, not the generator's), offscreen, and prints

  first rows   construct the order desk -> the first rows painted       (goal <= 300 ms)
  search       a phone-number fragment -> its rows painted              (goal <= 150 ms)
  scroll       jump to row N/2 -> that row painted                       (no goal; reported)
  peak RSS     of the measuring process                                  (goal <= 400 MB)

each beside the raw SQL for the same rows in the same run (the first page; the search page; an
OFFSET query for the rows at N/2).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
DEFAULT_PG = os.environ.get("ORDERMGR_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
GOALS = {"first_rows_ms": 300, "search_ms": 150, "search_common_ms": 150, "peak_rss_mb": 400}


# -- building -------------------------------------------------------------------------------------

def sqlite_url(orders: int) -> str:
    return f"sqlite:///{OUT / f'orders_{orders}.sqlite3'}"


def pg_url(admin_url: str, orders: int) -> str:
    return f"{admin_url.rsplit('/', 1)[0]}/ordermgr_bench_{orders}"


def order_count(engine) -> int:
    from sqlalchemy import text
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM orders")).scalar()


def build(url: str, orders: int, admin_url: str | None) -> None:
    """Create, migrate and fill the database unless it already holds `orders` orders."""
    from ordermgr import demo
    from ordermgr.db.engine import make_engine
    from ordermgr.db.migrate import upgrade
    from ordermgr.services.users import resolve_actor
    if url.startswith("postgresql") and admin_url:
        import psycopg
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(admin_url, autocommit=True) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                   (name,)).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(url)
    upgrade(engine)
    have = order_count(engine)
    if have == orders:
        print(f"  reusing {engine.url.render_as_string(hide_password=True)} ({have:,} orders)")
        return
    if have:
        sys.exit(f"{url} holds {have:,} orders, not {orders:,}; drop it first.")
    resolve_actor(engine, "bench")  # the first user: admin
    start = time.perf_counter()

    def progress(done, total):
        print(f"\r  generating {done:,}/{total:,} orders", end="", flush=True)
    demo.generate(engine, orders=orders, seed=42, progress=progress)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"\n  built in {time.perf_counter() - start:.0f} s")
    engine.dispose()


# -- measuring (in a child process) -------------------------------------------------------------

def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def measure(url: str, orders: int) -> dict:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout
    from sqlalchemy import select, text

    from ordermgr.config import Settings
    from ordermgr.context import Context
    from ordermgr.db import queries
    from ordermgr.db.queries import ROW_COLUMNS, OrderFilter
    from ordermgr.models import Order, Store
    from ordermgr.ui.app import create_application
    from ordermgr.ui.orders.desk import OrderDesk

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(OUT / "qsettings"))
    QSettings().clear()
    app = create_application(["bench"])
    ctx = Context(Settings(database_url=url, username="bench"), auto_upgrade=False)
    engine = ctx.engine
    ctx.actor  # noqa: B018 - resolve the user before timing
    with engine.connect() as conn:  # a phone fragment of a real, recent-ish customer
        phone = conn.execute(select(Order.phone).where(Order.phone != "")
                             .order_by(Order.id).offset(orders // 3).limit(1)).scalar()
    digits = "".join(c for c in phone if c.isdigit())
    fragment = digits[-7:-1]

    loop = QEventLoop()
    marks: dict[str, float] = {}
    poll = QTimer(interval=1)

    def wait_for(condition, timeout=120.0):
        """Run the real event loop (idle in C++, so worker threads get the GIL) until
        `condition()`, then paint the table synchronously."""
        end = time.perf_counter() + timeout

        def check():
            if condition() or time.perf_counter() > end:
                loop.quit()
        poll.timeout.connect(check)
        poll.start()
        if not condition():
            loop.exec()
        poll.stop()
        poll.timeout.disconnect(check)
        if not condition():
            raise TimeoutError("the queue did not answer")
        marks["ready"] = time.perf_counter()
        desk.table.viewport().repaint()  # paint now, synchronously

    def rss_mb() -> float:
        """Peak RSS of this process. /proc's VmHWM starts afresh at exec; ru_maxrss would
        include the parent's peak (the database generator)."""
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # The main window has painted text before the order desk opens; warm the font caches the
    # same way (Latin and CJK glyphs) so the first paint measured is the queue's, not fontconfig's.
    # PySide6 also builds some bindings lazily on first use (QBoxLayout.addLayout,
    # QAbstractScrollArea.viewport, ...), once per process: warm those too.
    warm = QLabel("Order 订单 0123456789 ABCabc 待履约 已发货")
    start = time.perf_counter()
    warm.grab()
    dummy = QTableView()
    dummy.viewport().repaint()
    QVBoxLayout().addLayout(QHBoxLayout())
    font_warmup_ms = (time.perf_counter() - start) * 1000
    warm.close()
    rss_before = rss_mb()

    result = {"database": engine.dialect.name, "orders": order_count(engine),
              "font_warmup_ms": font_warmup_ms, "rss_before_mb": rss_before}

    # 1. first rows
    start = time.perf_counter()
    desk = OrderDesk(ctx, None)
    desk.resize(1400, 900)
    desk.show()
    result["construct_ms"] = (time.perf_counter() - start) * 1000
    wait_for(lambda: desk.model.rowCount() > 0 and not desk.model.loading)
    result["first_rows_ms"] = (time.perf_counter() - start) * 1000
    result["first_rows_data_ms"] = (marks["ready"] - start) * 1000
    result["rss_first_rows_mb"] = rss_mb()
    with engine.connect() as conn:
        result["first_rows_sql_ms"], _ = _timed(lambda: queries.fetch_order_page(
            conn, OrderFilter(), limit=200))
    wait_for(lambda: bool(desk.counts))
    result["counts_ms_sql"], _ = _timed(lambda: desk._read(
        lambda conn: queries.queue_counts(conn, OrderFilter())))

    # 2. phone-fragment search (the debounce is the widget's choice; time from applying it)
    start = time.perf_counter()
    desk.search.setText(fragment)
    desk.apply_filter()
    wait_for(lambda: not desk.model.loading)
    result["search_ms"] = (time.perf_counter() - start) * 1000
    result["search_rows"] = desk.model.rowCount()
    with engine.connect() as conn:
        result["search_sql_ms"], _ = _timed(lambda: queries.fetch_order_page(
            conn, OrderFilter(search=fragment), limit=200))
    result["search_fragment"] = fragment
    # a short, common fragment (many matches: the ordering and LIMIT matter, not the lookup)
    common = digits[:4]
    start = time.perf_counter()
    desk.search.setText(common)
    desk.apply_filter()
    wait_for(lambda: not desk.model.loading)
    result["search_common_ms"] = (time.perf_counter() - start) * 1000
    with engine.connect() as conn:
        result["search_common_sql_ms"], _ = _timed(lambda: queries.fetch_order_page(
            conn, OrderFilter(search=common), limit=200))
    result["search_common"] = common

    # 3. scroll to the middle row
    desk.search.clear()
    desk.apply_filter()
    wait_for(lambda: not desk.model.loading)
    target = orders // 2
    start = time.perf_counter()
    desk.go_to_row(target)
    wait_for(lambda: True)
    result["scroll_ms"] = (time.perf_counter() - start) * 1000
    shown = desk.model.row_at(target)
    with engine.connect() as conn:
        stmt = (select(*ROW_COLUMNS).join(Store, Store.id == Order.store_id)
                .order_by(Order.placed_at.desc(), Order.id.desc()).offset(target).limit(200))
        result["scroll_sql_ms"], rows = _timed(lambda: conn.execute(stmt).all())
    result["scroll_row_matches_sql"] = bool(rows) and shown is not None and rows[0].id == shown.id
    # then page down through 100 screens: memory must stay flat
    for _ in range(100):
        bar = desk.table.verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
    result["cached_rows"] = desk.model.cached_rows
    result["peak_rss_mb"] = rss_mb()
    desk.close()
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return result


def report(results: list[dict]) -> None:
    print()
    print(f"{'':24}" + "".join(f"{r['database']:>22}" for r in results))
    rows = [("orders", "orders", None, "{:,.0f}"),
            ("first rows painted", "first_rows_ms", "first_rows_sql_ms", "{:,.0f} ms"),
            ("phone search painted", "search_ms", "search_sql_ms", "{:,.0f} ms"),
            ("4-digit search painted", "search_common_ms", "search_common_sql_ms", "{:,.0f} ms"),
            ("scroll to N/2 painted", "scroll_ms", "scroll_sql_ms", "{:,.0f} ms"),
            ("peak RSS", "peak_rss_mb", None, "{:,.0f} MB"),
            ("rows cached at the end", "cached_rows", None, "{:,.0f}")]
    for title, key, raw, fmt in rows:
        cells = []
        for r in results:
            cell = fmt.format(r[key])
            if raw:
                cell += f" (SQL {r[raw]:,.0f})"
            goal = GOALS.get(key)
            if goal is not None:
                cell += " ✓" if r[key] <= goal else " ✗"
            cells.append(f"{cell:>22}")
        print(f"{title:24}" + "".join(cells))
    print()
    for r in results:
        print(f"{r['database']}:")
        print(f"  search fragments {r['search_fragment']!r} -> {r['search_rows']} rows, "
              f"{r['search_common']!r}; queue counts (SQL, off the UI thread) "
              f"{r['counts_ms_sql']:,.0f} ms")
        print(f"  first rows: widget built and shown after {r['construct_ms']:,.0f} ms, rows "
              f"arrived after {r['first_rows_data_ms']:,.0f} ms, painted after "
              f"{r['first_rows_ms']:,.0f} ms (per-process font and binding warm-up before it, "
              f"not counted: {r['font_warmup_ms']:,.0f} ms)")
        print(f"  RSS before the desk {r['rss_before_mb']:,.0f} MB, after its first rows "
              f"{r['rss_first_rows_mb']:,.0f} MB; the row at N/2 is the OFFSET query's: "
              f"{r['scroll_row_matches_sql']}")
    print("goals: first rows <= 300 ms, searches <= 150 ms, peak RSS <= 400 MB "
          "(SQL = the raw query for the same rows in the same run)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--pg-url", default=DEFAULT_PG,
                        help="an existing database on the PostgreSQL server (used to create "
                             "ordermgr_bench_<N>)")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print("RESULT " + json.dumps(measure(args.child, args.orders)))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    targets = []
    if not args.skip_sqlite:
        targets.append(sqlite_url(args.orders))
    if not args.skip_pg:
        targets.append(pg_url(args.pg_url, args.orders))
    results = []
    for url in targets:
        print(f"{url.split(':')[0]}: preparing {args.orders:,} orders")
        build(url, args.orders, args.pg_url if url.startswith("postgresql") else None)
        child = subprocess.run([sys.executable, __file__, "--orders", str(args.orders),
                                "--child", url], capture_output=True, text=True)
        line = next((l for l in child.stdout.splitlines() if l.startswith("RESULT ")), None)
        if line is None:
            print(child.stdout[-2000:], child.stderr[-4000:])
            return 1
        results.append(json.loads(line[7:]))
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
