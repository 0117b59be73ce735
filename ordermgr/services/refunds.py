"""Refunds, in one place: what can go back where, asking for a refund, the storefront's answer to
its push, what an agent does with a failed one, refunds pulled from storefronts, and the read side.

After-sales (cases), the order desk, payments and the outbox pusher all call this module. A refund
follows REFUND_MACHINE (models/states.py): requested -> pushed -> confirmed | failed; a failed
refund is retried, recorded as paid back another way (bank transfer, cash... with a reference) or
cancelled, and then the case goes on. Approval happens on the case before a refund exists.

A refund is split into parts, each against one original charge, and never more than that charge
still holds (paid minus what is refunded or on its way back), nor more than the order holds in
total. Each part is one refund payment row on the order: pending while the refund is requested
or pushed, paid once confirmed or paid by hand, failed otherwise. Totals are sums of those rows,
so every refund counts once.

Exactly once: every write locks the order row first (SELECT ... FOR UPDATE on PostgreSQL, the
IMMEDIATE write lock on SQLite), then re-reads what is already refunded, so two agents pressing
"Refund" on the same case at the same moment produce one refund and a clear refusal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Connection, and_, case, func, or_, select, type_coerce

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, ValidationError
from ordermgr.models import (Order, OrderLine, OutboxMessage, Payment, PaymentStatus, ReturnCase,
                             Store, utcnow)
from ordermgr.models.aftersales import OFFLINE_METHODS, Refund, RefundPart
from ordermgr.models.money import format_money, from_storage, to_decimal, to_decimal_before_currency
from ordermgr.models.orders import PAID_CHARGE_STATES
from ordermgr.models.states import (REFUND_LIVE_STATES, REFUND_MACHINE, REFUND_PENDING_STATES,
                                    RefundStatus)
from ordermgr.services.outbox import enqueue, requeue, withdraw

RF = RefundStatus
ZERO = Decimal("0.00")
LIVE_PAYMENT_STATES = (PaymentStatus.PENDING, PaymentStatus.PAID)  # refund rows that count
# how money goes back when not through the storefront (the GUI's and CLI's choices; free text too)
PAID_BACK_METHODS = ("bank_transfer", "cash", "alipay", "wechat_pay", "card", "other")


def money(amount: Decimal, currency: str) -> str:
    return format_money(amount, currency)


def _subject(refund: Refund, order: Order) -> str:
    return f"Refund {refund.number} on {order.subject}"


# -- what can go back where ----------------------------------------------------------------------

@dataclass(frozen=True)
class PaymentRoom:
    """One original charge and how much of it can still be refunded."""

    charge_id: int
    method: str
    reference: str
    gateway: str
    paid: Decimal
    refunded: Decimal

    @property
    def room(self) -> Decimal:
        return max(self.paid - self.refunded, ZERO)

    @property
    def offline(self) -> bool:
        return self.method in OFFLINE_METHODS


@dataclass(frozen=True)
class Refundable:
    order_id: int
    number: str
    currency: str
    paid: Decimal
    refunded: Decimal  # done and pending
    payments: tuple[PaymentRoom, ...]

    @property
    def total(self) -> Decimal:
        return max(self.paid - self.refunded, ZERO)


def refundable(session_or_conn, order_id: int) -> Refundable:
    """What is still refundable on an order, per original payment and in total (read side too)."""
    order = session_or_conn.execute(
        select(Order.id, Order.number, Order.currency).where(Order.id == order_id)).first()
    if order is None:
        raise NotFound(f"Order {order_id} does not exist.")
    rows = session_or_conn.execute(
        select(Payment.id, Payment.kind, Payment.method, Payment.amount, Payment.status,
               Payment.reference, Payment.gateway, Payment.parent_id)
        .where(Payment.order_id == order_id).order_by(Payment.id)).all()
    refunded_by_charge: dict[int | None, Decimal] = {}
    refunded = ZERO
    for r in rows:
        if r.kind == "refund" and r.status in LIVE_PAYMENT_STATES:
            refunded += r.amount
            refunded_by_charge[r.parent_id] = refunded_by_charge.get(r.parent_id, ZERO) + r.amount
    rooms, paid = [], ZERO
    for r in rows:
        if r.kind == "charge" and r.status in PAID_CHARGE_STATES:
            paid += r.amount
            rooms.append(PaymentRoom(r.id, r.method, r.reference, r.gateway, r.amount,
                                     refunded_by_charge.get(r.id, ZERO)))
    return Refundable(order.id, order.number, order.currency, paid, refunded, tuple(rooms))


def allocate(room: Refundable, amount: Decimal,
             split: dict[int, Decimal] | None = None) -> list[tuple[PaymentRoom, Decimal]]:
    """Split `amount` over the original payments: as asked in `split` {charge id: amount}, else
    newest payment first. Refuses anything above what a payment or the order still holds."""
    subject = f"Order #{room.number}"
    if amount <= 0:
        raise ValidationError(f"{subject}: a refund must be more than zero.")
    if amount > room.total:
        raise ValidationError(
            f"{subject}: cannot refund {money(amount, room.currency)}; only "
            f"{money(room.total, room.currency)} is refundable (paid "
            f"{money(room.paid, room.currency)}, already refunded or pending "
            f"{money(room.refunded, room.currency)}).")
    by_id = {p.charge_id: p for p in room.payments}
    if split:
        parts = []
        for charge_id, part in split.items():
            part = to_decimal(part, room.currency, what="refund part")
            if part == 0:
                continue
            payment = by_id.get(charge_id)
            if payment is None:
                raise ValidationError(f"{subject}: payment {charge_id} is not a paid payment of "
                                      "this order.")
            if part < 0 or part > payment.room:
                raise ValidationError(
                    f"{subject}: the {payment.method} payment {payment.reference or payment.charge_id}"
                    f" can take back at most {money(payment.room, room.currency)}, not "
                    f"{money(part, room.currency)}.")
            parts.append((payment, part))
        if sum((p for _, p in parts), ZERO) != amount:
            raise ValidationError(f"{subject}: the parts add up to "
                                  f"{money(sum((p for _, p in parts), ZERO), room.currency)}, "
                                  f"not the refund of {money(amount, room.currency)}.")
        return parts
    parts, left = _newest_first(room, amount)
    if left > 0:  # refunds recorded without a parent payment ate into the rooms
        raise ValidationError(f"{subject}: the payments can take back only "
                              f"{money(amount - left, room.currency)} of "
                              f"{money(amount, room.currency)}.")
    return parts


def _newest_first(room: Refundable, amount: Decimal) -> tuple[list[tuple[PaymentRoom, Decimal]], Decimal]:
    """Take `amount` from the payments' rooms, newest payment first; returns the parts and what
    no payment could take."""
    parts, left = [], amount
    for payment in sorted(room.payments, key=lambda p: -p.charge_id):
        take = min(left, payment.room)
        if take > 0:
            parts.append((payment, take))
            left -= take
    return parts, left


# -- asking for a refund (inside a use case's transaction) -----------------------------------------

def request(uow: UnitOfWork, order: Order, amount: Decimal, *, reason: str,
            case: ReturnCase | None = None, reference: str = "",
            split: dict[int, Decimal] | None = None) -> list[Refund]:
    """Create the refund(s) for `amount` on a locked order; no commit (the caller has checked
    the permission and commits). Parts against online payments of storefront orders are
    requested from the storefront through the outbox; the rest went back by hand (offline
    payments, typed-in orders) and are born paid_elsewhere with `reference`."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(f"{order.subject}: give a reason for the refund.")
    uow.session.flush()
    parts = allocate(refundable(uow.session, order.id), amount, split)
    store = uow.session.get(Store, order.store_id)
    online_store = bool(store and store.platform != "manual" and order.external_id)
    groups: dict[str, list[tuple[PaymentRoom, Decimal]]] = {}
    for payment, part in parts:
        channel = "storefront" if online_store and not payment.offline else "manual"
        groups.setdefault(channel, []).append((payment, part))
    if "manual" in groups and not (reference or "").strip():
        methods = ", ".join(sorted({p.method for p, _ in groups["manual"]}))
        total = sum((a for _, a in groups["manual"]), ZERO)
        raise ValidationError(f"{order.subject}: {money(total, order.currency)} goes back by hand "
                              f"({methods}); enter the bank, cash or gateway reference of the refund.")
    refunds = []
    for channel, group in groups.items():
        by_hand = channel == "manual"
        total = sum((a for _, a in group), ZERO)
        refund = Refund(number=_next_number(uow), order_id=order.id,
                        return_id=case.id if case else None, amount=total, currency=order.currency,
                        channel=channel, status=RF.PAID_ELSEWHERE if by_hand else RF.REQUESTED,
                        method=", ".join(sorted({p.method for p, _ in group})) if by_hand else "",
                        reference=(reference or "").strip() if by_hand else "", reason=reason,
                        created_by=uow.actor.user_id, created_at=utcnow(),
                        completed_at=utcnow() if by_hand else None)
        uow.session.add(refund)
        _add_parts(uow, order, refund, group, paid=by_hand, reference=refund.reference or refund.number)
        how = f"by hand (ref {refund.reference})" if by_hand else "requested from the storefront"
        order.record("refund", f"Refund {refund.number} of {money(total, order.currency)} {how}: "
                     f"{reason}", by=uow.actor.user_id, refund=refund.number, amount=str(total),
                     case=case.number if case else None)
        if not by_hand:
            enqueue(uow, store, "refund", _push_payload(uow, order, refund, group, case),
                    key=str(refund.id))
        uow.audit("refund.request", "refund", refund.id, number=refund.number, order=order.number,
                  amount=str(total), channel=channel, status=refund.status, reason=reason,
                  reference=refund.reference, case=case.number if case else None)
        refunds.append(refund)
    order.refresh_payment_status()
    uow.changed_order(order)
    return refunds


