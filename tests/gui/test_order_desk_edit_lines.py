"""Edit lines from the order desk: change, remove and add lines (by a scanned barcode, with the
available stock shown), saved through the service with the version the clerk saw."""

import pytest
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtWidgets import QDialog

from ordermgr.services import orders
from ordermgr.ui import ops
from ordermgr.ui.orders import edit_lines as edit_lines_module
from ordermgr.ui.orders.desk import OrderDesk
from ordermgr.ui.orders.dialogs import DeskDialogs
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order
from tests.gui.modal import when_modal

POT_BARCODE = "69000000" + "00002"  # POT-03: none in MAIN, 4 in BACK


class Dialogs(DeskDialogs):
    """The real dialogs, except the conflict box is recorded instead of shown."""

    conflicts: list

    def conflict(self, message, detail):
        self.conflicts.append((message, detail))


@pytest.fixture
def shop(ctx):
    uow = ctx.uow()
    build_catalog(uow)
    return place_order(uow, {"TEA-01": 2, "CUP-02": 1})


@pytest.fixture
def desk(qtbot, ctx, shop):
    widget = OrderDesk(ctx, None)
    widget.dialogs = Dialogs(widget)
    widget.dialogs.conflicts = []
    qtbot.addWidget(widget)
    widget.resize(1000, 300)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    widget.select_rows([0])
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    ops.writer_pool().waitForDone(5000)
    qtbot.wait(10)


def lines_of(ctx, order_id):
    uow = ctx.uow()
    with uow:
        order = uow.get_order(order_id)
        return {l.sku: l.quantity for l in order.lines}, order.version, order.total


def drive(qtbot, clerk):
    """The real dialog, shown modally by the desk: `clerk(dialog)` types into it and returns the
    button the clerk presses (OK or Cancel), which is then clicked."""
    def press(dialog):
        answer = clerk(dialog)
        button = dialog.ok_button if answer == QDialog.Accepted else dialog.cancel_button
        qtbot.mouseClick(button, Qt.LeftButton)
    return when_modal(edit_lines_module.EditLinesDialog, press)


def row_of(dialog, code):
    return next(r for r in range(dialog.table.rowCount())
                if dialog.table.item(r, 0).text() == code)


def test_scan_a_new_line_remove_one_and_change_another(qtbot, ctx, desk, shop, monkeypatch):
    _, version, _ = lines_of(ctx, shop)

    def clerk(dialog):
        assert dialog.table.rowCount() == 2
        qtbot.waitUntil(lambda: dialog.table.item(row_of(dialog, "TEA-01"), 2).text() != "")
        qtbot.keyClicks(dialog.picker.input, POT_BARCODE)  # the scanner types and presses Enter
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
        assert dialog.isVisible() and dialog.result() == 0  # the scanner's Return saved nothing
        pot = row_of(dialog, "POT-03")
        assert dialog.table.item(pot, 2).text() == "4"  # available stock shown
        dialog.table.selectRow(row_of(dialog, "CUP-02"))
        qtbot.mouseClick(dialog.remove_button, Qt.LeftButton)
        assert dialog.table.rowCount() == 2
        dialog.table.cellWidget(row_of(dialog, "POT-03"), 4).setValue(2)
        dialog.table.cellWidget(row_of(dialog, "TEA-01"), 4).setValue(3)
        return QDialog.Accepted

    seen = drive(qtbot, clerk)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["lines"].trigger()
    assert seen
    lines, new_version, total = lines_of(ctx, shop)
    assert lines == {"TEA-01": 3, "POT-03": 2}
    assert new_version > version and str(total) == "99.50"  # 5 × 19.90
    assert desk.dialogs.conflicts == []


