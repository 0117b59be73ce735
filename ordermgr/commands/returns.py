"""`ordermgr returns ...`: the after-sales desk from a terminal (refunds: commands/refunds.py)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session

from ordermgr.db.queries import find_order_id
from ordermgr.errors import NotFound, ValidationError
from ordermgr.jsonout import add_json_flag, emit
from ordermgr.services import aftersales as cs
from ordermgr.services import payments


def register(sub) -> None:
    returns = sub.add_parser("returns", help="after-sales cases: returns, refunds, exchanges, complaints")
    act = returns.add_subparsers(dest="returns_command", metavar="ACTION", required=True)

    ls = act.add_parser("list", help="list cases of a queue, oldest request first")
    ls.add_argument("--queue", default="open", choices=cs.QUEUES, help="queue (default: open)")
    ls.add_argument("--search", default="", help="RMA or order number")
    ls.add_argument("--limit", type=int, default=50)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    counts = act.add_parser("counts", help="how many cases wait in each queue")
    add_json_flag(counts)
    counts.set_defaults(func=_counts)

    show = act.add_parser("show", help="show one case (RMA, order number or waybill)")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)

    op = act.add_parser("open", help="open a case on an order")
    op.add_argument("order", help="order number")
    op.add_argument("--kind", default="return_refund", choices=cs.KINDS)
    op.add_argument("--line", action="append", default=[], metavar="SKU:QTY:REASON",
                    help="a line to return, e.g. TEA-01:2:damaged (repeat for more)")
    op.add_argument("--reason", default="", help="reason code for cases without lines")
    op.add_argument("--note", default="")
    op.add_argument("--amount", help="refund amount, if not the computed one")
    op.add_argument("--amount-reason", default="", help="why the amount differs")
    op.add_argument("--shipping", action="store_true", help="refund the shipping too")
    op.add_argument("--restocking-fee", default="0")
    op.set_defaults(func=_open)

    ap = act.add_parser("approve", help="approve a case (within your approval limit)")
    ap.add_argument("code")
    ap.add_argument("--amount")
    ap.add_argument("--reason", default="", help="why the amount was changed")
    ap.add_argument("--note", default="")
    ap.add_argument("--restocking-fee", help="change the fee (the refund follows unless --amount)")
    ap.add_argument("--refund-shipping", choices=("yes", "no"),
                    help="refund the shipping or not (the refund follows unless --amount)")
    ap.set_defaults(func=_approve)

    for name, helptext in (("reject", "reject a case"), ("cancel", "cancel an open case")):
        p = act.add_parser(name, help=helptext)
        p.add_argument("code")
        p.add_argument("--reason", required=True)
        p.set_defaults(func=_reject if name == "reject" else _cancel)

    rc = act.add_parser("receive", help="book the goods of a case in at the returns desk")
    rc.add_argument("code", help="RMA, order number or waybill")
    rc.add_argument("--scan", action="append", default=[], metavar="SKU_OR_BARCODE",
                    help="one scan per unit (repeat)")
    rc.set_defaults(func=_receive)

    ins = act.add_parser("inspect", help="inspect received goods")
    ins.add_argument("code")
    ins.add_argument("--line", action="append", default=[], metavar="SKU:RESULT",
                     help="sellable, damaged or supplier per SKU; default sellable")
    ins.add_argument("--warehouse", type=int)
    ins.set_defaults(func=_inspect)

    rf = act.add_parser("refund", help="pay back an approved case")
    rf.add_argument("code")
    rf.add_argument("--amount")
    rf.add_argument("--reference", default="", help="bank/cash/gateway reference for manual refunds")
    rf.set_defaults(func=_refund_case)

    cl = act.add_parser("close", help="close a settled case")
    cl.add_argument("code")
    cl.add_argument("--note", default="")
    cl.set_defaults(func=_close)

    un = act.add_parser("cancel-unpaid", help="cancel orders unpaid for longer than the set time")
    un.add_argument("--hours", type=int, help="override the configured hours")
    un.set_defaults(func=_cancel_unpaid)

    rec = act.add_parser("reconcile", help="orders whose paid, refunded, shipped and totals disagree")
    rec.add_argument("--days", type=int, default=30, help="orders placed in the last N days")
    rec.add_argument("--store", type=int)
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(func=_reconcile)


def _case_id(ctx, code: str) -> int:
    with ctx.engine.connect() as conn:
        found = cs.find_case_id(conn, code)
    if found is None:
        raise NotFound(f"No open case for {code!r} (an RMA, order or waybill number).")
    return found


def _order_id(ctx, number: str) -> int:
    with ctx.engine.connect() as conn:
        found = find_order_id(conn, number)
    if found is None:
        raise NotFound(f"No order with number {number!r}.")
    return found


def _split(text: str, parts: int, what: str) -> list[str]:
    items = text.split(":")
    if len(items) != parts or not all(items):
        raise ValidationError(f"{text!r} is not {what}.")
    return items


def _list(args, ctx) -> int:
    with ctx.engine.connect() as conn:
        rows = cs.case_rows(conn, args.queue, search=args.search, limit=args.limit)
    now = datetime.now(timezone.utc)
    if args.json:
        print(json.dumps([{"number": r.number, "order": r.order_number, "customer": r.customer,
                           "kind": r.kind, "status": r.status, "amount": str(r.amount or 0),
                           "currency": r.currency, "requested_at": r.requested_at.isoformat(),
                           "age": r.age(now)} for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No cases in this queue.")
        return 0
    print(f"{'RMA':<12} {'ORDER':<14} {'KIND':<14} {'STATUS':<15} {'AMOUNT':>14} {'REQUESTED':<16} AGE")
    for r in rows:
        print(f"{r.number:<12} {r.order_number:<14} {r.kind:<14} {r.status:<15} "
              f"{f'{r.amount or 0} {r.currency}':>14} {r.requested_at:%Y-%m-%d %H:%M} {r.age(now) or '-'}")
    return 0


def _counts(args, ctx) -> int:
    with ctx.engine.connect() as conn:
        counts = cs.case_counts(conn)
    if args.json:
        emit(dict(counts))
        return 0
    for queue, count in counts.items():
        print(f"{queue:<18} {count:>7}")
    return 0


def _show(args, ctx) -> int:
    case_id = _case_id(ctx, args.code)
    with Session(ctx.engine) as session:
        detail = cs.case_detail(session, case_id)
    if args.json:
        print(json.dumps(detail, ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"{detail['number']}  {detail['kind']}  {detail['status']}  order #{detail['order']}  "
          f"{detail['customer']}")
    print(f"  refund {detail['refund_amount']} {detail['currency']}  requested by "
          f"{detail['requested_by']}  due {detail['due_at'] or '-'}")
    for line in detail["lines"]:
        print(f"  {line['quantity']:>3} × {line['sku']:<14} {line['reason']:<16} received "
              f"{line['received']}  {line['inspection'] or ''}")
    for refund in detail["refunds"]:
        print(f"  refund {refund['number']} {refund['amount']} {refund['status']} ({refund['channel']})"
              f"{'  ' + refund['error'] if refund['status'] == 'failed' else ''}")
    for entry in detail["history"]:
        print(f"  {entry['at'][:16]}  {entry['by'] or '-':<10} {entry['action']:<16} {entry.get('note', '')}")
    return 0


def _open(args, ctx) -> int:
    lines = []
    for text in args.line:
        sku, qty, reason = _split(text, 3, "SKU:QTY:REASON")
        if not qty.isdigit():
            raise ValidationError(f"{text!r}: the quantity must be a whole number.")
        lines.append(cs.CaseLineInput(int(qty), reason, sku=sku))
    case_id = cs.open_case(ctx.uow(), _order_id(ctx, args.order), kind=args.kind, lines=lines,
                           reason=args.reason, note=args.note, refund_amount=args.amount,
                           amount_reason=args.amount_reason, refund_shipping=args.shipping,
                           restocking_fee=args.restocking_fee)
    with Session(ctx.engine) as session:
        detail = cs.case_detail(session, case_id)
    print(f"Opened {detail['number']} on order #{detail['order']}: refund {detail['refund_amount']} "
          f"{detail['currency']}.")
    return 0


def _approve(args, ctx) -> int:
    shipping = None if args.refund_shipping is None else args.refund_shipping == "yes"
    cs.approve_case(ctx.uow(), _case_id(ctx, args.code), amount=args.amount,
                    amount_reason=args.reason, note=args.note, restocking_fee=args.restocking_fee,
                    refund_shipping=shipping)
    print(f"Approved {args.code}.")
    return 0


def _reject(args, ctx) -> int:
    cs.reject_case(ctx.uow(), _case_id(ctx, args.code), reason=args.reason)
    print(f"Rejected {args.code}.")
    return 0


def _cancel(args, ctx) -> int:
    cs.cancel_case(ctx.uow(), _case_id(ctx, args.code), reason=args.reason)
    print(f"Cancelled {args.code}.")
    return 0


def _receive(args, ctx) -> int:
    if not args.scan:
        raise ValidationError("Scan at least one item (--scan SKU_OR_BARCODE, once per unit).")
    counts = cs.receive_case(ctx.uow(), _case_id(ctx, args.code), scanned=args.scan)
    print(f"Received {sum(counts.values())} item(s) for {args.code}.")
    return 0


def _inspect(args, ctx) -> int:
    case_id = _case_id(ctx, args.code)
    wanted = {}
    for text in args.line:
        sku, result = _split(text, 2, "SKU:RESULT")
        wanted[sku] = result
    with Session(ctx.engine) as session:
        detail = cs.case_detail(session, case_id)
    results = {line["id"]: wanted.get(line["sku"], "sellable") for line in detail["lines"]}
    cs.inspect_case(ctx.uow(), case_id, results=results, warehouse_id=args.warehouse)
    print(f"Inspected {detail['number']}.")
    return 0


def _refund_case(args, ctx) -> int:
    numbers = cs.refund_case(ctx.uow(), _case_id(ctx, args.code), amount=args.amount,
                             reference=args.reference)
    print(f"Refund {', '.join(numbers)} issued for {args.code}.")
    return 0


def _close(args, ctx) -> int:
    cs.close_case(ctx.uow(), _case_id(ctx, args.code), note=args.note)
    print(f"Closed {args.code}.")
    return 0


def _cancel_unpaid(args, ctx) -> int:
    results = payments.cancel_unpaid_orders(ctx.uow(), older_than_hours=args.hours)
    failed = [r for r in results if not r.ok]
    print(f"Cancelled {len(results) - len(failed)} unpaid order(s).")
    for r in failed:
        print(f"  order {r.order_id}: {r.message}")
    return 1 if failed else 0


def _reconcile(args, ctx) -> int:
    until = datetime.now(timezone.utc)
    with ctx.engine.connect() as conn:
        rows = payments.reconcile(conn, since=until - timedelta(days=args.days), until=until + timedelta(1),
                                  store_id=args.store)
    if args.json:
        print(json.dumps([{"number": r.number, "store": r.store, "status": r.status, "total": str(r.total),
                           "paid": str(r.paid), "refunded": str(r.refunded),
                           "shipped_value": str(r.shipped_value), "flags": list(r.flags)} for r in rows],
                         ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Everything agrees.")
        return 0
    for r in rows:
        print(f"{r.number:<14} {r.store:<16} total {r.total:>10} paid {r.paid:>10} refunded "
              f"{r.refunded:>10} shipped {r.shipped_value:>10}  {', '.join(r.flags)}")
    return 0