def _next_number(uow: UnitOfWork) -> str:
    from ordermgr.services.order_entry import next_number
    return f"RF{next_number(uow, 'refund'):07d}"


def _push_payload(uow: UnitOfWork, order: Order, refund: Refund,
                  group: list[tuple[PaymentRoom, Decimal]], case: ReturnCase | None) -> dict:
    lines = []
    for line in case.lines if case is not None else ():
        ol = uow.session.get(OrderLine, line.order_line_id)
        lines.append({"external_id": ol.external_id, "sku": ol.sku, "quantity": line.quantity})
    return {"order_external_id": order.external_id, "refund_id": refund.id,
            "refund_number": refund.number, "amount": str(refund.amount), "currency": order.currency,
            "reason": refund.reason, "case": case.number if case else None,
            "payments": [{"reference": p.reference, "gateway": p.gateway, "amount": str(a)}
                         for p, a in group],
            "lines": lines}


def _add_parts(uow: UnitOfWork, order: Order, refund: Refund,
               parts: list[tuple[PaymentRoom | None, Decimal]], *, paid: bool, reference: str,
               external_id: str | None = None, at: datetime | None = None) -> None:
    """One refund payment row per part (against its original charge) and the link to the refund."""
    for payment, part in parts:
        row = Payment(kind="refund", method=payment.method if payment else "storefront", amount=part,
                      currency=order.currency, status=PaymentStatus.PAID if paid else PaymentStatus.PENDING,
                      reference=reference, gateway=payment.gateway if payment else "",
                      external_id=external_id, parent_id=payment.charge_id if payment else None,
                      created_at=at or utcnow())
        order.payments.append(row)
        uow.session.flush()
        refund.parts.append(RefundPart(charge_id=payment.charge_id if payment else None,
                                       payment_id=row.id, amount=part))
    uow.session.flush()


