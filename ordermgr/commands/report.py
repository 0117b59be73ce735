"""`ordermgr report NAME --from DATE --to DATE --format xlsx|pdf|csv --out FILE`: reports for a
scheduler (cron, Task Scheduler); `ordermgr rates set|list`: the exchange rates reports convert with.

Exit status 0 on success, 1 with one clear line on stderr otherwise; no half-written file is left.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import or_, select

from ordermgr.errors import PermissionDenied, ValidationError
from ordermgr.jsonout import add_json_flag, emit
from ordermgr.reports.params import GROUPINGS, PRESETS

RAW = "orders"  # every order of the period as one row (streamed)


def register(sub) -> None:
    from ordermgr.reports.registry import REPORTS
    report = sub.add_parser(
        "report", help="run a report and write it to xlsx, pdf or csv",
        description="Run a report for a period and write it to a file. Dates are days in the "
                    "--utc-offset time zone (default: this computer's); --to is inclusive.")
    report.add_argument("name", choices=[*REPORTS, RAW], metavar="NAME",
                        help=f"one of {', '.join([*REPORTS, RAW])} ('orders' = raw order rows)")
    report.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    report.add_argument("--period", choices=PRESETS, help="a named period instead of --from/--to")
    report.add_argument("--store", metavar="S", help="store code, name or id (default: all)")
    report.add_argument("--warehouse", metavar="W", help="warehouse code or id (default: all)")
    report.add_argument("--currency", metavar="CUR", help="only orders in this currency")
    report.add_argument("--convert-to", metavar="CUR",
                        help="convert money to this currency with the rate table")
    report.add_argument("--group", choices=GROUPINGS, default="month", help="period grouping")
    report.add_argument("--by", default="period", choices=("period", "store", "country", "category"),
                        help="sales: what to group by (default: period)")
    report.add_argument("--top", type=int, default=20, help="rows in top lists (default 20)")
    report.add_argument("--slow-days", type=int, default=90,
                        help="products: no sale for this many days = slow seller (default 90)")
    report.add_argument("--utc-offset", metavar="±HH:MM", type=_offset,
                        help="time zone of the report's days, e.g. +08:00 (default: this "
                             "computer's)")
    report.add_argument("--lang", choices=("en", "zh"), default="en", help="report language")
    report.add_argument("--format", dest="fmt", choices=("xlsx", "pdf", "csv"),
                        help="file format (default: from the --out extension)")
    report.add_argument("--out", required=True, metavar="FILE", help="file to write")
    report.add_argument("--quiet", action="store_true", help="print nothing on success")
    report.set_defaults(func=_report)

    rates = sub.add_parser("rates", help="exchange rates used to convert report figures")
    actions = rates.add_subparsers(dest="rates_command", metavar="ACTION", required=True)
    put = actions.add_parser("set", help="record 1 CURRENCY = RATE BASE from a date on")
    put.add_argument("currency")
    put.add_argument("base")
    put.add_argument("rate")
    put.add_argument("--from", dest="valid_from", metavar="DATE", help="valid from (default today)")
    put.set_defaults(func=_set_rate)
    ls = actions.add_parser("list", help="list the rates")
    add_json_flag(ls)
    ls.set_defaults(func=_list_rates)


def _offset(text: str) -> int:
    """'+08:00', '8', '-5:30' -> minutes east of UTC."""
    raw = text.strip().upper().removeprefix("UTC")
    sign = -1 if raw.startswith("-") else 1
    hours, _, minutes = raw.lstrip("+-").partition(":")
    try:
        value = sign * (int(hours) * 60 + int(minutes or 0))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an offset like +08:00") from None
    return value


def build_params(args, conn):
    from ordermgr.reports.params import (ReportParams, local_offset_minutes, parse_date,
                                         preset_range)
    offset = args.utc_offset if args.utc_offset is not None else local_offset_minutes()
    if args.period:
        if args.date_from or args.date_to:
            raise ValidationError("Give either --period or --from/--to, not both.")
        start, end = preset_range(args.period, utc_offset=offset)
    else:
        if not args.date_from or not args.date_to:
            raise ValidationError("Give the period: --from DATE --to DATE (or --period this_month).")
        start, end = parse_date(args.date_from, what="--from date"), parse_date(args.date_to, what="--to date")
    labels = {}
    store_id = warehouse_id = None
    if args.store:
        store_id, labels["store"] = _find(conn, "store", args.store)
    if args.warehouse:
        warehouse_id, labels["warehouse"] = _find(conn, "warehouse", args.warehouse)
    return ReportParams(start, end, store_id=store_id, warehouse_id=warehouse_id,
                        currency=args.currency, convert_to=args.convert_to, grouping=args.group,
                        dimension=args.by, top_n=args.top, slow_days=args.slow_days, labels=labels,
                        utc_offset=offset)


def _find(conn, what: str, text: str) -> tuple[int, str]:
    from ordermgr.models import Store, Warehouse
    model = Store if what == "store" else Warehouse
    conds = [model.code == text.upper(), model.name == text]
    if text.isdigit():
        conds.append(model.id == int(text))
    row = conn.execute(select(model.id, model.name).where(or_(*conds))).first()
    if row is None:
        names = ", ".join(c for c in conn.execute(select(model.code)).scalars())
        raise ValidationError(f"No {what} {text!r}. Known {what}s: {names or 'none'}.")
    return row.id, row.name


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> bool:
        if total:
            print(f"\r  {done:,} / {total:,}", end="", file=sys.stderr, flush=True)
        return True
    return report


def _report(args, ctx) -> int:
    from ordermgr.reports.export import export_orders, export_report, format_from_path, shop_name
    from ordermgr.reports.registry import run_report
    if not ctx.actor.may("reports.view"):
        raise PermissionDenied(f"{ctx.actor.username} ({ctx.actor.role}) may not view reports. "
                               "Ask a manager or an admin.")
    fmt = format_from_path(args.out, args.fmt)
    with ctx.engine.connect() as conn:
        params = build_params(args, conn)
        shop = shop_name(conn)
    progress = _progress(args.quiet)
    if args.name == RAW:
        count = export_orders(ctx.engine, params, args.out, fmt=fmt, lang=args.lang, progress=progress)
        if not args.quiet:
            print(f"{'' if progress is None else chr(10)}Wrote {count:,} orders to {args.out}")
        return 0
    result = run_report(ctx.engine, args.name, params)
    path = export_report(result, args.out, fmt=fmt, lang=args.lang, shop=shop)
    if not args.quiet:
        rows = sum(len(t.rows) for t in result.tables)
        note = " (no data in this period)" if result.empty else ""
        print(f"Wrote {result.title.lower()} ({rows} rows{note}) to {path}")
    return 0


def _set_rate(args, ctx) -> int:
    from datetime import datetime, timezone

    from ordermgr.reports.params import parse_date
    from ordermgr.reports.rates import set_exchange_rate
    valid_from = (parse_date(args.valid_from, what="--from date") if args.valid_from
                  else datetime.now(timezone.utc).date())
    set_exchange_rate(ctx.uow(), currency=args.currency, base_currency=args.base, rate=args.rate,
                      valid_from=valid_from)
    print(f"1 {args.currency.upper()} = {args.rate} {args.base.upper()} from {valid_from}")
    return 0


def _list_rates(args, ctx) -> int:
    from ordermgr.models.reports import ExchangeRate
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(ExchangeRate.currency, ExchangeRate.base_currency,
                                   ExchangeRate.rate, ExchangeRate.valid_from)
                            .order_by(ExchangeRate.currency, ExchangeRate.base_currency,
                                      ExchangeRate.valid_from)).all()
    if args.json:
        emit([{"currency": r.currency, "base_currency": r.base_currency, "rate": r.rate,
               "valid_from": r.valid_from} for r in rows])
        return 0
    if not rows:
        print("No exchange rates yet. Add one: ordermgr rates set USD CNY 7.10 --from 2026-01-01")
    for r in rows:
        print(f"1 {r.currency} = {r.rate} {r.base_currency}  from {r.valid_from}")
    return 0
