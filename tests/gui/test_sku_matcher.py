"""The SKU matcher (issue 13, item 9): a clerk maps a storefront SKU that is not in the
catalogue to a catalogue SKU in the real dialog, by typing; the waiting order then allocates."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ordermgr.models import Order
from ordermgr.services import stores
from ordermgr.sync.fake import DemoServer, DemoStore
from ordermgr.sync.fake.store import Line
from ordermgr.sync.runner import sync_store
from ordermgr.ui.sku_matcher import SkuMatcherDialog
from ordermgr.ui.sync import StorefrontsPanel
from tests.factories import build_catalog


pytestmark = pytest.mark.usefixtures("file_secrets")  # store credentials in a temp file


@pytest.fixture
def waiting_order(ctx):
    build_catalog(ctx.uow())
    demo = DemoStore(platform="woocommerce", orders=0)
    demo.new_order(lines=[Line(1, "WOO-TEA-250G", "西湖龙井 250g", 2, Decimal("88.00"))],
                   paid=True, cancelled=False)
    server = DemoServer(demo).start()
    store_id = stores.add_store(ctx.uow(), name="Woo", platform="woocommerce", url=server.url,
                                credential=demo.credential, code="WO")
    sync_store(ctx.engine, ctx.actor, store_id)
    yield store_id
    server.stop()


def order_state(ctx):
    with ctx.uow() as uow:
        order = uow.session.scalar(select(Order).where(Order.number == "WO1001"))
        return order.status, [(line.sku, line.quantity_reserved) for line in order.lines]


def test_a_clerk_maps_the_sku_in_the_matcher_and_the_order_allocates(qtbot, ctx, waiting_order):
    assert order_state(ctx)[0] == "on_hold"
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.unmatched.rowCount() == 1, timeout=5000)
    assert panel.tabs.tabText(2) == "Unmatched SKUs (1)"
    assert panel.unmatched.rows[0].remote_sku == "WOO-TEA-250G" and panel.unmatched.rows[0].orders == 1
    assert not panel.map_button.isEnabled()
    panel.unmatched_view.selectRow(0)
    seen = []

    def clerk():
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SkuMatcherDialog))
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.picker.input, "NO-SUCH")
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)  # looked up; the dialog stays open
        qtbot.waitUntil(lambda: "NO-SUCH" in dialog.picker.input.toolTip())
        assert dialog.isVisible() and not dialog.ok_button.isEnabled()
        dialog.picker.input.clear()
        qtbot.keyClicks(dialog.picker.input, "TEA-01")
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
        assert "WOO-TEA-250G = TEA-01" in dialog.choice.text()
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)  # Enter again: map it

    QTimer.singleShot(0, clerk)
    with qtbot.waitSignal(panel.mapped, timeout=15000) as mapped:
        qtbot.mouseClick(panel.map_button, Qt.LeftButton)
    assert seen and mapped.args[0].allocated == ["WO1001"]
    assert "1 order(s) allocated" in panel.status.text()
    assert order_state(ctx) == ("allocated", [("TEA-01", 2)])
    qtbot.waitUntil(lambda: panel.unmatched.rowCount() == 0, timeout=5000)


def test_cancelling_the_matcher_maps_nothing(qtbot, ctx, waiting_order):
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.unmatched.rowCount() == 1, timeout=5000)
    panel.unmatched_view.selectRow(0)

    def clerk():
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SkuMatcherDialog))
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.picker.input, "TEA-01")
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
        qtbot.keyClick(dialog, Qt.Key_Escape)

    QTimer.singleShot(0, clerk)
    qtbot.mouseClick(panel.map_button, Qt.LeftButton)
    assert order_state(ctx)[0] == "on_hold"
    assert panel.unmatched.rowCount() == 1
