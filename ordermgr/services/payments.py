"""Refunds against the original payments, storefront refunds pulled by sync, unpaid orders and
reconciliation.

A refund is split into parts, each against one original charge, and never more than that charge
still holds (paid minus what is already refunded or on its way back), nor more than the order
holds in total. Refunds on storefront orders are queued to the storefront through the outbox
(idempotency key = the refund id) and stay *pending* until the storefront confirms them;
offline payments (bank transfer, cash on delivery) and orders typed in by hand are refunded by
hand and recorded as *manual* refunds with the bank or cash reference.

Exactly once: every refund locks the order row first (SELECT ... FOR UPDATE on PostgreSQL, the
IMMEDIATE write lock on SQLite), then re-reads what is already refunded, so two agents pressing
"Refund" on the same case at the same moment produce one refund and a clear refusal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, Connection, and_, case, func, literal, or_, select, type_coerce

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, ValidationError
from ordermgr.models import (Order, OrderLine, OrderStatus, OutboxMessage, Payment, PaymentStatus,
                             ReturnCase, Setting, Store, utcnow)
from ordermgr.models.aftersales import OFFLINE_METHODS, Refund, RefundPart, RefundStatus
from ordermgr.models.money import format_money, to_decimal
from ordermgr.models.orders import PAID_CHARGE_STATES
from ordermgr.services.outbox import enqueue

ZERO = Decimal("0.00")
LIVE_REFUND_STATES = (PaymentStatus.PENDING, PaymentStatus.PAID)  # count against what is refundable
UNPAID_SETTING = "aftersales.unpaid_cancel_hours"
DEFAULT_UNPAID_HOURS = 72


def money(amount: Decimal, currency: str) -> str:
    return format_money(amount, currency)


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
        if r.kind == "refund" and r.status in LIVE_REFUND_STATES:
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


# -- issuing refunds (inside a use case's transaction) ------------------------------------------

def issue_refund(uow: UnitOfWork, order: Order, amount: Decimal, *, reason: str,
                 case: ReturnCase | None = None, reference: str = "",
                 split: dict[int, Decimal] | None = None) -> list[Refund]:
    """Create the refund(s) for `amount` on a locked order; no commit. Parts against online
    payments of storefront orders go to the storefront (pending); the rest are manual (done)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(f"{order.subject}: give a reason for the refund.")
    uow.session.flush()
    room = refundable(uow.session, order.id)
    parts = allocate(room, amount, split)
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
    from ordermgr.services.order_entry import next_number
    refunds = []
    for channel, group in groups.items():
        total = sum((a for _, a in group), ZERO)
        done = channel == "manual"
        refund = Refund(number=f"RF{next_number(uow, 'refund'):07d}", order_id=order.id,
                        return_id=case.id if case else None, amount=total, currency=order.currency,
                        channel=channel, status=RefundStatus.DONE if done else RefundStatus.PENDING,
                        reference=(reference or "").strip() if done else "", reason=reason,
                        created_by=uow.actor.user_id, created_at=utcnow(),
                        completed_at=utcnow() if done else None)
        uow.session.add(refund)
        _add_parts(uow, order, refund, group, paid=done, reference=refund.reference or refund.number)
        how = "by hand" if done else "through the storefront"
        order.record("refund", f"Refund {refund.number} of {money(total, order.currency)} {how}"
                     f"{' (ref ' + refund.reference + ')' if done else ''}: {reason}",
                     by=uow.actor.user_id, refund=refund.number, amount=str(total),
                     case=case.number if case else None)
        if not done:
            enqueue(uow, store, "refund", {
                "order_external_id": order.external_id, "refund_id": refund.id,
                "refund_number": refund.number, "amount": str(total), "currency": order.currency,
                "reason": reason, "case": case.number if case else None,
                "payments": [{"reference": p.reference, "gateway": p.gateway, "amount": str(a)}
                             for p, a in group],
                "lines": _case_lines_payload(uow, case),
            }, key=str(refund.id))
        uow.audit("refund.issue", "order", order.id, number=order.number, refund=refund.number,
                  amount=str(total), channel=channel, reason=reason, reference=refund.reference,
                  case=case.number if case else None)
        refunds.append(refund)
    order.refresh_payment_status()
    uow.changed_order(order)
    return refunds


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