def _payment_rows(uow: UnitOfWork, refund: Refund) -> list[Payment]:
    rows = (uow.session.get(Payment, part.payment_id) for part in refund.parts if part.payment_id)
    return [p for p in rows if p is not None]


def _load(uow: UnitOfWork, refund_id: int) -> tuple[Refund, Order]:
    order_id = uow.session.scalar(select(Refund.order_id).where(Refund.id == refund_id))
    if order_id is None:
        raise NotFound(f"Refund {refund_id} does not exist.")
    order = uow.get_order(order_id, lock=True)  # serialises every refund step on this order
    refund = uow.session.get(Refund, refund_id, populate_existing=True)
    return refund, order


def _case_of(uow: UnitOfWork, refund: Refund) -> ReturnCase | None:
    return uow.session.get(ReturnCase, refund.return_id) if refund.return_id else None


def _note_case(uow: UnitOfWork, refund: Refund, action: str, message: str) -> None:
    case = _case_of(uow, refund)
    if case is not None:
        case.note(action, by=uow.actor.user_id, note=message)
        uow.changes.returns.add(case.id)


def _withdraw_push(uow: UnitOfWork, refund: Refund, order: Order, why: str) -> None:
    if refund.channel == "storefront":
        withdraw(uow, order.store_id, "refund", str(refund.id), reason=why)


# -- the storefront's answer (the outbox pusher's hook) -----------------------------------------

