"""`ordermgr sync --once [--store NAME]` and `ordermgr sync --watch`: the headless sync runner."""

from __future__ import annotations

import logging
import time

from dataclasses import asdict

from ordermgr.jsonout import emit
from ordermgr.sync.runner import sync_all


def register(sub) -> None:
    sync = sub.add_parser("sync", help="pull orders from the storefronts and push fulfilments, "
                                       "cancellations, refunds and stock back",
                          description="Exit status with --once: 0 all well, 1 a store could not be "
                                      "synced, 2 orders are quarantined or pushes failed or are "
                                      "parked (waiting for a person; see --parked).")
    mode = sync.add_mutually_exclusive_group(required=True)
    mode.add_argument("--once", action="store_true", help="one round over the stores, then exit")
    mode.add_argument("--watch", action="store_true", help="keep syncing until interrupted")
    mode.add_argument("--parked", action="store_true",
                      help="list pushes parked after repeated failures, and quarantined orders")
    mode.add_argument("--retry", type=int, metavar="ID", help="queue a parked push again")
    mode.add_argument("--dismiss", type=int, metavar="ID", help="drop a parked push (needs --reason)")
    mode.add_argument("--retry-order", type=int, metavar="ID",
                      help="read a quarantined order (ID from --parked) from its storefront again")
    sync.add_argument("--reason", default="", help="why a parked push is dismissed")
    sync.add_argument("--store", metavar="NAME", help="only this store")
    sync.add_argument("--interval", type=float, default=60.0,
                      help="seconds between rounds with --watch (default 60)")
    sync.add_argument("--page-size", type=int, default=100, help="orders per request (default 100)")
    sync.add_argument("--quiet", action="store_true", help="print only problems")
    sync.add_argument("--json", action="store_true",
                      help="print each round's summary (or --parked's lists) as one JSON line")
    sync.set_defaults(func=_run)


def _problems(args, ctx) -> int:
    from ordermgr.services import stores, sync_push
    if args.retry_order is not None:
        from ordermgr.sync.runner import retry_quarantined
        imported, message = retry_quarantined(ctx.engine, ctx.actor, args.retry_order)
        print(message)
        return 0 if imported else 2
    if args.retry is not None:
        sync_push.retry_message(ctx.uow(), args.retry)
        print(f"Push {args.retry} queued again; it is sent on the next sync.")
        return 0
    if args.dismiss is not None:
        sync_push.dismiss_message(ctx.uow(), args.dismiss, reason=args.reason)
        print(f"Push {args.dismiss} dismissed.")
        return 0
    parked = stores.parked_pushes(ctx.engine)
    quarantined = stores.quarantined_orders(ctx.engine)
    if args.json:
        emit({"parked_pushes": parked, "quarantined_orders": quarantined})
        return 0
    print(f"Parked pushes: {len(parked)}")
    for p in parked:
        print(f"  #{p.id:<6} {p.store[:16]:<16} {p.topic:<12} {p.summary}\n          {p.error}")
    print(f"Quarantined orders: {len(quarantined)}")
    for q in quarantined:
        print(f"  #{q.id:<6} {q.store[:16]:<16} {q.number or q.external_id:<12} {q.reason}")
    return 0


def _run(args, ctx) -> int:
    if args.parked or args.retry is not None or args.dismiss is not None or args.retry_order is not None:
        return _problems(args, ctx)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    engine, actor = ctx.engine, ctx.actor
    last_housekeeping = None
    while True:
        runs = sync_all(engine, actor, store_name=args.store, page_size=args.page_size)
        failed = any(run.error for run in runs)
        waiting = any(run.needs_attention for run in runs)
        if args.json:
            emit({"stores": [dict(asdict(run), needs_attention=run.needs_attention) for run in runs],
                  "failed": failed, "waiting": waiting}, compact=True)
        for run in runs if not args.json else ():
            if not args.quiet or run.error or run.needs_attention:
                print(run.summary(), flush=True)
            for message in run.messages[:20]:
                print(f"    {message}", flush=True)
        if not runs and not args.quiet and not args.json:
            print("No active storefronts to sync; add one with `ordermgr store add`.")
        if waiting and not args.json:
            print("Orders or pushes wait for a person: see `ordermgr sync --parked`.", flush=True)
        if args.once:
            return 1 if failed else 2 if waiting else 0
        last_housekeeping = _housekeeping(engine, actor, last_housekeeping, quiet=args.quiet)
        time.sleep(max(1.0, args.interval))


def _housekeeping(engine, actor, last: float | None, *, quiet: bool) -> float | None:
    """With --watch, also run the time-based jobs every 5 minutes (see `ordermgr housekeeping`)."""
    from ordermgr.errors import UserError
    from ordermgr.services.housekeeping import MIN_INTERVAL, run_housekeeping
    if last is not None and time.monotonic() - last < MIN_INTERVAL.total_seconds():
        return last
    try:
        report = run_housekeeping(engine, actor)
    except UserError as exc:  # e.g. this user may not run any job: say so, keep syncing
        print(f"Housekeeping: {exc}", flush=True)
    else:
        if report.errors or (not quiet and report.did_something):
            for line in report.lines():
                print(line, flush=True)
    return time.monotonic()