def _case_lines_payload(uow: UnitOfWork, case: ReturnCase | None) -> list[dict]:
    if case is None:
        return []
    out = []
    for line in case.lines:
        ol = uow.session.get(OrderLine, line.order_line_id)
        out.append({"external_id": ol.external_id, "sku": ol.sku, "quantity": line.quantity})
    return out


def refund_order(uow: UnitOfWork, order_id: int, *, amount: object, reason: str,
                 reference: str = "", split: dict[int, object] | None = None) -> list[str]:
    """A refund without goods coming back (the CLI's `refund ORDER AMOUNT`): a goodwill case is
    opened, approved within the actor's limit and refunded in one transaction."""
    from ordermgr.services import aftersales
    return aftersales.quick_refund(uow, order_id, amount=amount, reason=reason, reference=reference,
                                   split=split)


def _load_refund(uow: UnitOfWork, refund_id: int) -> tuple[Refund, Order]:
    refund = uow.session.get(Refund, refund_id)
    if refund is None:
        raise NotFound(f"Refund {refund_id} does not exist.")
    order = uow.get_order(refund.order_id, lock=True)
    uow.session.refresh(refund)
    return refund, order


def confirm_refund(uow: UnitOfWork, refund_id: int, *, external_id: str | None = None) -> None:
    """The storefront (or gateway) confirmed a pending refund: the money is back."""
    with uow:
        uow.require("payments.refund", "confirm refunds")
        refund, order = _load_refund(uow, refund_id)
        _complete(uow, refund, order, external_id=external_id)
        uow.commit()


def _complete(uow: UnitOfWork, refund: Refund, order: Order, *, external_id: str | None) -> None:
    if refund.status == RefundStatus.DONE:
        return
    if refund.status != RefundStatus.PENDING:
        raise ValidationError(f"Refund {refund.number} on {order.subject} is {refund.status}; only "
                              "a pending refund can be confirmed.")
    refund.status, refund.completed_at = RefundStatus.DONE, utcnow()
    if external_id:
        refund.external_id = external_id
    for part in refund.parts:
        payment = uow.session.get(Payment, part.payment_id) if part.payment_id else None
        if payment is not None and payment.status == PaymentStatus.PENDING:
            payment.apply("pay")
            payment.external_id = external_id or payment.external_id
    order.refresh_payment_status()
    order.record("refund", f"Refund {refund.number} of {money(refund.amount, order.currency)} "
                 "confirmed by the storefront", by=uow.actor.user_id, refund=refund.number)
    uow.audit("refund.confirm", "order", order.id, number=order.number, refund=refund.number,
              amount=str(refund.amount), external_id=external_id)
    if refund.return_id:
        from ordermgr.services.aftersales import refund_settled
        refund_settled(uow, refund)
    uow.changed_order(order)


def fail_refund(uow: UnitOfWork, refund_id: int, *, error: str) -> None:
    """The storefront rejected a refund: nothing was paid back; the case keeps its state."""
    with uow:
        uow.require("payments.refund", "record refund failures")
        refund, order = _load_refund(uow, refund_id)
        if refund.status != RefundStatus.PENDING:
            raise ValidationError(f"Refund {refund.number} on {order.subject} is {refund.status}; "
                                  "only a pending refund can fail.")
        refund.status, refund.last_error = RefundStatus.FAILED, (error or "").strip()
        for part in refund.parts:
            payment = uow.session.get(Payment, part.payment_id) if part.payment_id else None
            if payment is not None and payment.status == PaymentStatus.PENDING:
                payment.apply("fail")
        order.refresh_payment_status()
        message = (f"The storefront rejected refund {refund.number} of "
                   f"{money(refund.amount, order.currency)} on {order.subject}: {error}")
        order.record("refund", message, by=uow.actor.user_id, refund=refund.number)
        if refund.return_id:
            case = uow.session.get(ReturnCase, refund.return_id)
            case.note("refund_failed", by=uow.actor.user_id, note=message)
            uow.changes.returns.add(case.id)
        uow.audit("refund.fail", "order", order.id, number=order.number, refund=refund.number,
                  amount=str(refund.amount), error=error)
        uow.changed_order(order)
        uow.commit()


