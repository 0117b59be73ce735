"""Benchmark: packing slips + labels for N orders as one PDF, and the pick list for them.

    .venv/bin/python bench/documents.py [--orders 500] [--db-orders 5000]

Builds (once, cached under bench/out/) a demo database with ordermgr.demo.generate, takes the
N oldest orders waiting in the warehouse (allocated, picking, packed: what a morning's batch
prints), gives those without a shipment a synthetic SF waybill (as if taken from the carrier's
electronic waybill pool) so every label carries a barcode, then times:

  * end to end: read the orders from the database, render slips + labels, write the file;
  * the pick list for the same N orders (read + render + write);
  * reportlab's raw rate: rendering the same page content from objects already in memory
    (no data access, no file write) - the ceiling our data access is measured against.

Goal: 500 orders (1,000+ pages) in under 10 s end to end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from ordermgr.db.engine import make_engine  # noqa: E402
from ordermgr.db.migrate import upgrade  # noqa: E402
from ordermgr.models import Order, OrderStatus  # noqa: E402
from ordermgr.reports import documents  # noqa: E402
from ordermgr.services.fulfilment import pick_list_for  # noqa: E402

OUT = ROOT / "bench" / "out"
WAREHOUSE_STATES = (OrderStatus.ALLOCATED, OrderStatus.PICKING, OrderStatus.PACKED)


def database(db_orders: int):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"documents-{db_orders}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, backup=False)
    with Session(engine) as session:
        have = session.scalar(select(func.count()).select_from(Order))
    if not have:
        from ordermgr.demo import generate
        started = time.perf_counter()
        generate(engine, orders=db_orders, seed=7)
        print(f"built demo database with {db_orders} orders in {time.perf_counter() - started:.1f} s"
              f" ({path})")
    return engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=500, help="orders in the batch (default 500)")
    parser.add_argument("--db-orders", type=int, default=20000,
                        help="orders in the cached demo database (default 20000)")
    args = parser.parse_args()
    engine = database(max(args.db_orders, args.orders))
    with Session(engine) as session:
        ids = list(session.scalars(
            select(Order.id).where(Order.status.in_(WAREHOUSE_STATES))
            .order_by(Order.placed_at, Order.id).limit(args.orders)))
    if len(ids) < args.orders:
        print(f"only {len(ids)} orders in the warehouse queues; using those "
              "(raise --db-orders for more)")
    out = OUT / "documents.pdf"
    picks = OUT / "picklist.pdf"

    # end to end: database -> PDF file
    started = time.perf_counter()
    with Session(engine) as session:
        docs = documents.load_order_documents(session, ids)
        for i, doc in enumerate(docs):
            if not doc.waybill:
                doc.carrier, doc.waybill = "SF Express", f"SF{1311520900000 + i:013d}"
    read_seconds = time.perf_counter() - started
    data = documents.documents_pdf(docs)
    documents.save_pdf(data, out)
    total = time.perf_counter() - started
    from pypdf import PdfReader
    pages = len(PdfReader(out).pages)

    started = time.perf_counter()
    with Session(engine) as session:
        plist = pick_list_for(session, {oid: slot for slot, oid in enumerate(ids, 1)}, "PB-BENCH")
    pick_data = documents.pick_list_pdf(plist)
    documents.save_pdf(pick_data, picks)
    pick_seconds = time.perf_counter() - started
    pick_pages = len(PdfReader(picks).pages)

    # reportlab raw: the same page content, already in memory, rendered only
    started = time.perf_counter()
    documents.documents_pdf(docs)
    raw = time.perf_counter() - started
    started = time.perf_counter()
    documents.pick_list_pdf(plist)
    raw_pick = time.perf_counter() - started

    n = len(docs)
    print(f"slips + labels, {n} orders: {pages} pages, {len(data) / 1e6:.1f} MB -> {out}")
    print(f"  reading the orders:                 {read_seconds:6.2f} s")
    print(f"  end to end (read + render + write): {total:6.2f} s  {pages / total:7.0f} pages/s")
    print(f"  reportlab raw (render only):        {raw:6.2f} s  {pages / raw:7.0f} pages/s")
    print(f"  our overhead over raw:              {max(total - raw, 0):6.2f} s")
    verdict = "met" if total < 10 * n / 500 else "MISSED"
    print(f"  goal (500 orders < 10 s, scaled to {n} orders): {verdict}")
    print(f"pick list, {n} orders: {pick_pages} pages, {len(plist.rows)} pick lines -> {picks}")
    print(f"  end to end: {pick_seconds:6.2f} s  {pick_pages / pick_seconds:7.0f} pages/s; "
          f"reportlab raw {raw_pick:.2f} s ({pick_pages / raw_pick:.0f} pages/s)")


if __name__ == "__main__":
    main()