def test_a_scanner_burst_adds_every_line_and_only_ok_saves(qtbot, ctx, desk, shop):
    """A scanner types each code and presses Return, faster than the look-ups answer: the dialog
    stays open with every line, and the clerk's OK saves them all."""
    def clerk(dialog):
        assert dialog.windowTitle().endswith(desk.model.row_at(0).number)
        for code in (POT_BARCODE, "TEA-01", POT_BARCODE):
            qtbot.keyClicks(dialog.picker.input, code)
            qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
            assert dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 3
                        and dialog.table.cellWidget(row_of(dialog, "POT-03"), 4).value() == 2)
        qtbot.wait(50)
        assert dialog.isVisible() and dialog.result() == 0
        assert dialog.table.cellWidget(row_of(dialog, "TEA-01"), 4).value() == 3
        return QDialog.Accepted

    seen = drive(qtbot, clerk)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["lines"].trigger()
    assert seen
    assert lines_of(ctx, shop)[0] == {"TEA-01": 3, "CUP-02": 1, "POT-03": 2}


def test_an_out_of_stock_sku_is_shown_in_red_and_a_repeat_scan_adds_one(qtbot, ctx, desk, shop,
                                                                       monkeypatch):
    uow = ctx.uow()
    from ordermgr.services import catalog
    catalog.create_sku(uow, product="Empty", code="NONE-9", barcode="6900000099999",
                       price="5.00", currency="CNY")

    def clerk(dialog):
        qtbot.keyClicks(dialog.picker.input, "NO-SUCH-SKU")
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: "NO-SUCH-SKU" in dialog.picker.input.toolTip())
        assert dialog.picker.input.text() == "NO-SUCH-SKU"  # back in the box to correct
        dialog.picker.input.clear()
        for code in ("6900000099999", "TEA-01"):  # two scans, the second before the first shows
            qtbot.keyClicks(dialog.picker.input, code)
            qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 3
                        and dialog.table.cellWidget(row_of(dialog, "TEA-01"), 4).value() == 3)
        empty = dialog.table.item(row_of(dialog, "NONE-9"), 2)
        assert empty.text() == "0" and empty.foreground().color() == Qt.red and empty.toolTip()
        return QDialog.Accepted

    drive(qtbot, clerk)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["lines"].trigger()
    assert lines_of(ctx, shop)[0] == {"TEA-01": 3, "CUP-02": 1, "NONE-9": 1}


def test_removing_every_line_is_not_offered(qtbot, ctx, desk, shop, monkeypatch):
    def clerk(dialog):
        dialog.table.selectAll()
        dialog.remove_selected()
        assert not dialog.ok_button.isEnabled() and dialog.ok_button.toolTip()
        return QDialog.Rejected

    seen = drive(qtbot, clerk)
    desk.actions_by_key["lines"].trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert lines_of(ctx, shop)[0] == {"TEA-01": 2, "CUP-02": 1}


def test_a_change_by_someone_else_meanwhile_is_a_conflict_not_a_lost_update(qtbot, ctx, desk,
                                                                             shop, monkeypatch):
    def clerk(dialog):
        qtbot.keyClicks(dialog.picker.input, POT_BARCODE)
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
        # meanwhile a colleague puts the order on hold
        orders.hold_order(uow_for(ctx.engine, "dave", "supervisor"), shop, reason="check")
        return QDialog.Accepted

    drive(qtbot, clerk)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["lines"].trigger()
    assert len(desk.dialogs.conflicts) == 1
    assert lines_of(ctx, shop)[0] == {"TEA-01": 2, "CUP-02": 1}


def test_a_sku_priced_in_another_currency_is_flagged(qtbot, ctx, desk, shop, monkeypatch):
    from ordermgr.services import catalog
    catalog.create_sku(ctx.uow(), product="Import", code="USD-1", barcode="6900000088888",
                       price="3.00", currency="USD")

    def clerk(dialog):
        qtbot.keyClicks(dialog.picker.input, "6900000088888")
        qtbot.keyClick(dialog.picker.input, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
        price = dialog.table.item(row_of(dialog, "USD-1"), 5)
        assert "USD" in price.text() and "CNY" in price.toolTip()
        assert "CNY" in dialog.table.item(row_of(dialog, "TEA-01"), 5).text()
        return QDialog.Rejected

    seen = drive(qtbot, clerk)
    desk.actions_by_key["lines"].trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert lines_of(ctx, shop)[0] == {"TEA-01": 2, "CUP-02": 1}
