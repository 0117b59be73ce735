"""Issue 13, item 8: every field a clerk sees follows the storefront's latest version, unless
staff already acted on it; then the order is flagged with both values. One test per field,
through the real page import (payloads parsed lazily, the previous one kept as the base)."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ordermgr.models import Order, OrderStatus, Store
from ordermgr.services import order_edits, orders, sync_import
from ordermgr.sync.base import LazyOrder, RemoteAddress, RemoteLine, RemoteOrder
from tests.factories import build_catalog

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def parse(raw: dict) -> RemoteOrder:
    """A minimal storefront: the payload says it all in our words."""
    return RemoteOrder(
        external_id=raw["id"], number=raw["id"], updated_at=T0 + timedelta(minutes=raw["v"]),
        placed_at=T0, currency="CNY", raw=raw, payment=raw.get("payment", "pending"),
        fulfilment="unfulfilled", platform_status="open", customer_name=raw["name"],
        email=raw["email"], phone=raw["phone"], note=raw["note"], tags=list(raw["tags"]),
        address=RemoteAddress(name=raw["name"], phone=raw["phone"], line1=raw["street"],
                              city="杭州市", country="CN"),
        lines=[RemoteLine("l1", "TEA-01", "西湖龙井", raw.get("qty", 2), Decimal("19.90"))],
        shipping=Decimal(raw["shipping"]), total=Decimal(raw["shipping"]) + Decimal("19.90") * raw.get("qty", 2))


BASE = dict(id="5001", v=0, name="王小明", email="xm@example.cn", phone="13800138000",
            note="", tags=["vip"], street="文三路 398 号", shipping="10.00")


class Shop:
    def __init__(self, uow):
        self.uow = uow
        with uow:
            store = Store(name="Shop", code="SH", platform="shopify", base_url="https://s.example",
                          currency="CNY", credential_ref=None, active=True, options={})
            uow.session.add(store)
            uow.session.flush()
            self.store_id = store.id
            uow.commit()
        self.raw = dict(BASE)

    def send(self, **changes):
        self.raw = dict(self.raw, **changes, v=self.raw["v"] + 1)
        lazy = LazyOrder(self.raw, parse, self.raw["id"], self.raw["id"],
                         T0 + timedelta(minutes=self.raw["v"]))
        return sync_import.import_orders(self.uow, self.store_id, [lazy])

    def order(self) -> Order:
        with Session(self.uow.engine) as session:
            order = session.scalar(select(Order).where(Order.external_id == "5001"))
            _ = order.events, order.lines
            return order


@pytest.fixture
def shop(uow):
    build_catalog(uow)
    s = Shop(uow)
    s.send()
    return s


def storefront_edits(order) -> list[str]:
    return [e.message for e in order.events if e.kind == "edit" and e.user_id is None]


def flags(order) -> list:
    return [e for e in order.events if e.kind == "sync" and "not applied" in e.message]


def test_a_new_customer_note_is_shown(shop):
    shop.send(note="请用礼盒包装")
    order = shop.order()
    assert order.note == "请用礼盒包装"
    assert "Customer note updated from the storefront" in storefront_edits(order)


def test_a_note_changed_after_picking_started_is_flagged_with_both_values(shop, uow):
    shop.send(note="放门口", payment="paid")
    order = shop.order()
    orders.start_picking(uow, order.id)
    shop.send(note="不要放门口，送到前台")
    order = shop.order()
    assert order.note == "放门口" and "exception" in order.tag_list
    flag = flags(order)[-1]
    assert "customer note was changed on the storefront after picking started" in flag.message
    assert flag.data["old"] == {"note": "放门口"} and flag.data["new"] == {"note": "不要放门口，送到前台"}


def test_a_new_email_is_applied_and_searchable(shop):
    shop.send(email="new@example.cn")
    order = shop.order()
    assert order.email == "new@example.cn" and "new@example.cn" in order.search_text
    assert "E-mail updated from the storefront" in storefront_edits(order)


def test_a_new_phone_is_applied(shop):
    shop.send(phone="13912345678")
    order = shop.order()
    assert order.phone == "13912345678" and order.ship_phone == "13912345678"
    assert "Phone updated from the storefront" in storefront_edits(order)


def test_a_corrected_customer_name_is_applied(shop):
    shop.send(name="王晓明")
    order = shop.order()
    assert order.customer_name == "王晓明" and order.ship_name == "王晓明"
    assert "Customer name updated from the storefront" in storefront_edits(order)


def test_amounts_follow_the_storefront(shop):
    shop.send(shipping="0.00")
    order = shop.order()
    assert (order.shipping, order.total) == (Decimal("0.00"), Decimal("39.80"))
    assert "Amounts updated from the storefront" in storefront_edits(order)


def test_amounts_changed_here_are_not_overwritten_but_flagged(shop, uow):
    order = shop.order()
    order_edits.edit_order_lines(uow, order.id, quantities={order.lines[0].id: 1})  # staff edit
    assert shop.order().total == Decimal("29.90")
    shop.send(shipping="0.00")
    order = shop.order()
    assert order.total == Decimal("29.90") and order.shipping == Decimal("10.00")
    flag = flags(order)[-1]
    assert "amounts was changed on the storefront after it was edited here" in flag.message
    assert flag.data["old"]["total"] == "29.90" and flag.data["new"]["total"] == "39.80"


def test_tags_merge_storefront_changes_and_keep_tags_set_here(shop, uow):
    orders.set_tags(uow, shop.order().id, add=["回头客"])
    shop.send(tags=["wholesale"])  # "vip" removed and "wholesale" added on the storefront
    assert set(shop.order().tag_list) == {"wholesale", "回头客"}
    assert "Tags updated from the storefront" in storefront_edits(shop.order())


def test_an_address_edited_here_is_kept_and_the_storefront_change_flagged(shop, uow):
    order = shop.order()
    orders.edit_shipping_address(uow, order.id, ship_line1="文一路 1 号（客户来电改）")
    shop.send(street="天目山路 8 号", email="again@example.cn")
    order = shop.order()
    assert order.ship_line1 == "文一路 1 号（客户来电改）"
    assert order.email == "again@example.cn"  # another field still follows
    flag = flags(order)[-1]
    assert "shipping address was changed on the storefront after it was edited here" in flag.message
    assert flag.data["new"]["ship_line1"] == "天目山路 8 号"
    assert order.status == OrderStatus.PENDING_PAYMENT  # flagged, not held


def test_a_storefront_change_to_another_field_leaves_an_edit_made_here_alone(shop, uow):
    order = shop.order()
    orders.edit_shipping_address(uow, order.id, ship_line1="文一路 1 号")
    shop.send(note="谢谢")
    order = shop.order()
    assert order.ship_line1 == "文一路 1 号" and order.note == "谢谢" and not flags(order)
    shop.send(note="谢谢！")  # a later change does not flag the old one again
    assert not flags(shop.order())
