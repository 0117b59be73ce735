"""Shipments: create a parcel with its waybill, ship it (stock leaves, the storefront hears of
it), and record delivery.

`ship_order` is the primitive every entry point uses. It does not check the waybill's format
(storefront imports bring carriers we do not know); the fulfilment services validate the number
against the carrier list before calling `ship_in` (see services/fulfilment.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models import (Order, OrderStatus, Shipment, ShipmentLine, ShipmentStatus, Store,
                             utcnow)
from ordermgr.models.fulfilment import Parcel
from ordermgr.services import stock
from ordermgr.services.orders import _done
from ordermgr.services.outbox import enqueue
from ordermgr.services.stock import Ref


@dataclass(frozen=True)
class ParcelInput:
    """One box: its waybill and, if known, weight and outer dimensions."""

    waybill: str
    weight_grams: int = 0
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0


def ship_order(uow: UnitOfWork, order_id: int, *, carrier: str, waybill: str,
               tracking_url: str = "", quantities: dict[int, int] | None = None,
               expected_version: int | None = None, cost: Decimal | None = None,
               parcels: list[ParcelInput] | None = None) -> int:
    """Ship `quantities` {order_line_id: qty} (default: everything not yet shipped) in one shipment.

    Returns the shipment id. Reserved stock becomes shipped (on hand goes down) in the
    warehouses that reserved it.
    """
    with uow:
        uow.require("orders.fulfil", "ship orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        shipment = ship_in(uow, order, carrier=carrier, waybill=waybill, tracking_url=tracking_url,
                           quantities=quantities, cost=cost, parcels=parcels)
        _done(uow, order, "order.ship", carrier=shipment.carrier, waybill=shipment.waybill,
              shipment=shipment.id)
        return shipment.id


def ship_in(uow: UnitOfWork, order: Order, *, carrier: str, waybill: str, tracking_url: str = "",
            quantities: dict[int, int] | None = None, cost: Decimal | None = None,
            parcels: list[ParcelInput] | None = None) -> Shipment:
    """Ship inside the caller's transaction (bulk imports ship many orders all-or-nothing)."""
    carrier, waybill = (carrier or "").strip(), (waybill or "").strip()
    if not carrier or not waybill:
        raise ValidationError("Enter the carrier and the waybill number.")
    if order.status not in (OrderStatus.PACKED, OrderStatus.PARTIALLY_SHIPPED):
        if order.status == OrderStatus.PICKING:
            raise ValidationError(f"{order.subject} is still being picked; pack it (scan every "
                                  "item at the packing station) before shipping.")
        order.apply("ship", by=uow.actor.user_id)  # raises the clerk-readable refusal
    parcels = list(parcels or [ParcelInput(waybill)])
    if parcels[0].waybill.strip() != waybill:
        parcels.insert(0, ParcelInput(waybill))
    seen = set()
    for parcel in parcels:
        number = parcel.waybill.strip()
        if number in seen:
            raise ValidationError(f"Waybill {number} is entered twice for this shipment.")
        seen.add(number)
        refuse_duplicate_waybill(uow, carrier, number)
    if cost is not None and cost < 0:
        raise ValidationError("The shipping cost can't be negative.")
    now = utcnow()
    first = parcels[0]
    packed_at = _packed_at(order) or now
    shipment = Shipment(carrier=carrier, waybill=waybill, tracking_url=tracking_url,
                        status=ShipmentStatus.IN_TRANSIT, shipped_at=now, packed_at=packed_at,
                        last_event_at=now, cost=cost,
                        weight_grams=sum(max(p.weight_grams, 0) for p in parcels),
                        length_mm=first.length_mm, width_mm=first.width_mm,
                        height_mm=first.height_mm,
                        order_to_packed_s=_seconds(order.placed_at, packed_at),
                        packed_to_shipped_s=_seconds(packed_at, now))
    for parcel in parcels:
        if min(parcel.weight_grams, parcel.length_mm, parcel.width_mm, parcel.height_mm) < 0:
            raise ValidationError("Weight and dimensions can't be negative.")
        shipment.parcels.append(Parcel(carrier=carrier, waybill=parcel.waybill.strip(),
                                       weight_grams=parcel.weight_grams, length_mm=parcel.length_mm,
                                       width_mm=parcel.width_mm, height_mm=parcel.height_mm))
    order.shipments.append(shipment)
    wanted = quantities or {line.id: line.quantity - line.quantity_shipped for line in order.lines}
    unknown = set(wanted) - {line.id for line in order.lines}
    if unknown:
        raise ValidationError(f"{order.subject} has no line {sorted(unknown)[0]}.")
    warehouses = set()
    for line in order.lines:
        qty = wanted.get(line.id, 0)
        if qty <= 0:
            continue
        if qty > line.quantity - line.quantity_shipped:
            raise ValidationError(f"{order.subject}: line {line.sku} has only "
                                  f"{line.quantity - line.quantity_shipped} left to ship.")
        warehouses |= _take_reserved(uow, order, line, qty)
        line.quantity_shipped += qty
        shipment.lines.append(ShipmentLine(order_line_id=line.id, quantity=qty))
    if not shipment.lines:
        raise ValidationError(f"{order.subject}: nothing left to ship.")
    shipment.warehouse_id = min(warehouses) if warehouses else None
    order.refresh_fulfilment_status()
    complete = all(line.quantity_shipped == line.quantity for line in order.lines)
    extra = f" (+{len(parcels) - 1} more parcels)" if len(parcels) > 1 else ""
    order.apply("ship" if complete else "ship_partially", by=uow.actor.user_id,
                message=f"Shipped with {carrier} {waybill}{extra}"
                        + ("" if complete else " (partial shipment)"),
                carrier=carrier, waybill=waybill, parcels=[p.waybill for p in parcels])
    order.refresh_search_text()
    uow.session.flush()
    if order.external_id:
        enqueue(uow, uow.session.get(Store, order.store_id), "fulfilment", {
            "order_external_id": order.external_id, "carrier": carrier, "waybill": waybill,
            "tracking_url": tracking_url, "waybills": [p.waybill for p in parcels],
            "shipped_at": (shipment.shipped_at or utcnow()).isoformat(),
            "lines": [{"external_id": line.external_id, "sku": line.sku,
                       "quantity": wanted.get(line.id, 0)} for line in order.lines
                      if wanted.get(line.id, 0) > 0],
        }, key=f"shipment:{shipment.id}")
    return shipment


