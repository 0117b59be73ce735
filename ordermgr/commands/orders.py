"""`ordermgr orders list|show`: inspect orders from a terminal or a script."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy.orm import Session

from ordermgr.db.queries import QUEUES, OrderFilter, fetch_order_page, order_detail
from ordermgr.models.money import format_money


def register(sub) -> None:
    orders = sub.add_parser("orders", help="list and show orders")
    actions = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list orders, newest first")
    ls.add_argument("--status", "--queue", dest="queue", default="all", choices=list(QUEUES),
                    help="queue to list (default: all)")
    ls.add_argument("--search", default="", help="number, name, email, phone fragment, SKU, waybill")
    ls.add_argument("--limit", type=_positive, default=50, help="at most this many rows (default 50)")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ls.set_defaults(func=_list)
    show = actions.add_parser("show", help="show one order with lines, payments, shipments, timeline")
    show.add_argument("number", help="order number (or a waybill number)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=_show)


def _positive(value: str) -> int:
    import argparse
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= 100_000:
        raise argparse.ArgumentTypeError("must be between 1 and 100000")
    return number


def _list(args, ctx) -> int:
    with ctx.engine.connect() as conn:
        rows = fetch_order_page(conn, OrderFilter(queue=args.queue, search=args.search),
                                limit=args.limit)
    if args.json:
        print(json.dumps([{"number": r.number, "store": r.store, "placed_at": r.placed_at.isoformat(),
                           "customer": r.customer, "items": r.items, "total": str(r.total),
                           "currency": r.currency, "status": r.status, "payment": r.payment,
                           "fulfilment": r.fulfilment, "tags": [t for t in r.tags.split(",") if t]}
                          for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No orders match.")
        return 0
    print(f"{'NUMBER':<12} {'PLACED (UTC)':<16} {'CUSTOMER':<20} {'TOTAL':>14} {'STATUS':<20} PAYMENT")
    for r in rows:
        print(f"{r.number:<12} {r.placed_at:%Y-%m-%d %H:%M} {r.customer[:20]:<20} "
              f"{f'{r.total} {r.currency}':>14} {r.status:<20} {r.payment}")
    return 0


def amount_lines(detail: dict) -> list[str]:
    """The breakdown (it adds up to the total; "incl. tax" where the prices include it), then
    what was paid, refunded and is still owed."""
    cur = detail["currency"]

    def m(key: str) -> str:
        return format_money(Decimal(detail[key]), cur)
    if detail["prices_include_tax"]:
        breakdown = (f"subtotal {m('subtotal')} + shipping {m('shipping')} - discount "
                     f"{m('discount')} = total {m('total')} (incl. tax {m('tax')})")
    else:
        breakdown = (f"subtotal {m('subtotal')} + shipping {m('shipping')} + tax {m('tax')} - "
                     f"discount {m('discount')} = total {m('total')}")
    return [breakdown, f"paid {m('paid')}, refunded {m('refunded')}, balance {m('balance')}"]


def _show(args, ctx) -> int:
    with Session(ctx.engine) as session:
        detail = order_detail(session, args.number)
    if args.json:
        print(json.dumps(detail, ensure_ascii=False, indent=2))
        return 0
    print(f"Order #{detail['number']}  {detail['store']}  placed {detail['placed_at']}")
    print(f"  status {detail['status']}, payment {detail['payment_status']}, "
          f"fulfilment {detail['fulfilment_status']}")
    print(f"  customer {detail['customer']['name']} {detail['customer']['phone']}")
    for line in detail["lines"]:
        print(f"  {line['quantity']:>3} × {line['sku']:<14} {line['name'][:30]:<30} {line['total']:>10}")
    for text in amount_lines(detail):
        print(f"  {text}")
    for event in detail["timeline"]:
        print(f"  {event['at'][:16]}  {event['user']:<10} {event['message']}")
    return 0
