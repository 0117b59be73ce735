"""Tracking and logistics exceptions: events per shipment (from a carrier adapter or typed in),
delays detected from silence, the exceptions queue with the action taken, and completing
delivered orders after the no-complaint period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, ValidationError
from ordermgr.fulfilment.tracking import STATUSES, TrackingAdapter, TrackingError, TrackingUpdate
from ordermgr.models import (Order, OrderStatus, ReturnCase, ReturnStatus, Setting, Shipment,
                             ShipmentStatus, TrackingEvent, UTCDateTime, utcnow)
from ordermgr.models.fulfilment import LogisticsException
from ordermgr.models.money import to_decimal
from ordermgr.services.fulfilment import carrier_registry
from ordermgr.services.orders import _done
from ordermgr.services.shipments import deliver_in

SH = ShipmentStatus
OPEN_SHIPMENT = (SH.LABEL_CREATED, SH.IN_TRANSIT, SH.OUT_FOR_DELIVERY, SH.EXCEPTION)
EXCEPTION_KINDS = ("lost", "damaged", "delayed", "refused", "returned_to_sender")
ACTIONS = ("reship", "refund", "claim", "none")
CLAIM_STATES = ("filed", "accepted", "rejected", "paid")
COMPLETE_AFTER_KEY = "fulfilment.complete_after_days"
DEFAULT_COMPLETE_AFTER = 7

# tracking status -> shipment state machine action (None: no state change)
_EVENT_ACTIONS = {
    "label_created": None, "in_transit": "resume", "out_for_delivery": "out_for_delivery",
    "delivered": "deliver", "exception": "exception", "returned_to_sender": "return_to_sender",
    "lost": "lose",
}
_KIND_ACTIONS = {"lost": "lose", "returned_to_sender": "return_to_sender", "damaged": "exception",
                 "refused": "exception", "delayed": None}


def _shipment(uow: UnitOfWork, shipment_id: int) -> Shipment:
    shipment = uow.session.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFound(f"Shipment {shipment_id} does not exist.")
    return shipment


# -- events -------------------------------------------------------------------------------------

def record_tracking_event(uow: UnitOfWork, shipment_id: int, *, status: str,
                          at: datetime | None = None, location: str = "", description: str = "",
                          source: str = "manual") -> None:
    """Manual event entry (or one adapter event): the event, the shipment's state, the timeline."""
    if status not in STATUSES:
        raise ValidationError(f"Unknown tracking status {status!r}; choose one of "
                              f"{', '.join(STATUSES)}.")
    with uow:
        uow.require("shipments.edit", "record tracking events")
        shipment = _shipment(uow, shipment_id)
        _apply_update(uow, shipment, TrackingUpdate(at or utcnow(), status, location.strip(),
                                                    description.strip()), source)
        _done(uow, shipment.order, "shipment.event", shipment=shipment.id, status=status)


def _apply_update(uow: UnitOfWork, shipment: Shipment, update: TrackingUpdate, source: str) -> None:
    if update.at > utcnow() + timedelta(minutes=5):
        raise ValidationError("A tracking event can't be in the future.")
    shipment.events.append(TrackingEvent(at=update.at, status=update.status,
                                         location=update.location,
                                         description=update.description, source=source))
    if shipment.last_event_at is None or update.at > shipment.last_event_at:
        shipment.last_event_at = update.at
    action = _EVENT_ACTIONS[update.status]
    where = f" at {update.location}" if update.location else ""
    shipment.order.record("tracking", f"{shipment.carrier} {shipment.waybill}: "
                          f"{update.status.replace('_', ' ')}{where}"
                          + (f" ({update.description})" if update.description else ""),
                          by=uow.actor.user_id, shipment=shipment.id, status=update.status,
                          source=source)
    if action == "deliver" and shipment.status != SH.DELIVERED:
        if shipment.status == SH.LABEL_CREATED:
            shipment.apply("ship")
        deliver_in(uow, shipment, at=update.at)
    elif action and action != "deliver" and shipment.status != update.status:
        if action == "resume" and shipment.status != SH.EXCEPTION:
            return  # in transit again after out for delivery: carriers rescan; keep the state
        shipment.apply(action)  # an impossible jump raises the clear refusal
        if action in ("lose", "return_to_sender", "exception"):
            kind = {"lose": "lost", "return_to_sender": "returned_to_sender"}.get(action, "damaged"
                   if "damage" in update.description.lower() else "refused"
                   if "refus" in update.description.lower() else "delayed")
            _open(uow, shipment, kind, update.description or "reported by the carrier")


