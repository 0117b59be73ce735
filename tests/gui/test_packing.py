"""The packing station driven by scanned keystrokes (a scanner types the code and Enter)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from ordermgr.models import AuditEntry, OrderStatus
from ordermgr.services import orders
from ordermgr.ui.fulfilment import packing as packing_ui
from ordermgr.ui.fulfilment.packing import ERROR_STYLE, PackingStation
from tests.factories import build_catalog, place_order

TEA, CUP, POT = "6900000000000", "6900000000001", "6900000000002"


@pytest.fixture
def station(qtbot, ctx, uow, monkeypatch):
    build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 2, "CUP-02": 1})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.start_picking(uow, order_id)
    with uow:
        number = uow.get_order(order_id).number
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    widget = PackingStation(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.beeps, widget.order_id = beeps, order_id
    qtbot.keyClicks(widget.order_input, number)
    qtbot.keyClick(widget.order_input, Qt.Key_Return)
    qtbot.waitUntil(lambda: widget.check is not None, timeout=5000)
    return widget


def scan(qtbot, widget, code):
    qtbot.keyClicks(widget.item_input, code)
    qtbot.keyClick(widget.item_input, Qt.Key_Return)


def status_of(uow, order_id):
    with uow:
        return uow.get_order(order_id).status


def missing_column(widget):
    return [widget.lines.item(r, 3).text() for r in range(widget.lines.rowCount())]


def test_right_items_complete_the_order_and_mark_it_packed(qtbot, station, uow):
    scan(qtbot, station, TEA)
    assert missing_column(station) == ["1", "1"] and not station.alarmed
    station.quantity.setValue(1)
    scan(qtbot, station, "CUP-02")  # the SKU code works as well as the barcode
    scan(qtbot, station, TEA)
    qtbot.waitUntil(lambda: status_of(uow, station.order_id) == OrderStatus.PACKED, timeout=5000)
    qtbot.waitUntil(lambda: "is packed" in station.status.text(), timeout=5000)
    assert station.beeps == []


def test_wrong_unknown_and_surplus_items_warn_loudly_and_change_nothing(qtbot, station, uow):
    scan(qtbot, station, POT)
    assert station.alarmed and "WRONG ITEM" in station.status.text()
    assert station.status.styleSheet() == ERROR_STYLE
    scan(qtbot, station, "999999")
    assert "Unknown barcode" in station.status.text()
    station.quantity.setValue(5)  # bulk quantity typed before the scan
    scan(qtbot, station, TEA)
    assert "TOO MANY" in station.status.text() and len(station.beeps) == 3
    assert missing_column(station) == ["2", "1"]
    assert station.quantity.value() == 1
    station.quantity.setValue(2)
    scan(qtbot, station, TEA)
    assert missing_column(station) == ["0", "1"] and not station.alarmed
    assert status_of(uow, station.order_id) == OrderStatus.PICKING


def test_supervisor_override_packs_an_incomplete_order(qtbot, station, uow, monkeypatch):
    scan(qtbot, station, TEA)

    class Approve:
        def __init__(self, missing, parent):
            assert "TEA-01 ×1" in missing and "CUP-02 ×1" in missing

        def exec(self):
            return QDialog.Accepted

        def values(self):
            return "", "customer asked to send the rest later"

    monkeypatch.setattr(packing_ui, "SupervisorOverrideDialog", Approve)
    station.override_button.click()
    qtbot.waitUntil(lambda: status_of(uow, station.order_id) == OrderStatus.PACKED, timeout=5000)
    with uow:
        audit = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "order.pack_override")).one()
        assert audit.details["reason"] == "customer asked to send the rest later"
        assert audit.details["supervisor"] == "alice"


def test_an_unknown_order_barcode_is_refused_clearly(qtbot, station):
    station.reset()
    qtbot.keyClicks(station.order_input, "NO-SUCH-ORDER")
    qtbot.keyClick(station.order_input, Qt.Key_Return)
    qtbot.waitUntil(lambda: station.alarmed, timeout=5000)
    assert "No order has the number" in station.status.text() and station.check is None