def settle_push(uow: UnitOfWork, payload: dict, *, remote_id: str | None = None,
                error: str | None = None, final: bool = False) -> None:
    """The outbox pusher's hook, run inside the transaction that marks the refund's message:
    `remote_id` when the storefront made the refund, else its `error` (`final` when the
    pusher gave up on the message). The message and the refund are committed together, so a
    crash can never leave one settled and the other not. A refund that is not ours (another
    number, gone) is left alone."""
    if not payload.get("refund_id"):
        return
    refund_id, number = int(payload["refund_id"]), payload.get("refund_number")
    if error is None:
        _succeeded(uow, refund_id, external_id=remote_id or None, number=number)
    else:
        _push_error(uow, refund_id, reason=error, final=final, number=number)


def push_succeeded(uow: UnitOfWork, refund_id: int, *, external_id: str | None,
                   number: str | None = None) -> None:
    """The storefront made the refund: confirmed with its refund id."""
    with uow:
        _succeeded(uow, refund_id, external_id=external_id, number=number)
        uow.commit()


def push_failed(uow: UnitOfWork, refund_id: int, *, reason: str, final: bool,
                number: str | None = None) -> None:
    """The push did not land. Not `final`: it is retried, the refund is pushed and shows the
    storefront's words. `final`: the storefront refused for good; the refund failed, with its reason."""
    with uow:
        _push_error(uow, refund_id, reason=reason, final=final, number=number)
        uow.commit()


def _succeeded(uow: UnitOfWork, refund_id: int, *, external_id: str | None,
               number: str | None) -> None:
    uow.require("sync.run", "record the storefront's answer to a refund")
    refund, order = _found(uow, refund_id, number)
    if refund is None or refund.status == RF.CONFIRMED:
        return
    if refund.status in (RF.PAID_ELSEWHERE, RF.CANCELLED):
        # only when someone re-sent a push the agent had given up on: say so loudly
        message = (f"The storefront made refund {refund.number} ({external_id or 'no id'}) "
                   f"although it was {refund.status.replace('_', ' ')}: the customer may have "
                   f"been refunded twice; check {order.subject}.")
        order.record("refund", message, by=uow.actor.user_id, refund=refund.number)
        _note_case(uow, refund, "refund_twice", message)
        uow.audit("refund.late_success", "refund", refund.id, number=refund.number,
                  order=order.number, state=refund.status, external_id=external_id)
        uow.changed_order(order)
        return
    _confirm(uow, refund, order, external_id=external_id)


def _push_error(uow: UnitOfWork, refund_id: int, *, reason: str, final: bool,
                number: str | None) -> None:
    reason = (reason or "").strip() or "the storefront gave no reason"
    uow.require("sync.run", "record the storefront's answer to a refund")
    refund, order = _found(uow, refund_id, number)
    if refund is None or not refund.pending:
        return
    refund.failure_reason = reason[:2000]
    subject = _subject(refund, order)
    if not final:
        refund.apply("push", subject=subject)
        uow.audit("refund.push_error", "refund", refund.id, number=refund.number,
                  order=order.number, error=reason)
        uow.changed_order(order)
        return
    refund.apply("fail", subject=subject)
    for payment in _payment_rows(uow, refund):
        if payment.status == PaymentStatus.PENDING:
            payment.apply("fail")
    order.refresh_payment_status()
    message = (f"The storefront refused refund {refund.number} of "
               f"{money(refund.amount, order.currency)} on {order.subject}: {reason}")
    order.record("refund", message, by=uow.actor.user_id, refund=refund.number)
    _note_case(uow, refund, "refund_failed", message)
    uow.audit("refund.fail", "refund", refund.id, number=refund.number, order=order.number,
              amount=str(refund.amount), error=reason)
    uow.changed_order(order)


def _found(uow: UnitOfWork, refund_id: int, number: str | None) -> tuple[Refund | None, Order | None]:
    try:
        refund, order = _load(uow, refund_id)
    except NotFound:
        return None, None
    if number and refund.number != number:
        return None, None
    return refund, order


