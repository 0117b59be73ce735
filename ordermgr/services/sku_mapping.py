"""Unmatched SKUs: storefront order lines whose SKU is not in the catalogue.

Such an order is never allocated (sync_import tags it "unmatched-sku" and, once it is paid,
holds it). A clerk maps the storefront SKU to a catalogue SKU once: the mapping is kept for the
store's later orders, the waiting orders' lines get the catalogue SKU, and an order with nothing
left unmatched is released from its hold and allocated through the allocation service.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import selectinload

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, UserError, ValidationError
from ordermgr.models import Order, OrderLine, OrderStatus, Sku, Store
from ordermgr.models.sku_map import SkuMapping
from ordermgr.services import orders as order_service
from ordermgr.services.sync_import import (UNMATCHED_HOLD, UNMATCHED_TAG, unmatched_hold_reason,
                                           unmatched_skus)


@dataclass(frozen=True)
class UnmatchedSku:
    store_id: int
    store: str
    remote_sku: str
    name: str  # the product name on the storefront, as on one of the lines
    orders: int
    quantity: int


def unmatched(engine, *, store_id: int | None = None) -> list[UnmatchedSku]:
    """Storefront SKUs that open orders wait on, most waited-on first."""
    query = (select(Order.store_id, Store.name, OrderLine.sku, func.min(OrderLine.name),
                    func.count(distinct(Order.id)), func.sum(OrderLine.quantity))
             .join(Order, Order.id == OrderLine.order_id).join(Store, Store.id == Order.store_id)
             .where(OrderLine.sku_id.is_(None), OrderLine.sku != "",
                    Order.tags.like(f"%,{UNMATCHED_TAG},%"), Order.status != OrderStatus.CANCELLED)
             .group_by(Order.store_id, Store.name, OrderLine.sku)
             .order_by(func.count(distinct(Order.id)).desc(), Store.name, OrderLine.sku))
    if store_id is not None:
        query = query.where(Order.store_id == store_id)
    with engine.connect() as conn:
        return [UnmatchedSku(r[0], r[1], r[2], r[3] or "", int(r[4]), int(r[5] or 0))
                for r in conn.execute(query)]


@dataclass
class MapResult:
    remote_sku: str
    sku: str
    lines: int = 0  # waiting lines that now have the catalogue SKU
    ready: list[tuple[int, str]] = field(default_factory=list)  # (id, number) to allocate
    allocated: list[str] = field(default_factory=list)  # order numbers
    problems: list[str] = field(default_factory=list)  # allocation refused (permission, ...)

    def summary(self) -> str:
        text = (f"{self.remote_sku} is now {self.sku}: {self.lines} waiting line(s) updated, "
                f"{len(self.allocated)} order(s) allocated")
        return text + "".join(f"; {p}" for p in self.problems) + "."


def map_sku(uow: UnitOfWork, *, store_id: int, remote_sku: str, sku: str) -> MapResult:
    """Remember that `remote_sku` on this store is catalogue SKU `sku` (code or barcode), apply
    it to the orders waiting on it, and allocate those that wait on nothing else."""
    remote_sku = (remote_sku or "").strip()
    if not remote_sku:
        raise ValidationError("Give the storefront's SKU to map.")
    with uow:
        uow.require("orders.edit", "map storefront SKUs")
        store = uow.session.get(Store, store_id)
        if store is None:
            raise NotFound(f"Store {store_id} does not exist.")
        target = _catalogue_sku(uow, sku)
        mapping = uow.session.scalar(select(SkuMapping).where(
            SkuMapping.store_id == store_id, SkuMapping.remote_sku == remote_sku))
        if mapping is None:
            uow.session.add(SkuMapping(store_id=store_id, remote_sku=remote_sku, sku_id=target.id,
                                       created_by=uow.actor.user_id))
        else:
            mapping.sku_id = target.id
        result = MapResult(remote_sku, target.code)
        for order in _waiting_orders(uow, store_id, remote_sku):
            result.lines += _apply(uow, order, remote_sku, target, result)
            uow.changes.orders.add(order.id)
        uow.audit("sku.map", "store", store_id, remote_sku=remote_sku, sku=target.code,
                  lines=result.lines)
        uow.commit()
    for order_id, number in result.ready:  # each through the allocation service
        try:
            order_service.allocate_order(UnitOfWork(uow.engine, uow.actor), order_id)
            result.allocated.append(number)
        except UserError as exc:
            result.problems.append(f"#{number} not allocated: {exc}")
    return result


def _catalogue_sku(uow: UnitOfWork, code: str) -> Sku:
    code = (code or "").strip()
    if not code:
        raise ValidationError("Choose the catalogue SKU to map it to.")
    found = uow.session.scalars(select(Sku).where(or_(Sku.code == code, Sku.barcode == code))
                                .order_by(Sku.id)).first()
    if found is None:
        raise NotFound(f"There is no SKU {code!r} in the catalogue; add it there first, or "
                       "choose another.")
    if not found.active:
        raise ValidationError(f"SKU {found.code} is inactive in the catalogue; choose an active one.")
    return found


def _waiting_orders(uow: UnitOfWork, store_id: int, remote_sku: str) -> list[Order]:
    ids = select(OrderLine.order_id).where(OrderLine.sku == remote_sku, OrderLine.sku_id.is_(None))
    return list(uow.session.scalars(
        select(Order).where(Order.store_id == store_id, Order.id.in_(ids))
        .options(selectinload(Order.lines)).order_by(Order.id)))


def _apply(uow: UnitOfWork, order: Order, remote_sku: str, target: Sku, result: MapResult) -> int:
    changed = 0
    for line in order.lines:
        if line.sku == remote_sku and line.sku_id is None:
            line.sku_id, line.sku = target.id, target.code
            changed += 1
    order.record("edit", f"Storefront SKU {remote_sku} mapped to {target.code}",
                 by=uow.actor.user_id, remote_sku=remote_sku, sku=target.code)
    left = unmatched_skus(order)
    held = order.status == OrderStatus.ON_HOLD and (order.hold_reason or "").startswith(UNMATCHED_HOLD)
    if left:
        if held:
            order.hold_reason = unmatched_hold_reason(left)
    else:
        order.set_tags([t for t in order.tag_list if t != UNMATCHED_TAG])
        if held:
            order.release(by=uow.actor.user_id)
        if order.status == OrderStatus.AWAITING_FULFILMENT:
            result.ready.append((order.id, order.number))
    order.refresh_search_text()
    return changed


@dataclass(frozen=True)
class Mapping:
    store: str
    remote_sku: str
    sku: str


def mappings(engine, *, store_id: int | None = None) -> list[Mapping]:
    query = (select(Store.name, SkuMapping.remote_sku, Sku.code)
             .join(Store, Store.id == SkuMapping.store_id).join(Sku, Sku.id == SkuMapping.sku_id)
             .order_by(Store.name, SkuMapping.remote_sku))
    if store_id is not None:
        query = query.where(SkuMapping.store_id == store_id)
    with engine.connect() as conn:
        return [Mapping(*row) for row in conn.execute(query)]
