"""Stock import of 100,000 rows from .xlsx and from .csv: the preview and the commit beside
reading the same file raw (openpyxl read-only / the csv module), and peak memory.

Every row creates a SKU (product, name, price) and sets its level in warehouse MAIN (on hand and
threshold: one ledger movement each). Each measurement runs in its own process on a fresh
database, so its peak RSS (/proc VmHWM) is the import's alone. Printed per file format:
  - raw read rows/s (just iterating the file's rows, nothing checked),
  - preview rows/s (read + check every row against the database, nothing written),
  - commit rows/s (read + check + write products, SKUs, levels, ledger, in one transaction),
  - peak RSS of the preview and of the commit process           (goal <= 150 MB)

    .venv/bin/python bench/stock_import.py                  # 100,000 rows, SQLite
    .venv/bin/python bench/stock_import.py --rows 20000 --db postgresql
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OUT = Path(__file__).resolve().parent / "out"
PG_ADMIN_URL = os.environ.get("ORDERMGR_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
GOAL_RSS_MB = 150
HEADER = ["sku", "product", "name", "category", "price", "currency", "warehouse", "on_hand",
          "threshold"]


def row(i: int) -> list:
    return [f"BN-{i:06d}", f"Bench product {i // 3}", f"Bench product {i // 3}, size {i % 3}",
            "bench", f"{(i % 5000) / 100 + 1:.2f}", "CNY", "MAIN", i % 500, i % 7]


def write_files(rows: int) -> dict[str, Path]:
    import csv

    from openpyxl import Workbook
    OUT.mkdir(parents=True, exist_ok=True)
    paths = {"csv": OUT / f"stock_{rows}.csv", "xlsx": OUT / f"stock_{rows}.xlsx"}
    if not paths["csv"].exists():
        with paths["csv"].open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            writer.writerows(row(i) for i in range(rows))
    if not paths["xlsx"].exists():
        book = Workbook(write_only=True)
        sheet = book.create_sheet("stock")
        sheet.append(HEADER)
        for i in range(rows):
            sheet.append(row(i))
        book.save(paths["xlsx"])
    return paths


def fresh_database(kind: str) -> tuple[str, callable]:
    if kind == "sqlite":
        path = OUT / f"stock_import_{uuid.uuid4().hex[:6]}.sqlite3"

        def remove():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", remove
    import psycopg
    admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    name = f"ordermgr_bench_stock_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}", drop


def prepare(url: str) -> None:
    from ordermgr.db.engine import make_engine
    from ordermgr.db.migrate import upgrade
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.services import catalog
    from ordermgr.services.users import resolve_actor
    engine = make_engine(url)
    upgrade(engine)
    catalog.create_warehouse(UnitOfWork(engine, resolve_actor(engine, "bench")), code="MAIN",
                             name="Main warehouse")
    engine.dispose()


# -- measured in a child process -----------------------------------------------------------------

def peak_rss_mb() -> float:
    """VmHWM starts afresh at exec (ru_maxrss would carry the parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(step: str, path: Path, url: str) -> dict:
    started = time.perf_counter()
    if step == "raw":
        if path.suffix == ".csv":
            import csv
            with path.open(newline="", encoding="utf-8") as fh:
                count = sum(1 for _ in csv.reader(fh)) - 1
        else:
            from openpyxl import load_workbook
            book = load_workbook(path, read_only=True, data_only=True)
            count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True)) - 1
            book.close()
    else:
        from ordermgr.db.engine import make_engine
        from ordermgr.db.uow import UnitOfWork
        from ordermgr.services.stock_import import commit_import, preview_import
        from ordermgr.services.users import resolve_actor
        engine = make_engine(url)
        actor = resolve_actor(engine, "bench")
        started = time.perf_counter()
        if step == "preview":
            with engine.connect() as conn:
                preview = preview_import(conn, path)
            assert preview.ok, preview.errors[:3]
            count = preview.row_count
        else:
            count = commit_import(UnitOfWork(engine, actor), path).rows
    return {"rows": count, "seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb()}


def measure(step: str, path: Path, url: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", step, str(path), url],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--child", nargs=3, metavar=("STEP", "FILE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), args.child[2])))
        return 0
    paths = write_files(args.rows)
    load = os.getloadavg()[0]
    print(f"Stock import, {args.rows:,} rows (each a new SKU with a stock level), {args.db} "
          f"(load average {load:.1f} on {os.cpu_count()} CPUs)")
    print(f"{'file':<6} {'size MB':>8} {'raw rows/s':>11} {'preview rows/s':>15} "
          f"{'commit rows/s':>14} {'peak MB preview':>16} {'peak MB commit':>15}")
    worst = 0.0
    for kind, path in paths.items():
        url, remove = fresh_database(args.db)
        try:
            prepare(url)
            raw = measure("raw", path, url)
            preview = measure("preview", path, url)
            commit = measure("commit", path, url)
        finally:
            remove()
        assert raw["rows"] == preview["rows"] == commit["rows"] == args.rows
        rate = {name: r["rows"] / r["seconds"] for name, r in
                (("raw", raw), ("preview", preview), ("commit", commit))}
        worst = max(worst, preview["peak_mb"], commit["peak_mb"])
        print(f"{kind:<6} {path.stat().st_size / 2**20:>8.1f} {rate['raw']:>11,.0f} "
              f"{rate['preview']:>15,.0f} {rate['commit']:>14,.0f} {preview['peak_mb']:>16.0f} "
              f"{commit['peak_mb']:>15.0f}")
    print(f"peak RSS {worst:.0f} MB (goal <= {GOAL_RSS_MB} MB): "
          f"{'ok' if worst <= GOAL_RSS_MB else 'OVER'}")
    return 0 if worst <= GOAL_RSS_MB else 1


if __name__ == "__main__":
    sys.exit(main())