def _confirm(uow: UnitOfWork, refund: Refund, order: Order, *, external_id: str | None) -> None:
    """The storefront made it: confirmed, its payment rows paid, the case told."""
    refund.apply("confirm", subject=_subject(refund, order))
    refund.failure_reason = ""
    taken = external_id and uow.session.scalar(select(Refund.id).where(
        Refund.order_id == order.id, Refund.external_id == external_id, Refund.id != refund.id))
    if external_id and not taken:  # one storefront refund id belongs to one refund
        refund.external_id = external_id
    for payment in _payment_rows(uow, refund):
        if payment.status in (PaymentStatus.PENDING, PaymentStatus.FAILED):
            payment.apply("pay")
            payment.external_id = refund.external_id or payment.external_id
    order.refresh_payment_status()
    order.record("refund", f"Refund {refund.number} of {money(refund.amount, order.currency)} "
                 "confirmed by the storefront", by=uow.actor.user_id, refund=refund.number)
    uow.audit("refund.confirm", "refund", refund.id, number=refund.number, order=order.number,
              amount=str(refund.amount), external_id=external_id)
    _settle_case(uow, refund)
    uow.changed_order(order)


def _settle_case(uow: UnitOfWork, refund: Refund) -> None:
    if refund.return_id:
        from ordermgr.services.aftersales import refund_settled  # cases call refunds; not the reverse at import
        refund_settled(uow, refund)


# -- what an agent does with a failed refund -------------------------------------------------------

def retry(uow: UnitOfWork, refund_id: int) -> None:
    """Send a failed refund to the storefront again (same idempotency key: the connector checks
    whether an earlier attempt landed). Refused when the order no longer holds its amount."""
    with uow:
        uow.require("payments.refund", "retry refunds")
        refund, order = _load(uow, refund_id)
        subject = _subject(refund, order)
        REFUND_MACHINE.next(refund.status, "retry", subject=subject)
        uow.session.flush()
        room = refundable(uow.session, order.id)  # a failed refund holds nothing
        if refund.amount > room.total:
            raise ValidationError(
                f"{subject}: {money(refund.amount, order.currency)} can't be sent again; only "
                f"{money(room.total, order.currency)} is still refundable. Cancel this refund "
                "instead.")
        allocate(room, refund.amount, {p.charge_id: p.amount for p in refund.parts if p.charge_id})
        refund.apply("retry", subject=subject)
        refund.failure_reason, refund.resolved_by = "", uow.actor.user_id
        for payment in _payment_rows(uow, refund):
            if payment.status == PaymentStatus.FAILED:
                payment.apply("retry")
        store = uow.session.get(Store, order.store_id)
        requeue(uow, store, "refund", str(refund.id),
                lambda: _push_payload(uow, order, refund, _groups_of(uow, refund), _case_of(uow, refund)))
        order.refresh_payment_status()
        message = f"Refund {refund.number} of {money(refund.amount, order.currency)} sent again"
        order.record("refund", message, by=uow.actor.user_id, refund=refund.number)
        _note_case(uow, refund, "refund_retry", message)
        uow.audit("refund.retry", "refund", refund.id, number=refund.number, order=order.number,
                  amount=str(refund.amount))
        uow.changed_order(order)
        uow.commit()


def _groups_of(uow: UnitOfWork, refund: Refund) -> list[tuple[PaymentRoom, Decimal]]:
    """The refund's parts as (original payment, amount), for a push payload rebuilt on retry."""
    out = []
    for part in refund.parts:
        charge = uow.session.get(Payment, part.charge_id) if part.charge_id else None
        if charge is not None:
            out.append((PaymentRoom(charge.id, charge.method, charge.reference, charge.gateway,
                                    charge.amount, ZERO), part.amount))
    return out


def record_paid(uow: UnitOfWork, refund_id: int, *, method: str, reference: str,
                note: str = "") -> None:
    """A failed refund was paid back another way (bank transfer, cash...): the money is back."""
    method, reference = (method or "").strip(), (reference or "").strip()
    if not method:
        raise ValidationError(f"Say how the refund was paid back (e.g. "
                              f"{', '.join(PAID_BACK_METHODS[:2])}).")
    if not reference:
        raise ValidationError("Enter the bank transfer, cash slip or other reference of the payment "
                              "back, so it can be found later.")
    with uow:
        uow.require("payments.refund", "record refunds paid another way")
        refund, order = _load(uow, refund_id)
        subject = _subject(refund, order)
        refund.apply("record_paid", subject=subject)
        refund.method, refund.reference = method[:40], reference[:120]
        refund.resolved_by = uow.actor.user_id
        for payment in _payment_rows(uow, refund):
            if payment.status == PaymentStatus.FAILED:
                payment.apply("pay")
            payment.method, payment.reference = method[:40], reference[:120]
        _withdraw_push(uow, refund, order, f"paid back by {method} ({reference})")
        order.refresh_payment_status()
        message = (f"Refund {refund.number} of {money(refund.amount, order.currency)} paid back by "
                   f"{method.replace('_', ' ')} (ref {reference}){': ' + note.strip() if note.strip() else ''}")
        order.record("refund", message, by=uow.actor.user_id, refund=refund.number)
        _note_case(uow, refund, "refund_paid_elsewhere", message)
        uow.audit("refund.record_paid", "refund", refund.id, number=refund.number,
                  order=order.number, amount=str(refund.amount), method=method, reference=reference,
                  failure=refund.failure_reason)
        _settle_case(uow, refund)
        uow.changed_order(order)
        uow.commit()


