"""The desktop application runs housekeeping every five minutes in the background and says in the
status bar what it did."""

from datetime import timedelta

from ordermgr.models import OrderStatus
from ordermgr.ui.main_window import HOUSEKEEPING_MS, MainWindow
from tests.factories import build_catalog
from tests.services.test_housekeeping import unpaid


def test_background_housekeeping_cancels_an_overdue_unpaid_order_and_says_so(qtbot, ctx, uow):
    build_catalog(uow)
    order_id = unpaid(uow, {"TEA-01": 2}, age=timedelta(days=4))  # the limit is 72 hours
    window = MainWindow(ctx, live=False)
    qtbot.addWidget(window)
    assert window.housekeeping_timer.isActive()
    assert window.housekeeping_timer.interval() == HOUSEKEEPING_MS
    seen = []
    window.changes.connect(seen.append)

    window.run_housekeeping()  # what the timer does every five minutes
    qtbot.waitUntil(lambda: not window._housekeeping_busy, timeout=10000)

    assert "1 unpaid order(s) cancelled" in window.statusBar().currentMessage()
    assert any(order_id in payload["orders"] for payload in seen)
    with uow:
        assert uow.get_order(order_id).status == OrderStatus.CANCELLED
    window.close()
    assert not window.housekeeping_timer.isActive()
