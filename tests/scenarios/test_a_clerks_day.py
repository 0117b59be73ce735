"""A clerk's day, as one story: orders arrive from the Shopify store, stock is reserved, a pick
batch is started, every item is scanned at the packing bench, the parcels get SF Express
waybills, the storefront hears about the shipments, and the manager's sales report for the day
adds up. Runs on SQLite and PostgreSQL."""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.models import Order, OrderStatus, StockLevel
from ordermgr.reports.params import ReportParams
from ordermgr.reports.registry import run_report
from ordermgr.services import fulfilment
from ordermgr.services.fulfilment import WaybillInput
from ordermgr.sync.fake.store import Line
from tests.factories import build_catalog

SKU = "DEMO-TEA-LJ-250"


def test_orders_flow_from_the_storefront_to_the_report(connect, uow):
    build_catalog(uow, {SKU: (10, 0)})
    shop = connect("shopify", orders=0)
    placed = [shop.demo.new_order(lines=[Line(1, SKU, "西湖龙井", qty, Decimal("88.00"))],
                                  paid=True, cancelled=False) for qty in (2, 3)]

    # 1. the morning sync brings both paid orders in and reserves their stock
    assert shop.sync().new == 2
    with Session(shop.engine) as session:
        orders = session.scalars(select(Order).order_by(Order.id)).all()
        assert [o.status for o in orders] == [OrderStatus.ALLOCATED] * 2
        ids = [o.id for o in orders]
        lines = {o.id: {line.id: line.quantity for line in o.lines} for o in orders}
        assert session.scalar(select(func.sum(StockLevel.reserved))) == 5

    # 2. one pick batch for both; its pick list asks for 5 units in total
    batch = fulfilment.create_pick_batch(uow, ids)
    with Session(shop.engine) as session:
        pick = fulfilment.pick_list(session, batch)
    assert [(row.sku, row.total) for row in pick.rows] == [(SKU, 5)]

    # 3. every item scanned at the bench, then a waybill per parcel
    for n, order_id in enumerate(ids):
        fulfilment.finish_packing(uow, order_id, scanned=lines[order_id])
        fulfilment.ship_with_waybill(uow, order_id, WaybillInput("SF Express", f"SF123456789012{n}"))

    # 4. the next sync tells the storefront; stock has left the warehouse
    run = shop.sync()
    assert run.push_failed == 0, run.messages
    assert all(order.shipped_all for order in placed)
    with Session(shop.engine) as session:
        assert session.execute(select(func.sum(StockLevel.on_hand),
                                      func.sum(StockLevel.reserved))).one() == (5, 0)
        assert {o.status for o in session.scalars(select(Order))} == {OrderStatus.SHIPPED}

    # 5. the manager's sales report for the period adds the two orders up
    today = date.today()
    report = run_report(shop.engine, "sales", ReportParams(today - timedelta(days=2), today + timedelta(days=1)))
    table = report.tables[0]
    totals = [dict(zip([c.key for c in table.columns], row)) for row in table.rows]
    assert [(r["orders"], r["units"], r["gross"]) for r in totals] == [(2, 5, Decimal("440.00"))]
