"""`ordermgr demo --orders N [--seed S] [--if-empty]`: fill an empty database with demo data."""

from __future__ import annotations

import argparse
import sys
import time


def register(sub) -> None:
    cmd = sub.add_parser("demo", help="fill an empty database with realistic demo data",
                         description="Fill an empty database with a reproducible demo data set: "
                         "stores, ~500 SKUs, two warehouses with stock, customers, and orders in "
                         "every state over the last twelve months.")
    cmd.add_argument("--orders", type=_count, required=True, metavar="N",
                     help="how many orders to create (e.g. 20000)")
    cmd.add_argument("--seed", type=int, default=1, metavar="S",
                     help="random seed: the same seed gives the same data, dated back from the "
                          "current hour (default 1)")
    cmd.add_argument("--if-empty", action="store_true",
                     help="do nothing (and say so) if the database already has orders")
    cmd.set_defaults(func=_demo, creates_database=True)


def _count(value: str) -> int:
    try:
        number = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= 20_000_000:
        raise argparse.ArgumentTypeError("must be between 1 and 20000000")
    return number


def _demo(args, ctx) -> int:
    from ordermgr.demo import count_orders, ensure_empty, generate
    engine = ctx.engine
    with engine.connect() as conn:
        existing = count_orders(conn)
        if existing and args.if_empty:
            print(f"The database already has {existing:,} orders; no demo data added.")
            return 0
        ensure_empty(conn)  # refuses with one clear line before anything is printed or written
    _ = ctx.actor  # the person running this is a user before the demo staff are (the first is admin)
    where = engine.url.render_as_string(hide_password=True)
    print(f"Creating {args.orders:,} demo orders (seed {args.seed}) in {where} ...", flush=True)
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> bool:
        now = time.perf_counter()
        if done == total or now - last[0] >= 1.0:
            last[0] = now
            rate = done / (now - started) if now > started else 0
            end = "\n" if done == total else ""
            print(f"\r  {done:,} / {total:,} orders ({rate:,.0f}/s)", end=end, flush=True,
                  file=sys.stdout)
        return True

    summary = generate(engine, orders=args.orders, seed=args.seed, progress=progress)
    print(summary.describe())
    statuses = ", ".join(f"{status} {count:,}" for status, count in
                         sorted(summary.statuses.items(), key=lambda kv: -kv[1]))
    print(f"Orders by status: {statuses}")
    return 0
