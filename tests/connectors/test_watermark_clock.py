"""Item 7 of issue 13: one order dated in the future must not move the watermark into the
future (after which every pull asks from the future and misses new orders)."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from ordermgr.models.sync import SyncState
from ordermgr.services import sync_import
from tests.connectors.conftest import PLATFORMS
from tests.connectors.test_pull import count, order_by_number


def watermark(shop) -> datetime:
    with shop.uow() as uow:
        return uow.session.scalar(select(SyncState.watermark).where(SyncState.store_id == shop.store_id))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_order_dated_in_the_future_is_imported_flagged_and_later_orders_still_arrive(
        connect, platform):
    shop = connect(platform, orders=3)
    assert shop.sync().new == 3
    next_year = datetime.now(timezone.utc) + timedelta(days=365)
    odd = shop.demo.new_order(paid=False, cancelled=False, created=next_year, updated=next_year)
    run = shop.sync()
    assert run.ok and run.new == 1
    order = order_by_number(shop, f"{platform[:2].upper()}{odd.number}")
    assert {"exception", sync_import.FUTURE_TAG} <= set(order.tag_list)
    assert any("dates this order in the future" in e.message for e in order.events)
    limit = datetime.now(timezone.utc) + sync_import.CLOCK_SKEW
    assert watermark(shop) <= limit  # capped at the storefront's clock, not next year
    later = shop.demo.new_order(paid=False, cancelled=False)
    run = shop.sync()
    assert run.ok and run.new == 1 and count(shop) == 5
    assert order_by_number(shop, f"{platform[:2].upper()}{later.number}") is not None
    assert len([e for e in order_by_number(shop, order.number).events
                if "in the future" in e.message]) == 1  # flagged once, not on every pull


def test_a_watermark_already_in_the_future_is_brought_back(connect):
    shop = connect("woocommerce", orders=2)
    shop.sync()
    with shop.engine.begin() as conn:
        conn.execute(SyncState.__table__.update().values(
            watermark=datetime.now(timezone.utc) + timedelta(days=30)))
    missed = shop.demo.new_order(paid=True, cancelled=False)
    run = shop.sync()
    assert run.new == 1 and order_by_number(shop, f"WO{missed.number}") is not None
    assert watermark(shop) <= datetime.now(timezone.utc) + sync_import.CLOCK_SKEW
