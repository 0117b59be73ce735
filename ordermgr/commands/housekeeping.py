"""`ordermgr housekeeping [--dry-run] [--force]`: cancel unpaid orders, complete delivered ones,
flag delayed parcels. Meant for the system scheduler (cron, systemd timer, Task Scheduler); exits
1 with one clear line per problem (a user who may not do every job is refused before any)."""

from __future__ import annotations

import sys


def register(sub) -> None:
    hk = sub.add_parser("housekeeping", help="run the time-based jobs: cancel unpaid orders, "
                                             "complete delivered orders, flag delayed parcels")
    hk.add_argument("--dry-run", action="store_true",
                    help="show what would be done right now, save nothing")
    hk.add_argument("--force", action="store_true",
                    help="run even if it ran less than 5 minutes ago")
    hk.set_defaults(func=_run)


def _run(args, ctx) -> int:
    from ordermgr.services.housekeeping import last_run_of, run_housekeeping
    report = run_housekeeping(ctx.engine, ctx.actor, dry_run=args.dry_run, force=args.force)
    if args.dry_run:
        at, by = last_run_of(ctx.engine)
        print(f"Last run: {at:%Y-%m-%d %H:%M} UTC" + (f" by {by}" if by else "") if at
              else "Last run: never")
    for line in report.lines():
        print(line)
    for job in report.errors:
        print(f"ordermgr: housekeeping: {job.title} failed: {job.error}", file=sys.stderr)
    return 1 if report.errors else 0
