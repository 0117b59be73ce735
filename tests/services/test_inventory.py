"""Adjustments, stocktakes, transfers, thresholds, reorder suggestions, the ledger check and the
storefront stock messages: on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy import func, select, update

from ordermgr.errors import (InsufficientStock, InvalidTransition, NotFound, PermissionDenied,
                             ValidationError)
from ordermgr.models import OutboxMessage, StockLevel, StockMovement
from ordermgr.services import catalog, inventory as inv, orders, shipments, stock
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order


def level(uow, sku_id, wh_id):
    with uow:
        sl = uow.session.scalar(select(StockLevel).where(StockLevel.sku_id == sku_id,
                                                         StockLevel.warehouse_id == wh_id))
        return (sl.on_hand, sl.reserved) if sl else None


def movement_count(uow):
    with uow:
        return uow.session.scalar(select(func.count()).select_from(StockMovement))


def drift(engine):
    with engine.connect() as conn:
        return stock.verify_ledger(conn)


def test_adjustment_needs_a_reason_and_permission_and_lands_in_the_ledger(engine, uow):
    cat = build_catalog(uow)
    assert inv.adjust_stock(uow, "TEA-01", "MAIN", -2, reason="damaged", note="dropped") == (8, 0)
    assert inv.adjust_stock(uow, "TEA-01", "main", "+3", reason="found") == (11, 0)
    with uow:
        last = uow.session.scalars(select(StockMovement).order_by(StockMovement.id.desc())).first()
        assert (last.kind, last.on_hand_delta, last.reason) == ("adjust", 3, "found")
    with pytest.raises(ValidationError, match="Choose a reason"):
        inv.adjust_stock(uow, "TEA-01", "MAIN", 1, reason="because")
    with pytest.raises(PermissionDenied, match="may not adjust stock"):
        inv.adjust_stock(uow_for(engine, "bob", "clerk"), "TEA-01", "MAIN", 1, reason="found")
    with pytest.raises(InsufficientStock, match="Cannot take 20 of TEA-01 out of MAIN"):
        inv.adjust_stock(uow, "TEA-01", "MAIN", -20, reason="lost")
    assert level(uow, cat.skus["TEA-01"], cat.main) == (11, 0)
    assert drift(engine) == []


@pytest.mark.parametrize("bad", ["-x", "1.5", "", "abc", "1e"])
def test_non_numeric_adjustments_are_refused_and_nothing_is_written(uow, bad):
    build_catalog(uow)
    before = movement_count(uow)
    with pytest.raises(ValidationError):
        inv.adjust_stock(uow, "TEA-01", "MAIN", bad, reason="found")
    assert movement_count(uow) == before


def test_unknown_sku_or_warehouse_is_a_clear_refusal(uow):
    build_catalog(uow)
    with pytest.raises(NotFound, match="No product has the SKU or barcode 'NOPE'"):
        inv.adjust_stock(uow, "NOPE", "MAIN", 1, reason="found")
    with pytest.raises(NotFound, match="no warehouse 'XX'; known warehouses: BACK, MAIN"):
        inv.adjust_stock(uow, "TEA-01", "XX", 1, reason="found")


def test_stocktake_posts_variances_once_as_adjustments(engine, uow):
    cat = build_catalog(uow)
    take = inv.start_stocktake(uow, "MAIN")
    inv.record_count(uow, take, "TEA-01", 7)            # 10 expected: 3 missing
    for _ in range(4):                                  # a scanner: one beep per unit, by barcode
        inv.record_count(uow, take, "6900000000001", 1, add=True)   # CUP-02: 3 expected, 4 found
    with engine.connect() as conn:
        variance = {r.sku: r.variance for r in inv.stocktake_variance(conn, take)}
    assert variance == {"TEA-01": -3, "CUP-02": 1, "POT-03": None}
    result = inv.post_stocktake(uow, take)
    assert sorted(result.adjusted) == [("CUP-02", 1), ("TEA-01", -3)]
    assert result.uncounted == ["POT-03"]
    assert level(uow, cat.skus["TEA-01"], cat.main) == (7, 0)
    assert level(uow, cat.skus["CUP-02"], cat.main) == (4, 0)
    before = movement_count(uow)
    with pytest.raises(InvalidTransition, match="already posted"):
        inv.post_stocktake(uow, take)
    with pytest.raises(InvalidTransition, match="already posted"):
        inv.record_count(uow, take, "TEA-01", 1)
    assert movement_count(uow) == before
    assert drift(engine) == []


def test_orders_allocated_and_shipped_during_a_count_are_not_lost(engine, uow):
    cat = build_catalog(uow)
    take = inv.start_stocktake(uow, "MAIN")
    first = place_order(uow, {"TEA-01": 2})
    orders.confirm_order(uow, first, override_reason="B2B terms")                    # reserved during the count: shelf unchanged
    inv.record_count(uow, take, "TEA-01", 9)            # one unit is really missing
    second = place_order(uow, {"TEA-01": 1})            # allocated and shipped after the count
    orders.confirm_order(uow, second, override_reason="B2B terms")
    orders.start_picking(uow, second)
    orders.pack_order(uow, second)
    shipments.ship_order(uow, second, carrier="SF", waybill="SF-COUNT-1")
    assert level(uow, cat.skus["TEA-01"], cat.main) == (9, 2)
    inv.post_stocktake(uow, take)
    # 9 counted, 1 shipped since: 8 on the shelf, the first order's 2 still reserved
    assert level(uow, cat.skus["TEA-01"], cat.main) == (8, 2)
    assert drift(engine) == []


def test_a_count_below_the_reserved_units_is_refused_whole(uow):
    cat = build_catalog(uow)
    order_id = place_order(uow, {"CUP-02": 3})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    take = inv.start_stocktake(uow, "MAIN")
    inv.record_count(uow, take, "TEA-01", 1)
    inv.record_count(uow, take, "CUP-02", 1)
    with pytest.raises(ValidationError, match="CUP-02: counted 1, but 3 are reserved.*Nothing was posted"):
        inv.post_stocktake(uow, take)
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 0)
    with uow:
        assert uow.session.get(inv.Stocktake, take).status == "open"


def test_negative_counts_are_refused(uow):
    build_catalog(uow)
    take = inv.start_stocktake(uow, "MAIN")
    with pytest.raises(ValidationError, match="can't be negative"):
        inv.record_count(uow, take, "TEA-01", -1)


def test_transfer_leaves_source_shows_incoming_and_is_received_in_parts(engine, uow):
    cat = build_catalog(uow)
    tid = inv.create_transfer(uow, "MAIN", "BACK", {"TEA-01": 4, "CUP-02": 1})
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 0)     # a draft moves nothing
    inv.ship_transfer(uow, tid)
    assert level(uow, cat.skus["TEA-01"], cat.main) == (6, 0)
    with engine.connect() as conn:
        rows = {(r.sku, r.warehouse): r for r in inv.fetch_stock_page(conn)}
    assert rows[("TEA-01", "BACK")].incoming == 4 and rows[("TEA-01", "BACK")].on_hand == 5
    assert inv.receive_transfer(uow, tid, {"TEA-01": 3}) == "partially_received"
    with pytest.raises(ValidationError, match="only 1 of TEA-01 are still expected"):
        inv.receive_transfer(uow, tid, {"TEA-01": 2})
    assert inv.receive_transfer(uow, tid) == "received"
    assert level(uow, cat.skus["TEA-01"], cat.backup) == (9, 0)
    assert level(uow, cat.skus["CUP-02"], cat.backup) == (1, 0)
    with pytest.raises(InvalidTransition, match="received and can't be received"):
        inv.receive_transfer(uow, tid)
    with uow:
        kinds = uow.session.scalars(select(StockMovement.kind).where(
            StockMovement.ref_type == "transfer").order_by(StockMovement.id)).all()
    assert kinds == ["transfer_out", "transfer_out", "transfer_in", "transfer_in", "transfer_in"]
    assert drift(engine) == []


def test_transfer_to_the_same_warehouse_or_of_reserved_units_is_refused(uow):
    cat = build_catalog(uow)
    with pytest.raises(ValidationError, match="two different warehouses; MAIN is both"):
        inv.create_transfer(uow, "MAIN", "main", {"TEA-01": 1})
    with pytest.raises(ValidationError, match="at least 1"):
        inv.create_transfer(uow, "MAIN", "BACK", {"TEA-01": 0})
    order_id = place_order(uow, {"CUP-02": 3})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    tid = inv.create_transfer(uow, "MAIN", "BACK", {"TEA-01": 1, "CUP-02": 1})
    with pytest.raises(InsufficientStock, match="CUP-02"):
        inv.ship_transfer(uow, tid)
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 0)     # all or nothing
    with uow:
        assert uow.session.get(inv.Transfer, tid).status == "draft"


def test_low_stock_and_reorder_suggestions_use_threshold_sales_and_lead_time(engine, uow):
    build_catalog(uow, {"TEA-01": (10, 0), "CUP-02": (3, 0)})
    inv.set_threshold(uow, "TEA-01", "MAIN", 5)
    inv.set_supply(uow, "TEA-01", lead_time_days=10)
    for i in range(3):   # 3 × 2 units shipped in the last 30 days: 0.2 a day
        oid = place_order(uow, {"TEA-01": 2})
        orders.confirm_order(uow, oid, override_reason="B2B terms")
        orders.start_picking(uow, oid)
        orders.pack_order(uow, oid)
        shipments.ship_order(uow, oid, carrier="SF", waybill=f"SF-V{i}")
    with engine.connect() as conn:
        low = {(r.sku, r.warehouse): r for r in inv.low_stock(conn)}
        suggestions = {s.sku: s for s in inv.reorder_suggestions(conn)}
    assert ("TEA-01", "MAIN") in low and low[("TEA-01", "MAIN")].available == 4
    assert low[("TEA-01", "MAIN")].days_of_cover == pytest.approx(20.0)
    tea = suggestions["TEA-01"]
    assert tea.daily_sales == pytest.approx(0.2)
    assert tea.reorder_point == 5 + 2 + 2           # thresholds (5 + 2 in BACK) + 10 days × 0.2
    assert tea.quantity == 9 + 6 - 4                # point + 30 days × 0.2 - available


def test_every_change_of_available_stock_queues_a_stock_message_per_store(engine, uow):
    cat = build_catalog(uow)
    catalog.create_store(uow, name="Shop A", code="A", platform="shopify", currency="CNY")
    catalog.create_store(uow, name="Shop B", code="B", platform="woocommerce", currency="CNY")
    inv.adjust_stock(uow, "TEA-01", "MAIN", -1, reason="damaged")
    order_id = place_order(uow, {"TEA-01": 2})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    with uow:
        messages = uow.session.scalars(select(OutboxMessage).where(OutboxMessage.topic == "stock")
                                       .order_by(OutboxMessage.id)).all()
        payloads = [(m.store_id, m.payload) for m in messages]
        keys = {m.idempotency_key for m in messages}
    assert len(messages) == 4 and len(keys) == 4
    assert payloads[-1][1] == {"sku": "TEA-01", "warehouse": "MAIN", "available": 7,
                               "available_total": 12}      # + 5 in BACK
    assert len({p[0] for p in payloads}) == 2                # both storefronts, never "manual"
    assert level(uow, cat.skus["TEA-01"], cat.main) == (9, 2)


def test_verify_ledger_reports_drift(engine, uow):
    cat = build_catalog(uow)
    assert drift(engine) == []
    with engine.begin() as conn:   # somebody "fixes" a number behind the ledger's back
        conn.execute(update(StockLevel).where(StockLevel.sku_id == cat.skus["TEA-01"],
                                              StockLevel.warehouse_id == cat.main)
                     .values(on_hand=12))
    found = drift(engine)
    assert len(found) == 1 and found[0].sku == "TEA-01" and found[0].warehouse == "MAIN"
    assert "level says 12 on hand" in found[0].describe() and "ledger sums to 10" in found[0].describe()


def test_stock_page_filters_searches_and_pages_by_keyset(engine, uow):
    cat = build_catalog(uow)
    with engine.connect() as conn:
        first = inv.fetch_stock_page(conn, limit=4)
        rest = inv.fetch_stock_page(conn, after=first[-1].sort_key, limit=4)
        assert [r.level_id for r in first + rest] == [r.level_id for r in inv.fetch_stock_page(conn)]
        assert len(first + rest) == 6
        by_avail = inv.fetch_stock_page(conn, sort="available", descending=True, limit=2)
        more = inv.fetch_stock_page(conn, sort="available", descending=True,
                                    after=by_avail[-1].sort_key)
        assert [r.available for r in by_avail + more] == sorted(
            [r.available for r in by_avail + more], reverse=True)
        assert {r.sku for r in inv.fetch_stock_page(conn, inv.StockFilter(search="cup"))} == {"CUP-02"}
        assert {r.sku for r in inv.fetch_stock_page(
            conn, inv.StockFilter(search="6900000000002"))} == {"POT-03"}
        main_low = inv.fetch_stock_page(conn, inv.StockFilter(warehouse_id=cat.main, low_only=True))
        assert {r.sku for r in main_low} == {"POT-03"}
        assert inv.count_stock(conn, inv.StockFilter(warehouse_id=cat.main)) == 3


def test_a_bin_range_count_covers_only_those_bins_and_clerks_count_but_do_not_post(engine, uow):
    from ordermgr.models import Bin
    cat = build_catalog(uow)
    with uow:
        bins = {code: Bin(warehouse_id=cat.main, code=code) for code in ("A-01", "A-02", "B-01")}
        uow.session.add_all(bins.values())
        uow.session.flush()
        for sku, code in (("TEA-01", "A-01"), ("CUP-02", "A-02"), ("POT-03", "B-01")):
            uow.session.execute(update(StockLevel).where(
                StockLevel.sku_id == cat.skus[sku], StockLevel.warehouse_id == cat.main)
                .values(bin_id=bins[code].id))
        uow.commit()
    with pytest.raises(ValidationError, match="backwards"):
        inv.start_stocktake(uow, "MAIN", bin_from="B", bin_to="A")
    clerk = uow_for(engine, "carol", "clerk")
    take = inv.start_stocktake(clerk, "MAIN", bin_from="A-01", bin_to="A-99")
    with engine.connect() as conn:
        assert {r.sku for r in inv.stocktake_variance(conn, take)} == {"TEA-01", "CUP-02"}
    inv.record_count(clerk, take, "CUP-02", 2)
    with pytest.raises(PermissionDenied, match="may not post stocktakes"):
        inv.post_stocktake(clerk, take)
    assert inv.post_stocktake(uow, take).adjusted == [("CUP-02", -1)]
