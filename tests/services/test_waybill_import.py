"""Bulk waybill import: every row's parcel is kept (or the row is refused with its reason), and
the preview says exactly what the commit then stores; on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.errors import ValidationError
from ordermgr.fulfilment.carriers import ups_check
from ordermgr.models import OrderStatus, Parcel, Shipment
from ordermgr.services import fulfilment, orders
from ordermgr.services.fulfilment import ImportRow
from tests.factories import build_catalog, place_order

SERIALS = itertools.count(1)  # waybill numbers never used by an earlier example


def packed(uow) -> str:
    order_id = place_order(uow, {"TEA-01": 1})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.start_picking(uow, order_id)
    orders.pack_order(uow, order_id)
    with uow:
        return uow.get_order(order_id).number


def sf_number(serial: int) -> str:
    return f"SF{serial:013d}"


def ups_number(serial: int) -> str:
    body = f"1Z999AA{serial:010d}"
    return next(body + d for d in "0123456789" if ups_check(body + d))


def preview(engine, rows, carrier=None):
    with Session(engine) as session:
        return fulfilment.check_waybill_import(session, rows, carrier=carrier)


def stored(engine, shipment_ids) -> dict[str, list[tuple[str, str]]]:
    """{order number: sorted [(carrier, waybill)] of its parcels} of the given shipments."""
    from ordermgr.models import Order
    result = {}
    with Session(engine) as session:
        for sid in shipment_ids:
            shipment = session.get(Shipment, sid)
            number = session.get(Order, shipment.order_id).number
            assert {p.carrier for p in shipment.parcels} == {shipment.carrier}
            result[number] = sorted((p.carrier, p.waybill) for p in shipment.parcels)
    return result


def test_two_waybills_of_one_order_are_two_parcels_and_the_preview_says_so(engine, uow):
    build_catalog(uow)
    number = packed(uow)
    rows = [ImportRow(1, number, sf_number(900001)), ImportRow(2, number, sf_number(900002))]
    checks = preview(engine, rows)
    assert [c.outcome for c in checks] == [
        "ok", f"ok: another parcel of order #{number}'s shipment (row 1)"]
    assert fulfilment.plan_summary(checks) == "1 shipments with 2 parcels"

    ids = fulfilment.import_waybills(uow, rows)

    assert stored(engine, ids) == {number: [("SF Express", sf_number(900001)),
                                            ("SF Express", sf_number(900002))]}
    with Session(engine) as session:
        assert fulfilment.count_parcels(session, ids) == 2


def test_a_second_carrier_for_one_order_is_refused_with_its_reason(engine, uow):
    build_catalog(uow)
    number = packed(uow)
    rows = [ImportRow(1, number, sf_number(900003)), ImportRow(2, number, ups_number(900004))]
    checks = preview(engine, rows)
    assert checks[0].ok and not checks[1].ok
    assert f"Order #{number} is already on row 1 with SF Express" in checks[1].error
    with pytest.raises(ValidationError, match="1 of 2 rows have problems; nothing was imported"):
        fulfilment.import_waybills(uow, rows)
    with uow, Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Shipment)) == 0


# mostly good rows (a list with one bad row is refused whole, so good lists must be common)
ROW = st.tuples(st.sampled_from(["a", "b", "c"] * 3 + ["picking", "missing"]),
                st.sampled_from(["sf1", "sf2", "sf3", "ups1", "ups2"] * 3 + ["bad", "used", "blank"]))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(choices=st.lists(ROW, max_size=5), fixed_carrier=st.sampled_from([None, "SF Express"]))
def test_the_commit_stores_exactly_what_the_preview_showed(engine, uow, choices, fixed_carrier):
    numbers = _orders_for(engine, uow)
    base = next(SERIALS) * 10
    waybills = {"sf1": sf_number(base + 1), "sf2": sf_number(base + 2), "sf3": sf_number(base + 3),
                "ups1": ups_number(base + 1), "ups2": ups_number(base + 2), "bad": "SF12",
                "used": _a_used_waybill(engine) or sf_number(base + 4), "blank": ""}
    rows = [ImportRow(i, numbers[order], waybills[waybill])
            for i, (order, waybill) in enumerate(choices, start=1)]
    checks = preview(engine, rows, fixed_carrier)
    before = _parcel_count(engine)

    try:
        ids = fulfilment.import_waybills(uow, rows, carrier=fixed_carrier)
    except ValidationError:
        ids = None

    if not checks or not all(c.ok for c in checks):
        assert ids is None and _parcel_count(engine) == before  # refused whole, nothing saved
        return
    assert ids is not None, [c.outcome for c in checks]
    planned: dict[str, list[tuple[str, str]]] = {}
    for check in checks:  # the preview's plan: one shipment per order, a parcel per row
        so_far = planned.get(check.order_number, [])
        assert (check.parcel_of is None) == (not so_far)
        planned[check.order_number] = sorted([*so_far, (check.carrier, check.waybill)])
    assert stored(engine, ids) == planned
    assert _parcel_count(engine) - before == len(checks)
    assert fulfilment.plan_summary(checks) == f"{len(ids)} shipments with {len(checks)} parcels"
    with uow:
        for order_id in {uow.session.get(Shipment, sid).order_id for sid in ids}:
            assert uow.get_order(order_id).status == OrderStatus.SHIPPED


def _parcel_count(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Parcel))


def _orders_for(engine, uow) -> dict[str, str]:
    """Three packed orders, one still being picked, one that doesn't exist (fresh each example:
    a committed example ships its orders)."""
    with Session(engine) as session:
        from ordermgr.models import Warehouse
        if session.scalar(select(func.count()).select_from(Warehouse)) == 0:
            build_catalog(uow, {"TEA-01": (100_000, 0)})
    picking = place_order(uow, {"TEA-01": 1})
    orders.confirm_order(uow, picking, override_reason="B2B terms")
    orders.start_picking(uow, picking)
    with uow:
        picking_number = uow.get_order(picking).number
    return {"a": packed(uow), "b": packed(uow), "c": packed(uow), "picking": picking_number,
            "missing": "NO-SUCH-1"}


def _a_used_waybill(engine) -> str | None:
    with Session(engine) as session:
        return session.scalar(select(Parcel.waybill).where(Parcel.carrier == "SF Express").limit(1))


def test_the_command_previews_and_reports_every_parcel(engine, uow, tmp_path, capsys):
    from ordermgr.cli import main
    build_catalog(uow)
    number = packed(uow)
    listing = tmp_path / "waybills.csv"
    listing.write_text(f"{number},{sf_number(900005)}\n{number},{sf_number(900006)}\n")
    database = ["--database", engine.url.render_as_string(hide_password=False), "--user", "alice"]

    assert main([*database, "waybills", "import", str(listing)]) == 0
    out = capsys.readouterr().out
    assert "another parcel" in out and "1 shipments with 2 parcels" in out
    assert main([*database, "waybills", "import", str(listing), "--commit"]) == 0
    assert "1 shipments with 2 parcels created from 2 rows." in capsys.readouterr().out