def poll_tracking(uow: UnitOfWork, adapter: TrackingAdapter, *, limit: int = 200) -> dict:
    """Ask the carrier adapter about shipments still on the road; store new events.

    The network is asked outside any transaction; each shipment's events are then saved in
    one unit of work. Returns {"asked": n, "events": n, "errors": [messages]}."""
    with uow:
        uow.require("shipments.edit", "update tracking")
        registry = carrier_registry(uow.session)
        rows = uow.session.execute(
            select(Shipment.id, Shipment.carrier, Shipment.waybill)
            .where(Shipment.status.in_(OPEN_SHIPMENT), Shipment.waybill.is_not(None))
            .order_by(Shipment.last_event_at, Shipment.id).limit(limit)).all()
    report = {"asked": 0, "events": 0, "errors": []}
    for shipment_id, carrier_name, waybill in rows:
        carrier = registry.find(carrier_name)
        code = carrier.code if carrier else carrier_name
        report["asked"] += 1
        try:
            updates = adapter.fetch(code, waybill)
        except TrackingError as exc:
            report["errors"].append(str(exc))
            continue
        with uow:
            shipment = _shipment(uow, shipment_id)
            known = {(e.at, e.status) for e in shipment.events}
            fresh = sorted((u for u in updates if (u.at, u.status) not in known),
                           key=lambda u: u.at)
            for update in fresh:
                _apply_update(uow, shipment, update, adapter.name)
            if fresh:
                report["events"] += len(fresh)
                _done(uow, shipment.order, "shipment.track", shipment=shipment.id,
                      events=len(fresh))
    return report


# -- exceptions ---------------------------------------------------------------------------------

def _open(uow: UnitOfWork, shipment: Shipment, kind: str, note: str,
          at: datetime | None = None) -> LogisticsException:
    exc = LogisticsException(shipment_id=shipment.id, order_id=shipment.order_id, kind=kind,
                             note=note, opened_at=at or utcnow(), opened_by=uow.actor.user_id,
                             status="open", action="", claim_status="")
    uow.session.add(exc)
    uow.session.flush()
    shipment.order.record("logistics", f"Logistics exception: {kind.replace('_', ' ')} "
                          f"({shipment.carrier} {shipment.waybill}) {note}".strip(),
                          by=uow.actor.user_id, exception=exc.id, exception_kind=kind)
    uow.audit("logistics.open", "logistics_exception", exc.id, kind=kind, shipment=shipment.id)
    return exc


def open_exception(uow: UnitOfWork, shipment_id: int, *, kind: str, note: str = "") -> int:
    if kind not in EXCEPTION_KINDS:
        raise ValidationError(f"Unknown exception {kind!r}; choose one of {', '.join(EXCEPTION_KINDS)}.")
    with uow:
        uow.require("shipments.edit", "record logistics exceptions")
        shipment = _shipment(uow, shipment_id)
        action = _KIND_ACTIONS[kind]
        if action and shipment.status not in (SH.LOST, SH.RETURNED_TO_SENDER) \
                and shipment.status != {"lose": SH.LOST, "return_to_sender": SH.RETURNED_TO_SENDER,
                                        "exception": SH.EXCEPTION}[action]:
            shipment.apply(action)
        exc = _open(uow, shipment, kind, note.strip())
        _done(uow, shipment.order, "shipment.exception", shipment=shipment.id, kind=kind)
        return exc.id


def act_on_exception(uow: UnitOfWork, exception_id: int, *, action: str, note: str = "",
                     claim_status: str = "", claim_amount: object = None,
                     resolve: bool = False) -> None:
    """Record what was done: reship, refund, a claim with the carrier (and its progress)."""
    if action not in ACTIONS:
        raise ValidationError(f"Choose an action: {', '.join(ACTIONS)}.")
    if claim_status and (action != "claim" or claim_status not in CLAIM_STATES):
        raise ValidationError(f"A claim's status is one of {', '.join(CLAIM_STATES)} (action 'claim').")
    amount = to_decimal(claim_amount, what="claim amount") if claim_amount not in (None, "") else None
    with uow:
        uow.require("shipments.edit", "handle logistics exceptions")
        exc = load_open_exception(uow, exception_id)
        record_action_in(uow, exc, action=action, note=note, claim_status=claim_status,
                         amount=amount, resolve=resolve)
        uow.commit()


