"""The desk's guard rails and what it says, through the real dialogs with real keys: an unpaid
order is confirmed only with a reason, hold reasons from a list, a held order's address with a
country list, Split names the new order; each success is said in the main window's status bar."""

import pytest
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from ordermgr.models import Order, OrderStatus
from ordermgr.ui import ops
from ordermgr.ui.main_window import MainWindow
from ordermgr.ui.orders.dialogs import AddressDialog, LineQuantitiesDialog, ReasonDialog
from tests.factories import build_catalog, place_order
from tests.gui.modal import when_modal


@pytest.fixture
def window(qtbot, ctx):
    uow = ctx.uow()
    build_catalog(uow)
    place_order(uow, {"TEA-01": 2, "CUP-02": 1})
    win = MainWindow(ctx, live=False)
    qtbot.addWidget(win)
    win.resize(1400, 700)
    win.show()
    desk = win.open_area("orders")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)
    desk.select_rows([0])
    yield win
    QThreadPool.globalInstance().waitForDone(5000)
    ops.writer_pool().waitForDone(5000)
    qtbot.wait(10)


def order(ctx):
    with ctx.engine.connect() as conn:
        return conn.execute(select(Order)).first()


def test_confirming_an_unpaid_order_asks_why_and_says_it_was_done(qtbot, ctx, window):
    desk = window.open_area("orders")
    number = desk.model.row_at(0).number

    def clerk(dialog):
        assert number in dialog.windowTitle()
        assert not dialog.ok_button.isEnabled()  # no reason, no confirmation
        qtbot.keyClicks(dialog.choice.lineEdit(), "Cash on delivery")
        qtbot.keyClick(dialog.choice.lineEdit(), Qt.Key_Return)
    seen = when_modal(ReasonDialog, clerk)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["confirm"].trigger()
    assert seen
    assert order(ctx).status == OrderStatus.ALLOCATED
    assert window.statusBar().currentMessage() == f"#{number} confirmed"


def test_cancelling_the_reason_confirms_nothing(qtbot, ctx, window):
    desk = window.open_area("orders")
    seen = when_modal(ReasonDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key_Escape))
    desk.actions_by_key["confirm"].trigger()
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.wait(100)
    assert order(ctx).status == OrderStatus.PENDING_PAYMENT


def test_a_hold_reason_from_the_list_then_the_held_order_s_address(qtbot, ctx, window):
    desk = window.open_area("orders")
    number = desk.model.row_at(0).number

    def pick_reason(dialog):
        dialog.choice.setFocus()
        qtbot.keyClick(dialog.choice, Qt.Key_Down)  # the first of the usual reasons
        assert dialog.choice.currentText() == "Address to check"
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    when_modal(ReasonDialog, pick_reason)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["hold"].trigger()
    assert order(ctx).status == OrderStatus.ON_HOLD
    assert window.statusBar().currentMessage() == f"#{number} put on hold: Address to check"
    qtbot.waitUntil(lambda: desk.model.row_at(0).status == OrderStatus.ON_HOLD)  # refreshed
    assert desk.actions_by_key["address"].isEnabled()

    def readdress(dialog):
        assert number in dialog.windowTitle()
        country = dialog.edits["ship_country"]
        assert country.currentText() == "China (CN)"  # never cut to "Ch"
        postcode = dialog.edits["ship_postcode"]
        postcode.selectAll()
        qtbot.keyClicks(postcode, "100020")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    when_modal(AddressDialog, readdress)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["address"].trigger()
    held = order(ctx)
    assert (held.status, held.ship_postcode, held.ship_country) == (OrderStatus.ON_HOLD, "100020",
                                                                    "CN")
    assert window.statusBar().currentMessage() == f"Shipping address of #{number} changed"


def test_split_names_the_new_order_and_opens_it(qtbot, ctx, window):
    desk = window.open_area("orders")
    number = desk.model.row_at(0).number

    def move_the_cup(dialog):
        assert number in dialog.windowTitle()
        spin = list(dialog.spins.values())[1]
        spin.selectAll()
        qtbot.keyClicks(spin, "1")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    when_modal(LineQuantitiesDialog, move_the_cup)
    asked = []

    def open_it(box):
        asked.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.Yes), Qt.LeftButton)
    when_modal(QMessageBox, open_it, timeout=20)
    desk.actions_by_key["split"].trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert f"now order #{number}-2" in asked[0]
    qtbot.waitUntil(lambda: desk.detail.detail is not None
                    and desk.detail.detail["number"] == f"{number}-2")
    assert window.statusBar().currentMessage().endswith(f"now order #{number}-2")