def cancel(uow: UnitOfWork, refund_id: int, *, reason: str) -> None:
    """Give a failed refund up: nothing was paid back; the case may be refunded anew or closed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the refund is cancelled (e.g. 'customer will be refunded "
                              "with a voucher').")
    with uow:
        uow.require("payments.refund", "cancel refunds")
        refund, order = _load(uow, refund_id)
        refund.apply("cancel", subject=_subject(refund, order))
        refund.resolved_by = uow.actor.user_id
        _withdraw_push(uow, refund, order, f"refund cancelled: {reason}")
        message = (f"Refund {refund.number} of {money(refund.amount, order.currency)} cancelled: "
                   f"{reason}")
        order.record("refund", message, by=uow.actor.user_id, refund=refund.number)
        _note_case(uow, refund, "refund_cancelled", message)
        uow.audit("refund.cancel", "refund", refund.id, number=refund.number, order=order.number,
                  amount=str(refund.amount), reason=reason, failure=refund.failure_reason)
        uow.changed_order(order)
        uow.commit()


# -- refunds made in the storefront (pulled by sync) -------------------------------------------------

def record_storefront_refund(uow: UnitOfWork, order_id: int, *, external_id: str, amount: object,
                             lines: list[dict] | None = None, at: datetime | None = None) -> int:
    """A refund (and maybe a return) pulled from the storefront. Idempotent on `external_id`.

    If a refund we asked for of the same amount was not seen in a pull yet (on its way, failed,
    or confirmed under the id its push returned), the storefront's refund IS that refund: it is
    linked (and confirmed) instead of added. Else it becomes a case (or settles the open one),
    so nothing is counted twice. `lines` are {"sku" | "external_id" | "order_line_id", "quantity"}. Returns
    the refund id.
    """
    external_id = (external_id or "").strip()
    if not external_id:
        raise ValidationError("A storefront refund needs its external id.")
    value = to_decimal_before_currency(amount, what="refund amount")
    if value <= 0:
        raise ValidationError(f"Storefront refund {external_id}: the amount must be more than zero.")
    at = at or utcnow()
    with uow:
        uow.require("payments.refund", "record storefront refunds")
        order = uow.get_order(order_id, lock=True)
        value = to_decimal(amount, order.currency, what="refund amount")
        existing = uow.session.scalar(select(Refund).where(
            Refund.order_id == order.id,
            or_(Refund.pulled_id == external_id, Refund.external_id == external_id)))
        if existing is not None:
            if existing.pulled_id is None:  # its push answered with the id the pull uses
                existing.pulled_id = external_id
                uow.commit()
            return existing.id
        # a refund we asked for, not yet seen in a pull: on its way, made (its push answered with
        # another id), or failed here and landed after all
        matchable = [*REFUND_PENDING_STATES, RF.CONFIRMED, RF.FAILED]
        local = uow.session.scalar(
            select(Refund).where(Refund.order_id == order.id, Refund.pulled_id.is_(None),
                                 Refund.channel == "storefront", Refund.amount == value,
                                 Refund.status.in_(matchable))
            .order_by(case((Refund.status == RF.FAILED, 1), else_=0), Refund.id))
        if local is not None:
            local.pulled_id = external_id
            if local.status == RF.CONFIRMED:
                order.record("refund", f"Storefront refund {external_id} is {local.number}",
                             by=uow.actor.user_id, refund=local.number)
            else:
                _withdraw_push(uow, local, order, f"seen in the storefront as {external_id}")
                _confirm(uow, local, order, external_id=external_id)
            uow.audit("refund.link", "refund", local.id, number=local.number, order=order.number,
                      external_id=external_id)
            uow.changed_order(order)
            uow.commit()
            return local.id
        from ordermgr.services.aftersales import case_for_storefront_refund
        refund_id = case_for_storefront_refund(uow, order, external_id=external_id, amount=value,
                                               lines=lines or [], at=at)
        uow.changed_order(order)
        uow.commit()
        return refund_id


def storefront_refund_rows(uow: UnitOfWork, order: Order, amount: Decimal, *, external_id: str,
                           at: datetime, case: ReturnCase | None) -> Refund:
    """Record money the storefront already paid back (confirmed), split over the payments with
    room; what no payment can take is kept without a parent so reconciliation flags it."""
    uow.session.flush()
    parts, left = _newest_first(refundable(uow.session, order.id), amount)
    refund = Refund(number=_next_number(uow), order_id=order.id,
                    return_id=case.id if case else None, amount=amount, currency=order.currency,
                    channel="storefront", status=RF.CONFIRMED, reason="refunded in the storefront",
                    external_id=external_id, pulled_id=external_id, created_by=uow.actor.user_id,
                    created_at=at, completed_at=at)
    uow.session.add(refund)
    if left > 0:
        parts.append((None, left))
        order.record("refund", f"Storefront refund {external_id} of {money(amount, order.currency)} "
                     f"is {money(left, order.currency)} more than the order still held; check it.",
                     by=uow.actor.user_id)
    _add_parts(uow, order, refund, parts, paid=True, reference=external_id, external_id=external_id, at=at)
    order.refresh_payment_status()
    order.record("refund", f"Refund {refund.number} of {money(amount, order.currency)} made in the "
                 f"storefront ({external_id})", by=uow.actor.user_id, refund=refund.number)
    uow.audit("refund.storefront", "refund", refund.id, number=refund.number, order=order.number,
              amount=str(amount), external_id=external_id)
    return refund


# -- read side --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RefundTotals:
    """An order's money, each payment and refund counted once (net of refunds)."""

    currency: str
    total: Decimal
    paid: Decimal  # charges received
    refunded: Decimal  # back with the customer (confirmed or paid by hand)
    pending: Decimal  # on its way back (requested or pushed)
    failed: Decimal  # refused by the storefront, waiting for an agent

    @property
    def net_paid(self) -> Decimal:
        return self.paid - self.refunded