def load_open_exception(uow: UnitOfWork, exception_id: int) -> LogisticsException:
    exc = uow.session.get(LogisticsException, exception_id)
    if exc is None:
        raise NotFound(f"Logistics exception {exception_id} does not exist.")
    if exc.status == "resolved":
        raise ValidationError("This exception is already resolved.")
    return exc


def record_action_in(uow: UnitOfWork, exc: LogisticsException, *, action: str, note: str = "",
                     claim_status: str = "", amount: Decimal | None = None,
                     resolve: bool = False) -> None:
    """The action taken on an exception: on the exception, the timeline and the audit log
    (inside the caller's transaction; no commit)."""
    exc.action = action
    if action == "claim":
        exc.claim_status = claim_status or exc.claim_status or "filed"
        if amount is not None:
            exc.claim_amount = amount
    if note:
        exc.note = f"{exc.note}\n{note}".strip()
    if resolve or exc.claim_status in ("paid", "rejected"):
        exc.status, exc.resolved_at = "resolved", utcnow()
    order = uow.get_order(exc.order_id)
    claim = f", claim {exc.claim_status}" if action == "claim" else ""
    money = f" {amount} {order.currency}" if amount is not None else ""
    order.record("logistics", f"Exception {exc.kind.replace('_', ' ')}: {action}{claim}{money}"
                 + (" (resolved)" if exc.status == "resolved" else "")
                 + (f" - {note}" if note else ""), by=uow.actor.user_id, exception=exc.id,
                 action=action, claim_status=exc.claim_status)
    uow.audit("logistics.action", "logistics_exception", exc.id, taken=action,
              claim_status=exc.claim_status, amount=amount)
    uow.changed_order(order)


def flag_delayed_shipments(uow: UnitOfWork, *, now: datetime | None = None) -> int:
    """Open a 'delayed' exception for every parcel on the road with no event for longer than
    its carrier allows. Returns how many were flagged."""
    now = now or utcnow()
    with uow:
        uow.require("shipments.edit", "check for delays")
        registry = carrier_registry(uow.session)
        already = select(LogisticsException.id).where(
            LogisticsException.shipment_id == Shipment.id, LogisticsException.status == "open",
            LogisticsException.kind == "delayed").exists()
        horizon = now - timedelta(days=1)  # the shortest allowed silence
        candidates = uow.session.scalars(
            select(Shipment).where(Shipment.status.in_((SH.IN_TRANSIT, SH.OUT_FOR_DELIVERY)),
                                   type_coerce(func.coalesce(Shipment.last_event_at,
                                                             Shipment.shipped_at), UTCDateTime)
                                   < horizon, ~already)
            .options(selectinload(Shipment.order).selectinload(Order.events))).all()
        flagged = 0
        for shipment in candidates:
            carrier = registry.find(shipment.carrier)
            days = carrier.delayed_after_days if carrier else 4
            last = shipment.last_event_at or shipment.shipped_at
            if last and now - last > timedelta(days=days):
                silent = (now - last).days
                _open(uow, shipment, "delayed", f"no tracking event for {silent} days "
                                                f"(limit {days} for {shipment.carrier})", at=now)
                uow.changed_order(shipment.order)
                flagged += 1
        uow.commit()
        return flagged


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    order_id: int
    order_number: str
    carrier: str
    waybill: str
    kind: str
    status: str
    opened_at: datetime
    age_days: int
    action: str
    claim_status: str
    claim_amount: Decimal | None
    note: str


def exceptions_page(session: Session, *, status: str = "open", now: datetime | None = None,
                    after: tuple[datetime, int] | None = None, limit: int = 200) -> list[ExceptionRow]:
    """The exceptions queue, oldest first, keyset-paged on (opened_at, id)."""
    now = now or utcnow()
    le = LogisticsException
    stmt = (select(le.id, le.order_id, Order.number, Shipment.carrier, Shipment.waybill, le.kind,
                   le.status, le.opened_at, le.action, le.claim_status, le.claim_amount, le.note)
            .join(Shipment, Shipment.id == le.shipment_id).join(Order, Order.id == le.order_id))
    if status != "all":
        stmt = stmt.where(le.status == status)
    if after is not None:
        stmt = stmt.where((le.opened_at > after[0]) | and_(le.opened_at == after[0], le.id > after[1]))
    rows = session.execute(stmt.order_by(le.opened_at, le.id).limit(limit)).all()
    return [ExceptionRow(r.id, r.order_id, r.number, r.carrier, r.waybill or "", r.kind, r.status,
                         r.opened_at, max((now - r.opened_at).days, 0), r.action, r.claim_status,
                         r.claim_amount, r.note) for r in rows]


