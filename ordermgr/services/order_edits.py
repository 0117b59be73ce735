"""Order edits before shipment: change the lines (re-allocating stock), split an order in two,
merge orders of the same customer and address.

Each runs in one unit of work: reservations are released, the change is made, stock is
allocated again, totals, search text and timeline are updated, or nothing is saved at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork, check_version
from ordermgr.errors import InvalidTransition, ValidationError
from ordermgr.models import Order, OrderLine, OrderStatus
from ordermgr.models.money import to_decimal
from ordermgr.services.order_entry import _find_sku
from ordermgr.services.orders import ADDRESS_FIELDS, _allocate, _done, release_reservations

S = OrderStatus
# Lines can change only while no goods are being picked: afterwards unpack first.
LINE_EDIT_STATES = frozenset({S.PENDING_PAYMENT, S.AWAITING_FULFILMENT, S.BACKORDERED, S.ALLOCATED})
SPLIT_STATES = LINE_EDIT_STATES
MERGE_STATES = LINE_EDIT_STATES
_ALLOCATING = (S.AWAITING_FULFILMENT, S.BACKORDERED)


def can_edit_lines(status: str) -> bool:
    return status in LINE_EDIT_STATES


def can_merge(rows: Iterable) -> bool:
    """Whether these queue rows could be merged (the GUI's enablement; the service checks more)."""
    rows = list(rows)
    return len(rows) >= 2 and all(r.status in MERGE_STATES for r in rows)


@dataclass(frozen=True)
class NewLine:
    sku: str  # code or barcode
    quantity: int
    unit_price: object | None = None


def _ensure_lines_editable(order: Order, what: str) -> None:
    if order.status in LINE_EDIT_STATES and not any(l.quantity_shipped for l in order.lines):
        return
    if order.status in (S.PICKING, S.PACKED):
        pretty = "being picked" if order.status == S.PICKING else "packed"
        raise InvalidTransition(f"{order.subject} is already {pretty}; take it back to allocated "
                                f"(unpack) before you {what}.")
    order.ensure_editable()  # the state machine's own explanation (shipped, on hold, ...)
    raise InvalidTransition(f"{order.subject} is {order.status.replace('_', ' ')}; you can't "
                            f"{what} now.")


def _unallocate(uow: UnitOfWork, order: Order, why: str) -> None:
    release_reservations(uow, order, reason=why)
    if order.status == S.ALLOCATED:
        order.apply("deallocate", by=uow.actor.user_id, message="Allocation released for an edit")


def _reallocate(uow: UnitOfWork, order: Order) -> None:
    if order.status in _ALLOCATING:
        _allocate(uow, order)


def edit_order_lines(uow: UnitOfWork, order_id: int, *, quantities: dict[int, int] | None = None,
                     add: Iterable[NewLine] = (), expected_version: int | None = None) -> None:
    """Set line quantities ({line id: new quantity}, 0 removes the line) and add new lines;
    the stock is allocated again."""
    quantities = dict(quantities or {})
    add = list(add)
    for qty in quantities.values():
        if qty is None or qty < 0:
            raise ValidationError("A quantity can't be negative.")
    with uow:
        uow.require("orders.edit", "edit orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        _ensure_lines_editable(order, "change its lines")
        by_id = {line.id: line for line in order.lines}
        unknown = set(quantities) - set(by_id)
        if unknown:
            raise ValidationError(f"{order.subject} has no line {sorted(unknown)[0]}; reload it.")
        old_total = order.total
        _unallocate(uow, order, f"order #{order.number} edited")
        changes = []
        for line_id, qty in quantities.items():
            line = by_id[line_id]
            if qty == line.quantity:
                continue
            changes.append(f"{line.sku or line.name}: {line.quantity} → {qty}")
            if qty == 0:
                order.lines.remove(line)
            else:
                line.quantity = qty
                line.price()
        for item in add:
            if item.quantity is None or item.quantity <= 0:
                raise ValidationError("The quantity of a new line must be at least 1.")
            sku = _find_sku(uow, item.sku)
            price = sku.price if item.unit_price is None else item.unit_price
            if item.unit_price is None and sku.currency != order.currency:
                raise ValidationError(f"{sku.code} is priced in {sku.currency}; enter its price in "
                                      f"{order.currency}.")
            line = OrderLine(sku_id=sku.id, sku=sku.code, name=sku.name, quantity=item.quantity,
                             unit_price=to_decimal(price, order.currency, what=f"price of {sku.code}"),
                             discount=Decimal("0.00"))
            line.price()
            order.lines.append(line)
            changes.append(f"{sku.code}: + {item.quantity}")
        if not order.lines:
            raise ValidationError(f"{order.subject} would have no lines left; cancel it instead.")
        if not changes:
            raise ValidationError("Nothing was changed.")
        uow.session.flush()
        order.recompute_totals()
        order.refresh_search_text()
        order.refresh_payment_status()
        order.record("edit", "Lines changed: " + "; ".join(changes), by=uow.actor.user_id,
                     old_total=str(old_total), new_total=str(order.total))
        _reallocate(uow, order)
        _done(uow, order, "order.edit_lines", changes=changes, total=str(order.total))


def split_order(uow: UnitOfWork, order_id: int, *, move: dict[int, int],
                expected_version: int | None = None) -> int:
    """Move quantities ({line id: units}) into a new order with the same customer, address and
    status. Shipping, discount and payments stay on the original. Returns the new order's id."""
    move = {lid: qty for lid, qty in move.items() if qty}
    if any(qty < 0 for qty in move.values()):
        raise ValidationError("A quantity to move can't be negative.")
    if not move:
        raise ValidationError("Choose at least one unit to move to the new order.")
    with uow:
        uow.require("orders.edit", "split orders")
        order = uow.get_order(order_id, expected_version=expected_version)
        _ensure_lines_editable(order, "split it")
        by_id = {line.id: line for line in order.lines}
        for line_id, qty in move.items():
            if line_id not in by_id:
                raise ValidationError(f"{order.subject} has no line {line_id}; reload it.")
            if qty > by_id[line_id].quantity:
                raise ValidationError(f"Line {by_id[line_id].sku}: only {by_id[line_id].quantity} "
                                      "units to move.")
        if sum(move.values()) >= sum(l.quantity for l in order.lines):
            raise ValidationError("Leave at least one unit on the original order; "
                                  "to move everything, nothing needs splitting.")
        _unallocate(uow, order, f"order #{order.number} split")
        new = Order(number=_next_suffix(uow, order.number), store_id=order.store_id,
                    customer_id=order.customer_id, customer_name=order.customer_name,
                    email=order.email, phone=order.phone, placed_at=order.placed_at,
                    currency=order.currency, shipping=Decimal("0.00"), tax=Decimal("0.00"),
                    discount=Decimal("0.00"), status=order.status,
                    payment_status=order.payment_status, tags=order.tags,
                    **{f: getattr(order, f) for f in ADDRESS_FIELDS})
        for line_id, qty in move.items():
            line = by_id[line_id]
            new.lines.append(OrderLine(sku_id=line.sku_id, sku=line.sku, name=line.name,
                                       quantity=qty, unit_price=line.unit_price,
                                       discount=Decimal("0.00"), external_id=line.external_id))
            new.lines[-1].price()
            if qty == line.quantity:
                order.lines.remove(line)
            else:
                line.quantity -= qty
                line.price()
        uow.session.add(new)
        uow.session.flush()
        for o in (order, new):
            o.recompute_totals()
            o.refresh_search_text()
        moved = ", ".join(f"{l.sku} ×{l.quantity}" for l in new.lines)
        order.record("split", f"Split: {moved} moved to #{new.number}", by=uow.actor.user_id,
                     new_order=new.number)
        new.record("created", f"Split from #{order.number}; payment stays on #{order.number}",
                   by=uow.actor.user_id, split_from=order.number)
        _reallocate(uow, order)
        _reallocate(uow, new)
        uow.audit("order.split", "order", new.id, number=new.number, split_from=order.number)
        uow.changed_order(new)
        _done(uow, order, "order.split", new_order=new.number)
        return new.id


def _next_suffix(uow: UnitOfWork, number: str) -> str:
    base = number.split("-")[0]
    taken = set(uow.session.scalars(select(Order.number).where(Order.number.like(f"{base}-%"))))
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def merge_orders(uow: UnitOfWork, order_ids: list[int], *,
                 expected_versions: dict[int, int] | None = None) -> int:
    """Merge unshipped orders of the same customer, address, store and currency into the
    oldest one; the others are cancelled with a pointer to it. Returns the kept order's id."""
    ids = sorted(set(order_ids))
    if len(ids) < 2:
        raise ValidationError("Select at least two orders to merge.")
    expected_versions = expected_versions or {}
    with uow:
        uow.require("orders.edit", "merge orders")
        orders = [uow.get_order(i) for i in ids]
        for o in orders:
            check_version(o, expected_versions.get(o.id))
            _ensure_lines_editable(o, "merge it")
        target, others = orders[0], orders[1:]
        for o in others:
            why = _merge_mismatch(target, o)
            if why:
                raise ValidationError(f"Can't merge #{o.number} into #{target.number}: {why}.")
        if target.status == S.PENDING_PAYMENT or any(o.status == S.PENDING_PAYMENT for o in others):
            pending = [o for o in orders if o.status == S.PENDING_PAYMENT]
            if len(pending) != len(orders):
                raise ValidationError(
                    f"#{pending[0].number} is still awaiting payment while the others are "
                    "confirmed; confirm or take payment for it first, then merge.")
        for o in orders:
            _unallocate(uow, o, f"merged into #{target.number}")
        tags = set(target.tag_list)
        for o in others:
            for line in list(o.lines):
                o.lines.remove(line)
                target.lines.append(OrderLine(
                    sku_id=line.sku_id, sku=line.sku, name=line.name, quantity=line.quantity,
                    unit_price=line.unit_price, discount=line.discount, total=line.total,
                    external_id=line.external_id))
            for payment in list(o.payments):
                payment.order = target
            target.shipping += o.shipping
            target.discount += o.discount
            target.tax += o.tax
            o.shipping = o.discount = o.tax = Decimal("0.00")
            tags |= set(o.tag_list)
            o.record("merge", f"Merged into #{target.number}", by=uow.actor.user_id,
                     merged_into=target.number)
        uow.session.flush()
        target.set_tags(sorted(tags))
        for o in orders:
            o.recompute_totals()
            o.refresh_search_text()
            o.refresh_payment_status()
        merged = ", ".join(f"#{o.number}" for o in others)
        target.record("merge", f"Merged {merged} into this order", by=uow.actor.user_id,
                      merged=[o.number for o in others])
        for o in others:
            o.apply("cancel", by=uow.actor.user_id,
                    message=f"Cancelled: merged into #{target.number}", reason="merged")
            uow.audit("order.merged_away", "order", o.id, number=o.number, into=target.number)
            uow.changed_order(o)
        if target.status == S.PENDING_PAYMENT and target.payment_status == "paid":
            target.apply("pay", by=uow.actor.user_id, message="Paid in full")
        _reallocate(uow, target)
        _done(uow, target, "order.merge", merged=[o.number for o in others])
        return target.id


def _merge_mismatch(a: Order, b: Order) -> str:
    if a.customer_id is None or a.customer_id != b.customer_id:
        return "the orders belong to different customers"
    if a.store_id != b.store_id:
        return "the orders come from different stores"
    if a.currency != b.currency:
        return f"one is in {a.currency}, the other in {b.currency}"
    if any((getattr(a, f) or "").strip().lower() != (getattr(b, f) or "").strip().lower()
           for f in ADDRESS_FIELDS if f != "ship_phone"):
        return "the shipping addresses differ"
    return ""
