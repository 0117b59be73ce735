"""The inventory area: highlighting, paging, stocktake variance, import preview with errors,
and the low-stock notification."""

import csv

import pytest
from PySide6.QtCore import Qt

from ordermgr.services import inventory as inv, orders
from ordermgr.ui.inventory import InventoryPage
from ordermgr.ui.inventory import model as stock_model
from ordermgr.ui.inventory.import_dialog import ImportDialog
from ordermgr.ui.inventory.model import AMBER, OVERSOLD, RED, STATE_ROLE, StockTableModel
from tests.factories import build_catalog, place_order


@pytest.fixture(autouse=True)
def background_work_finishes(qtbot):
    """No read or write of these widgets may outlive its test (and its database)."""
    yield
    from PySide6.QtCore import QThreadPool
    from ordermgr.ui.ops import writer_pool
    QThreadPool.globalInstance().waitForDone(10000)
    writer_pool().waitForDone(10000)
    qtbot.wait(10)  # deliver the queued results while the widgets still exist


def rows_by_key(model):
    return {(model.row_at(i).sku, model.row_at(i).warehouse): i for i in range(model.rowCount())}


def test_stock_rows_are_highlighted_by_state(qtbot, ctx, uow, qtmodeltester):
    build_catalog(uow)          # thresholds 2: CUP-02 MAIN has 3 (ok), POT-03 MAIN 0 (out)
    inv.adjust_stock(uow, "CUP-02", "MAIN", -1, reason="damaged")   # 2 left: low
    model = StockTableModel(ctx.engine)
    with qtbot.waitSignal(model.reloaded):
        model.reload()
    qtmodeltester.check(model)
    keys = rows_by_key(model)
    def background(key):
        return model.data(model.index(keys[key], 0), Qt.BackgroundRole)
    assert background(("CUP-02", "MAIN")).color() == AMBER
    assert background(("POT-03", "MAIN")).color() == RED
    assert background(("TEA-01", "MAIN")) is None
    assert model.data(model.index(keys[("POT-03", "MAIN")], 10)) == "Out of stock"


def test_an_oversold_row_is_shown_loudly(qtbot, ctx, uow):
    build_catalog(uow)
    model = StockTableModel(ctx.engine)
    with qtbot.waitSignal(model.reloaded):
        model.reload()
    row = model.row_at(0)
    forged = type(row)(**{**row.__dict__, "on_hand": 1, "reserved": 3})  # can't happen in the DB
    model._rows[0] = forged
    index = model.index(0, 0)
    assert model.data(index, STATE_ROLE) == "oversold"
    assert model.data(index, Qt.BackgroundRole).color() == OVERSOLD
    assert model.data(index, Qt.FontRole).bold()
    assert "OVERSOLD" in model.data(index, Qt.ToolTipRole)


def test_the_stock_table_fetches_pages_on_demand(qtbot, ctx, uow, monkeypatch):
    build_catalog(uow)
    monkeypatch.setattr(stock_model, "PAGE_SIZE", 4)
    model = StockTableModel(ctx.engine)
    with qtbot.waitSignal(model.reloaded):
        model.reload()
    assert model.rowCount() == 4 and model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 6 and not model.loading)
    assert not model.canFetchMore()
    model.set_filter(inv.StockFilter(search="tea"))
    qtbot.waitUntil(lambda: model.rowCount() == 2)


def test_the_inventory_area_filters_and_remembers_its_layout(qtbot, ctx, uow):
    build_catalog(uow)
    page = InventoryPage(ctx, None)
    qtbot.addWidget(page)
    tab = page.stock
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6)
    tab.low_only.setChecked(True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)  # CUP-02 BACK and POT-03 MAIN are empty
    header = tab.table.horizontalHeader()
    header.resizeSection(1, 321)
    tab.save_layout()
    again = InventoryPage(ctx, None)
    qtbot.addWidget(again)
    assert again.stock.low_only.isChecked()
    assert again.stock.table.horizontalHeader().sectionSize(1) == 321