# -- completion after delivery -------------------------------------------------------------------

def completion_days(session: Session) -> int:
    setting = session.get(Setting, COMPLETE_AFTER_KEY)
    return int(setting.value) if setting else DEFAULT_COMPLETE_AFTER


def set_completion_days(uow: UnitOfWork, days: int) -> None:
    if not 0 <= days <= 365:
        raise ValidationError("Complete orders between 0 and 365 days after delivery.")
    with uow:
        uow.require("settings.edit", "change the completion period")
        setting = uow.session.get(Setting, COMPLETE_AFTER_KEY) or Setting(key=COMPLETE_AFTER_KEY)
        setting.value = str(days)
        uow.session.add(setting)
        uow.audit("settings.complete_after_days", "setting", COMPLETE_AFTER_KEY, value=days)
        uow.commit()


_RETURN_CLOSED = (ReturnStatus.CLOSED, ReturnStatus.REJECTED, ReturnStatus.CANCELLED)


def complete_delivered_orders(uow: UnitOfWork, *, now: datetime | None = None,
                              limit: int = 1000) -> int:
    """Complete delivered orders whose last parcel arrived more than the configured number of
    days ago, with no open return/complaint and no open logistics exception."""
    now = now or utcnow()
    with uow:
        uow.require("orders.fulfil", "complete delivered orders")
        cutoff = now - timedelta(days=completion_days(uow.session))
        late = select(Shipment.id).where(Shipment.order_id == Order.id,
                                         (Shipment.delivered_at.is_(None))
                                         | (Shipment.delivered_at > cutoff)).exists()
        complaint = select(ReturnCase.id).where(ReturnCase.order_id == Order.id,
                                                ReturnCase.status.not_in(_RETURN_CLOSED)).exists()
        trouble = select(LogisticsException.id).where(
            LogisticsException.order_id == Order.id, LogisticsException.status == "open").exists()
        orders = uow.session.scalars(select(Order).where(
            Order.status == OrderStatus.DELIVERED, ~late, ~complaint, ~trouble)
            .order_by(Order.id).limit(limit).options(selectinload(Order.events))).all()
        for order in orders:
            order.apply("complete", by=uow.actor.user_id,
                        message="Completed: delivered with no complaint")
            uow.changed_order(order)
        if orders:
            uow.audit("orders.auto_complete", "order", orders[0].id, count=len(orders))
        uow.commit()
        return len(orders)


@dataclass(frozen=True)
class TrackingRow:
    shipment_id: int
    order_number: str
    carrier: str
    waybill: str
    status: str
    shipped_at: datetime | None
    last_event_at: datetime | None
    silent_days: int


def tracking_page(session: Session, *, now: datetime | None = None,
                  after: tuple[datetime, int] | None = None, limit: int = 200) -> list[TrackingRow]:
    """Parcels still on the road, longest without news first (keyset on last event, id)."""
    now = now or utcnow()
    last = type_coerce(func.coalesce(Shipment.last_event_at, Shipment.shipped_at,
                                     Shipment.created_at), UTCDateTime)
    stmt = (select(Shipment.id, Order.number, Shipment.carrier, Shipment.waybill, Shipment.status,
                   Shipment.shipped_at, last.label("last"))
            .join(Order, Order.id == Shipment.order_id)
            .where(Shipment.status.in_(OPEN_SHIPMENT)))
    if after is not None:
        stmt = stmt.where((last > after[0]) | and_(last == after[0], Shipment.id > after[1]))
    rows = session.execute(stmt.order_by(last, Shipment.id).limit(limit)).all()
    return [TrackingRow(r.id, r.number, r.carrier, r.waybill or "", r.status, r.shipped_at,
                        r.last, max((now - r.last).days, 0) if r.last else 0)
            for r in rows]


def find_shipment(session: Session, waybill: str) -> int:
    from ordermgr.fulfilment.carriers import normalise
    from ordermgr.models.fulfilment import Parcel
    clean = normalise(waybill)
    found = session.scalar(select(Shipment.id).where(Shipment.waybill == clean)) or session.scalar(
        select(Parcel.shipment_id).where(Parcel.waybill == clean))
    if found is None:
        raise NotFound(f"No shipment has the waybill {waybill}.")
    return found