def _packed_at(order: Order) -> datetime | None:
    """When the order was marked packed (the latest 'pack' on its timeline)."""
    for event in reversed(order.events):
        if event.kind == "status" and (event.data or {}).get("action") == "pack":
            return event.at
    return None


def _seconds(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max(int((end - start).total_seconds()), 0)


def refuse_duplicate_waybill(uow: UnitOfWork, carrier: str, waybill: str) -> None:
    """A waybill number already on a shipment or parcel of this carrier is refused."""
    other = uow.session.execute(
        select(Order.number).join(Shipment, Shipment.order_id == Order.id)
        .where(Shipment.carrier == carrier, Shipment.waybill == waybill)).scalar()
    if other is None:
        other = uow.session.execute(
            select(Order.number).join(Shipment, Shipment.order_id == Order.id)
            .join(Parcel, Parcel.shipment_id == Shipment.id)
            .where(Parcel.carrier == carrier, Parcel.waybill == waybill)).scalar()
    if other:
        raise ValidationError(f"Waybill {waybill} ({carrier}) is already used on order #{other}. "
                              "Check the number on the label.")




def book_out_reserved(uow: UnitOfWork, order: Order, line, qty: int) -> tuple[set[int], int]:
    """Convert up to `qty` reserved units into shipped stock, warehouse by warehouse.
    Returns the warehouses used and how many units had no reservation to take."""
    used, left = set(), qty
    for alloc in line.allocations:
        take = min(left, alloc.quantity)
        if take <= 0:
            continue
        stock.move(uow, line.sku_id, alloc.warehouse_id, "ship", on_hand=-take, reserved=-take,
                   reason=f"order #{order.number}", ref=Ref("order", order.id))
        alloc.quantity -= take
        line.quantity_reserved -= take
        left -= take
        used.add(alloc.warehouse_id)
    return used, left


def _take_reserved(uow: UnitOfWork, order: Order, line, qty: int) -> set[int]:
    used, left = book_out_reserved(uow, order, line, qty)
    if left and line.sku_id:
        raise ValidationError(f"{order.subject}: {line.sku} has only {qty - left} reserved; "
                              "allocate stock before shipping.")
    return used


def mark_delivered(uow: UnitOfWork, shipment_id: int) -> None:
    with uow:
        uow.require("orders.fulfil", "record deliveries")
        shipment = uow.session.get(Shipment, shipment_id)
        if shipment is None:
            raise ValidationError(f"Shipment {shipment_id} does not exist.")
        deliver_in(uow, shipment, at=utcnow())
        _done(uow, shipment.order, "shipment.deliver", shipment=shipment_id)


def deliver_in(uow: UnitOfWork, shipment: Shipment, *, at: datetime) -> None:
    """Mark a shipment delivered inside the caller's transaction; the order follows when every
    shipment has arrived."""
    shipment.apply("deliver")
    shipment.delivered_at = at
    shipment.shipped_to_delivered_s = _seconds(shipment.shipped_at, at)
    order = shipment.order
    if all(s.status == ShipmentStatus.DELIVERED for s in order.shipments) \
            and order.status == OrderStatus.SHIPPED:
        order.apply("deliver", by=uow.actor.user_id, message="Delivered")
    else:
        order.record("shipment", f"Parcel {shipment.waybill} delivered", by=uow.actor.user_id)