def test_stocktake_tab_shows_the_variance_before_posting(qtbot, ctx, uow):
    build_catalog(uow)
    page = InventoryPage(ctx, None)
    qtbot.addWidget(page)
    tab = page.stocktake
    qtbot.waitUntil(lambda: tab.warehouse.count() == 2)
    tab.warehouse.setCurrentIndex(tab.warehouse.findText("MAIN", Qt.MatchStartsWith))
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and tab.scan.isEnabled(), timeout=5000)
    tab.adds_up.setChecked(False)
    tab.quantity.setValue(8)
    qtbot.keyClicks(tab.scan, "TEA-01")
    qtbot.keyClick(tab.scan, Qt.Key_Return)
    qtbot.waitUntil(lambda: any(r.counted == 8 for r in tab.model.rows), timeout=5000)
    assert tab.quantity.value() == 1  # the typed 8 was for that scan; the next counts one
    tea = next(i for i, r in enumerate(tab.model.rows) if r.sku == "TEA-01")
    assert tab.model.data(tab.model.index(tea, 4)) == "-2"
    assert tab.model.data(tab.model.index(tea, 0), STATE_ROLE) == "out"
    assert "1 of 3 SKUs counted; 1 differ; net -2 units" in tab.summary.text()
    # an unknown code is said, not fatal: the next scan still works
    qtbot.keyClicks(tab.scan, "NO-SUCH")
    qtbot.keyClick(tab.scan, Qt.Key_Return)
    qtbot.waitUntil(lambda: "No product has the SKU or barcode 'NO-SUCH'" in tab.last.text())


def test_import_preview_lists_bad_rows_and_does_not_allow_import(qtbot, ctx, uow, tmp_path):
    build_catalog(uow)
    path = tmp_path / "stock.csv"
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows([["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", "-1"],
                                  ["NOPE", "MAIN", "1"], ["TEA-01", "BACK", "7"]])
    dialog = ImportDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.load(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.errors_model.rowCount() == 2
    assert dialog.errors_model.data(dialog.errors_model.index(0, 0)) == "2"
    assert dialog.errors_model.data(dialog.errors_model.index(0, 1)) == "on_hand"
    assert "negative" in dialog.errors_model.data(dialog.errors_model.index(0, 2))
    assert "unknown SKU 'NOPE'" in dialog.errors_model.data(dialog.errors_model.index(1, 2))
    assert not dialog.import_button.isEnabled()
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows([["sku", "warehouse", "on_hand"], ["TEA-01", "BACK", "7"]])
    dialog.load(str(path))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Imported 1 rows" in dialog.summary.text(), timeout=5000)


def test_a_sku_crossing_its_threshold_raises_a_notification(qtbot, ctx, uow):
    build_catalog(uow)
    page = InventoryPage(ctx, None)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page._low is not None)
    order_id = place_order(uow, {"TEA-01": 9})          # MAIN: 10 → 1 available, threshold 2
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    with qtbot.waitSignal(page.low_stock_crossed, timeout=5000) as signal:
        page.on_changes({"stock": True})
    assert signal.args[0] == [("TEA-01", "MAIN", 1, 2)]
    assert "TEA-01 in MAIN: 1 available (threshold 2)" in page.alerts.alert_label.text()


def test_activating_a_stock_row_opens_its_adjustment(qtbot, ctx, uow):
    build_catalog(uow)
    page = InventoryPage(ctx, None)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.stock.model.rowCount() == 6 and page.adjust.warehouse.count() == 2)
    page.stock.table.activated.emit(page.stock.model.index(0, 0))
    assert page.currentWidget() is page.adjust
    assert page.adjust.sku.text() == page.stock.model.row_at(0).sku
    assert page.adjust.warehouse.currentData() == page.stock.model.row_at(0).warehouse_id


def test_transfer_lines_are_scanned_one_by_one_with_the_quantity_for_that_scan(qtbot, ctx, uow):
    build_catalog(uow)
    page = InventoryPage(ctx, None)
    qtbot.addWidget(page)
    tab = page.transfers
    tab.quantity.setValue(5)
    for code in ("TEA-01", "69000000" + "00001", "TEA-01"):  # a scanner burst, each with Return
        qtbot.keyClicks(tab.sku, code)
        qtbot.keyClick(tab.sku, Qt.Key_Return)
    assert tab.draft == {"TEA-01": 6, "6900000000001": 1}  # 5 for the first scan, then 1 each
    assert tab.quantity.value() == 1 and tab.sku.text() == ""
