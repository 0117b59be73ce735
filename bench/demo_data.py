"""Benchmark: `ordermgr.demo.generate` against the raw limit of inserting the same rows.

    .venv/bin/python bench/demo_data.py                  # 100,000 orders into a fresh SQLite file
    .venv/bin/python bench/demo_data.py --orders 20000   # smaller, e.g. on a busy machine
    .venv/bin/python bench/demo_data.py --postgres postgresql://postgres@127.0.0.1:5432/test

It creates a fresh migrated database (SQLite under bench/out/, or a new database on the given
PostgreSQL server, dropped afterwards), times `generate(engine, orders=N)`, then reads every row
the demo wrote and times inserting exactly those rows (same number per table, same values) into
a second fresh migrated database with the bare driver's `executemany` (sqlite3 / psycopg), one
transaction, parents first; on SQLite the search index is built once at the end, as the demo
does. The ratio is demo time / raw time: what generating realistic data and going through
SQLAlchemy Core costs above the floor. Goal (issue 3): 100,000 orders on SQLite under 60 s.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ordermgr.db.engine import make_engine  # noqa: E402
from ordermgr.db.migrate import upgrade  # noqa: E402
from ordermgr.demo import generate  # noqa: E402
from ordermgr.models import Base  # noqa: E402

GOAL_SECONDS = 60.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=100_000, help="demo orders (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", metavar="URL",
                        help="run on PostgreSQL: a URL of a database on the server to use; two "
                             "scratch databases are created next to it and dropped at the end")
    parser.add_argument("--keep", action="store_true", help="keep the demo database afterwards")
    args = parser.parse_args(argv)
    if args.orders < 1:
        parser.error("--orders must be at least 1")
    if args.postgres:
        return _postgres(args)
    return _sqlite(args)


def _tables(summary) -> list[str]:
    """The tables the demo wrote, parents first."""
    return [t.name for t in Base.metadata.sorted_tables if summary.rows.get(t.name)]


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory so far (Linux), in MB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _report(kind: str, orders: int, summary, demo_s: float, raw_s: float, rows: int,
            demo_cpu: float, peak_mb: float | None) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{kind}: {orders:,} demo orders, {rows:,} rows in {len(summary.rows)} tables "
          f"(load average {load:.1f} on {os.cpu_count()} CPUs)")
    for table, count in sorted(summary.rows.items(), key=lambda kv: -kv[1]):
        print(f"  {table:<18} {count:>10,}")
    print(f"demo.generate            {demo_s:8.1f} s  ({rows / demo_s:,.0f} rows/s, "
          f"{orders / demo_s:,.0f} orders/s)")
    print(f"  of which CPU in this process {demo_cpu:6.1f} s (all threads; the rest is waiting "
          "for the disk or for other processes' CPU)")
    if peak_mb is not None:
        print(f"  peak memory of the process during generate {peak_mb:,.0f} MB")
    print(f"raw executemany, same rows {raw_s:6.1f} s  ({rows / raw_s:,.0f} rows/s)")
    print(f"ratio demo / raw         {demo_s / raw_s:8.2f}x")
    if kind == "SQLite":
        if orders >= 100_000:
            verdict = "OK" if demo_s * 100_000 / orders < GOAL_SECONDS else "TOO SLOW"
            print(f"goal: 100,000 orders under {GOAL_SECONDS:.0f} s: {verdict}")
        else:
            print(f"goal: 100,000 orders under {GOAL_SECONDS:.0f} s; linear estimate from "
                  f"{orders:,}: {demo_s * 100_000 / orders:.0f} s (run the default size to check)")


# -- SQLite ---------------------------------------------------------------------------------------

def _fresh_sqlite(path: Path):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, backup=False)
    return engine


def _sqlite(args) -> int:
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    demo_path, raw_path = out / "bench-demo.sqlite3", out / "bench-raw.sqlite3"
    engine = _fresh_sqlite(demo_path)
    print(f"Generating {args.orders:,} demo orders into {demo_path} ...", flush=True)
    started, cpu = time.perf_counter(), time.process_time()
    summary = generate(engine, orders=args.orders, seed=args.seed)
    demo_s, demo_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = _peak_rss_mb()
    engine.dispose()
    _fresh_sqlite(raw_path).dispose()

    print("Inserting the same rows with sqlite3 executemany ...", flush=True)
    source = sqlite3.connect(demo_path)
    target = sqlite3.connect(raw_path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
        target.execute(f"PRAGMA {pragma}")
    trigger = target.execute("SELECT sql FROM sqlite_master WHERE name = 'orders_fts_ai'").fetchone()
    raw_s, rows = 0.0, 0
    target.execute("BEGIN IMMEDIATE")
    if trigger:  # the same indexing strategy as the demo: one rebuild at the end
        target.execute("DROP TRIGGER orders_fts_ai")
    for table in _tables(summary):
        data = source.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        if not data:
            continue
        columns = [c[1] for c in source.execute(f"PRAGMA table_info({table})")]
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        started = time.perf_counter()
        target.executemany(sql, data)
        raw_s += time.perf_counter() - started
        rows += len(data)
        del data
    started = time.perf_counter()
    if trigger:
        target.execute("INSERT INTO orders_fts(orders_fts) VALUES ('rebuild')")
        target.execute(trigger[0])
    target.execute("COMMIT")
    raw_s += time.perf_counter() - started
    source.close()
    target.close()
    expected = summary.total_rows
    assert rows == expected, f"copied {rows} rows, the demo reported {expected}"
    _report("SQLite", summary.orders, summary, demo_s, raw_s, rows, demo_cpu, peak_mb)
    raw_path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{raw_path}{suffix}").unlink(missing_ok=True)
    if not args.keep:
        demo_path.unlink(missing_ok=True)
    return 0


# -- PostgreSQL -----------------------------------------------------------------------------------

def _postgres(args) -> int:
    import psycopg
    from psycopg.types.json import Json

    from ordermgr.config import normalise_database_url
    url = normalise_database_url(args.postgres)
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    base = plain.rsplit("/", 1)[0]
    admin = psycopg.connect(plain, autocommit=True, connect_timeout=5)
    tag = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"
    demo_db, raw_db = f"ordermgr_bench_demo_{tag}", f"ordermgr_bench_raw_{tag}"
    try:
        for name in (demo_db, raw_db):
            admin.execute(f'CREATE DATABASE "{name}"')
            eng = make_engine(f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://"))
            upgrade(eng)
            eng.dispose()
        engine = make_engine(f"{base}/{demo_db}".replace("postgresql://", "postgresql+psycopg://"))
        print(f"Generating {args.orders:,} demo orders into database {demo_db} ...", flush=True)
        started, cpu = time.perf_counter(), time.process_time()
        summary = generate(engine, orders=args.orders, seed=args.seed)
        demo_s, demo_cpu = time.perf_counter() - started, time.process_time() - cpu
        peak_mb = _peak_rss_mb()
        engine.dispose()

        print("Inserting the same rows with psycopg executemany ...", flush=True)
        source = psycopg.connect(f"{base}/{demo_db}")
        target = psycopg.connect(f"{base}/{raw_db}")
        raw_s, rows = 0.0, 0
        for table in _tables(summary):
            cur = source.execute(f"SELECT * FROM {table} ORDER BY 1")  # ids: parents first
            columns = [d.name for d in cur.description]
            data = [tuple(Json(v) if isinstance(v, (dict, list)) else v for v in row)
                    for row in cur.fetchall()]
            if not data:
                continue
            sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
                   f"VALUES ({', '.join(['%s'] * len(columns))})")
            started = time.perf_counter()
            with target.cursor() as tcur:
                tcur.executemany(sql, data)
            raw_s += time.perf_counter() - started
            rows += len(data)
        started = time.perf_counter()
        target.commit()
        raw_s += time.perf_counter() - started
        source.close()
        target.close()
        _report("PostgreSQL", summary.orders, summary, demo_s, raw_s, rows, demo_cpu, peak_mb)
    finally:
        for name in (demo_db, raw_db):
            if args.keep and name == demo_db:
                print(f"kept database {demo_db}")
                continue
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
