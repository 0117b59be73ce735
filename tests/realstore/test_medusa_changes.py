"""Changes made on the real Medusa store after ordermgr imported an order arrive with the next
sync: a capture, a delivery, a completion (each test uses up one seeded order per database)."""

from __future__ import annotations

from ordermgr.models.states import OrderStatus as S
from ordermgr.models.states import PaymentStatus as P
from ordermgr.models.states import ShipmentStatus as SH
from tests.realstore.compare import FIELDS, differences
from tests.realstore.test_medusa_pushes import an_order, held

COMPARED = ("status", "payment_status", "fulfilment_status", "total", "paid", "refunded",
            "lines", "waybills")


def compare(admin, order_id: str, order) -> list[str]:
    return differences(admin.get(f"/admin/orders/{order_id}", fields=FIELDS)["order"], order, COMPARED)


def test_a_capture_on_the_store_makes_the_order_paid(connected, medusa_admin):
    assert connected.sync().ok
    mo = an_order(medusa_admin, payment="authorized", fulfilment="not_fulfilled")
    assert held(connected, mo["id"]).payment_status == P.AUTHORIZED
    payment = mo["payment_collections"][0]["payments"][0]
    medusa_admin.post(f"/admin/payments/{payment['id']}/capture")
    run = connected.sync()
    assert run.ok, run.summary()
    order = held(connected, mo["id"])
    assert order.payment_status == P.PAID and order.status == S.ALLOCATED
    assert compare(medusa_admin, mo["id"], order) == []


def test_a_delivery_and_a_completion_on_the_store_arrive(connected, medusa_admin):
    assert connected.sync().ok
    mo = an_order(medusa_admin, payment="partially_refunded", fulfilment="shipped")
    assert held(connected, mo["id"]).status == S.SHIPPED
    fulfilment = mo["fulfillments"][0]
    medusa_admin.post(f"/admin/orders/{mo['id']}/fulfillments/{fulfilment['id']}/mark-as-delivered")
    assert connected.sync().ok
    order = held(connected, mo["id"])
    assert order.status == S.DELIVERED
    assert [s.status for s in order.shipments] == [SH.DELIVERED]
    assert compare(medusa_admin, mo["id"], order) == []
    medusa_admin.post(f"/admin/orders/{mo['id']}/complete")
    assert connected.sync().ok
    order = held(connected, mo["id"])
    assert order.status == S.COMPLETED
    assert compare(medusa_admin, mo["id"], order) == []