def totals(conn, order_id: int) -> RefundTotals:
    """Paid, refunded, pending and failed of one order in two indexed aggregates, summed exactly
    over the stored integer minor units."""
    order = conn.execute(select(Order.currency, Order.total).where(Order.id == order_id)).first()
    if order is None:
        raise NotFound(f"Order {order_id} does not exist.")

    def cents(expr):
        return type_coerce(func.coalesce(func.sum(expr), 0), BigInteger)

    paid, refunded = conn.execute(select(
        cents(case((and_(Payment.kind == "charge", Payment.status.in_(PAID_CHARGE_STATES)),
                       Payment.amount), else_=0)),
        cents(case((and_(Payment.kind == "refund", Payment.status == PaymentStatus.PAID),
                    Payment.amount), else_=0)))
        .where(Payment.order_id == order_id)).one()
    pending, failed = conn.execute(select(
        cents(case((Refund.status.in_(list(REFUND_PENDING_STATES)), Refund.amount), else_=0)),
        cents(case((Refund.status == RF.FAILED, Refund.amount), else_=0)))
        .where(Refund.order_id == order_id)).one()
    return RefundTotals(order.currency, order.total, *(_from_storage(v) for v in
                                                       (paid, refunded, pending, failed)))


def _from_storage(value) -> Decimal:
    """Raw SUMs over Amount columns are stored integer minor units (models/money.MINOR_UNITS)."""
    return from_storage(value or 0)


@dataclass(frozen=True)
class PaymentLine:
    id: int
    kind: str
    method: str
    amount: Decimal
    currency: str
    status: str
    reference: str
    gateway: str
    created_at: datetime
    refund: str  # refund number for refund rows
    outbox: str  # the storefront push's status for refunds asked of the storefront


def order_payments(conn: Connection, order_id: int) -> list[PaymentLine]:
    """Every payment and refund of an order with method, gateway reference and status."""
    rows = conn.execute(
        select(Payment.id, Payment.kind, Payment.method, Payment.amount, Payment.currency,
               Payment.status, Payment.reference, Payment.gateway, Payment.created_at,
               Refund.number, Refund.id.label("refund_id"), Refund.channel, Order.store_id)
        .join(Order, Order.id == Payment.order_id)
        .outerjoin(RefundPart, RefundPart.payment_id == Payment.id)
        .outerjoin(Refund, Refund.id == RefundPart.refund_id)
        .where(Payment.order_id == order_id).order_by(Payment.id)).all()
    outbox = _push_states(conn, [(r.store_id, r.refund_id) for r in rows
                                 if r.refund_id and r.channel == "storefront"])
    return [PaymentLine(r.id, r.kind, r.method, r.amount, r.currency, r.status, r.reference,
                        r.gateway, r.created_at, r.number or "", outbox.get(r.refund_id, ""))
            for r in rows]


