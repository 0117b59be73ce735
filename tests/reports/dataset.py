"""A small shop whose every report figure is known by hand (see the comments for the sums).

Inserted directly (the services stamp 'now' on everything; reports need fixed dates).
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal as D

from sqlalchemy.orm import Session

from ordermgr.models import (Customer, Order, OrderLine, Payment, Product, ReturnCase, ReturnLine,
                             Shipment, Sku, StockLevel, StockMovement, Store, Warehouse)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def build_shop(engine) -> dict:
    with Session(engine) as s:
        cn = Store(name="Shop CN", code="CN", platform="manual", currency="CNY", options={})
        us = Store(name="Shop US", code="US", platform="shopify", currency="USD", options={})
        w1 = Warehouse(code="MAIN", name="Main")
        w2 = Warehouse(code="BACK", name="Backup")
        tea_p = Product(name="Tea", category="Tea")
        cup_p = Product(name="Cup", category="Ware")
        pot_p = Product(name="Pot", category="Ware")
        s.add_all([cn, us, w1, w2, tea_p, cup_p, pot_p])
        s.flush()
        tea = Sku(product=tea_p, code="TEA-01", name="Green tea", price=D("10.00"), cost=D("4.00"), currency="CNY")
        cup = Sku(product=cup_p, code="CUP-02", name="Cup", price=D("25.00"), cost=None, currency="CNY")
        pot = Sku(product=pot_p, code="POT-03", name="Teapot 茶壶", price=D("100.00"), cost=D("60.00"), currency="CNY")
        c1 = Customer(name="Alice 王", email="a@example.com")
        c2 = Customer(name="Bob", email="b@example.com")
        c3 = Customer(name="Carol", email="c@example.com")
        s.add_all([tea, cup, pot, c1, c2, c3])
        s.flush()

        def order(number, store, cust, placed, currency, lines, *, shipping="0", tax="0",
                  discount="0", status="delivered", country="CN"):
            o = Order(number=number, store_id=store.id, customer_id=cust.id, customer_name=cust.name,
                      email=cust.email, placed_at=at(placed), currency=currency,
                      shipping=D(shipping), tax=D(tax), discount=D(discount), status=status,
                      ship_country=country)
            for sku, qty, price in lines:
                o.lines.append(OrderLine(sku_id=sku.id, sku=sku.code, name=sku.name, quantity=qty,
                                         unit_price=D(price), discount=D("0"),
                                         total=D(price) * qty, quantity_shipped=qty))
            o.subtotal = sum((l.total for l in o.lines), D("0"))
            o.item_count = sum(l.quantity for l in o.lines)
            o.total = o.subtotal + o.shipping + o.tax - o.discount
            s.add(o)
            s.flush()
            return o

        # before the report period: makes Bob a returning customer
        o0 = order("CN000", cn, c2, "2025-11-10 09:00", "CNY", [(tea, 2, "10.00")])
        # January, CNY: 2 orders, 4 units, gross 55.00, discount 3, shipping 5, tax 1.30,
        # total 58.30, refunds 5.00, net 53.30, AOV 29.15
        o1 = order("CN001", cn, c1, "2026-01-05 10:00", "CNY",
                   [(tea, 2, "10.00"), (cup, 1, "25.00")], shipping="5.00", discount="3.00")
        o2 = order("CN002", cn, c2, "2026-01-20 12:00", "CNY", [(tea, 1, "10.00")], tax="1.30",
                   status="shipped", country="DE")
        # February: USD 1 order, 4 units, 120 + 10 shipping = 130; CNY 1 order 50 (O5)
        o3 = order("US001", us, c1, "2026-02-03 09:00", "USD", [(cup, 4, "30.00")],
                   shipping="10.00", status="completed", country="US")
        order("CN004", cn, c3, "2026-02-10 08:00", "CNY", [(tea, 3, "10.00")], status="cancelled")
        order("CN005", cn, c1, "2026-02-15 08:00", "CNY", [(tea, 5, "10.00")],
              status="awaiting_fulfilment")
        for o in (o0, o1, o2, o3):
            s.add(Payment(order_id=o.id, kind="charge", method="card", amount=o.total,
                          currency=o.currency, status="paid"))
        s.add(Payment(order_id=o2.id, kind="refund", method="card", amount=D("5.00"),
                      currency="CNY", status="paid"))
        s.add(Payment(order_id=o1.id, kind="refund", method="card", amount=D("9.00"),
                      currency="CNY", status="failed"))  # not counted

        # shipments: SF/MAIN 4h, 20h, 48h, 72h on time; SF/BACK 12h, 12h, 216h, 240h late;
        # YTO/MAIN in exception
        s.add_all([
            Shipment(order_id=o1.id, warehouse_id=w1.id, carrier="SF", waybill="SF1",
                     status="delivered", created_at=at("2026-01-05 14:00"),
                     packed_at=at("2026-01-05 14:00"), shipped_at=at("2026-01-06 10:00"),
                     delivered_at=at("2026-01-08 10:00")),
            Shipment(order_id=o2.id, warehouse_id=w1.id, carrier="YTO", waybill="YT1",
                     status="exception", created_at=at("2026-01-21 12:00"),
                     packed_at=at("2026-01-21 12:00"), shipped_at=at("2026-01-22 12:00")),
            Shipment(order_id=o3.id, warehouse_id=w2.id, carrier="SF", waybill="SF2",
                     status="delivered", created_at=at("2026-02-03 21:00"),
                     packed_at=at("2026-02-03 21:00"), shipped_at=at("2026-02-04 09:00"),
                     delivered_at=at("2026-02-13 09:00")),
        ])
        # returns: CUP damaged (refunded 25, decided in 24h), TEA wrong item (decided in 72h),
        # CUP damaged still open
        r1 = ReturnCase(number="R1", order_id=o1.id, status="refunded", reason="damaged",
                        requested_at=at("2026-01-10 10:00"), decided_at=at("2026-01-11 10:00"),
                        refund_amount=D("25.00"), currency="CNY", history=[])
        r1.lines.append(ReturnLine(order_line_id=o1.lines[1].id, quantity=1, reason_code="damaged"))
        r2 = ReturnCase(number="R2", order_id=o2.id, status="approved", reason="wrong_item",
                        requested_at=at("2026-01-25 00:00"), decided_at=at("2026-01-28 00:00"),
                        currency="CNY", history=[])
        r2.lines.append(ReturnLine(order_line_id=o2.lines[0].id, quantity=1, reason_code="wrong_item"))
        r3 = ReturnCase(number="R3", order_id=o3.id, status="requested", reason="damaged",
                        requested_at=at("2026-02-14 00:00"), currency="USD", history=[])
        r3.lines.append(ReturnLine(order_line_id=o3.lines[0].id, quantity=1, reason_code="damaged"))
        r4 = ReturnCase(number="R4", order_id=o3.id, status="rejected", reason="changed_mind",
                        requested_at=at("2026-02-14 00:00"), currency="USD", history=[])
        r4.lines.append(ReturnLine(order_line_id=o3.lines[0].id, quantity=2, reason_code="changed_mind"))
        s.add_all([r1, r2, r3, r4])

        # stock now: TEA/MAIN 20, CUP/MAIN 5, CUP/BACK 0, POT/BACK 3
        s.add_all([
            StockLevel(sku_id=tea.id, warehouse_id=w1.id, on_hand=20, reserved=5, threshold=2),
            StockLevel(sku_id=cup.id, warehouse_id=w1.id, on_hand=5, reserved=0, threshold=10),
            StockLevel(sku_id=cup.id, warehouse_id=w2.id, on_hand=0, reserved=0, threshold=0),
            StockLevel(sku_id=pot.id, warehouse_id=w2.id, on_hand=3, reserved=0, threshold=0),
        ])

        def move(sku, wh, kind, delta, when, after):
            s.add(StockMovement(sku_id=sku.id, warehouse_id=wh.id, kind=kind, on_hand_delta=delta,
                                on_hand_after=after, reserved_after=0, at=at(when)))
        move(tea, w1, "receive", 24, "2025-12-01 00:00", 24)
        move(tea, w1, "ship", -2, "2026-01-06 10:00", 22)
        move(tea, w1, "ship", -1, "2026-01-22 12:00", 21)
        move(tea, w1, "stocktake", -1, "2026-02-20 00:00", 20)
        move(cup, w1, "receive", 6, "2025-12-01 00:00", 6)
        move(cup, w1, "ship", -1, "2026-01-06 10:00", 5)
        move(cup, w2, "receive", 4, "2026-01-15 00:00", 4)
        move(cup, w2, "ship", -4, "2026-02-04 09:00", 0)
        move(pot, w2, "receive", 3, "2025-06-01 00:00", 3)
        s.commit()
        return {"cn": cn.id, "us": us.id, "main": w1.id, "back": w2.id}
