"""State machines for orders, payments, shipments, returns and refunds.

Each machine is a table {(state, action): next state}. The table is the single truth: services
ask it before changing anything, and the GUI asks it which buttons to enable, so the GUI never
offers what the model would refuse. An illegal transition raises `InvalidTransition` with a
sentence a clerk understands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ordermgr.errors import InvalidTransition


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    AWAITING_FULFILMENT = "awaiting_fulfilment"
    BACKORDERED = "backordered"
    ALLOCATED = "allocated"
    PICKING = "picking"
    PACKED = "packed"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


class PaymentStatus(StrEnum):
    PENDING = "pending"
    AUTHORIZED = "authorized"
    PAID = "paid"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    FAILED = "failed"
    VOIDED = "voided"


class FulfilmentStatus(StrEnum):
    UNFULFILLED = "unfulfilled"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    FULFILLED = "fulfilled"


class ShipmentStatus(StrEnum):
    LABEL_CREATED = "label_created"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    EXCEPTION = "exception"
    RETURNED_TO_SENDER = "returned_to_sender"
    LOST = "lost"


class ReturnStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    AWAITING_GOODS = "awaiting_goods"
    RECEIVED = "received"
    INSPECTED = "inspected"
    REFUNDED = "refunded"
    EXCHANGED = "exchanged"
    RESHIPPED = "reshipped"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class RefundStatus(StrEnum):
    REQUESTED = "requested"  # queued to the storefront (outbox), not sent yet
    PUSHED = "pushed"  # sent at least once; no final answer yet (a refusal may still be retried)
    CONFIRMED = "confirmed"  # the storefront made it (its refund id is kept)
    FAILED = "failed"  # the storefront refused it (its reason is kept); nothing was paid back
    PAID_ELSEWHERE = "paid_elsewhere"  # paid back by hand: bank transfer, cash... (method, reference)
    CANCELLED = "cancelled"  # given up; nothing was paid back


class ReturnType(StrEnum):
    RETURN_REFUND = "return_refund"
    REFUND_ONLY = "refund_only"
    EXCHANGE = "exchange"
    RESHIP = "reship"
    INTERCEPT = "intercept"
    COMPLAINT = "complaint"


# The order states in which goods have not left: editing, cancelling and holding are allowed.
ORDER_OPEN_STATES = frozenset({
    OrderStatus.PENDING_PAYMENT, OrderStatus.AWAITING_FULFILMENT, OrderStatus.BACKORDERED,
    OrderStatus.ALLOCATED, OrderStatus.PICKING, OrderStatus.PACKED,
})
ORDER_SHIPPED_STATES = frozenset({
    OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED,
})


@dataclass(frozen=True)
class StateMachine:
    name: str
    transitions: dict[tuple[str, str], str]
    terminal: frozenset[str]
    # (state, action) -> an explanation that tells the user what to do instead
    refusals: dict[tuple[str, str], str] = field(default_factory=dict)

    def can(self, state: str, action: str) -> bool:
        return (state, action) in self.transitions

    def actions(self, state: str) -> list[str]:
        return [a for (s, a) in self.transitions if s == state]

    def next(self, state: str, action: str, *, subject: str) -> str:
        try:
            return self.transitions[(state, action)]
        except KeyError:
            raise InvalidTransition(self.explain(state, action, subject=subject)) from None

    def explain(self, state: str, action: str, *, subject: str) -> str:
        pretty = state.replace("_", " ")
        if (state, action) in self.refusals:
            return f"{subject} {self.refusals[(state, action)]}"
        if state in self.terminal:
            return f"{subject} is {pretty}; it can't be {_past(action)} any more."
        return f"{subject} is {pretty} and can't be {_past(action)} now."


def _past(action: str) -> str:
    irregular = {"ship": "shipped", "pay": "paid", "hold": "put on hold", "release": "released",
                 "start_picking": "picked", "cancel": "cancelled", "edit": "edited",
                 "fail": "marked failed", "refund": "refunded", "partially_refund": "refunded",
                 "retry": "retried", "push": "sent", "edit_address": "readdressed", "record_paid": "recorded as paid back another way"}
    if action in irregular:
        return irregular[action]
    word = action.replace("_", " ")
    return word + "d" if word.endswith("e") else word + "ed"


S = OrderStatus
_OPEN_BEFORE_SHIPPING = [S.PENDING_PAYMENT, S.AWAITING_FULFILMENT, S.BACKORDERED, S.ALLOCATED,
                         S.PICKING, S.PACKED]

_order_transitions: dict[tuple[str, str], str] = {
    (S.PENDING_PAYMENT, "pay"): S.AWAITING_FULFILMENT,
    (S.PENDING_PAYMENT, "confirm"): S.AWAITING_FULFILMENT,  # cash on delivery, B2B on account
    (S.AWAITING_FULFILMENT, "allocate"): S.ALLOCATED,
    (S.AWAITING_FULFILMENT, "backorder"): S.BACKORDERED,
    (S.BACKORDERED, "allocate"): S.ALLOCATED,
    (S.ALLOCATED, "deallocate"): S.AWAITING_FULFILMENT,
    (S.ALLOCATED, "start_picking"): S.PICKING,
    (S.PICKING, "pack"): S.PACKED,
    (S.PACKED, "unpack"): S.ALLOCATED,
    (S.PACKED, "ship_partially"): S.PARTIALLY_SHIPPED,
    (S.PACKED, "ship"): S.SHIPPED,
    (S.PARTIALLY_SHIPPED, "ship_partially"): S.PARTIALLY_SHIPPED,
    (S.PARTIALLY_SHIPPED, "ship"): S.SHIPPED,
    (S.PARTIALLY_SHIPPED, "deliver"): S.PARTIALLY_SHIPPED,
    (S.SHIPPED, "deliver"): S.DELIVERED,
    (S.DELIVERED, "complete"): S.COMPLETED,
    (S.ON_HOLD, "cancel"): S.CANCELLED,
}
for _state in _OPEN_BEFORE_SHIPPING:
    _order_transitions[(_state, "hold")] = S.ON_HOLD
    _order_transitions[(_state, "cancel")] = S.CANCELLED
    _order_transitions[(_state, "edit")] = _state
    _order_transitions[(_state, "edit_address")] = _state
# A held order's address can be corrected (often the reason it was held); its lines can't.
_order_transitions[(S.ON_HOLD, "edit_address")] = S.ON_HOLD
# Release goes back to the state the order was held in; the table says "some open state".
for _state in _OPEN_BEFORE_SHIPPING:
    _order_transitions[(S.ON_HOLD, f"release_to_{_state}")] = _state

_order_refusals = {}
for _state in (S.PARTIALLY_SHIPPED, S.SHIPPED, S.DELIVERED, S.COMPLETED):
    _pretty = _state.replace("_", " ")
    _order_refusals[(_state, "cancel")] = (f"is already {_pretty} and can't be cancelled; "
                                           "create a return instead.")
    _order_refusals[(_state, "edit")] = (f"is already {_pretty}; its lines and address can't be "
                                         "changed any more.")
    _order_refusals[(_state, "hold")] = f"is already {_pretty}; only orders not yet shipped can be held."
    _order_refusals[(_state, "edit_address")] = (f"is already {_pretty}; its address can't be "
                                                 "changed any more.")
_order_refusals[(S.ON_HOLD, "edit")] = "is on hold; release it before editing."
_order_refusals[(S.CANCELLED, "cancel")] = "is already cancelled."
_order_refusals[(S.ON_HOLD, "hold")] = "is already on hold."

ORDER_MACHINE = StateMachine(
    "order", _order_transitions, frozenset({S.COMPLETED, S.CANCELLED}), _order_refusals)

P = PaymentStatus
PAYMENT_MACHINE = StateMachine("payment", {
    (P.PENDING, "authorize"): P.AUTHORIZED,
    (P.PENDING, "pay"): P.PAID,
    (P.PENDING, "fail"): P.FAILED,
    (P.PENDING, "void"): P.VOIDED,
    (P.AUTHORIZED, "pay"): P.PAID,
    (P.AUTHORIZED, "void"): P.VOIDED,
    (P.AUTHORIZED, "fail"): P.FAILED,
    (P.FAILED, "retry"): P.PENDING,
    (P.FAILED, "pay"): P.PAID,
    (P.PAID, "partially_refund"): P.PARTIALLY_REFUNDED,
    (P.PAID, "refund"): P.REFUNDED,
    (P.PARTIALLY_REFUNDED, "partially_refund"): P.PARTIALLY_REFUNDED,
    (P.PARTIALLY_REFUNDED, "refund"): P.REFUNDED,
}, frozenset({P.REFUNDED, P.VOIDED}), {
    (P.REFUNDED, "refund"): "is already fully refunded.",
    (P.PENDING, "refund"): "has not been paid yet, so there is nothing to refund.",
})

SH = ShipmentStatus
SHIPMENT_MACHINE = StateMachine("shipment", {
    (SH.LABEL_CREATED, "ship"): SH.IN_TRANSIT,
    (SH.LABEL_CREATED, "void"): SH.LOST,
    (SH.IN_TRANSIT, "out_for_delivery"): SH.OUT_FOR_DELIVERY,
    (SH.IN_TRANSIT, "deliver"): SH.DELIVERED,
    (SH.IN_TRANSIT, "exception"): SH.EXCEPTION,
    (SH.IN_TRANSIT, "lose"): SH.LOST,
    (SH.IN_TRANSIT, "return_to_sender"): SH.RETURNED_TO_SENDER,
    (SH.OUT_FOR_DELIVERY, "deliver"): SH.DELIVERED,
    (SH.OUT_FOR_DELIVERY, "exception"): SH.EXCEPTION,
    (SH.OUT_FOR_DELIVERY, "return_to_sender"): SH.RETURNED_TO_SENDER,
    (SH.EXCEPTION, "resume"): SH.IN_TRANSIT,
    (SH.EXCEPTION, "deliver"): SH.DELIVERED,
    (SH.EXCEPTION, "lose"): SH.LOST,
    (SH.EXCEPTION, "return_to_sender"): SH.RETURNED_TO_SENDER,
}, frozenset({SH.DELIVERED, SH.LOST, SH.RETURNED_TO_SENDER}))

R = ReturnStatus
_return_transitions = {
    (R.REQUESTED, "approve"): R.APPROVED,
    (R.REQUESTED, "reject"): R.REJECTED,
    (R.APPROVED, "await_goods"): R.AWAITING_GOODS,
    (R.APPROVED, "refund"): R.REFUNDED,  # refund only / goodwill: no goods come back
    (R.APPROVED, "reship"): R.RESHIPPED,
    (R.APPROVED, "exchange"): R.EXCHANGED,
    (R.APPROVED, "close"): R.CLOSED,  # complaint handled without goods or money
    (R.AWAITING_GOODS, "receive"): R.RECEIVED,
    (R.RECEIVED, "inspect"): R.INSPECTED,
    (R.INSPECTED, "refund"): R.REFUNDED,
    (R.INSPECTED, "exchange"): R.EXCHANGED,
    (R.INSPECTED, "reship"): R.RESHIPPED,
    (R.INSPECTED, "close"): R.CLOSED,
    (R.REFUNDED, "close"): R.CLOSED,
    (R.EXCHANGED, "close"): R.CLOSED,
    (R.RESHIPPED, "close"): R.CLOSED,
}
for _state in (R.REQUESTED, R.APPROVED, R.AWAITING_GOODS, R.RECEIVED, R.INSPECTED):
    _return_transitions[(_state, "cancel")] = R.CANCELLED
RETURN_MACHINE = StateMachine(
    "return", _return_transitions, frozenset({R.CLOSED, R.REJECTED, R.CANCELLED}), {
        (R.RECEIVED, "receive"): "has already been received.",
        (R.INSPECTED, "receive"): "has already been received and inspected.",
        (R.REQUESTED, "refund"): "has not been approved yet; a supervisor must approve it first.",
        (R.REFUNDED, "refund"): "has already been refunded.",
        (R.CLOSED, "refund"): "is closed and has already been settled.",
        (R.AWAITING_GOODS, "refund"): "is waiting for the goods; receive and inspect them first.",
        (R.RECEIVED, "refund"): "has been received but not inspected; inspect it first.",
        (R.APPROVED, "approve"): "has already been approved.",
        (R.AWAITING_GOODS, "approve"): "has already been approved.",
        (R.AWAITING_GOODS, "inspect"): "has not been received yet; receive the goods first.",
    })

# Refunds. Approval happens on the case before a refund exists (RETURN_MACHINE "approve", within
# the approver's limit), so a refund starts at "requested"; one paid back by hand (offline
# payments, orders typed in) is born paid_elsewhere. "failed" is the only state that waits for a
# person: retry it, record it as paid back another way, or cancel it.
RF = RefundStatus
REFUND_MACHINE = StateMachine("refund", {
    (RF.REQUESTED, "push"): RF.PUSHED,
    (RF.REQUESTED, "confirm"): RF.CONFIRMED,
    (RF.REQUESTED, "fail"): RF.FAILED,
    (RF.PUSHED, "push"): RF.PUSHED,
    (RF.PUSHED, "confirm"): RF.CONFIRMED,
    (RF.PUSHED, "fail"): RF.FAILED,
    (RF.FAILED, "confirm"): RF.CONFIRMED,  # it landed after all (a late answer, or seen in a pull)
    (RF.FAILED, "retry"): RF.REQUESTED,
    (RF.FAILED, "record_paid"): RF.PAID_ELSEWHERE,
    (RF.FAILED, "cancel"): RF.CANCELLED,
}, frozenset({RF.CONFIRMED, RF.PAID_ELSEWHERE, RF.CANCELLED}), {
    (RF.REQUESTED, "retry"): "is still waiting to be sent to the storefront.",
    (RF.PUSHED, "retry"): "is still being sent to the storefront; wait for its answer.",
    (RF.REQUESTED, "record_paid"): ("is on its way to the storefront; only a failed refund can be "
                                    "paid back another way."),
    (RF.PUSHED, "record_paid"): ("is on its way to the storefront; only a failed refund can be "
                                 "paid back another way."),
    (RF.REQUESTED, "cancel"): "is on its way to the storefront; wait for its answer before cancelling.",
    (RF.PUSHED, "cancel"): "is on its way to the storefront; wait for its answer before cancelling.",
})
REFUND_PENDING_STATES = frozenset({RF.REQUESTED, RF.PUSHED})  # money on its way back
REFUND_DONE_STATES = frozenset({RF.CONFIRMED, RF.PAID_ELSEWHERE})  # money back with the customer
REFUND_LIVE_STATES = REFUND_PENDING_STATES | REFUND_DONE_STATES  # count against what is refundable
