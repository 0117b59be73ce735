"""The fulfilment area: batches and their PDF, live waybill validation, split shipping, bulk import
preview and the tracking queue."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pypdf import PdfReader

from ordermgr.models import OrderStatus
from ordermgr.services import orders
from ordermgr.ui.fulfilment import FulfilmentPage, create
from tests.factories import build_catalog, place_order


def make_orders(uow, n, *, pack=False):
    ids = []
    for _ in range(n):
        oid = place_order(uow, {"TEA-01": 1, "CUP-02": 1} if not ids else {"TEA-01": 1})
        orders.confirm_order(uow, oid, override_reason="B2B terms")
        if pack:
            orders.start_picking(uow, oid)
            orders.pack_order(uow, oid)
        ids.append(oid)
    return ids


def number_of(uow, oid):
    with uow:
        return uow.get_order(oid).number


def test_area_starts_a_batch_from_the_queue_and_writes_its_pick_list(qtbot, ctx, uow, tmp_path):
    build_catalog(uow)
    ids = make_orders(uow, 2)
    page = create(ctx, None)
    qtbot.addWidget(page)
    assert isinstance(page, FulfilmentPage) and page.count() == 5
    page.batches.start_from_queue()
    qtbot.waitUntil(lambda: page.batches.model.rowCount() == 1, timeout=5000)
    with uow:
        assert {uow.get_order(i).status for i in ids} == {OrderStatus.PICKING}
    batch = page.batches.model.row_at(0)
    out = tmp_path / "pick.pdf"
    page.batches.write_pdf(batch.id, str(out), pick_list=True)
    qtbot.waitUntil(lambda: "Saved" in page.batches.message.text(), timeout=10000)
    assert "TEA-01" in PdfReader(out).pages[0].extract_text()


def test_waybill_form_validates_live_and_ships_a_split(qtbot, ctx, uow):
    build_catalog(uow)
    oid = make_orders(uow, 1, pack=True)[0]
    page = create(ctx, None)
    window = QMainWindow()  # where the clerk reads what was done
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    form = page.waybill
    qtbot.waitUntil(lambda: form.carrier.count() >= 12, timeout=5000)
    qtbot.keyClicks(form.order_input, number_of(uow, oid))
    qtbot.keyClick(form.order_input, Qt.Key_Return)
    qtbot.waitUntil(lambda: form.order is not None, timeout=5000)
    form.carrier.setCurrentText("UPS")
    qtbot.keyClicks(form.waybill, "1Z999AA10123456785")
    assert "check digit" in form.verdict.text() and not form.ship_button.isEnabled()
    form.waybill.setText("1Z999AA10123456784")
    assert "valid UPS" in form.verdict.text() and form.ship_button.isEnabled()
    form.lines.cellWidget(1, 3).setValue(0)  # CUP-02 later
    form.ship_button.click()
    qtbot.waitUntil(lambda: form.order is None, timeout=5000)
    assert window.statusBar().currentMessage() == (f"#{number_of(uow, oid)} shipped with UPS "
                                                   "1Z999AA10123456784")
    with uow:
        order = uow.get_order(oid)
        assert order.status == OrderStatus.PARTIALLY_SHIPPED
        assert [line.quantity_shipped for line in order.lines] == [1, 0]


def test_bulk_import_preview_marks_bad_rows_and_blocks_import(qtbot, ctx, uow):
    build_catalog(uow)
    a, b = make_orders(uow, 2, pack=True)
    page = create(ctx, None)
    qtbot.addWidget(page)
    bulk = page.bulk
    bulk.paste.setPlainText(f"{number_of(uow, a)}\tSF1311520937431\n{number_of(uow, b)}\tSF1\n")
    bulk.preview()
    qtbot.waitUntil(lambda: bulk.table.rowCount() == 2, timeout=5000)
    assert "1 of 2 rows have problems" in bulk.summary.text()
    assert not bulk.import_button.isEnabled()
    assert "too short" in bulk.table.item(1, 4).text()
    bulk.paste.setPlainText(f"{number_of(uow, a)}\tSF1311520937431\n")
    bulk.preview()
    qtbot.waitUntil(lambda: bulk.import_button.isEnabled(), timeout=5000)
    bulk.import_button.click()
    qtbot.waitUntil(lambda: "1 shipments with 1 parcels created" in bulk.summary.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.tracking.road.rowCount() == 1, timeout=5000)
    assert page.tracking.road.row_at(0).waybill == "SF1311520937431"


def test_bulk_import_of_two_waybills_for_one_order_keeps_both_parcels(qtbot, ctx, uow):
    build_catalog(uow)
    [a] = make_orders(uow, 1, pack=True)
    page = create(ctx, None)
    qtbot.addWidget(page)
    bulk = page.bulk
    number = number_of(uow, a)
    bulk.paste.setPlainText(f"{number}\tSF1311520937431\n{number}\tSF1311520937432\n")
    bulk.preview()
    qtbot.waitUntil(lambda: bulk.import_button.isEnabled(), timeout=5000)
    assert bulk.table.item(1, 4).text() == "ok: another parcel of the shipment on row 1"
    assert bulk.summary.text() == "2 rows ready: 1 shipments with 2 parcels."
    bulk.import_button.click()
    qtbot.waitUntil(lambda: "created" in bulk.summary.text(), timeout=5000)
    assert bulk.summary.text() == "1 shipments with 2 parcels created."
    with uow:
        [shipment] = uow.get_order(a).shipments
        assert sorted(p.waybill for p in shipment.parcels) == ["SF1311520937431", "SF1311520937432"]


def test_tracking_tab_asks_the_fake_carrier_and_lists_the_parcel(qtbot, ctx, uow):
    from datetime import timedelta

    from PySide6.QtCore import QSettings

    from ordermgr.fulfilment.tracking import FakeCarrierService
    from ordermgr.models import utcnow
    from ordermgr.services import fulfilment
    from ordermgr.services.fulfilment import WaybillInput
    build_catalog(uow)
    oid = make_orders(uow, 1, pack=True)[0]
    fulfilment.ship_with_waybill(uow, oid, WaybillInput("UPS", "1Z999AA10123456784"))
    page = create(ctx, None)
    qtbot.addWidget(page)
    queue = page.tracking
    qtbot.waitUntil(lambda: queue.road.rowCount() == 1, timeout=5000)
    with FakeCarrierService() as fake:
        fake.add_event("ups", "1Z999AA10123456784", "delivered", utcnow() - timedelta(minutes=5))
        QSettings().setValue("fulfilment/tracking_url", fake.url)
        queue._poll()
        qtbot.waitUntil(lambda: "1 new events" in queue.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: queue.road.rowCount() == 0, timeout=5000)
    with uow:
        assert uow.get_order(oid).status == OrderStatus.DELIVERED
