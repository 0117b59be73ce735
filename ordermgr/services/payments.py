"""Unpaid orders and reconciliation. Refunds live in services/refunds.py.

Offline payments (bank transfer, cash on delivery) are recorded on the order (services/orders.py);
here orders left unpaid too long are cancelled, and orders whose paid, refunded, shipped and
order totals disagree are listed for the bookkeeper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, Connection, and_, case, func, literal, or_, select, type_coerce

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models import Order, OrderLine, OrderStatus, Payment, PaymentStatus, Setting, Store, utcnow
from ordermgr.models.money import from_storage
from ordermgr.models.orders import PAID_CHARGE_STATES

UNPAID_SETTING = "aftersales.unpaid_cancel_hours"
DEFAULT_UNPAID_HOURS = 72


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
    """Raw SUMs over Amount columns are stored integer minor units."""
    return from_storage(value or 0)