def record_storefront_refund(uow: UnitOfWork, order_id: int, *, external_id: str, amount: object,
                             lines: list[dict] | None = None, at: datetime | None = None) -> int:
    """A refund (and maybe a return) pulled from the storefront. Idempotent on `external_id`.

    If a local refund of the same amount is pending (or sent and not yet linked) for this order,
    the storefront's refund IS that refund: it is linked and confirmed instead of added. Else it
    becomes a case (or updates the open one), so nothing is refunded twice. `lines` are
    {"sku" | "external_id" | "order_line_id", "quantity"}. Returns the refund id.
    """
    external_id = (external_id or "").strip()
    if not external_id:
        raise ValidationError("A storefront refund needs its external id.")
    value = to_decimal(amount, what="refund amount")
    if value <= 0:
        raise ValidationError(f"Storefront refund {external_id}: the amount must be more than zero.")
    at = at or utcnow()
    with uow:
        uow.require("payments.refund", "record storefront refunds")
        order = uow.get_order(order_id, lock=True)
        existing = uow.session.scalar(select(Refund).where(Refund.order_id == order.id,
                                                           Refund.external_id == external_id))
        if existing is not None:
            return existing.id
        local = uow.session.scalar(
            select(Refund).where(Refund.order_id == order.id, Refund.external_id.is_(None),
                                 Refund.channel == "storefront", Refund.amount == value,
                                 Refund.status.in_(RefundStatus.LIVE))
            .order_by(Refund.id))
        if local is not None:
            if local.status == RefundStatus.DONE:
                local.external_id = external_id
                order.record("refund", f"Storefront refund {external_id} linked to {local.number}",
                             by=uow.actor.user_id, refund=local.number)
            else:
                _complete(uow, local, order, external_id=external_id)
            uow.audit("refund.link", "order", order.id, number=order.number, refund=local.number,
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
    """Record money the storefront already paid back (done), split over the payments with room;
    what no payment can take is kept without a parent so reconciliation flags it."""
    uow.session.flush()
    parts, left = _newest_first(refundable(uow.session, order.id), amount)
    from ordermgr.services.order_entry import next_number
    refund = Refund(number=f"RF{next_number(uow, 'refund'):07d}", order_id=order.id,
                    return_id=case.id if case else None, amount=amount, currency=order.currency,
                    channel="storefront", status=RefundStatus.DONE, reason="refunded in the storefront",
                    external_id=external_id, created_by=uow.actor.user_id, created_at=at,
                    completed_at=at)
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
    uow.audit("refund.storefront", "order", order.id, number=order.number, refund=refund.number,
              amount=str(amount), external_id=external_id)
    return refund


# -- read side: refunds and payments ------------------------------------------------------------

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
    outbox: str  # the storefront push's status for pending refunds


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
    keys = {f"{r.store_id}:refund:{r.refund_id}": r.refund_id for r in rows
            if r.refund_id and r.channel == "storefront"}
    outbox = dict(conn.execute(select(OutboxMessage.idempotency_key, OutboxMessage.status)
                               .where(OutboxMessage.idempotency_key.in_(keys))).all()) if keys else {}
    return [PaymentLine(r.id, r.kind, r.method, r.amount, r.currency, r.status, r.reference,
                        r.gateway, r.created_at, r.number or "",
                        outbox.get(f"{r.store_id}:refund:{r.refund_id}", "")) for r in rows]


@dataclass(frozen=True)
class RefundRow:
    id: int
    number: str
    order_id: int
    order_number: str
    case_number: str
    amount: Decimal
    currency: str
    channel: str
    status: str
    created_at: datetime
    last_error: str
    outbox: str


def refund_rows(conn: Connection, *, status: str | Iterable[str] | None = None,
                order_id: int | None = None, after: tuple | None = None,
                limit: int = 200) -> list[RefundRow]:
    """Refunds newest first (keyset on created_at, id), with their outbox push status."""
    conds = []
    if status:
        conds.append(Refund.status.in_([status] if isinstance(status, str) else list(status)))
    if order_id:
        conds.append(Refund.order_id == order_id)
    if after:
        conds.append(or_(Refund.created_at < after[0],
                         and_(Refund.created_at == after[0], Refund.id < after[1])))
    rows = conn.execute(
        select(Refund.id, Refund.number, Refund.order_id, Order.number.label("order_number"),
               ReturnCase.number.label("case_number"), Refund.amount, Refund.currency,
               Refund.channel, Refund.status, Refund.created_at, Refund.last_error, Order.store_id)
        .join(Order, Order.id == Refund.order_id)
        .outerjoin(ReturnCase, ReturnCase.id == Refund.return_id)
        .where(*conds).order_by(Refund.created_at.desc(), Refund.id.desc()).limit(limit)).all()
    keys = [f"{r.store_id}:refund:{r.id}" for r in rows if r.channel == "storefront"]
    outbox = dict(conn.execute(select(OutboxMessage.idempotency_key, OutboxMessage.status)
                               .where(OutboxMessage.idempotency_key.in_(keys))).all()) if keys else {}
    return [RefundRow(r.id, r.number, r.order_id, r.order_number, r.case_number or "", r.amount,
                      r.currency, r.channel, r.status, r.created_at, r.last_error,
                      outbox.get(f"{r.store_id}:refund:{r.id}", "")) for r in rows]


# -- unpaid orders ------------------------------------------------------------------------------

def unpaid_cancel_hours(conn) -> int:
    value = conn.execute(select(Setting.value).where(Setting.key == UNPAID_SETTING)).scalar()
    try:
        return int(value) if value is not None else DEFAULT_UNPAID_HOURS
    except ValueError:
        return DEFAULT_UNPAID_HOURS


def set_unpaid_cancel_hours(uow: UnitOfWork, hours: int) -> None:
    if not isinstance(hours, int) or not 1 <= hours <= 24 * 90:
        raise ValidationError("Unpaid orders are cancelled after 1 hour to 90 days; enter hours "
                              "between 1 and 2160.")
    with uow:
        uow.require("settings.edit", "change when unpaid orders are cancelled")
        setting = uow.session.get(Setting, UNPAID_SETTING)
        old = setting.value if setting else None
        if setting is None:
            setting = Setting(key=UNPAID_SETTING, value="")
            uow.session.add(setting)
        setting.value = str(hours)
        uow.audit("settings.unpaid_cancel_hours", "setting", UNPAID_SETTING, old=old, new=hours)
        uow.commit()


@dataclass(frozen=True)
class UnpaidRow:
    id: int
    number: str
    store: str
    customer: str
    placed_at: datetime
    total: Decimal
    currency: str
    version: int


def unpaid_orders(conn: Connection, *, older_than: datetime | None = None,
                  after: tuple | None = None, limit: int = 200) -> list[UnpaidRow]:
    """Orders still waiting for payment, oldest first (keyset on placed_at, id)."""
    conds = [Order.status == OrderStatus.PENDING_PAYMENT]
    if older_than is not None:
        conds.append(Order.placed_at < older_than)
    if after:
        conds.append(or_(Order.placed_at > after[0],
                         and_(Order.placed_at == after[0], Order.id > after[1])))
    rows = conn.execute(
        select(Order.id, Order.number, Store.name, Order.customer_name, Order.placed_at,
               Order.total, Order.currency, Order.version)
        .join(Store, Store.id == Order.store_id).where(*conds)
        .order_by(Order.placed_at, Order.id).limit(limit)).all()
    return [UnpaidRow(*r) for r in rows]


def cancel_unpaid_orders(uow: UnitOfWork, *, older_than_hours: int | None = None,
                         now: datetime | None = None, limit: int = 1000, progress=None):
    """Cancel (and release the stock of) orders unpaid for longer than the configured time.
    Each order in its own transaction; returns the per-order results."""
    from ordermgr.services.orders import cancel_order, run_bulk
    uow.require("orders.cancel", "cancel unpaid orders")
    with uow.engine.connect() as conn:
        hours = older_than_hours or unpaid_cancel_hours(conn)
        cutoff = (now or utcnow()) - timedelta(hours=hours)
        ids = [r.id for r in unpaid_orders(conn, older_than=cutoff, limit=limit)]
    return run_bulk(uow, ids, cancel_order, progress=progress,
                    reason=f"unpaid for more than {hours} hours")


# -- reconciliation -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReconRow:
    order_id: int
    number: str
    store: str
    status: str
    placed_at: datetime
    total: Decimal
    paid: Decimal
    refunded: Decimal
    shipped_value: Decimal
    currency: str
    flags: tuple[str, ...]


FLAG_TEXT = {
    "underpaid": "paid less than the order total",
    "overpaid": "paid more than the order total",
    "over_refunded": "refunded more than was paid",
    "refund_owed": "cancelled but money was kept",
    "shipped_unpaid": "goods shipped but nothing paid",
}


def reconcile(conn: Connection, *, since: datetime, until: datetime, store_id: int | None = None,
              flagged_only: bool = True, after: int | None = None,
              limit: int = 500) -> list[ReconRow]:
    """Orders placed in [since, until) whose paid, refunded, shipped and order totals disagree."""
    pay = (select(Payment.order_id,
                  func.sum(case((and_(Payment.kind == "charge", Payment.status.in_(PAID_CHARGE_STATES)),
                                 Payment.amount), else_=0)).label("paid"),
                  func.sum(case((and_(Payment.kind == "refund", Payment.status == PaymentStatus.PAID),
                                 Payment.amount), else_=0)).label("refunded"))
           .join(Order, Order.id == Payment.order_id)
           .where(Order.placed_at >= since, Order.placed_at < until)
           .group_by(Payment.order_id).subquery())
    shipped = (select(OrderLine.order_id,
                      func.sum(OrderLine.quantity_shipped * OrderLine.unit_price).label("value"),
                      func.sum(OrderLine.quantity_shipped).label("units"))
               .join(Order, Order.id == OrderLine.order_id)
               .where(Order.placed_at >= since, Order.placed_at < until)
               .group_by(OrderLine.order_id).subquery())
    paid = func.coalesce(pay.c.paid, 0)
    refunded = func.coalesce(pay.c.refunded, 0)
    units = func.coalesce(shipped.c.units, 0)
    live = Order.status.notin_([OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED])
    flag_exprs = {
        "underpaid": and_(live, paid < Order.total, units > 0, paid > 0),
        "overpaid": and_(Order.status != OrderStatus.CANCELLED, paid > Order.total),
        "over_refunded": refunded > paid,
        "refund_owed": and_(Order.status == OrderStatus.CANCELLED, paid > refunded),
        "shipped_unpaid": and_(units > 0, paid == 0, Order.total > 0),
    }
    columns = [case((expr, literal(1)), else_=literal(0)).label(name)
               for name, expr in flag_exprs.items()]
    conds = [Order.placed_at >= since, Order.placed_at < until]
    if store_id:
        conds.append(Order.store_id == store_id)
    if flagged_only:
        conds.append(or_(*flag_exprs.values()))
    if after:
        conds.append(Order.id > after)
    stmt = (select(Order.id, Order.number, Store.name, Order.status, Order.placed_at, Order.total,
                   type_coerce(paid, BigInteger).label("paid"),
                   type_coerce(refunded, BigInteger).label("refunded"),
                   type_coerce(func.coalesce(shipped.c.value, 0), BigInteger).label("shipped_value"),
                   Order.currency,
                   *columns)
            .join(Store, Store.id == Order.store_id)
            .outerjoin(pay, pay.c.order_id == Order.id)
            .outerjoin(shipped, shipped.c.order_id == Order.id)
            .where(*conds).order_by(Order.id).limit(limit))
    out = []
    for r in conn.execute(stmt):
        flags = tuple(name for name in flag_exprs if getattr(r, name))
        out.append(ReconRow(r.id, r.number, r.name, r.status, r.placed_at, r.total,
                            _cents(r.paid), _cents(r.refunded), _cents(r.shipped_value),
                            r.currency, flags))
    return out


def _cents(value) -> Decimal:
    """Raw SUMs over Amount columns are integer minor units."""
    return (Decimal(int(value or 0)) / 100).quantize(Decimal("0.01"))
