"""The reports area: dashboard tiles, click-through, refresh on changes; the report page runs a
report off the UI thread, shows tables and a chart, exports, and keeps presets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from openpyxl import load_workbook

from tests.reports.dataset import build_shop


@pytest.fixture
def shop_ctx(ctx, engine, qtbot):
    build_shop(engine)
    yield ctx
    idle(qtbot)


def idle(qtbot) -> None:
    """Let background reads finish before the widgets they report to go away."""
    from ordermgr.ui import ops
    qtbot.waitUntil(lambda: not ops._live_ops, timeout=10000)


def test_report_page_runs_shows_tables_and_exports(qtbot, shop_ctx, tmp_path):
    from ordermgr.ui.reports import ReportPage
    page = ReportPage(shop_ctx)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.set_dates(date(2026, 1, 1), date(2026, 2, 28))
    with qtbot.waitSignal(page.report_shown, timeout=10000) as shown:
        page.run()
    result = shown.args[0]
    assert result.name == "sales" and page.tabs.count() == 1
    view = page.tabs.widget(0).widget(0)
    model = view.model()
    assert model.rowCount() == 3
    assert model.data(model.index(0, 8)) == "58.30"
    assert model.headerData(2, Qt.Horizontal) == "Orders"
    assert page.export_buttons["xlsx"].isEnabled()
    target = tmp_path / "sales.xlsx"
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_to(str(target), "xlsx")
    assert load_workbook(target).worksheets[1]["I2"].value == 58.3
    idle(qtbot)


def test_a_reversed_period_shows_a_message_and_runs_nothing(qtbot, shop_ctx, monkeypatch):
    from ordermgr.ui.reports import report_page
    shown = []
    monkeypatch.setattr(report_page, "show_error", lambda parent, exc: shown.append(str(exc)))
    page = report_page.ReportPage(shop_ctx)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.set_dates(date(2026, 3, 1), date(2026, 1, 1))
    page.run()
    assert shown and "reversed" in shown[0]
    assert page.run_button.isEnabled()
    idle(qtbot)


def test_presets_are_saved_and_restored(qtbot, shop_ctx):
    from ordermgr.ui.reports import ReportPage
    page = ReportPage(shop_ctx)
    qtbot.addWidget(page)
    page.report.setCurrentIndex(page.report.findData("logistics"))
    page.period.setCurrentIndex(page.period.findData("last_month"))
    page.grouping.setCurrentIndex(page.grouping.findData("week"))
    page.save_current_preset("Monthly logistics")
    again = ReportPage(shop_ctx)
    qtbot.addWidget(again)
    assert again.presets.findData("Monthly logistics") >= 0
    again.apply_preset("Monthly logistics")
    assert again.report.currentData() == "logistics"
    assert again.period.currentData() == "last_month" and again.grouping.currentData() == "week"
    idle(qtbot)


def test_dashboard_loads_refreshes_on_changes_and_tiles_open_lists(qtbot, shop_ctx):
    from ordermgr.ui.main_window import MainWindow
    window = MainWindow(shop_ctx, live=False)
    qtbot.addWidget(window)
    window.show()
    area = window.open_area("reports")
    board = area.dashboard
    qtbot.waitUntil(lambda: board.data is not None, timeout=10000)
    assert board.tiles["returns"].value.text() == "3"  # the desk's open: R1 (refunded, to close), R2, R3
    assert board.tiles["queue:awaiting_fulfilment"].value.text() == "1"
    assert board.chart_view.chart().series()  # the trend lines
    board._debounce.setInterval(10)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        window.changes.emit({"orders": [1]})
    area.setCurrentIndex(1)  # the dashboard hidden: a change only marks it stale
    window.changes.emit({"orders": [2]})
    assert board._stale and not board._debounce.isActive()
    with qtbot.waitSignal(board.loaded, timeout=10000):
        area.setCurrentIndex(0)
    board.open_list("queue:awaiting_fulfilment")
    orders = window.stack.currentWidget()
    assert orders is window._pages["orders"]
    if hasattr(orders, "current_queue"):
        assert orders.current_queue() == "awaiting_fulfilment"
    idle(qtbot)


def test_order_rows_export_and_rates_dialog(qtbot, shop_ctx, tmp_path):
    from ordermgr.reports.params import ReportParams
    from ordermgr.ui.reports import ReportPage
    from ordermgr.ui.reports.rates import RatesDialog
    page = ReportPage(shop_ctx)
    qtbot.addWidget(page)
    target = tmp_path / "orders.csv"
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_rows_to(str(target), ReportParams(date(2026, 1, 1), date(2026, 2, 28)))
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 5  # header + 4 orders
    dialog = RatesDialog(shop_ctx)
    qtbot.addWidget(dialog)
    dialog.rate.setText("7.10")
    dialog.valid_from.setDate(dialog.valid_from.date().addDays(-1))
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert "1 USD = 7.10 CNY" in dialog.table.item(0, 0).text()
    idle(qtbot)
