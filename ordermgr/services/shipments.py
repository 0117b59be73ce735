"""Shipments: create a parcel with its waybill, ship it (stock leaves, the storefront hears of
it), and record delivery."""

from __future__ import annotations

from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models import (Order, OrderStatus, Shipment, ShipmentLine, ShipmentStatus, Store,
                             utcnow)
from ordermgr.services import stock
from ordermgr.services.orders import _done
from ordermgr.services.outbox import enqueue
from ordermgr.services.stock import Ref


def ship_order(uow: UnitOfWork, order_id: int, *, carrier: str, waybill: str,
               tracking_url: str = "", quantities: dict[int, int] | None = None,
               expected_version: int | None = None) -> int:
    """Ship `quantities` {order_line_id: qty} (default: everything not yet shipped) in one parcel.

    Returns the shipment id. Reserved stock becomes shipped (on hand goes down) in the
    warehouses that reserved it.
    """
    carrier, waybill = (carrier or "").strip(), (waybill or "").strip()
    if not carrier or not waybill:
        raise ValidationError("Enter the carrier and the waybill number.")
    with uow:
        uow.require("orders.fulfil", "ship orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        if order.status not in (OrderStatus.PACKED, OrderStatus.PARTIALLY_SHIPPED):
            order.apply("ship", by=uow.actor.user_id)  # raises the clerk-readable refusal
        _refuse_duplicate_waybill(uow, carrier, waybill)
        wanted = quantities or {line.id: line.quantity - line.quantity_shipped for line in order.lines}
        shipment = Shipment(carrier=carrier, waybill=waybill, tracking_url=tracking_url,
                            status=ShipmentStatus.IN_TRANSIT, shipped_at=utcnow(),
                            packed_at=utcnow())
        order.shipments.append(shipment)
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
        order.apply("ship" if complete else "ship_partially", by=uow.actor.user_id,
                    message=f"Shipped with {carrier} {waybill}", carrier=carrier, waybill=waybill)
        order.refresh_search_text()
        uow.session.flush()
        if order.external_id:
            enqueue(uow, uow.session.get(Store, order.store_id), "fulfilment", {
                "order_external_id": order.external_id, "carrier": carrier, "waybill": waybill,
                "tracking_url": tracking_url,
                "lines": [{"external_id": line.external_id, "sku": line.sku,
                           "quantity": wanted.get(line.id, 0)} for line in order.lines
                          if wanted.get(line.id, 0) > 0],
            }, key=f"shipment:{shipment.id}")
        _done(uow, order, "order.ship", carrier=carrier, waybill=waybill)
        return shipment.id


def _refuse_duplicate_waybill(uow: UnitOfWork, carrier: str, waybill: str) -> None:
    other = uow.session.execute(
        select(Order.number).join(Shipment, Shipment.order_id == Order.id)
        .where(Shipment.carrier == carrier, Shipment.waybill == waybill)).scalar()
    if other:
        raise ValidationError(f"Waybill {waybill} ({carrier}) is already used on order #{other}. "
                              "Check the number on the label.")


def _take_reserved(uow: UnitOfWork, order: Order, line, qty: int) -> set[int]:
    """Convert reservations into shipped stock, warehouse by warehouse."""
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
        shipment.apply("deliver")
        shipment.delivered_at = utcnow()
        order = shipment.order
        if all(s.status == ShipmentStatus.DELIVERED for s in order.shipments) \
                and order.status == OrderStatus.SHIPPED:
            order.apply("deliver", by=uow.actor.user_id, message="Delivered")
        else:
            order.record("shipment", f"Parcel {shipment.waybill} delivered", by=uow.actor.user_id)
        _done(uow, order, "shipment.deliver", shipment=shipment_id)
