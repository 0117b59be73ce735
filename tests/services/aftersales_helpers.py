"""Builders for after-sales tests: shipped and paid orders, storefront orders, role users."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update

from ordermgr.models import Order, StockLevel
from ordermgr.services import catalog, orders, shipments
from tests.conftest import uow_for
from ordermgr.services.order_entry import LineInput, create_order
from tests.factories import ADDRESS, place_order

_waybills = iter(range(10_000_000, 99_999_999))


def shipped_order(uow, lines: dict[str, int], *, pay: bool = True, payments: list[tuple[str, str]] | None = None,
                  storefront: int | None = None, prices: dict[str, str] | None = None, **kwargs) -> int:
    """An order placed, paid (by `payments` [(amount, method)] or in full by alipay), shipped.
    `prices` {sku: unit price}: for an order in another currency than the catalogue's."""
    if prices:
        order_id = create_order(uow, lines=[LineInput(sku, qty, prices.get(sku)) for sku, qty in lines.items()],
                                address=ADDRESS, customer_name="张伟", phone="13800138000", **kwargs)
    else:
        order_id = place_order(uow, lines, **kwargs)
    if storefront is not None:
        with uow:
            uow.session.execute(update(Order).where(Order.id == order_id)
                                .values(store_id=storefront, external_id=f"EXT{order_id}"))
            uow.commit()
    if pay:
        with uow:
            total = uow.get_order(order_id).total
        for amount, method in payments or [(str(total), "alipay")]:
            orders.record_payment(uow, order_id, amount=amount, method=method, reference=f"P-{method}")
        with uow:
            waiting = uow.get_order(order_id).status == "pending_payment"
        if waiting:  # part-paid: confirmed on account
            orders.confirm_order(uow, order_id, override_reason="B2B terms")
    else:
        orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.start_picking(uow, order_id)
    orders.pack_order(uow, order_id)
    shipments.ship_order(uow, order_id, carrier="SF Express", waybill=f"SF{next(_waybills)}")
    return order_id


def storefront(uow) -> int:
    return catalog.create_store(uow, name="Tea Shop", code="TS", platform="shopify", currency="CNY")


def level(uow, sku_id, wh_id) -> tuple[int, int]:
    with uow:
        sl = uow.session.scalar(select(StockLevel).where(StockLevel.sku_id == sku_id,
                                                         StockLevel.warehouse_id == wh_id))
        return (sl.on_hand, sl.reserved) if sl else (0, 0)


def agents(engine):
    """An agent (limit 200.00), a second agent and a supervisor."""
    return (uow_for(engine, "ann", "agent"), uow_for(engine, "bob", "agent"),
            uow_for(engine, "sue", "supervisor"))


def d(value: str) -> Decimal:
    return Decimal(value)
