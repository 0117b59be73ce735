"""`ordermgr refund ORDER AMOUNT` (a goodwill refund) and what to do with refunds the storefront
refused: `refund list --failed`, `refund retry RF…`, `refund record-paid RF… --method bank_transfer
--reference X`, `refund cancel RF… --reason …`."""

from __future__ import annotations

import argparse
import json

from ordermgr.errors import NotFound
from ordermgr.models.states import RefundStatus
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds
from ordermgr.services.refunds import PAID_BACK_METHODS


class _ActionOrOrder(argparse._SubParsersAction):
    """`refund ORDER AMOUNT` has been the way to refund an order: a first word that is not one
    of the actions is an order number, handed to the hidden `order` action."""

    class _AnyWord:
        def __init__(self, names: dict):
            self.names = names

        def __contains__(self, word) -> bool:  # argparse checks the first word against choices
            return True

        def __iter__(self):
            return iter(self.names)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = self._AnyWord(self._name_parser_map)

    def __call__(self, parser, namespace, values, option_string=None):
        if values[0] not in self._name_parser_map:
            values = ["order", *values]
        super().__call__(parser, namespace, values, option_string)


def register(sub) -> None:
    refund = sub.add_parser(
        "refund", help="refund an order (goodwill), or list, retry, settle or cancel refunds",
        usage="ordermgr refund ORDER AMOUNT --reason R [--reference X]\n"
              "       ordermgr refund {list,retry,record-paid,cancel} ...")
    act = refund.add_subparsers(dest="refund_command", metavar="ACTION", required=True,
                                action=_ActionOrOrder)

    order = act.add_parser("order", help="refund an order without goods coming back (the "
                                         "default: `refund ORDER AMOUNT`)")
    order.add_argument("order", help="order number")
    order.add_argument("amount")
    order.add_argument("--reason", required=True)
    order.add_argument("--reference", default="", help="bank/cash/gateway reference for manual refunds")
    order.set_defaults(func=_refund_order)

    ls = act.add_parser("list", help="list refunds, newest first")
    ls.add_argument("--failed", action="store_true", help="only refunds the storefront refused")
    ls.add_argument("--pending", action="store_true", help="only refunds on their way")
    ls.add_argument("--order", help="only this order's refunds")
    ls.add_argument("--limit", type=int, default=50)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    retry = act.add_parser("retry", help="send a failed refund to the storefront again")
    retry.add_argument("refund", help="refund number (RF0000001)")
    retry.set_defaults(func=_retry)

    paid = act.add_parser("record-paid", help="a failed refund was paid back another way")
    paid.add_argument("refund", help="refund number (RF0000001)")
    paid.add_argument("--method", required=True,
                      help=f"how it went back, e.g. {', '.join(PAID_BACK_METHODS)} (bank = bank_transfer)")
    paid.add_argument("--reference", required=True, help="the bank transfer or cash slip reference")
    paid.add_argument("--note", default="")
    paid.set_defaults(func=_record_paid)

    cancel = act.add_parser("cancel", help="give a failed refund up (nothing was paid back)")
    cancel.add_argument("refund", help="refund number (RF0000001)")
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(func=_cancel)


def _refund_id(ctx, code: str) -> int:
    with ctx.engine.connect() as conn:
        found = refunds.find_refund_id(conn, code)
    if found is None:
        raise NotFound(f"No refund {code!r}; `ordermgr refund list` shows the refund numbers.")
    return found


def _refund_order(args, ctx) -> int:
    from ordermgr.commands.returns import _order_id
    numbers = cs.quick_refund(ctx.uow(), _order_id(ctx, args.order), amount=args.amount,
                              reason=args.reason, reference=args.reference)
    print(f"Case {numbers[0]} opened and refunded ({', '.join(numbers[1:])}).")
    return 0


def _list(args, ctx) -> int:
    states = None
    if args.failed or args.pending:
        states = ([RefundStatus.FAILED] if args.failed else []) + \
                 ([RefundStatus.REQUESTED, RefundStatus.PUSHED] if args.pending else [])
    with ctx.engine.connect() as conn:
        order_id = None
        if args.order:
            from ordermgr.commands.returns import _order_id
            order_id = _order_id(ctx, args.order)
        rows = refunds.refund_rows(conn, status=states, order_id=order_id, limit=args.limit)
    if args.json:
        print(json.dumps([{**r.as_dict(), "created_at": r.created_at.isoformat()} for r in rows],
                         ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No refunds.")
        return 0
    print(f"{'REFUND':<10} {'ORDER':<14} {'CASE':<11} {'AMOUNT':>14} {'STATE':<15} REASON / REFERENCE")
    for r in rows:
        why = r.failure_reason if r.status == RefundStatus.FAILED else (
            f"{r.method} {r.reference}".strip() if r.status == RefundStatus.PAID_ELSEWHERE else r.external_id)
        print(f"{r.number:<10} {r.order_number:<14} {r.case_number or '-':<11} "
              f"{f'{r.amount} {r.currency}':>14} {r.status:<15} {why}")
    return 0


def _retry(args, ctx) -> int:
    refunds.retry(ctx.uow(), _refund_id(ctx, args.refund))
    print(f"Refund {args.refund} will be sent to the storefront again at the next sync.")
    return 0


def _record_paid(args, ctx) -> int:
    method = "bank_transfer" if args.method.strip().lower() == "bank" else args.method
    refunds.record_paid(ctx.uow(), _refund_id(ctx, args.refund), method=method,
                        reference=args.reference, note=args.note)
    print(f"Refund {args.refund} recorded as paid back by {method} ({args.reference}).")
    return 0


def _cancel(args, ctx) -> int:
    refunds.cancel(ctx.uow(), _refund_id(ctx, args.refund), reason=args.reason)
    print(f"Refund {args.refund} cancelled; the case can be refunded anew or closed.")
    return 0
