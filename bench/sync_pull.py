"""Benchmark: pull N orders from the local demo store (no rate limit) into a fresh SQLite and a
fresh PostgreSQL database through the real sync engine (HTTP, parsing, validation, idempotent
upsert with lines, customers, payments, raw payloads, watermark).

Prints, per database:
  - first pull: orders/s (goal >= 2,000/s into SQLite);
  - raw limit: a plain bulk INSERT ... ON CONFLICT of the same orders, lines and raw payloads
    (already parsed, no HTTP, no domain rules), measured in the same run, and the ratio;
  - re-sync of the same unchanged orders from scratch (watermark cleared): orders/s and the
    speed-up over the first pull (goal >= 5x).

    python bench/sync_pull.py                 # 100,000 orders (the default)
    python bench/sync_pull.py --orders 10000  # reduced scale
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
PG_ADMIN = os.environ.get("ORDERMGR_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _serve(platform: str, orders: int, queue) -> None:
    from ordermgr.sync.fake import DemoServer, DemoStore
    store = DemoStore(platform=platform, orders=orders, seed=7)
    server = DemoServer(store).start()
    queue.put((server.url, store.credential))
    server.thread.join()


def fresh_engine(kind: str):
    from ordermgr.db.engine import make_engine
    from ordermgr.db.migrate import upgrade
    if kind == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"sync_pull_{uuid.uuid4().hex[:6]}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        cleanup = lambda: [p.unlink(missing_ok=True) for p in OUT.glob(path.name + "*")]  # noqa: E731
    else:
        import psycopg
        name = f"ordermgr_bench_{uuid.uuid4().hex[:8]}"
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
        admin.execute(f'CREATE DATABASE "{name}"')
        engine = make_engine(PG_ADMIN.rsplit("/", 1)[0] + "/" + name)

        def cleanup():
            engine.dispose()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    upgrade(engine)
    return engine, cleanup


def pull(engine, actor, store_id, page_size: int):
    from ordermgr.sync.http import HttpClient
    from ordermgr.sync.runner import sync_store
    started = time.perf_counter()
    run = sync_store(engine, actor, store_id, page_size=page_size, push=False,
                     http=HttpClient(store_name="bench", timeout=(5, 120)))
    seconds = time.perf_counter() - started
    if run.error:
        raise SystemExit(f"sync failed: {run.error}")
    return run, seconds


def raw_bulk_upsert(engine, store_id: int, url: str, credential: str, platform: str,
                    page_size: int) -> tuple[int, float]:
    """The same rows written by plain bulk upserts (parsing and HTTP not timed)."""
    from sqlalchemy import insert
    from ordermgr.models import Order, OrderLine
    from ordermgr.models.sync import RawPayload
    from ordermgr.sync import connector_class
    from ordermgr.sync.base import payload_digest
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    connector = connector_class(platform)(name="raw", base_url=url, credential=credential)
    total, seconds = 0, 0.0
    for page in connector.iter_order_pages(None, page_size=page_size):
        parsed = page.parsed()
        if not parsed:  # a platform may end its walk with an empty page
            continue
        rows = []
        for i, o in enumerate(parsed, start=total):  # numbers unique even for long external ids
            rows.append(dict(number=f"RAW{i}", store_id=store_id, external_id=o.external_id,
                             customer_name=o.customer_name[:120], email=o.email[:200], phone=o.phone[:40],
                             placed_at=o.placed_at, updated_at=o.updated_at, currency=o.currency,
                             subtotal=o.total - o.shipping, shipping=o.shipping, tax=o.tax,
                             discount=o.discount, total=o.total, status="pending_payment",
                             payment_status="pending", fulfilment_status="unfulfilled", tags="",
                             note="", item_count=sum(line.quantity for line in o.lines),
                             ship_name="", ship_phone="", ship_line1="", ship_line2="", ship_city="",
                             ship_region="", ship_postcode="", ship_country="CN", search_text="",
                             version=1))
        raws = [dict(store_id=store_id, external_id=o.external_id, remote_updated_at=o.updated_at,
                     digest=payload_digest(o.raw), payload=o.raw, received_at=o.updated_at)
                for o in parsed]
        started = time.perf_counter()
        with engine.begin() as conn:
            stmt = upsert(Order.__table__)
            stmt = stmt.on_conflict_do_update(index_elements=["store_id", "external_id"],
                                              set_={"updated_at": stmt.excluded.updated_at,
                                                    "total": stmt.excluded.total})
            ids = dict(conn.execute(stmt.returning(Order.__table__.c.external_id, Order.__table__.c.id,
                                                   sort_by_parameter_order=True), rows).all())
            lines = [dict(order_id=ids[o.external_id], sku=line.sku, name=line.name[:200],
                          quantity=line.quantity, unit_price=line.unit_price, discount=line.discount,
                          total=line.unit_price * line.quantity - line.discount,
                          quantity_reserved=0, quantity_shipped=0, quantity_returned=0,
                          external_id=line.external_id) for o in parsed for line in o.lines]
            if lines:
                conn.execute(insert(OrderLine.__table__), lines)
            stmt = upsert(RawPayload.__table__)
            conn.execute(stmt.on_conflict_do_update(index_elements=["store_id", "external_id"],
                                                    set_={"digest": stmt.excluded.digest}), raws)
        seconds += time.perf_counter() - started
        total += len(parsed)
    connector.close()
    return total, seconds


def bench_database(kind: str, url: str, credential: str, args) -> dict:
    from sqlalchemy import update
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.models.sync import SyncState
    from ordermgr.services import stores
    from ordermgr.services.users import resolve_actor
    engine, cleanup = fresh_engine(kind)
    try:
        actor = resolve_actor(engine, "bench")
        store_id = stores.add_store(UnitOfWork(engine, actor), name="Bench", platform=args.platform,
                                    url=url, credential=credential, code="B")
        first, first_s = pull(engine, actor, store_id, args.page_size)
        with engine.begin() as conn:  # forget the watermark: walk every (unchanged) order again
            conn.execute(update(SyncState).values(watermark=None))
        again, again_s = pull(engine, actor, store_id, args.page_size)
        raw_store = stores.add_store(UnitOfWork(engine, actor), name="Raw", platform=args.platform,
                                     url=url, credential=credential, code="R")
        raw_n, raw_s = raw_bulk_upsert(engine, raw_store, url, credential, args.platform, args.page_size)
        return dict(kind=kind, first=first, first_s=first_s, again=again, again_s=again_s,
                    raw_n=raw_n, raw_s=raw_s)
    finally:
        cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--platform", default="shopify", choices=["shopify", "woocommerce", "medusa"])
    parser.add_argument("--page-size", type=int, default=250)
    parser.add_argument("--skip-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    if args.platform == "woocommerce":
        args.page_size = min(args.page_size, 100)
    os.environ.setdefault("ORDERMGR_SECRETS_BACKEND", "file")
    config = tempfile.mkdtemp(prefix="ordermgr-bench-")
    os.environ["ORDERMGR_CONFIG_DIR"] = config
    queue = mp.get_context("fork").Queue()
    print(f"Generating {args.orders:,} {args.platform} orders in the demo store...", flush=True)
    server = mp.get_context("fork").Process(target=_serve, args=(args.platform, args.orders, queue),
                                            daemon=True)
    server.start()
    url, credential = queue.get(timeout=600)
    try:
        kinds = ["sqlite"] + ([] if args.skip_pg else ["postgresql"])
        print(f"{'database':<11} {'first pull':>16} {'raw upsert':>16} {'vs raw':>7} "
              f"{'re-sync unchanged':>20} {'speed-up':>9}")
        for kind in kinds:
            r = bench_database(kind, url, credential, args)
            n = r["first"].new
            first_rate = n / r["first_s"]
            raw_rate = r["raw_n"] / r["raw_s"]
            again_rate = r["again"].unchanged / r["again_s"]
            print(f"{kind:<11} {first_rate:>10,.0f} ord/s {raw_rate:>10,.0f} ord/s "
                  f"{first_rate / raw_rate:>6.0%} {again_rate:>14,.0f} ord/s {r['first_s'] / r['again_s']:>8.1f}x"
                  f"   ({n:,} new in {r['first_s']:.1f} s; re-sync {r['again'].unchanged:,} in "
                  f"{r['again_s']:.1f} s; raw {r['raw_n']:,} in {r['raw_s']:.1f} s)", flush=True)
            if r["first"].quarantined:
                print(f"            ({r['first'].quarantined} quarantined)")
        print("Goals: >= 2,000 orders/s into SQLite on the first pull; re-sync >= 5x faster.")
    finally:
        server.terminate()
        shutil.rmtree(config, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