def _push_states(conn, refs: list[tuple[int, int]]) -> dict[int, str]:
    """{refund id: its outbox message's status} for (store id, refund id) pairs."""
    keys = {f"{store_id}:refund:{refund_id}": refund_id for store_id, refund_id in refs}
    if not keys:
        return {}
    found = conn.execute(select(OutboxMessage.idempotency_key, OutboxMessage.status)
                         .where(OutboxMessage.idempotency_key.in_(list(keys)))).all()
    return {keys[k]: status for k, status in found}


@dataclass(frozen=True)
class RefundRow:
    id: int
    number: str
    order_id: int
    order_number: str
    case_id: int | None
    case_number: str
    amount: Decimal
    currency: str
    channel: str
    status: str
    created_at: datetime
    failure_reason: str
    method: str
    reference: str
    external_id: str
    outbox: str

    @property
    def actions(self) -> list[str]:
        """What may be done with it now (the GUI's buttons, the CLI's help)."""
        return REFUND_MACHINE.actions(self.status)

    def as_dict(self) -> dict:
        """Plain data for the case's and the order's panels and the CLI's JSON."""
        return {"id": self.id, "number": self.number, "amount": str(self.amount),
                "currency": self.currency, "status": self.status, "channel": self.channel,
                "outbox": self.outbox, "error": self.failure_reason, "method": self.method,
                "reference": self.reference, "external_id": self.external_id,
                "case": self.case_number, "order": self.order_number, "actions": self.actions}


def refund_rows(conn: Connection, *, status: str | Iterable[str] | None = None,
                order_id: int | None = None, case_id: int | None = None,
                after: tuple | None = None, limit: int = 200) -> list[RefundRow]:
    """Refunds newest first (keyset on created_at, id), with their outbox push status."""
    conds = []
    if status:
        conds.append(Refund.status.in_([status] if isinstance(status, str) else list(status)))
    if order_id:
        conds.append(Refund.order_id == order_id)
    if case_id:
        conds.append(Refund.return_id == case_id)
    if after:
        conds.append(or_(Refund.created_at < after[0],
                         and_(Refund.created_at == after[0], Refund.id < after[1])))
    rows = conn.execute(
        select(Refund.id, Refund.number, Refund.order_id, Order.number.label("order_number"),
               Refund.return_id, ReturnCase.number.label("case_number"), Refund.amount,
               Refund.currency, Refund.channel, Refund.status, Refund.created_at,
               Refund.failure_reason, Refund.method, Refund.reference, Refund.external_id,
               Order.store_id)
        .join(Order, Order.id == Refund.order_id)
        .outerjoin(ReturnCase, ReturnCase.id == Refund.return_id)
        .where(*conds).order_by(Refund.created_at.desc(), Refund.id.desc()).limit(limit)).all()
    outbox = _push_states(conn, [(r.store_id, r.id) for r in rows if r.channel == "storefront"])
    return [RefundRow(r.id, r.number, r.order_id, r.order_number, r.return_id, r.case_number or "",
                      r.amount, r.currency, r.channel, r.status, r.created_at, r.failure_reason,
                      r.method, r.reference, r.external_id or "", outbox.get(r.id, ""))
            for r in rows]


def find_refund_id(conn, code: str) -> int | None:
    """A refund by its number (RF0000001) or database id."""
    code = (code or "").strip().upper()
    found = conn.execute(select(Refund.id).where(Refund.number == code)).scalar()
    if found is None and code.isdigit():
        found = conn.execute(select(Refund.id).where(Refund.id == int(code))).scalar()
    return found


def live_on_case(session, case_id: int, states: Iterable[str] = REFUND_LIVE_STATES) -> Decimal:
    """What a case's refunds in `states` add up to (each refund once)."""
    return session.scalar(select(func.coalesce(func.sum(Refund.amount), 0))
                          .where(Refund.return_id == case_id, Refund.status.in_(list(states)))) or ZERO

