"""Issue 13, item 9: an order with a SKU that is not in the catalogue is never allocated; it
waits for a mapping, which is remembered for later orders, and then allocates."""

import json
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ordermgr.cli import main
from ordermgr.errors import NotFound
from ordermgr.models import StockLevel
from ordermgr.services import sku_mapping
from ordermgr.sync.fake.store import Line
from tests.connectors.test_pull import order_by_number
from tests.factories import build_catalog

TEA = "DEMO-TEA-LJ-250"  # the storefront's SKU; the catalogue calls it TEA-01
CUP = "DEMO-MUG-QH-350"


def reserved(engine, sku_id) -> int:
    with Session(engine) as session:
        return sum(session.scalars(select(StockLevel.reserved).where(StockLevel.sku_id == sku_id)))


@pytest.fixture
def setup(connect, uow):
    cat = build_catalog(uow)
    return connect("shopify", orders=0), cat


def test_a_paid_order_with_an_unknown_sku_waits_instead_of_being_allocated(setup, engine):
    shop, cat = setup
    shop.demo.new_order(lines=[Line(1, TEA, "西湖龙井", 2, Decimal("88.00"))], paid=True, cancelled=False)
    assert shop.sync().new == 1
    order = order_by_number(shop, "SH1001")
    assert order.status == "on_hold" and "DEMO-TEA-LJ-250 not in the catalogue" in order.hold_reason
    assert "unmatched-sku" in order.tag_list
    assert order.lines[0].sku_id is None and order.lines[0].quantity_reserved == 0
    [waiting] = sku_mapping.unmatched(engine)
    assert (waiting.remote_sku, waiting.orders, waiting.quantity) == (TEA, 1, 2)


def test_mapping_releases_and_allocates_the_waiting_order_and_serves_later_orders(setup, uow, engine):
    shop, cat = setup
    shop.demo.new_order(lines=[Line(1, TEA, "西湖龙井", 2, Decimal("88.00"))], paid=True, cancelled=False)
    shop.sync()
    result = sku_mapping.map_sku(uow, store_id=shop.store_id, remote_sku=TEA, sku="TEA-01")
    assert result.lines == 1 and result.allocated == ["SH1001"]
    order = order_by_number(shop, "SH1001")
    assert order.status == "allocated" and "unmatched-sku" not in order.tag_list
    assert order.lines[0].sku == "TEA-01" and reserved(engine, cat.skus["TEA-01"]) == 2
    assert any("mapped to TEA-01" in e.message for e in order.events)
    assert sku_mapping.unmatched(engine) == []
    shop.demo.new_order(lines=[Line(2, TEA, "西湖龙井", 1, Decimal("88.00"))], paid=True, cancelled=False)
    shop.sync()
    later = order_by_number(shop, "SH1002")
    assert later.status == "allocated" and later.lines[0].sku == "TEA-01"
    assert any(f"{TEA} = TEA-01" in e.message for e in later.events)
    assert reserved(engine, cat.skus["TEA-01"]) == 3


def test_an_order_waits_until_every_unknown_sku_is_mapped(setup, uow):
    shop, cat = setup
    shop.demo.new_order(lines=[Line(1, TEA, "西湖龙井", 1, Decimal("88.00")),
                               Line(2, CUP, "青花瓷马克杯", 1, Decimal("68.00"))], paid=True, cancelled=False)
    shop.sync()
    assert sku_mapping.map_sku(uow, store_id=shop.store_id, remote_sku=TEA, sku="TEA-01").allocated == []
    order = order_by_number(shop, "SH1001")
    assert order.status == "on_hold" and CUP in order.hold_reason and TEA not in order.hold_reason
    assert sku_mapping.map_sku(uow, store_id=shop.store_id, remote_sku=CUP,
                               sku="6900000000001").allocated == ["SH1001"]  # by barcode
    assert order_by_number(shop, "SH1001").status == "allocated"


def test_an_unpaid_order_is_tagged_and_held_when_paid(setup):
    shop, cat = setup
    demo_order = shop.demo.new_order(lines=[Line(1, TEA, "西湖龙井", 1, Decimal("88.00"))],
                                     paid=False, cancelled=False)
    shop.sync()
    order = order_by_number(shop, "SH1001")
    assert order.status == "pending_payment" and "unmatched-sku" in order.tag_list
    shop.demo.change(demo_order, paid=True, captured=True)
    shop.sync()
    order = order_by_number(shop, "SH1001")
    assert order.status == "on_hold" and order.lines[0].quantity_reserved == 0


def test_mapping_to_a_sku_that_is_not_in_the_catalogue_is_refused(setup, uow):
    shop, _ = setup
    with pytest.raises(NotFound, match="no SKU 'NOPE' in the catalogue"):
        sku_mapping.map_sku(uow, store_id=shop.store_id, remote_sku=TEA, sku="NOPE")


def test_the_sku_commands(setup, engine, capsys):
    shop, cat = setup
    shop.demo.new_order(lines=[Line(1, TEA, "西湖龙井", 2, Decimal("88.00"))], paid=True, cancelled=False)
    shop.sync()
    base = ["--database", engine.url.render_as_string(hide_password=False), "--user", "alice"]
    assert main(base + ["sku", "unmatched", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["store"], r["remote_sku"], r["orders"]) for r in rows] == [(shop.name, TEA, 1)]
    assert main(base + ["sku", "map", shop.name, TEA, "NOPE"]) == 1
    assert "no SKU 'NOPE'" in capsys.readouterr().err
    assert main(base + ["sku", "map", shop.name, TEA, "TEA-01"]) == 0
    assert "1 order(s) allocated" in capsys.readouterr().out
    assert main(base + ["sku", "unmatched"]) == 0
    assert "No order waits" in capsys.readouterr().out
    assert main(base + ["sku", "mappings"]) == 0
    assert f"{TEA}" in capsys.readouterr().out


def test_releasing_the_hold_by_hand_does_not_allocate_around_the_unknown_sku(setup, uow):
    from ordermgr.errors import ValidationError
    from ordermgr.services import orders
    shop, _ = setup
    shop.demo.new_order(lines=[Line(1, TEA, "西湖龙井", 1, Decimal("88.00"))], paid=True, cancelled=False)
    shop.sync()
    order_id = order_by_number(shop, "SH1001").id
    with pytest.raises(ValidationError, match="DEMO-TEA-LJ-250 is not in the catalogue; map it"):
        orders.release_order(uow, order_id)
    assert order_by_number(shop, "SH1001").status == "on_hold"
