"""Pick batches, scan-verified packing, waybills, split shipments, bulk import, tracking and
logistics exceptions; on SQLite and PostgreSQL."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from ordermgr.errors import PermissionDenied, ValidationError
from ordermgr.fulfilment.packing import ScanOutcome
from ordermgr.fulfilment.tracking import FakeCarrierService, HttpTrackingAdapter
from ordermgr.models import AuditEntry, PickBatch, OrderStatus, Shipment, ShipmentStatus, utcnow
from ordermgr.services import fulfilment, orders, tracking
from ordermgr.services.fulfilment import ImportRow, WaybillInput
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order

UPS = "1Z999AA10123456784"
SF = "SF1311520937431"


def allocated(uow, lines):
    order_id = place_order(uow, lines)
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    return order_id


def packed(uow, lines):
    order_id = allocated(uow, lines)
    orders.start_picking(uow, order_id)
    orders.pack_order(uow, order_id)
    return order_id


def number_of(uow, order_id):
    with uow:
        return uow.get_order(order_id).number


def test_pick_batch_moves_orders_to_picking_and_groups_by_warehouse_and_bin(uow):
    build_catalog(uow)
    a = allocated(uow, {"TEA-01": 2, "CUP-02": 1})
    b = allocated(uow, {"TEA-01": 3})
    c = allocated(uow, {"POT-03": 1})  # only in BACK
    batch = fulfilment.create_pick_batch(uow, queue="allocated")
    with uow:
        assert {uow.get_order(i).status for i in (a, b, c)} == {OrderStatus.PICKING}
        plist = fulfilment.pick_list(uow.session, batch)
    assert plist.batch_number.startswith("PB-") and plist.order_count == 3
    groups = plist.by_warehouse()
    assert set(groups) == {"MAIN", "BACK"}
    tea = next(r for r in groups["MAIN"] if r.sku == "TEA-01")
    assert tea.total == 5 and [q for _, _, q in tea.orders] == [2, 3]
    assert [r.sku for r in groups["BACK"]] == ["POT-03"]
    with pytest.raises(ValidationError, match="No allocated orders"):
        fulfilment.create_pick_batch(uow, queue="allocated")


def test_pick_batch_from_a_selection_refuses_orders_not_allocated(uow):
    build_catalog(uow)
    a = allocated(uow, {"TEA-01": 1})
    pending = place_order(uow, {"TEA-01": 1})
    with pytest.raises(ValidationError, match="Only allocated orders can be picked"):
        fulfilment.create_pick_batch(uow, [a, pending])
    with uow:
        assert uow.get_order(a).status == OrderStatus.ALLOCATED  # nothing half-done


def test_packing_by_scan_marks_packed_only_when_complete(uow):
    build_catalog(uow)
    order_id = allocated(uow, {"TEA-01": 2, "CUP-02": 1})
    batch = fulfilment.create_pick_batch(uow, [order_id])
    with uow:
        number = fulfilment.pick_list(uow.session, batch).batch_number
        check = fulfilment.load_packing(uow.session, f"{number}/1")
        check.is_known = lambda code: fulfilment.barcode_known(uow.session, code)
        assert check.scan("6900000000000").outcome == ScanOutcome.OK  # TEA-01
        assert check.scan("6900000000002").outcome == ScanOutcome.WRONG  # POT-03, not ordered
        assert check.scan("nonsense").outcome == ScanOutcome.UNKNOWN
        assert check.scan("6900000000000", 2).outcome == ScanOutcome.SURPLUS
        assert check.scan("6900000000000").outcome == ScanOutcome.LINE_DONE
    assert [m.sku for m in check.missing()] == ["CUP-02"]
    with pytest.raises(ValidationError, match="still missing: CUP-02 ×1"):
        fulfilment.finish_packing(uow, order_id, scanned=check.scanned())
    assert check.scan("cup-02").outcome == ScanOutcome.COMPLETE
    fulfilment.finish_packing(uow, order_id, scanned=check.scanned(), scan_log=check.log)
    with uow:
        order = uow.get_order(order_id)
        assert order.status == OrderStatus.PACKED
        assert order.events[-1].message == "Packed (every item scanned)"
        assert uow.session.get(PickBatch, batch).status == "done"


def test_supervisor_override_packs_an_incomplete_order_with_the_reason_recorded(engine, uow):
    build_catalog(uow)
    order_id = allocated(uow, {"TEA-01": 2})
    orders.start_picking(uow, order_id)
    clerk = uow_for(engine, "carol", "clerk")
    uow_for(engine, "sam", "supervisor")
    uow_for(engine, "dave", "clerk")
    with pytest.raises(PermissionDenied, match="may not override"):
        fulfilment.finish_packing(clerk, order_id, scanned={}, override_reason="label torn")
    with pytest.raises(PermissionDenied, match="dave is not a supervisor"):
        fulfilment.finish_packing(clerk, order_id, scanned={}, override_reason="x", supervisor="dave")
    with uow:
        line_id = uow.get_order(order_id).lines[0].id
    fulfilment.finish_packing(clerk, order_id, scanned={line_id: 1},
                              override_reason="barcode unreadable, counted by hand", supervisor="sam")
    with uow:
        order = uow.get_order(order_id)
        assert order.status == OrderStatus.PACKED
        assert "override by sam: barcode unreadable" in order.events[-1].message
        audit = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "order.pack_override")).one()
        assert audit.details["supervisor"] == "sam" and audit.details["missing"] == {"TEA-01": 1}


def test_waybill_is_validated_per_carrier_and_a_duplicate_is_refused(uow):
    build_catalog(uow)
    first, second = packed(uow, {"TEA-01": 1}), packed(uow, {"TEA-01": 1})
    with pytest.raises(ValidationError, match="SF Express waybills are SF followed by 13 digits"):
        fulfilment.ship_with_waybill(uow, first, WaybillInput("SF Express", "SF12345"))
    with pytest.raises(ValidationError, match="check digit"):
        fulfilment.ship_with_waybill(uow, first, WaybillInput("UPS", UPS[:-1] + "5"))
    sid = fulfilment.ship_with_waybill(uow, first, WaybillInput(
        "ups", UPS.lower(), weight_grams=1200, length_mm=300, width_mm=200, height_mm=100,
        cost="18.50"))
    with pytest.raises(ValidationError, match="already used on order"):
        fulfilment.ship_with_waybill(uow, second, WaybillInput("UPS", UPS))
    with uow:
        shipment = uow.session.get(Shipment, sid)
        assert (shipment.carrier, shipment.waybill) == ("UPS", UPS)
        assert shipment.tracking_url.endswith(UPS) and shipment.cost == Decimal("18.50")
        assert (shipment.weight_grams, shipment.length_mm) == (1200, 300)
        assert shipment.order_to_packed_s is not None and shipment.packed_to_shipped_s is not None
        assert uow.get_order(second).status == OrderStatus.PACKED


def test_split_shipment_ships_some_lines_now_and_the_rest_later_with_several_parcels(uow):
    build_catalog(uow)
    order_id = packed(uow, {"TEA-01": 3, "CUP-02": 1})
    with uow:
        tea, cup = (line.id for line in uow.get_order(order_id).lines)
    fulfilment.ship_with_waybill(uow, order_id, WaybillInput("SF Express", SF,
                                                             quantities={tea: 2}))
    with uow:
        assert uow.get_order(order_id).status == OrderStatus.PARTIALLY_SHIPPED
    fulfilment.ship_with_waybill(uow, order_id, WaybillInput(
        "SF Express", "SF1311520937432", extra_waybills=("SF1311520937433",)))
    with uow:
        order = uow.get_order(order_id)
        assert order.status == OrderStatus.SHIPPED
        assert [line.quantity_shipped for line in order.lines] == [3, 1]
        assert [len(s.parcels) for s in order.shipments] == [1, 2]
    other = packed(uow, {"TEA-01": 1})
    with pytest.raises(ValidationError, match="already used on order"):  # a parcel's number
        fulfilment.ship_with_waybill(uow, other, WaybillInput("SF Express", "SF1311520937433"))


def test_shipping_an_order_still_being_picked_is_refused(uow):
    build_catalog(uow)
    order_id = allocated(uow, {"TEA-01": 1})
    orders.start_picking(uow, order_id)
    with pytest.raises(ValidationError, match="still being picked; pack it"):
        fulfilment.ship_with_waybill(uow, order_id, WaybillInput("UPS", UPS))


def test_bulk_waybill_import_reports_bad_rows_and_saves_nothing(uow, tmp_path):
    build_catalog(uow)
    a, b = packed(uow, {"TEA-01": 1}), packed(uow, {"TEA-01": 1})
    picking = allocated(uow, {"TEA-01": 1})
    orders.start_picking(uow, picking)
    na, nb, np_ = (number_of(uow, i) for i in (a, b, picking))
    text = (f"order,waybill\n{na},SF1311520937431\n{nb},SF12\n{np_},SF1311520937439\n"
            f"NOPE-1,SF1311520937438\n{na},SF1311520937431\n")
    path = tmp_path / "waybills.csv"
    path.write_text(text, encoding="utf-8")
    rows = fulfilment.parse_waybill_rows(path)
    assert [r.row for r in rows] == [2, 3, 4, 5, 6]
    with uow:
        checks = fulfilment.check_waybill_import(uow.session, rows, carrier="SF Express")
    errors = {c.row: c.error for c in checks if not c.ok}
    assert set(errors) == {3, 4, 5, 6}
    assert "too short" in errors[3] and "picking" in errors[4] and "No order" in errors[5]
    assert "also on row 2" in errors[6]
    with pytest.raises(ValidationError, match="4 of 5 rows have problems; nothing was imported"):
        fulfilment.import_waybills(uow, rows, carrier="SF Express")
    with uow:
        assert uow.get_order(a).status == OrderStatus.PACKED
    good = [ImportRow(1, na, "SF1311520937431"), ImportRow(2, nb, UPS)]  # carrier detected
    ids = fulfilment.import_waybills(uow, good)
    with uow:
        carriers = [uow.session.get(Shipment, i).carrier for i in ids]
        assert carriers == ["SF Express", "UPS"] or sorted(carriers) == ["SF Express", "UPS"]
        assert uow.get_order(b).status == OrderStatus.SHIPPED


def test_pasted_and_excel_lists_parse(tmp_path):
    rows = fulfilment.parse_waybill_rows("paste", text="A-1\tSF1311520937431\n\nA-2\t1Z999AA10123456784\n")
    assert [(r.row, r.order_number, r.waybill) for r in rows] == [
        (1, "A-1", "SF1311520937431"), (3, "A-2", "1Z999AA10123456784")]
    from openpyxl import Workbook
    book = Workbook()
    book.active.append(["订单号", "运单号"])
    book.active.append([10023, "SF1311520937431"])
    book.save(tmp_path / "w.xlsx")
    rows = fulfilment.parse_waybill_rows(tmp_path / "w.xlsx")
    assert [(r.order_number, r.waybill) for r in rows] == [("10023", "SF1311520937431")]


def test_tracking_from_the_fake_carrier_delivers_and_orders_complete_after_the_quiet_period(uow):
    build_catalog(uow)
    order_id = packed(uow, {"TEA-01": 1})
    sid = fulfilment.ship_with_waybill(uow, order_id, WaybillInput("UPS", UPS))
    now = utcnow()
    with FakeCarrierService() as fake:
        fake.add_event("ups", UPS, "in_transit", now - timedelta(hours=5), "Louisville KY")
        fake.add_event("ups", UPS, "out_for_delivery", now - timedelta(hours=2), "Shanghai")
        fake.add_event("ups", UPS, "delivered", now - timedelta(hours=1), "Shanghai", "front desk")
        report = tracking.poll_tracking(uow, HttpTrackingAdapter(fake.url))
        again = tracking.poll_tracking(uow, HttpTrackingAdapter(fake.url))
    assert report["events"] == 3 and report["errors"] == [] and again["asked"] == 0
    with uow:
        shipment = uow.session.get(Shipment, sid)
        assert shipment.status == ShipmentStatus.DELIVERED and len(shipment.events) == 3
        assert shipment.shipped_to_delivered_s is not None
        assert uow.get_order(order_id).status == OrderStatus.DELIVERED
    assert tracking.complete_delivered_orders(uow) == 0  # 7 days by default
    tracking.set_completion_days(uow, 2)
    assert tracking.complete_delivered_orders(uow, now=now + timedelta(days=3)) == 1
    with uow:
        assert uow.get_order(order_id).status == OrderStatus.COMPLETED


def test_silent_parcels_age_into_delayed_exceptions_and_actions_go_on_the_timeline(uow):
    build_catalog(uow)
    order_id = packed(uow, {"TEA-01": 1})
    sid = fulfilment.ship_with_waybill(uow, order_id, WaybillInput("SF Express", SF))
    now = utcnow()
    assert tracking.flag_delayed_shipments(uow, now=now + timedelta(days=2)) == 0  # SF allows 3
    assert tracking.flag_delayed_shipments(uow, now=now + timedelta(days=5)) == 1
    assert tracking.flag_delayed_shipments(uow, now=now + timedelta(days=6)) == 0  # once
    with uow:
        rows = tracking.exceptions_page(uow.session, now=now + timedelta(days=9))
    assert [(r.kind, r.age_days, r.waybill) for r in rows] == [("delayed", 4, SF)]
    tracking.record_tracking_event(uow, sid, status="lost", description="scan missing")
    tracking.act_on_exception(uow, rows[0].id, action="claim", claim_amount="19.90")
    tracking.act_on_exception(uow, rows[0].id, action="claim", claim_status="paid")
    with uow:
        order = uow.get_order(order_id)
        messages = [e.message for e in order.events]
        assert any("Logistics exception: delayed" in m for m in messages)
        assert any("claim filed 19.90 CNY" in m for m in messages)
        assert any("claim paid (resolved)" in m for m in messages)
        assert uow.session.get(Shipment, sid).status == ShipmentStatus.LOST
        open_rows = tracking.exceptions_page(uow.session)
    assert [r.kind for r in open_rows] == ["lost"]


def test_manual_exception_and_bad_event_are_refused_clearly(uow):
    build_catalog(uow)
    order_id = packed(uow, {"TEA-01": 1})
    sid = fulfilment.ship_with_waybill(uow, order_id, WaybillInput("UPS", UPS))
    with pytest.raises(ValidationError, match="Unknown tracking status"):
        tracking.record_tracking_event(uow, sid, status="teleported")
    eid = tracking.open_exception(uow, sid, kind="damaged", note="box crushed")
    with uow:
        assert uow.session.get(Shipment, sid).status == ShipmentStatus.EXCEPTION
    tracking.act_on_exception(uow, eid, action="reship", resolve=True)
    with pytest.raises(ValidationError, match="already resolved"):
        tracking.act_on_exception(uow, eid, action="refund")


def test_custom_carrier_validates_its_numbers(uow):
    build_catalog(uow)
    fulfilment.add_custom_carrier(uow, name="Best Express", pattern=r"BE\d{10}",
                                  tracking_url="https://best.example/t/{waybill}")
    order_id = packed(uow, {"TEA-01": 1})
    with pytest.raises(ValidationError, match="Best Express waybills are"):
        fulfilment.ship_with_waybill(uow, order_id, WaybillInput("Best Express", "BE12"))
    sid = fulfilment.ship_with_waybill(uow, order_id, WaybillInput("Best Express", "BE0123456789"))
    with uow:
        assert uow.session.get(Shipment, sid).tracking_url == "https://best.example/t/BE0123456789"


def test_demo_fake_carrier_invents_a_deterministic_journey(uow):
    build_catalog(uow)
    order_id = packed(uow, {"TEA-01": 1})
    fulfilment.ship_with_waybill(uow, order_id, WaybillInput("SF Express", SF))
    with FakeCarrierService(demo=True) as fake:
        first = HttpTrackingAdapter(fake.url).fetch("sf", SF)
        assert first == HttpTrackingAdapter(fake.url).fetch("sf", SF)
        assert [u.status for u in first] == ["in_transit"]  # the journey unfolds over hours
        report = tracking.poll_tracking(uow, HttpTrackingAdapter(fake.url))
    assert report["events"] == 1 and not report["errors"]
    from ordermgr.fulfilment.tracking import demo_journey
    later = demo_journey(SF, utcnow() - timedelta(days=2), utcnow())
    assert len(later) >= 2 and later[0]["status"] == "in_transit"
