"""Pulling orders into the database (SQLite and PostgreSQL): idempotent upsert, orders changing
during the page walk, quarantine, SKU-less lines, allocation, and the rules for what staff
already did."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.models import Order, OrderStatus, StockLevel
from ordermgr.models.sync import QuarantinedOrder, RawPayload, SyncState
from ordermgr.services import orders as order_service
from ordermgr.services import shipments
from tests.connectors.conftest import PLATFORMS
from tests.factories import build_catalog


def count(shop, model=Order):
    with shop.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def order_by_number(shop, number) -> Order:
    with Session(shop.engine) as session:
        order = session.scalar(select(Order).where(Order.number == number))
        _ = order.lines, order.events, order.payments, order.shipments
        return order


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_full_pull_then_a_resync_changes_nothing(connect, platform):
    shop = connect(platform, orders=25)
    first = shop.sync(page_size=7)
    assert first.ok and first.new == 25 and first.pages >= 4
    again = shop.sync(page_size=7)
    assert again.ok and again.new == 0 and again.updated == 0
    assert count(shop) == 25 and count(shop, RawPayload) == 25
    with shop.uow() as uow:
        state = uow.session.get(SyncState, shop.store_id)
        assert state.watermark is not None and state.last_success_at is not None


@pytest.mark.parametrize("platform", PLATFORMS)
def test_orders_changing_during_the_page_walk_are_not_missed(connect, platform):
    shop = connect(platform, orders=30)
    demo, served = shop.demo, []
    editable = [o.seq for o in demo.orders.values() if not o.shipped_any and not o.cancelled]
    chosen = editable[:2] + [s for s in editable if s >= 15][:1]

    def change_some(method, path):
        served.append(path)
        if len(served) == 2:  # after the second page: change orders already delivered and not yet
            for seq in chosen:
                demo.change(demo.orders[seq], street=f"改过的地址 {seq} 号")
            demo.new_order()
    demo.after_request = change_some
    run = shop.sync(page_size=5)
    demo.after_request = None
    run2 = shop.sync(page_size=5)
    assert run.ok and run2.ok
    assert count(shop) == 31
    assert len(chosen) == 3
    for seq in chosen:
        order = order_by_number(shop, f"{platform[:2].upper()}{1000 + seq}")
        assert order.ship_line1 == f"改过的地址 {seq} 号"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_bad_order_is_quarantined_and_the_rest_of_the_page_goes_on(connect, platform):
    shop = connect(platform, orders=8)
    demo = shop.demo
    demo.change(demo.orders[3], currency="XYZ")
    demo.change(demo.orders[5], broken="missing_fields")
    run = shop.sync(page_size=4)
    assert run.ok and run.new == 6 and run.quarantined == 2
    assert any("order 1003" in m and "XYZ" in m for m in run.messages)
    with shop.uow() as uow:
        reasons = uow.session.scalars(select(QuarantinedOrder.reason)).all()
    assert all(r.startswith(shop.name) for r in reasons)
    demo.change(demo.orders[3], currency="CNY")  # fixed on the storefront
    shop.sync(page_size=4)
    with shop.uow() as uow:
        open_rows = uow.session.scalars(select(QuarantinedOrder.external_id)
                                        .where(QuarantinedOrder.resolved_at.is_(None))).all()
    assert len(open_rows) == 1 and count(shop) == 7


def test_a_line_without_sku_is_kept_and_flagged(connect):
    shop = connect("shopify", orders=0)
    from ordermgr.sync.fake.store import Line
    shop.demo.new_order(lines=[Line(1, "", "定制刻字服务", 1, Decimal("30.00")),
                               Line(2, "DEMO-TEA-LJ-250", "西湖龙井", 2, Decimal("88.00"))], paid=True)
    shop.sync()
    order = order_by_number(shop, "SH1001")
    assert [line.sku for line in order.lines] == ["", "DEMO-TEA-LJ-250"]
    assert "no-sku" in order.tag_list
    assert any("no SKU" in e.message for e in order.events)


def big_order_lines(count: int) -> list:
    from ordermgr.sync.fake.store import Line
    return [Line(i, f"BULK-{i:03d}", f"散装零件 {i}", 1 + i % 3, Decimal("2.50")) for i in range(1, count + 1)]


def test_a_shopify_order_with_more_lines_than_one_query_returns_arrives_whole(connect):
    shop = connect("shopify", orders=1)
    shop.demo.new_order(lines=big_order_lines(320), paid=True, cancelled=False)
    run = shop.sync()
    assert run.ok and run.new == 2 and run.quarantined == 0
    order = order_by_number(shop, "SH1002")
    assert [line.sku for line in order.lines] == [f"BULK-{i:03d}" for i in range(1, 321)]
    assert order.item_count == sum(1 + i % 3 for i in range(1, 321))
    with shop.uow() as uow:  # the kept payload holds every line too
        raw = uow.session.scalar(select(RawPayload.payload).where(RawPayload.external_id == order.external_id))
    assert len(raw["lineItems"]["nodes"]) == 320
    assert shop.sync().updated == 0  # the completed payload is stable: a re-sync sees no change


def test_a_big_shopify_order_whose_lines_cannot_all_be_read_is_quarantined(connect):
    shop = connect("shopify", orders=0)
    big = shop.demo.new_order(lines=big_order_lines(60), paid=True, cancelled=False)
    small = shop.demo.new_order(paid=True, cancelled=False)

    def vanish(method, path):  # the big order is deleted right after the listing
        shop.demo.orders.pop(big.seq, None)
    shop.demo.after_request = vanish
    run = shop.sync()
    shop.demo.after_request = None
    assert run.new == 1 and run.quarantined == 1
    assert any("1001" in m and "lines could be read" in m for m in run.messages)
    assert order_by_number(shop, f"SH{small.number}") is not None


def test_a_new_paid_order_reserves_stock(connect, uow):
    cat = build_catalog(uow, {"DEMO-TEA-LJ-250": (10, 0)})
    shop = connect("woocommerce", orders=0)
    from ordermgr.sync.fake.store import Line
    shop.demo.new_order(lines=[Line(1, "DEMO-TEA-LJ-250", "西湖龙井", 3, Decimal("88.00"))],
                        paid=True, cancelled=False)
    shop.sync()
    order = order_by_number(shop, "WO1001")
    assert order.status == OrderStatus.ALLOCATED and order.payment_status == "paid"
    with Session(shop.engine) as session:
        level = session.scalar(select(StockLevel).where(StockLevel.sku_id == cat.skus["DEMO-TEA-LJ-250"],
                                                          StockLevel.warehouse_id == cat.main))
        assert level.reserved == 3


def test_a_storefront_cancellation_cancels_an_unpacked_order(connect):
    shop = connect("shopify", orders=0)
    demo_order = shop.demo.new_order(paid=True, cancelled=False)
    shop.sync()
    shop.demo.change(demo_order, cancelled=True)
    shop.sync()
    assert order_by_number(shop, "SH1001").status == OrderStatus.CANCELLED


def test_a_storefront_cancellation_of_a_packed_order_puts_it_on_hold_instead(connect, uow):
    build_catalog(uow, {"DEMO-TEA-LJ-250": (10, 0)})
    shop = connect("shopify", orders=0)
    from ordermgr.sync.fake.store import Line
    demo_order = shop.demo.new_order(lines=[Line(1, "DEMO-TEA-LJ-250", "茶", 1, Decimal("88.00"))],
                                     paid=True, cancelled=False)
    shop.sync()
    order_id = order_by_number(shop, "SH1001").id
    order_service.start_picking(uow, order_id)
    order_service.pack_order(uow, order_id)
    shop.demo.change(demo_order, cancelled=True)
    shop.sync()
    order = order_by_number(shop, "SH1001")
    assert order.status == OrderStatus.ON_HOLD and "exception" in order.tag_list
    assert any("already being packed" in e.message for e in order.events)


def test_an_address_change_after_the_waybill_was_printed_is_flagged_not_applied(connect, uow):
    build_catalog(uow, {"DEMO-TEA-LJ-250": (10, 0)})
    shop = connect("medusa", orders=0)
    from ordermgr.sync.fake.store import Line
    demo_order = shop.demo.new_order(lines=[Line(1, "DEMO-TEA-LJ-250", "茶", 1, Decimal("88.00"))],
                                     paid=True, cancelled=False)
    shop.sync()
    order_id = order_by_number(shop, "ME1001").id
    order_service.start_picking(uow, order_id)
    order_service.pack_order(uow, order_id)
    shipments.ship_order(uow, order_id, carrier="SF Express", waybill="SF100200300")
    old_street = demo_order.street
    shop.demo.change(demo_order, street="新地址 1 号")
    shop.sync(push=False)
    order = order_by_number(shop, "ME1001")
    assert order.ship_line1 == old_street and "exception" in order.tag_list
    assert any("after the waybill was printed" in e.message for e in order.events)


def test_an_address_change_before_packing_is_applied(connect):
    shop = connect("woocommerce", orders=0)
    demo_order = shop.demo.new_order(paid=False, cancelled=False)
    shop.sync()
    shop.demo.change(demo_order, street="新地址 8 号")
    shop.sync()
    assert order_by_number(shop, "WO1001").ship_line1 == "新地址 8 号"


def test_medusa_capture_without_an_updated_at_bump_is_found_by_re_polling(connect):
    shop = connect("medusa", orders=0)
    demo_order = shop.demo.new_order(paid=False, cancelled=False)
    shop.sync()
    assert order_by_number(shop, "ME1001").status == OrderStatus.PENDING_PAYMENT
    demo_order.paid = demo_order.captured = True  # no touch(): updated_at stays the same
    shop.sync()
    order = order_by_number(shop, "ME1001")
    assert order.payment_status == "paid" and order.status != OrderStatus.PENDING_PAYMENT


@pytest.mark.parametrize("platform", PLATFORMS)
def test_storefront_refunds_and_fulfilments_arrive_once(connect, platform):
    shop = connect(platform, orders=0)
    demo_order = shop.demo.new_order(paid=True, cancelled=False)
    shop.sync()
    shop.demo.refund(demo_order, Decimal("5.00"), "goodwill")
    shop.demo.fulfil(demo_order, carrier="SF Express", number="SF900800700",
                     url="https://sf.example/SF900800700")
    shop.sync()
    shop.sync()
    order = order_by_number(shop, f"{platform[:2].upper()}1001")
    refunds = [p for p in order.payments if p.kind == "refund"]
    assert [p.amount for p in refunds] == [Decimal("5.00")]
    assert [s.waybill for s in order.shipments] == ["SF900800700"]
    assert order.status == OrderStatus.SHIPPED


def stock_level(shop, sku_id, warehouse_id) -> tuple[int, int]:
    with Session(shop.engine) as session:
        level = session.scalar(select(StockLevel).where(StockLevel.sku_id == sku_id,
                                                          StockLevel.warehouse_id == warehouse_id))
        return level.on_hand, level.reserved


def reserve_and_pull(connect, uow, platform):
    from ordermgr.sync.fake.store import Line
    cat = build_catalog(uow, {"DEMO-TEA-LJ-250": (10, 0), "DEMO-CUP-01": (5, 0), "DEMO-POT-02": (0, 0)})
    shop = connect(platform, orders=0)
    lines = (Line(1, "DEMO-TEA-LJ-250", "西湖龙井", 3, Decimal("88.00")),
             Line(2, "DEMO-CUP-01", "茶杯", 2, Decimal("20.00")),
             Line(3, "DEMO-POT-02", "茶壶", 1, Decimal("99.00")))
    demo_order = shop.demo.new_order(lines=list(lines), paid=True, cancelled=False)
    shop.sync()  # tea and cups reserved; the pot is out of stock (backordered)
    assert stock_level(shop, cat.skus["DEMO-TEA-LJ-250"], cat.main) == (10, 3)
    assert stock_level(shop, cat.skus["DEMO-CUP-01"], cat.main) == (5, 2)
    return shop, cat, demo_order, lines


def shipped_message(order) -> str:
    return next(e.message for e in order.events if e.message.startswith("Shipped on the storefront"))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_goods_shipped_on_the_storefront_are_booked_out_where_they_were_reserved(connect, uow, platform):
    shop, cat, demo_order, _ = reserve_and_pull(connect, uow, platform)
    shop.demo.fulfil(demo_order, carrier="SF Express", number="SF100200300")
    assert shop.sync().updated == 1
    order = order_by_number(shop, f"{platform[:2].upper()}1001")
    assert order.status == OrderStatus.SHIPPED and "exception" in order.tag_list
    assert stock_level(shop, cat.skus["DEMO-TEA-LJ-250"], cat.main) == (7, 0)
    assert stock_level(shop, cat.skus["DEMO-CUP-01"], cat.main) == (3, 0)
    assert "booked out" in shipped_message(order)
    assert "DEMO-POT-02 ×1" in shipped_message(order)  # nothing was reserved to take it from


@pytest.mark.parametrize("platform", ["shopify", "medusa"])  # they say which lines shipped
def test_a_partial_storefront_fulfilment_books_out_its_lines_and_keeps_the_rest_reserved(
        connect, uow, platform):
    shop, cat, demo_order, (tea, cup, pot) = reserve_and_pull(connect, uow, platform)
    shop.demo.fulfil(demo_order, {tea.id: 3}, carrier="SF Express", number="SF100200301")
    assert shop.sync().updated == 1
    order = order_by_number(shop, f"{platform[:2].upper()}1001")
    assert order.status == OrderStatus.PARTIALLY_SHIPPED
    assert stock_level(shop, cat.skus["DEMO-TEA-LJ-250"], cat.main) == (7, 0)
    assert stock_level(shop, cat.skus["DEMO-CUP-01"], cat.main) == (5, 2)  # still to ship


def test_an_order_number_clash_is_quarantined_with_a_clear_reason(connect, uow):
    shop = connect("shopify", orders=2)  # orders SH1001, SH1002
    other = connect("woocommerce", orders=0, name="Second shop")
    with uow:
        from ordermgr.models import Store
        uow.session.get(Store, other.store_id).code = "S"
        uow.commit()
    shop.sync()
    other.demo.new_order(paid=False, cancelled=False, number="H1001")  # S + H1001 = SH1001
    other.demo.new_order(paid=False, cancelled=False, number="X1")
    run = other.sync()
    assert run.new == 1 and run.quarantined == 1
    assert "order number is already used" in run.messages[0]


def test_a_big_pull_keeps_the_planner_statistics_fresh_on_postgresql(connect, engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite finds rows by the unique indexes without statistics")

    def analyzed() -> int:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT analyze_count FROM pg_stat_user_tables "
                                        "WHERE relname = 'sync_raw_payloads'").scalar()

    shop = connect("shopify", orders=12)
    before = analyzed()
    assert shop.sync(page_size=5).new == 12
    assert analyzed() == before + 1  # once, on the first page with new orders
    before = analyzed()
    assert shop.sync(page_size=5).new == 0
    assert analyzed() == before  # nothing new: no statistics work


def test_a_tracking_number_without_lines_books_nothing_out_and_says_so(connect, uow):
    shop, cat, demo_order, (tea, cup, pot) = reserve_and_pull(connect, uow, "woocommerce")
    shop.demo.fulfil(demo_order, {tea.id: 3}, carrier="SF Express", number="SF100200302")
    assert shop.sync().updated == 1  # WooCommerce lists the tracking number, not the lines
    order = order_by_number(shop, "WO1001")
    assert order.status == OrderStatus.PARTIALLY_SHIPPED
    assert "did not say which goods" in shipped_message(order)
    assert stock_level(shop, cat.skus["DEMO-TEA-LJ-250"], cat.main) == (10, 3)  # untouched


def forget_watermark(shop):
    with shop.engine.begin() as conn:
        conn.execute(SyncState.__table__.update().values(watermark=None))


def test_a_shopify_resync_lists_ids_and_times_and_fetches_only_what_changed(connect):
    shop = connect("shopify", orders=30)
    assert shop.sync(page_size=5).new == 30
    demo = shop.demo
    changed = next(o for o in demo.orders.values() if not o.shipped_any and not o.cancelled)
    demo.change(changed, street="改过的地址 8 号")
    forget_watermark(shop)
    demo.operations.clear()
    run = shop.sync(page_size=5)
    assert run.ok and run.updated == 1 and run.unchanged == 29 and run.new == 0
    assert demo.operations[0] == "OrdersSince"  # a full page first: is this a re-sync?
    assert demo.operations.count("OrderStamps") == 5  # the rest: ids and update times only
    assert demo.operations.count("OrdersById") == 1  # just the changed order in full
    assert order_by_number(shop, f"SH{changed.number}").ship_line1 == "改过的地址 8 号"


def test_a_skimming_walk_goes_back_to_full_pages_when_orders_are_new(connect):
    shop = connect("shopify", orders=10)
    assert shop.sync(page_size=5).new == 10
    for _ in range(20):
        shop.demo.new_order()
    forget_watermark(shop)
    shop.demo.operations.clear()
    run = shop.sync(page_size=5)
    assert run.ok and run.new == 20 and run.unchanged == 10
    assert shop.demo.operations == [
        "OrdersSince",  # held already: list ids and times next
        "OrderStamps",  # held
        "OrderStamps", "OrdersById",  # all new: fetched in full, and full pages from here on
        "OrdersSince", "OrdersSince", "OrdersSince"]
    assert count(shop) == 30


def test_an_order_broken_in_full_but_listed_fine_is_quarantined_not_lost(connect):
    shop = connect("shopify", orders=12)
    assert shop.sync(page_size=4).new == 12
    shop.demo.change(shop.demo.orders[12], broken="missing_fields")
    forget_watermark(shop)
    run = shop.sync(page_size=4)
    assert run.quarantined == 1 and run.unchanged == 11


@pytest.mark.parametrize("platform", PLATFORMS)
def test_contact_details_and_amounts_edited_on_the_storefront_follow(connect, platform):
    shop = connect(platform, orders=0)
    demo_order = shop.demo.new_order(paid=False, cancelled=False, shipping=Decimal("10.00"))
    shop.sync()
    shop.demo.change(demo_order, email="changed@example.cn", phone="13912345678",
                     shipping=Decimal("0.00"))
    assert shop.sync().updated == 1
    order = order_by_number(shop, f"{platform[:2].upper()}1001")
    assert (order.email, order.phone) == ("changed@example.cn", "13912345678")
    assert order.shipping == Decimal("0.00") and order.total == demo_order.total
    assert "exception" not in order.tag_list
