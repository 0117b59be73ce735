"""Order use cases: confirm, hold, release, cancel, notes, tags, address edits, allocation,
picking, packing, payments, and bulk runs of any of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from ordermgr.addresses import check_country, check_postcode
from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import InsufficientStock, UserError, ValidationError
from ordermgr.models import (LineAllocation, Order, OrderStatus, Payment, PaymentStatus, Store,
                             Warehouse)
from ordermgr.models.limits import check_amount
from ordermgr.models.money import to_decimal, to_decimal_before_currency
from ordermgr.services import stock
from ordermgr.services.outbox import enqueue
from ordermgr.services.stock import Ref


# -- simple actions -------------------------------------------------------------------------------

def confirm_order(uow: UnitOfWork, order_id: int, *, expected_version: int | None = None,
                  override_reason: str | None = None) -> None:
    """Confirm for fulfilment and reserve the stock. An order whose payment is pending or failed
    needs `override_reason` (cash on delivery, B2B terms), which goes on its timeline."""
    with uow:
        uow.require("orders.confirm", "confirm orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        overridden = order.confirm(by=uow.actor.user_id, override_reason=override_reason)
        _allocate(uow, order)
        _done(uow, order, "order.confirm",
              **({"override_reason": overridden} if overridden else {}))


def hold_order(uow: UnitOfWork, order_id: int, *, reason: str,
               expected_version: int | None = None) -> None:
    with uow:
        uow.require("orders.hold", "put orders on hold")
        order = uow.get_order(order_id, expected_version=expected_version)
        order.hold(reason, by=uow.actor.user_id)
        _done(uow, order, "order.hold", reason=reason)


def release_order(uow: UnitOfWork, order_id: int, *, expected_version: int | None = None) -> None:
    with uow:
        uow.require("orders.hold", "release orders from hold")
        order = uow.get_order(order_id, expected_version=expected_version)
        order.release(by=uow.actor.user_id)
        if order.status == OrderStatus.AWAITING_FULFILMENT:
            _allocate(uow, order)
        _done(uow, order, "order.release")


def cancel_order(uow: UnitOfWork, order_id: int, *, reason: str,
                 expected_version: int | None = None, notify_store: bool = True) -> None:
    with uow:
        uow.require("orders.cancel", "cancel orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        order.cancel(reason, by=uow.actor.user_id)
        release_reservations(uow, order, reason=f"cancelled: {reason}")
        if notify_store and order.external_id:
            enqueue(uow, uow.session.get(Store, order.store_id), "cancellation",
                    {"order_external_id": order.external_id, "reason": reason},
                    key=f"cancel:{order.external_id}")
        _done(uow, order, "order.cancel", reason=reason)


def add_note(uow: UnitOfWork, order_id: int, *, text: str) -> None:
    text = (text or "").strip()
    if not text:
        raise ValidationError("The note is empty.")
    with uow:
        uow.require("orders.note", "add notes")
        order = uow.get_order(order_id)
        order.record("note", text, by=uow.actor.user_id)
        _done(uow, order, "order.note", text=text)


def set_tags(uow: UnitOfWork, order_id: int, *, add: Iterable[str] = (),
             remove: Iterable[str] = ()) -> None:
    with uow:
        uow.require("orders.tag", "tag orders")
        order = uow.get_order(order_id)
        removed = {t.strip().lower() for t in remove}
        before = order.tag_list
        order.set_tags([t for t in before if t not in removed] + list(add))
        if order.tag_list != before:
            order.record("tags", f"Tags: {', '.join(order.tag_list) or '(none)'}",
                         by=uow.actor.user_id, old=before, new=order.tag_list)
        _done(uow, order, "order.tags", tags=order.tag_list)


ADDRESS_FIELDS = ("ship_name", "ship_phone", "ship_line1", "ship_line2", "ship_city",
                  "ship_region", "ship_postcode", "ship_country")


def edit_shipping_address(uow: UnitOfWork, order_id: int, *, expected_version: int | None = None,
                          **address: str) -> None:
    unknown = set(address) - set(ADDRESS_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown address fields: {', '.join(sorted(unknown))}.")
    with uow:
        uow.require("orders.edit", "edit orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        order.ensure_address_editable()  # also on hold: a wrong address is why many are held
        old = {f: getattr(order, f) for f in address}
        for name, value in address.items():
            setattr(order, name, (value or "").strip())
        if not order.ship_line1 or not order.ship_city:
            raise ValidationError(f"{order.subject}: the address needs a street and a city.")
        order.ship_country = check_country(order.ship_country)
        order.ship_postcode = check_postcode(order.ship_country, order.ship_postcode)
        order.refresh_search_text()
        order.record("edit", "Shipping address changed", by=uow.actor.user_id, old=old, new=address)
        _done(uow, order, "order.address", old=old, new=address)


# -- allocation and warehouse steps -------------------------------------------------------------

def allocate_order(uow: UnitOfWork, order_id: int) -> None:
    with uow:
        uow.require("orders.fulfil", "allocate stock")
        order = uow.get_order(order_id)
        if order.status not in (OrderStatus.AWAITING_FULFILMENT, OrderStatus.BACKORDERED):
            order.apply("allocate", by=uow.actor.user_id)  # raises the clear refusal
        _allocate(uow, order)
        _done(uow, order, "order.allocate")


def start_picking(uow: UnitOfWork, order_id: int, *, expected_version: int | None = None) -> None:
    _simple_step(uow, order_id, "start_picking", "Picking started", expected_version)


def pack_order(uow: UnitOfWork, order_id: int, *, expected_version: int | None = None) -> None:
    _simple_step(uow, order_id, "pack", "Packed", expected_version)


def complete_order(uow: UnitOfWork, order_id: int) -> None:
    _simple_step(uow, order_id, "complete", "Completed", None)


def _simple_step(uow, order_id, action, message, expected_version) -> None:
    with uow:
        uow.require("orders.fulfil", message.lower())
        order = uow.get_order(order_id, expected_version=expected_version)
        order.apply(action, by=uow.actor.user_id, message=message)
        _done(uow, order, f"order.{action}")


def _allocate(uow: UnitOfWork, order: Order) -> None:
    """Reserve what each line still needs; whole order from one warehouse if one can, else split.

    What cannot be reserved leaves the order backordered with the shortage on its timeline.
    A storefront line whose SKU is not in the catalogue is refused: allocating around it would
    send the order to picking with nothing to pick.
    """
    unknown = sorted({line.sku for line in order.lines if line.sku and not line.sku_id})
    if unknown:
        raise ValidationError(f"{order.subject}: {', '.join(unknown)} is not in the catalogue; map "
                              "it to a catalogue SKU first (Storefronts, Unmatched SKUs).")
    needs = {line.id: line.quantity - line.quantity_reserved - line.quantity_shipped
             for line in order.lines if line.sku_id}
    if not any(needs.values()):
        if order.status in (OrderStatus.AWAITING_FULFILMENT, OrderStatus.BACKORDERED):
            order.apply("allocate", by=uow.actor.user_id, message="Allocated")
        return
    warehouses = uow.session.scalars(
        select(Warehouse).where(Warehouse.active).order_by(Warehouse.priority, Warehouse.id)).all()
    # one read of every (SKU, warehouse) this order needs; refreshed only when a race is lost
    avail = stock.availability(uow, {line.sku_id for line in order.lines if needs.get(line.id)})
    whole = next((wh for wh in warehouses if all(
        avail.get((line.sku_id, wh.id), 0) >= needs[line.id]
        for line in order.lines if needs.get(line.id))), None)
    candidates = ([whole] if whole else []) + [wh for wh in warehouses if wh is not whole]
    missing = []
    for line in order.lines:
        need = needs.get(line.id, 0)
        for wh in candidates:
            if need <= 0:
                break
            key = (line.sku_id, wh.id)
            while need > 0:
                take = min(need, avail.get(key, 0))
                if take <= 0:
                    break
                try:
                    stock.move(uow, line.sku_id, wh.id, "reserve", reserved=take,
                               reason=f"order #{order.number}", ref=Ref("order", order.id))
                except InsufficientStock:  # someone took some since we looked: look again
                    avail[key] = stock.available(uow, line.sku_id, wh.id)
                    continue
                avail[key] -= take
                _add_allocation(line, wh.id, take)
                need -= take
        if need > 0:
            missing.append(f"{line.sku} ×{need}")
    if missing:
        if order.status != OrderStatus.BACKORDERED:
            order.apply("backorder", by=uow.actor.user_id,
                        message=f"Backordered, missing: {', '.join(missing)}", missing=missing)
    else:
        order.apply("allocate", by=uow.actor.user_id, message="Allocated")


def _add_allocation(line, warehouse_id: int, quantity: int) -> None:
    line.quantity_reserved += quantity
    for alloc in line.allocations:
        if alloc.warehouse_id == warehouse_id:
            alloc.quantity += quantity
            return
    line.allocations.append(LineAllocation(warehouse_id=warehouse_id, quantity=quantity))


def release_reservations(uow: UnitOfWork, order: Order, *, reason: str) -> None:
    for line in order.lines:
        for alloc in list(line.allocations):
            if alloc.quantity:
                stock.move(uow, line.sku_id, alloc.warehouse_id, "release", reserved=-alloc.quantity,
                           reason=reason, ref=Ref("order", order.id))
            line.allocations.remove(alloc)
        line.quantity_reserved = 0


# -- payments -----------------------------------------------------------------------------------

def record_payment(uow: UnitOfWork, order_id: int, *, amount: object, method: str,
                   reference: str = "", status: str = PaymentStatus.PAID) -> None:
    value = to_decimal_before_currency(amount, what="payment amount")
    if value <= 0:
        raise ValidationError("A payment must be more than zero.")
    with uow:
        uow.require("payments.record", "record payments")
        order = uow.get_order(order_id)
        value = to_decimal(amount, order.currency, what="payment amount")  # JPY: whole yen
        if order.status == OrderStatus.CANCELLED:
            raise ValidationError(f"{order.subject} is cancelled; record no payment against it.")
        check_amount(value, order.currency, what="payment amount")
        order.payments.append(Payment(kind="charge", method=method, amount=value,
                                      currency=order.currency, status=status, reference=reference))
        order.refresh_payment_status()
        order.record("payment", f"Payment of {value} {order.currency} by {method} ({status})",
                     by=uow.actor.user_id, reference=reference)
        if order.status == OrderStatus.PENDING_PAYMENT and order.payment_status == PaymentStatus.PAID:
            order.apply("pay", by=uow.actor.user_id, message="Paid in full")
            _allocate(uow, order)
        _done(uow, order, "payment.record", amount=str(value), method=method)


def refundable(order: Order) -> Decimal:
    return order.amount_paid - order.amount_refunded


# -- bulk ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BulkResult:
    order_id: int
    ok: bool
    message: str


def run_bulk(uow: UnitOfWork, order_ids: Iterable[int], action: Callable[..., None], *,
             progress: Callable[[int, int], bool] | None = None, **kwargs) -> list[BulkResult]:
    """Apply one use case to many orders, each in its own transaction: one refusal does not undo
    the others, and the report says what happened to each. `progress(done, total)` returning
    False cancels the rest. Acting on more than one order needs the "orders.bulk" permission."""
    ids = list(order_ids)
    if len(ids) > 1:
        uow.require("orders.bulk", "run actions on several orders at once")
    results = []
    for done, order_id in enumerate(ids):
        if progress and progress(done, len(ids)) is False:
            break
        try:
            action(uow, order_id, **kwargs)
            results.append(BulkResult(order_id, True, "done"))
        except UserError as exc:
            results.append(BulkResult(order_id, False, str(exc)))
    if progress:
        progress(len(results), len(ids))
    return results


def _done(uow: UnitOfWork, order: Order, action: str, **details) -> None:
    uow.audit(action, "order", order.id, number=order.number, **details)
    uow.changed_order(order)
    uow.commit()
